import { FLOWS, type BoardAction, type Flow } from './actions';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DEFAULT_BUCKET_MINUTES = 30;
export const DEFAULT_IDLE_MINUTES = 5;

export interface ShiftWindow {
  start: number;
  end: number;
}

/** The last `hours` hours up to `now` (the board's shift: no shift calendar exists yet). */
export function shiftWindow(now: number, hours: number): ShiftWindow {
  return { start: now - hours * HOUR, end: now };
}

/** Start inclusive, end inclusive: an action stamped exactly now is this shift's. */
export function inWindow(w: ShiftWindow, at: number): boolean {
  return at >= w.start && at <= w.end;
}

export interface Bucket {
  start: number;
  end: number;
  units: number;
  lines: number;
  unitsPerHour: number;
  linesPerHour: number;
}

/** Back to back buckets from the window's start; the last one is cut at the window's end. */
export function emptyBuckets(w: ShiftWindow, bucketMinutes = DEFAULT_BUCKET_MINUTES): Bucket[] {
  const size = bucketMinutes * MINUTE;
  const out: Bucket[] = [];
  for (let s = w.start; s < w.end; s += size) {
    out.push({ start: s, end: Math.min(s + size, w.end), units: 0, lines: 0, unitsPerHour: 0, linesPerHour: 0 });
  }
  return out;
}

/** Which bucket an instant falls in: [start, end), except the window's end belongs to the last. */
export function bucketIndex(w: ShiftWindow, at: number, bucketMinutes = DEFAULT_BUCKET_MINUTES): number {
  if (!inWindow(w, at) || w.end === w.start) return -1;
  const size = bucketMinutes * MINUTE;
  const last = Math.ceil((w.end - w.start) / size) - 1;
  return Math.min(Math.floor((at - w.start) / size), last);
}

const perHour = (n: number, ms: number) => (ms > 0 ? round1((n * HOUR) / ms) : 0);
export const round1 = (n: number) => Math.round(n * 10) / 10;

/** Units and lines per hour in each bucket, a short last bucket rated over its own length. */
export function bucketRates(actions: readonly BoardAction[], w: ShiftWindow, bucketMinutes = DEFAULT_BUCKET_MINUTES): Bucket[] {
  const buckets = emptyBuckets(w, bucketMinutes);
  for (const a of actions) {
    const i = bucketIndex(w, a.at, bucketMinutes);
    if (i < 0) continue;
    buckets[i]!.units += a.units;
    buckets[i]!.lines += a.lines;
  }
  for (const b of buckets) {
    b.unitsPerHour = perHour(b.units, b.end - b.start);
    b.linesPerHour = perHour(b.lines, b.end - b.start);
  }
  return buckets;
}

/**
 * Idle time: the gaps between a person's consecutive actions (any flow) longer than the
 * threshold, summed whole. A gap of exactly the threshold is work pace, not idleness.
 */
export function idleMs(times: readonly number[], thresholdMinutes = DEFAULT_IDLE_MINUTES): number {
  const sorted = [...times].sort((a, b) => a - b);
  let idle = 0;
  for (let i = 1; i < sorted.length; i++) {
    const gap = sorted[i]! - sorted[i - 1]!;
    if (gap > thresholdMinutes * MINUTE) idle += gap;
  }
  return idle;
}

export interface FlowFigures {
  flow: Flow;
  units: number;
  lines: number;
  unitsPerHour: number;
  linesPerHour: number;
  buckets: Bucket[];
}

export interface PersonFigures {
  userId: string;
  units: number;
  lines: number;
  /** Over the whole window so far (the shift's hours), not only the person's busy part. */
  unitsPerHour: number;
  linesPerHour: number;
  idleMs: number;
  firstAt: number;
  lastAt: number;
  /** From the last action to the window's end: how long the person has been quiet now. */
  sinceLastMs: number;
  flows: FlowFigures[];
}

export interface RateOptions {
  bucketMinutes?: number;
  idleMinutes?: number;
}

function flowFigures(actions: readonly BoardAction[], w: ShiftWindow, bucketMinutes: number): FlowFigures[] {
  const out: FlowFigures[] = [];
  for (const flow of FLOWS) {
    const mine = actions.filter((a) => a.flow === flow);
    if (mine.length === 0) continue;
    const units = mine.reduce((s, a) => s + a.units, 0);
    const lines = mine.reduce((s, a) => s + a.lines, 0);
    const span = w.end - w.start;
    out.push({ flow, units, lines, unitsPerHour: perHour(units, span), linesPerHour: perHour(lines, span), buckets: bucketRates(mine, w, bucketMinutes) });
  }
  return out;
}

/** Each person's figures (busiest first), from the actions inside the window only. */
export function peopleFigures(actions: readonly BoardAction[], w: ShiftWindow, opts: RateOptions = {}): PersonFigures[] {
  const bucketMinutes = opts.bucketMinutes ?? DEFAULT_BUCKET_MINUTES;
  const byUser = new Map<string, BoardAction[]>();
  for (const a of actions) {
    if (!inWindow(w, a.at)) continue;
    const l = byUser.get(a.userId) ?? [];
    l.push(a);
    byUser.set(a.userId, l);
  }
  const span = w.end - w.start;
  const out: PersonFigures[] = [];
  for (const [userId, mine] of byUser) {
    const times = mine.map((a) => a.at);
    const units = mine.reduce((s, a) => s + a.units, 0);
    const lines = mine.reduce((s, a) => s + a.lines, 0);
    const lastAt = Math.max(...times);
    out.push({
      userId,
      units,
      lines,
      unitsPerHour: perHour(units, span),
      linesPerHour: perHour(lines, span),
      idleMs: idleMs(times, opts.idleMinutes ?? DEFAULT_IDLE_MINUTES),
      firstAt: Math.min(...times),
      lastAt,
      sinceLastMs: w.end - lastAt,
      flows: flowFigures(mine, w, bucketMinutes),
    });
  }
  return out.sort((a, b) => b.units - a.units || a.userId.localeCompare(b.userId));
}

/** The whole floor's figures per flow (everyone together). */
export function floorFlows(actions: readonly BoardAction[], w: ShiftWindow, opts: RateOptions = {}): FlowFigures[] {
  return flowFigures(actions.filter((a) => inWindow(w, a.at)), w, opts.bucketMinutes ?? DEFAULT_BUCKET_MINUTES);
}
