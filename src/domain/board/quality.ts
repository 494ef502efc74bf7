import { round1 } from './rates';

/** One shipped order: when its first wave was released to the floor and when it shipped (ms). */
export interface OrderCycle {
  orderId: string;
  releasedAt: number;
  shippedAt: number;
}

export interface CycleFigures {
  count: number;
  p50Ms: number | null;
  p90Ms: number | null;
  orders: { orderId: string; releasedAt: number; shippedAt: number; cycleMs: number }[];
}

/** Nearest-rank percentile of an ascending list: always one of the values, null when empty. */
export function percentile(sortedAsc: readonly number[], p: number): number | null {
  if (sortedAsc.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sortedAsc.length));
  return sortedAsc[Math.min(rank, sortedAsc.length) - 1]!;
}

/**
 * Order cycle time, released to shipped. A shipped-before-released pair (clock trouble)
 * counts as 0 rather than a negative time. The list is the longest first.
 */
export function cycleFigures(orders: readonly OrderCycle[]): CycleFigures {
  const rows = orders
    .map((o) => ({ ...o, cycleMs: Math.max(0, o.shippedAt - o.releasedAt) }))
    .sort((a, b) => b.cycleMs - a.cycleMs || a.orderId.localeCompare(b.orderId));
  const asc = rows.map((r) => r.cycleMs).sort((a, b) => a - b);
  return { count: rows.length, p50Ms: percentile(asc, 50), p90Ms: percentile(asc, 90), orders: rows };
}

/** What the server knows of one picker's accuracy in the window. */
export interface PickQuality {
  userId: string;
  /** Pick lines done (pick.confirm and pick.short applied). */
  lines: number;
  /** pick.confirm / pick.short the server refused (wrong lot, wrong tote, stale task...). */
  rejected: number;
  /** Picks the picker took back (pick.undo applied): a scan that was wrong. */
  undone: number;
  /** Short picks (pick.short applied): the bin did not hold what the task said. */
  shorts: number;
}

export interface AccuracyFigures extends PickQuality {
  /** (rejected + undone) per 100 pick lines; null with no lines. */
  wrongPer100Lines: number | null;
  shortsPer100Lines: number | null;
}

const per100 = (n: number, lines: number) => (lines > 0 ? round1((n * 100) / lines) : null);

export function accuracy(q: PickQuality): AccuracyFigures {
  return { ...q, wrongPer100Lines: per100(q.rejected + q.undone, q.lines), shortsPer100Lines: per100(q.shorts, q.lines) };
}

/** Per picker (most wrong first) and for the floor as a whole. */
export function accuracyFigures(perUser: readonly PickQuality[]): { floor: AccuracyFigures; people: AccuracyFigures[] } {
  const floor = perUser.reduce(
    (s, q) => ({ ...s, lines: s.lines + q.lines, rejected: s.rejected + q.rejected, undone: s.undone + q.undone, shorts: s.shorts + q.shorts }),
    { userId: '*', lines: 0, rejected: 0, undone: 0, shorts: 0 },
  );
  const people = perUser
    .map(accuracy)
    .sort((a, b) => (b.wrongPer100Lines ?? -1) - (a.wrongPer100Lines ?? -1) || a.userId.localeCompare(b.userId));
  return { floor: accuracy(floor), people };
}
