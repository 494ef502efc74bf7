import { ErrorCode } from '../errors';
import type { StockMovement } from '../model';

/**
 * Blind counts (issue 6). The counter never sees the expected quantity; a variance past
 * the threshold is recounted by someone else, and only counts that agree move the ledger.
 */

/** A typed or scanned count: a whole number of units, 0 or more. */
export function checkCount(value: unknown): { ok: true; qty: number } | { ok: false; code: ErrorCode } {
  if (typeof value !== 'number' || !Number.isInteger(value)) return { ok: false, code: ErrorCode.QTY_NOT_A_NUMBER };
  if (value < 0) return { ok: false, code: ErrorCode.COUNT_NEGATIVE };
  return { ok: true, qty: value };
}

/** Counted minus expected: positive when the bin holds more than the ledger says. */
export function countVariance(expected: number, counted: number): number {
  return counted - expected;
}

export interface RecountThreshold {
  /** Units of variance accepted without a recount. */
  units: number;
  /** Percent of the expected quantity accepted without a recount. */
  pct: number;
}

/**
 * A variance needs a recount when it exceeds either tolerance: a few units matter in a
 * small bin (pct) and a small percent matters in a big one (units). With nothing (or
 * less than nothing) expected, any variance is beyond every percent. A threshold that
 * is not a number is read as 0, so a slip in settings asks for more recounts, never fewer.
 */
export function needsRecount(variance: number, expected: number, threshold: RecountThreshold): boolean {
  if (variance === 0) return false;
  const units = Number.isFinite(threshold.units) ? Math.max(0, threshold.units) : 0;
  const pct = Number.isFinite(threshold.pct) ? Math.max(0, threshold.pct) : 0;
  const v = Math.abs(variance);
  if (v > units) return true;
  if (expected <= 0) return true;
  // Integer comparison: |v| / expected > pct / 100 without rounding.
  return v * 100 > pct * expected;
}

/** One count of one bin line (SKU, lot, expiry). */
export interface CountEntry {
  countedBy: string;
  qty: number;
}

/** What is being counted: a bin's line and what the ledger says it holds. */
export interface CountSubject {
  locationId: string;
  skuId: string;
  lot: string | null;
  expiry: string | null;
  expected: number;
}

export type CountOutcome =
  /** Post this movement (null when the agreed count is what the ledger says). */
  | { kind: 'post'; agreedQty: number; movement: StockMovement | null }
  /** Another count is needed, by none of these people. */
  | { kind: 'recount'; excludeCounters: string[] }
  | { kind: 'refused'; code: ErrorCode };

function adjustment(s: CountSubject, agreedQty: number): CountOutcome {
  const delta = agreedQty - s.expected;
  const movement: StockMovement | null =
    delta === 0 ? null : { locationId: s.locationId, containerCode: null, skuId: s.skuId, lot: s.lot, expiry: s.expiry, delta, reason: 'adjust' };
  return { kind: 'post', agreedQty, movement };
}

/**
 * What the counts so far decide. The first count posts at once when it is within the
 * threshold. Every later count must be by someone who has not counted this line yet.
 * The latest count agrees when it equals an earlier count or the ledger (the first counter
 * slipped); then the agreed quantity posts. Otherwise another recount is asked for.
 */
export function countOutcome(subject: CountSubject, counts: readonly CountEntry[], threshold: RecountThreshold): CountOutcome {
  if (counts.length === 0) return { kind: 'recount', excludeCounters: [] };
  for (const c of counts) {
    const ok = checkCount(c.qty);
    if (!ok.ok) return { kind: 'refused', code: ok.code };
  }
  const first = counts[0]!;
  if (counts.length === 1) {
    return needsRecount(countVariance(subject.expected, first.qty), subject.expected, threshold)
      ? { kind: 'recount', excludeCounters: [first.countedBy] }
      : adjustment(subject, first.qty);
  }
  return recountOutcome(subject, counts);
}

/** The outcome once a recount exists (counts[0] is the first count, the rest are recounts). */
export function recountOutcome(subject: CountSubject, counts: readonly CountEntry[]): CountOutcome {
  const seen = new Set<string>();
  for (const c of counts) {
    const ok = checkCount(c.qty);
    if (!ok.ok) return { kind: 'refused', code: ok.code };
    if (seen.has(c.countedBy)) return { kind: 'refused', code: ErrorCode.RECOUNT_SAME_COUNTER };
    seen.add(c.countedBy);
  }
  if (counts.length < 2) return { kind: 'recount', excludeCounters: [...seen] };
  const latest = counts[counts.length - 1]!;
  const earlier = counts.slice(0, -1);
  if (latest.qty === subject.expected || earlier.some((c) => c.qty === latest.qty)) return adjustment(subject, latest.qty);
  return { kind: 'recount', excludeCounters: [...seen] };
}

export const COUNT_TASK_SOURCES = ['short_pick', 'negative_balance', 'lead_request', 'periodic'] as const;
export type CountTaskSource = (typeof COUNT_TASK_SOURCES)[number];

