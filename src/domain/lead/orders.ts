import { ErrorCode } from '../errors';
import type { PickTask } from '../model';
import { refuse, type LeadRefusal } from './waves';

/**
 * The lead's order actions as pure decisions (issue 7). A line's "remaining" is what no
 * picker has closed yet: its open pick tasks, or the whole line when the order is not in
 * a wave. Units already in a tote stay: the order goes on with what was picked.
 */

export const PRIORITIES = ['normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

export interface OrderView {
  id: string;
  ref: string;
  status: string;
}
export interface LineView {
  id: string;
  lineNo: number;
  cancelledAt: string | null;
}
type TaskView = Pick<PickTask, 'id' | 'orderLineId' | 'status' | 'pickedQty'>;

/** Past this point the units are in a carton or gone: the lead's cancel of the whole order applies. */
function closedOrder(o: OrderView): LeadRefusal | null {
  if (o.status === 'cancelled') return refuse(409, ErrorCode.ORDER_CANCELLED, `order ${o.ref} is cancelled`);
  if (o.status === 'shipped') return refuse(409, ErrorCode.ORDER_ALREADY_SHIPPED, `order ${o.ref} has shipped`);
  if (o.status === 'packed') return refuse(409, ErrorCode.ORDER_ALREADY_PACKED, `order ${o.ref} is packed`);
  return null;
}

export type CancelLinesDecision =
  | {
      ok: true;
      /** Open tasks to close (status short, picked units kept). */
      closeTaskIds: string[];
      /** Lines whose remaining is cancelled now. */
      cancelLineIds: string[];
      /** Nothing of the order was picked and nothing is left: the whole order is cancelled. */
      cancelOrder: boolean;
    }
  | LeadRefusal;

export function decideCancelLines(
  order: OrderView | null,
  orderId: string,
  lines: readonly LineView[],
  tasks: readonly TaskView[],
  lineNos: readonly number[] | undefined,
): CancelLinesDecision {
  if (!order) return refuse(404, ErrorCode.ORDER_NOT_FOUND, `order ${orderId} not found`);
  const closed = closedOrder(order);
  if (closed) return closed;
  const missing = (lineNos ?? []).filter((n) => !lines.some((l) => l.lineNo === n));
  if (missing.length > 0) return refuse(404, ErrorCode.ORDER_LINE_NOT_FOUND, `order ${order.ref} has no line ${missing[0]}`);
  const targets = lines.filter((l) => l.cancelledAt === null && (lineNos === undefined || lineNos.includes(l.lineNo)));
  const closeTaskIds: string[] = [];
  const cancelLineIds: string[] = [];
  for (const l of targets) {
    const mine = tasks.filter((t) => t.orderLineId === l.id);
    const open = mine.filter((t) => t.status === 'open');
    // No task at all: not in a wave yet, the whole line is remaining.
    if (mine.length === 0 || open.length > 0) {
      cancelLineIds.push(l.id);
      closeTaskIds.push(...open.map((t) => t.id));
    }
  }
  if (cancelLineIds.length === 0) return refuse(409, ErrorCode.ORDER_NOTHING_TO_CANCEL, `order ${order.ref} has nothing left to cancel on those lines`);
  const cancelled = new Set([...cancelLineIds, ...lines.filter((l) => l.cancelledAt !== null).map((l) => l.id)]);
  const picked = tasks.some((t) => t.pickedQty > 0);
  const allGone = lines.every((l) => cancelled.has(l.id));
  return { ok: true, closeTaskIds, cancelLineIds, cancelOrder: allGone && !picked };
}

export interface HoldView extends OrderView {
  heldFromStatus: string | null;
}

export type HoldDecision = { ok: true; change: { status: string; heldFromStatus: string | null; holdReason: string | null } | null } | LeadRefusal;

/**
 * Hold uses the order status 'on_hold' that packing already honours, remembering the status
 * it held, so the hold's release puts it back; wave planning only takes 'released' orders,
 * so a held order is left out of new waves. A repeat is a no-op (null change).
 */
export function decideHold(order: HoldView | null, orderId: string, hold: boolean, reason: string | null): HoldDecision {
  if (!order) return refuse(404, ErrorCode.ORDER_NOT_FOUND, `order ${orderId} not found`);
  const closed = closedOrder(order);
  if (closed) return closed;
  if (hold) {
    if (order.status === 'on_hold') return { ok: true, change: null };
    return { ok: true, change: { status: 'on_hold', heldFromStatus: order.status, holdReason: reason } };
  }
  if (order.status !== 'on_hold') return { ok: true, change: null };
  // Held at pack (items missing): that hold ends at the pack bench, not here.
  if (order.heldFromStatus === null) return refuse(409, ErrorCode.ORDER_HELD_AT_PACK, `order ${order.ref} is held at pack`);
  return { ok: true, change: { status: order.heldFromStatus, heldFromStatus: null, holdReason: null } };
}

export type PriorityDecision = { ok: true; change: Priority | null } | LeadRefusal;

export function decidePriority(order: (OrderView & { priority: string }) | null, orderId: string, priority: Priority): PriorityDecision {
  if (!order) return refuse(404, ErrorCode.ORDER_NOT_FOUND, `order ${orderId} not found`);
  const closed = closedOrder(order);
  if (closed) return closed;
  return { ok: true, change: order.priority === priority ? null : priority };
}
