import type { PickTask } from '../model';
import { remainingQty } from '../commands/pick';
import { slotOfOrder, type CartSlots } from './cart';

/**
 * The walk: a wave's open tasks as stops in bin walk order, one stop per (bin, SKU) with
 * the units split per order/tote, and skipped stops moved to the end.
 *
 * Wiring: client, from the wave's view (pulled rows plus the pending outbox replayed),
 * rebuilt after every change; nothing here is stored except the skip marks. A skip is
 * meant to become a command (e.g. `pick.skip {waveId, taskIds}`) whose rule stores
 * `skippedAt` on each task: the client applies skipStop() optimistically; the server
 * applies the same function to its own rows, so if two devices skipped at once the
 * server's numbering wins and arrives with the next pull.
 */

/** What the walk needs of a task. `skippedAt` is absent on rows that were never skipped. */
export type WalkTask = Pick<PickTask, 'id' | 'orderId' | 'skuId' | 'locationId' | 'walkSeq' | 'qty' | 'pickedQty' | 'status'> & {
  /**
   * The skip mark stored on a task: an ordinal within the wave (1 for the first skip, 2
   * for the next...), not a clock, so devices with drifting clocks still agree on the
   * order. null or absent: not skipped.
   */
  skippedAt?: number | null;
};

export interface StopSplit {
  taskId: string;
  orderId: string;
  /** The order's cart slot; null when the order is not on the cart. */
  slot: number | null;
  toteCode: string | null;
  openQty: number;
}

export interface Stop {
  /** `${locationId}|${skuId}`: one stop per bin and SKU in the open walk. */
  key: string;
  locationId: string;
  skuId: string;
  walkSeq: number;
  taskIds: string[];
  /** Units still to pick here, all orders together. */
  openQty: number;
  /** One entry per open task, in slot order: the order units are put away in. */
  split: StopSplit[];
  /** The latest skip mark of the stop when every task is skipped (it is at the end); else null. */
  skippedAt: number | null;
}

export interface SkipMark {
  taskId: string;
  skippedAt: number;
}

export interface SplitAllocation {
  taskId: string;
  orderId: string;
  slot: number | null;
  toteCode: string | null;
  qty: number;
}

export function stopKey(locationId: string, skuId: string): string {
  return `${locationId}|${skuId}`;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function bySlot(a: StopSplit, b: StopSplit): number {
  // Orders not on the cart come last; then task id keeps two lines of one order stable.
  const sa = a.slot ?? Number.MAX_SAFE_INTEGER;
  const sb = b.slot ?? Number.MAX_SAFE_INTEGER;
  return sa - sb || cmp(a.taskId, b.taskId);
}

function byWalk(a: Stop, b: Stop): number {
  return a.walkSeq - b.walkSeq || cmp(a.locationId, b.locationId) || cmp(a.skuId, b.skuId);
}

const isSkipped = (t: WalkTask) => t.skippedAt !== undefined && t.skippedAt !== null;

/**
 * The open walk. Closed tasks (picked, short, nothing left) are left out. Tasks for the
 * same bin and SKU merge into one stop whatever their order.
 *
 * Skips: a stop whose every open task is skipped goes to the end, the stops there in the
 * order they were skipped (a stop skipped again goes behind the others). A partly skipped
 * merged stop (a task for that bin and SKU that arrived after the skip, e.g. a
 * reallocation) stays in its walk place whole: the picker is going to that bin anyway, and
 * if it is still blocked a second skip marks every task, moving the whole stop.
 */
export function buildStops(tasks: readonly WalkTask[], slots: CartSlots): Stop[] {
  const stops = new Map<string, Stop & { allSkipped: boolean }>();
  for (const t of tasks) {
    const open = remainingQty(t);
    if (open === 0) continue;
    const key = stopKey(t.locationId, t.skuId);
    let stop = stops.get(key);
    if (!stop) {
      stop = {
        key, locationId: t.locationId, skuId: t.skuId, walkSeq: t.walkSeq,
        taskIds: [], openQty: 0, split: [], skippedAt: null, allSkipped: true,
      };
      stops.set(key, stop);
    }
    // One bin has one walk sequence; should rows disagree (renumbered mid-wave), the
    // earlier one keeps the stop from jumping back and forth.
    stop.walkSeq = Math.min(stop.walkSeq, t.walkSeq);
    stop.openQty += open;
    const slot = slotOfOrder(slots, t.orderId);
    stop.split.push({ taskId: t.id, orderId: t.orderId, slot: slot?.slot ?? null, toteCode: slot?.toteCode ?? null, openQty: open });
    if (isSkipped(t)) stop.skippedAt = Math.max(stop.skippedAt ?? 0, t.skippedAt!);
    else stop.allSkipped = false;
  }
  const inWalk: Stop[] = [];
  const atEnd: Stop[] = [];
  for (const { allSkipped, ...stop } of stops.values()) {
    stop.split.sort(bySlot);
    stop.taskIds = stop.split.map((s) => s.taskId);
    if (allSkipped) atEnd.push(stop);
    else inWalk.push({ ...stop, skippedAt: null });
  }
  inWalk.sort(byWalk);
  atEnd.sort((a, b) => a.skippedAt! - b.skippedAt! || byWalk(a, b));
  return [...inWalk, ...atEnd];
}

/** Where the picker goes now; null when the wave has nothing open. */
export function nextStop(stops: readonly Stop[]): Stop | null {
  return stops[0] ?? null;
}

/**
 * The marks to store when the picker skips a stop: every open task of the stop gets the
 * next ordinal of the wave (one more than any mark on any task, closed ones included, so
 * an ordinal is never reused). Tasks of the stop no longer open get no mark.
 */
export function skipStop(tasks: readonly WalkTask[], stop: Pick<Stop, 'taskIds'>): SkipMark[] {
  const next = tasks.reduce((m, t) => (isSkipped(t) ? Math.max(m, t.skippedAt!) : m), 0) + 1;
  const ids = new Set(stop.taskIds);
  return tasks.filter((t) => ids.has(t.id) && remainingQty(t) > 0).map((t) => ({ taskId: t.id, skippedAt: next }));
}

/** Tasks with the skip marks applied, as the optimistic client view and the server rule would store them. */
export function applySkipMarks<T extends WalkTask>(tasks: readonly T[], marks: readonly SkipMark[]): T[] {
  const byId = new Map(marks.map((m) => [m.taskId, m.skippedAt]));
  return tasks.map((t) => (byId.has(t.id) ? { ...t, skippedAt: byId.get(t.id)! } : t));
}

/**
 * How n units scanned at a stop go to its orders: fill the split in slot order, never
 * more than an order's open qty, so the screen can say "3 to slot 1, 2 to slot 4".
 * `leftover` is what no order needs; callers refuse it first with countFromScan /
 * typedQty against `stop.openQty`, so it is 0 in a normal flow.
 */
export function allocateUnitsToSplit(stop: Pick<Stop, 'split'>, n: number): { allocations: SplitAllocation[]; leftover: number } {
  let left = Number.isInteger(n) && n > 0 ? n : 0;
  const allocations: SplitAllocation[] = [];
  for (const s of stop.split) {
    if (left === 0) break;
    const qty = Math.min(left, s.openQty);
    if (qty <= 0) continue;
    allocations.push({ taskId: s.taskId, orderId: s.orderId, slot: s.slot, toteCode: s.toteCode, qty });
    left -= qty;
  }
  return { allocations, leftover: left };
}
