import type { RawScan } from '../../domain/scan/normalise';
import type { BurstInfo, Terminator } from './burst-detector';

/**
 * How each recent wedge scan arrived, key by key: what the "Test your scanner" screen
 * shows and diagnoses. In memory only, and only the last few: it is a diagnostic, not a log.
 */
export interface WedgeTrace extends BurstInfo {
  id: number;
  source: RawScan['source'];
  /** Every character as read, control characters included, AIM prefix included. */
  raw: string;
  /** The scan's timestamp (the `at` of the RawScan published with it). */
  at: number;
  /** False for a line ended by Enter/Tab whose keys were too slow to count as a scan. */
  accepted: boolean;
}

export const TRACE_LIMIT = 20;

let traces: readonly WedgeTrace[] = [];
let nextId = 1;
const listeners = new Set<() => void>();

function set(next: readonly WedgeTrace[]): void {
  // A new array on every change: useSyncExternalStore compares snapshots by identity.
  traces = next.length > TRACE_LIMIT ? next.slice(next.length - TRACE_LIMIT) : next;
  listeners.forEach((l) => l());
}

export function recordTrace(raw: string, at: number, info: BurstInfo, accepted = true, source: RawScan['source'] = 'wedge'): WedgeTrace {
  const trace: WedgeTrace = { ...info, gaps: [...info.gaps], id: nextId++, source, raw, at, accepted };
  set([...traces, trace]);
  return trace;
}

/** The LF of a CR+LF suffix arrives after the scan was already delivered: correct its record. */
export function amendLastTerminator(terminator: Terminator): void {
  const last = traces[traces.length - 1];
  if (!last || !last.accepted) return;
  set([...traces.slice(0, -1), { ...last, terminator }]);
}

/** Oldest first. */
export function getTraces(): readonly WedgeTrace[] {
  return traces;
}

export function subscribeTraces(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** The trace recorded for a scan delivered on the bus, if it came from the wedge. */
export function traceFor(scan: RawScan, list: readonly WedgeTrace[] = traces): WedgeTrace | undefined {
  for (let i = list.length - 1; i >= 0; i--) {
    const t = list[i]!;
    if (t.accepted && t.at === scan.at && t.raw === scan.raw && t.source === scan.source) return t;
  }
  return undefined;
}

export function clearTraces(): void {
  set([]);
}