/** A count to be done: a bin (optionally one SKU in it) or, for the periodic schedule, a zone. */
export interface CountTaskRequest {
  source: CountTaskSource;
  locationId: string | null;
  skuId: string | null;
  zone: string | null;
  requestedBy: string | null;
}

/** A short pick says the bin holds less than the ledger thinks: count that SKU there. */
export const countTaskForShortPick = (e: { locationId: string; skuId: string }): CountTaskRequest => ({
  source: 'short_pick', locationId: e.locationId, skuId: e.skuId, zone: null, requestedBy: null,
});

/** A lead may ask for any bin (and SKU) to be counted. */
export const countTaskForLead = (leadId: string, locationId: string, skuId: string | null = null): CountTaskRequest => ({
  source: 'lead_request', locationId, skuId, zone: null, requestedBy: leadId,
});

/** Every negative balance is a count: units cannot be below zero, so the ledger is wrong. */
export function countTasksForNegativeBalances(balances: readonly { locationId: string; skuId: string; qty: number }[]): CountTaskRequest[] {
  const seen = new Set<string>();
  const out: CountTaskRequest[] = [];
  for (const b of balances) {
    const key = JSON.stringify([b.locationId, b.skuId]);
    if (b.qty >= 0 || seen.has(key)) continue;
    seen.add(key);
    out.push({ source: 'negative_balance', locationId: b.locationId, skuId: b.skuId, zone: null, requestedBy: null });
  }
  return out;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

function dayNumber(iso: string): number | null {
  const m = ISO_DATE.exec(iso);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  // Reject 2026-02-31 and friends rather than let Date roll them into March.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return t / 86_400_000;
}

/**
 * Zones due for their periodic count: never counted, counted `everyDays` or more days
 * ago, or with a last-count date that cannot be read (better an extra count than none).
 * `today` is the warehouse's local date (yyyy-mm-dd).
 */
export function periodicCountTasks(
  zones: readonly string[],
  lastCounted: ReadonlyMap<string, string>,
  today: string,
  everyDays: number,
): CountTaskRequest[] {
  if (!Number.isInteger(everyDays) || everyDays <= 0) throw new RangeError(`everyDays must be a whole number above 0, not ${everyDays}`);
  const now = dayNumber(today);
  if (now === null) throw new RangeError(`today is not a date: ${today}`);
  const out: CountTaskRequest[] = [];
  for (const zone of [...new Set(zones)]) {
    const last = lastCounted.get(zone);
    const day = last === undefined ? null : dayNumber(last);
    if (day === null || now - day >= everyDays) out.push({ source: 'periodic', locationId: null, skuId: null, zone, requestedBy: null });
  }
  return out;
}

/** Requests not already covered by an open count of the same bin and SKU (or zone). */
export function newCountTasks(open: readonly CountTaskRequest[], candidates: readonly CountTaskRequest[]): CountTaskRequest[] {
  const key = (t: CountTaskRequest) => JSON.stringify(t.zone !== null && t.locationId === null ? ['zone', t.zone] : [t.locationId, t.skuId]);
  const seen = new Set(open.map(key));
  // A whole-bin count (skuId null) also covers any single SKU in that bin.
  const wholeBins = new Set(open.filter((t) => t.locationId !== null && t.skuId === null).map((t) => t.locationId));
  const out: CountTaskRequest[] = [];
  for (const c of candidates) {
    const k = key(c);
    if (seen.has(k) || (c.locationId !== null && wholeBins.has(c.locationId))) continue;
    seen.add(k);
    if (c.locationId !== null && c.skuId === null) wholeBins.add(c.locationId);
    out.push(c);
  }
  return out;
}

/** One line of what the counter found in the bin: units of a SKU lot, summed over scans. */
export interface CountedLine {
  skuId: string;
  lot: string | null;
  expiry: string | null;
  qty: number;
}

/**
 * A blind count of a whole bin, line by line against the ledger: a line the counter did
 * not find counted 0; a line the ledger did not expect is expected 0. Scans of the same
 * line add up (each unit scanned, or a pack's quantity).
 */
export function binCountLines(
  locationId: string,
  expected: readonly CountedLine[],
  counted: readonly CountedLine[],
): (CountSubject & { counted: number; variance: number })[] {
  const lines = new Map<string, CountSubject & { counted: number; variance: number }>();
  const line = (l: CountedLine) => {
    const k = JSON.stringify([l.skuId, l.lot, l.expiry]);
    let row = lines.get(k);
    if (!row) {
      row = { locationId, skuId: l.skuId, lot: l.lot, expiry: l.expiry, expected: 0, counted: 0, variance: 0 };
      lines.set(k, row);
    }
    return row;
  };
  for (const e of expected) line(e).expected += e.qty;
  for (const c of counted) line(c).counted += c.qty;
  for (const row of lines.values()) row.variance = countVariance(row.expected, row.counted);
  return [...lines.values()];
}
