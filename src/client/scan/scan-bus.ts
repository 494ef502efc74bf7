import type { RawScan } from '../../domain/scan/normalise';
import type { BarcodeFormat } from './decoder/types';
import { noteScanAt } from './scan-timing';

/**
 * Every input adapter (wedge today, camera later) publishes here; the screen that is
 * currently listening receives it. Only the most recent subscriber hears a scan, so a
 * dialog opened over a screen takes scans away from it while it is open.
 */
type Handler = (scan: RawScan) => void;

/** What the listening screen expects next; the camera asks its engine for just these formats. */
export interface ScanRequest {
  formats?: readonly BarcodeFormat[];
  /** Counting mode: every new read of the same code is one more unit (no duplicate window). */
  counting?: boolean;
}

interface Subscriber {
  fn: Handler;
  request: ScanRequest;
}
const stack: Subscriber[] = [];
const listeners = new Set<() => void>();
const changed = () => listeners.forEach((l) => l());

export function subscribeScans(fn: Handler, request: ScanRequest = {}): () => void {
  const sub: Subscriber = { fn, request };
  stack.push(sub);
  changed();
  return () => {
    const i = stack.lastIndexOf(sub);
    if (i >= 0) stack.splice(i, 1);
    changed();
  };
}

/** The current listener's expectation (formats, counting) or null when nobody listens. */
export function currentScanRequest(): ScanRequest | null {
  return stack[stack.length - 1]?.request ?? null;
}

/** Replaces the top listener's expectation when its step changes (e.g. bin -> item). */
export function updateScanRequest(fn: Handler, request: ScanRequest): void {
  const sub = stack.find((s) => s.fn === fn);
  if (!sub) return;
  sub.request = request;
  changed();
}

/** Called whenever the listener stack or its expectation changes. */
export function onScanRequestChange(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

export function publishScan(scan: RawScan): boolean {
  const top = stack[stack.length - 1];
  if (!top) return false;
  noteScanAt(scan.at);
  top.fn(scan);
  return true;
}
