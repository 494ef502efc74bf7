import { HOUR, MINUTE, round1 } from './rates';

/**
 * A wave's estimated finish on the lead's board (docs/board-stats.md, "Estimated
 * finish"). Pure: the server reads the recent pick lines and the open waves, this
 * turns them into rates and finish times.
 */

/** A picker's rate needs at least this many recent lines: two scans say nothing. */
export const MIN_RATE_LINES = 5;
/** ...and is taken over at least this long, so a quick burst of five does not read as 600 an hour. */
export const MIN_RATE_SPAN_MINUTES = 5;
export const DEFAULT_RATE_MINUTES = 60;

/** One pick line done (pick.confirm or pick.short applied) by one picker, device time in ms. */
export interface PickLine {
  userId: string;
  at: number;
}

export interface PickerRate {
  userId: string;
  /** Pick lines in the look-back. */
  lines: number;
  /** From the first of them (or the look-back's start) to now, at least MIN_RATE_SPAN_MINUTES. */
  spanMs: number;
  /** null below MIN_RATE_LINES lines. */
  linesPerHour: number | null;
}

/**
 * Each picker's own recent pace: lines in the last `lookbackMinutes` over the time from
 * their first such line to now. Measuring from their first line (not the look-back's
 * start) rates someone who started ten minutes ago on those ten minutes; measuring up to
 * now (not to their last line) lets a picker who stopped slow down on the board.
 */
export function pickerRates(lines: readonly PickLine[], now: number, lookbackMinutes = DEFAULT_RATE_MINUTES): Map<string, PickerRate> {
  const from = now - lookbackMinutes * MINUTE;
  const byUser = new Map<string, { lines: number; first: number }>();
  for (const l of lines) {
    if (!Number.isFinite(l.at) || l.at < from || l.at > now) continue;
    const cur = byUser.get(l.userId);
    if (cur) {
      cur.lines++;
      cur.first = Math.min(cur.first, l.at);
    } else byUser.set(l.userId, { lines: 1, first: l.at });
  }
  const out = new Map<string, PickerRate>();
  for (const [userId, u] of byUser) {
    const spanMs = Math.max(now - u.first, MIN_RATE_SPAN_MINUTES * MINUTE);
    out.set(userId, { userId, lines: u.lines, spanMs, linesPerHour: u.lines >= MIN_RATE_LINES ? round1((u.lines * HOUR) / spanMs) : null });
  }
  return out;
}

/** The floor's pace: every rated picker's lines over their summed spans (a picker-hour's work); null when nobody is rated. */
export function floorRate(rates: Iterable<PickerRate>): number | null {
  let lines = 0;
  let span = 0;
  for (const r of rates) {
    if (r.linesPerHour === null) continue;
    lines += r.lines;
    span += r.spanMs;
  }
  return span > 0 ? round1((lines * HOUR) / span) : null;
}

export type EtaBasis = 'picker' | 'floor' | 'none' | 'unassigned' | 'done';

export interface EtaWave {
  id: string;
  status: string;
  assignedUserId: string | null;
  remainingLines: number;
  releasedAt: number | null;
  /** The wave's first pick line, if any. */
  startedAt: number | null;
}

export interface Eta {
  basis: EtaBasis;
  /** The rate the estimate uses (lines per hour), null when there is none. */
  linesPerHour: number | null;
  /** This wave's own remaining work at that rate, in minutes (rounded up). */
  remainingMinutes: number | null;
  /** When it should be finished, after the picker's waves ahead of it; null unless assigned and rated. */
  finishAt: number | null;
  /** Lines of the same picker's waves ahead of this one. */
  linesAhead: number;
}

const OPEN = new Set(['planned', 'released', 'picking']);

/** A picker's waves in the order they will be picked: the one in hand first, then the oldest release. */
export function compareQueue(a: EtaWave, b: EtaWave): number {
  const pa = a.status === 'picking' ? 0 : 1;
  const pb = b.status === 'picking' ? 0 : 1;
  return pa - pb || (a.startedAt ?? Infinity) - (b.startedAt ?? Infinity) || (a.releasedAt ?? Infinity) - (b.releasedAt ?? Infinity) || a.id.localeCompare(b.id);
}

// Rounded to a thousandth first so float noise (50.00000000000001) does not add a minute.
const minutesAt = (lines: number, perHour: number) => Math.ceil(Math.round((lines / perHour) * 60_000) / 1000);

/**
 * The finish of every wave. A picker works one wave at a time, so their second wave
 * finishes after their first: finish = now + (lines ahead + own remaining lines) / rate.
 * The rate is the assignee's own (pickerRates), else the floor's, else none ("no
 * estimate yet"). A wave nobody holds gets its work in minutes at the floor's rate but
 * no finish time: nobody is picking it.
 */
export function estimateFinishes(waves: readonly EtaWave[], rates: ReadonlyMap<string, PickerRate>, now: number): Map<string, Eta> {
  const floor = floorRate(rates.values());
  const out = new Map<string, Eta>();
  const queues = new Map<string, EtaWave[]>();
  for (const w of waves) {
    if (!OPEN.has(w.status) || w.remainingLines <= 0) {
      out.set(w.id, { basis: 'done', linesPerHour: null, remainingMinutes: null, finishAt: null, linesAhead: 0 });
    } else if (w.assignedUserId === null) {
      out.set(w.id, { basis: 'unassigned', linesPerHour: floor, remainingMinutes: floor ? minutesAt(w.remainingLines, floor) : null, finishAt: null, linesAhead: 0 });
    } else {
      const q = queues.get(w.assignedUserId) ?? [];
      q.push(w);
      queues.set(w.assignedUserId, q);
    }
  }
  for (const [userId, queue] of queues) {
    const own = rates.get(userId)?.linesPerHour ?? null;
    const rate = own ?? floor;
    const basis: EtaBasis = own !== null ? 'picker' : floor !== null ? 'floor' : 'none';
    let ahead = 0;
    for (const w of [...queue].sort(compareQueue)) {
      out.set(w.id, {
        basis,
        linesPerHour: rate,
        remainingMinutes: rate ? minutesAt(w.remainingLines, rate) : null,
        finishAt: rate ? now + minutesAt(ahead + w.remainingLines, rate) * MINUTE : null,
        linesAhead: ahead,
      });
      ahead += w.remainingLines;
    }
  }
  return out;
}
