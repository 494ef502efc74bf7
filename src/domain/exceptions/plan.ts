import { ErrorCode } from '../errors';
import { decideCancelLines } from '../lead/orders';
import { refuse, type LeadRefusal } from '../lead/waves';
import { allocate, type Allocation, type SkuTracking, type StockLot } from '../picking/allocation';
import { hasAnyRole, type Role } from '../roles';
import { allowedActions, type ExceptionActionBody } from './actions';

/**
 * What a lead's action on an exception does, as a plan the server applies in one
 * transaction (services/exception-actions.ts). Pure: the server loads the state below
 * inside the transaction and writes exactly what the plan says. Every plan also marks
 * the exception handled (who, when, which action, the note).
 */

export interface ExceptionView {
  id: string;
  type: string;
  status: string;
  qty: number;
  locationId: string | null;
  skuId: string | null;
  orderId: string | null;
  taskId: string | null;
  /** missing_at_pack: the tote and lot the packer reported (from its details). */
  toteCode: string | null;
  lot: string | null;
}

export interface OrderView {
  id: string;
  ref: string;
  status: string;
  /** Null while on hold means held at pack (a lead's hold remembers the status it put aside). */
  heldFromStatus: string | null;
}

export interface LineView {
  id: string;
  lineNo: number;
  cancelledAt: string | null;
}

export interface TaskView {
  id: string;
  waveId: string;
  orderLineId: string;
  skuId: string;
  status: 'open' | 'picked' | 'short';
  qty: number;
  pickedQty: number;
  toteCode: string | null;
  lot: string | null;
  locationId: string;
}

export interface WaveView {
  id: string;
  code: string;
  status: string;
  droppedAt: string | null;
}

/** The state an action is decided on; the server loads what the action needs. */
export interface ActionState {
  order: OrderView | null;
  /** Every line and pick task of the exception's order. */
  lines: LineView[];
  tasks: TaskView[];
  /** The wave of the exception's task (short_pick). */
  wave: WaveView | null;
  /** Other open missing_at_pack exceptions of the same order (the hold stays while any is). */
  otherOpenMissing: number;
  /** assign_count: an open count that already covers the bin and SKU. */
  openCount: { id: string; assignedTo: string | null } | null;
  /** assign_count with a userId: that user in this warehouse, null when unknown. */
  counter: { id: string; roles: string[] } | null;
  /** reallocate: the SKU's free stock per (bin, lot, expiry), net of open tasks. */
  stock: StockLot[];
  sku: SkuTracking;
  today: string;
  minShelfLifeDays?: number;
}

export type ActionPlan =
  | { action: 'resolve'; releaseHoldOrderId: string | null }
  | { action: 'assign_count'; existingCountId: string | null; locationId: string; skuId: string | null; assignTo: string | null }
  | {
      action: 'accept_short';
      orderId: string;
      lineId: string;
      qty: number;
      /** missing_at_pack: the tote's tasks lose the missing units, which leave the tote on the ledger. */
      toteCuts: { taskId: string; toteCode: string; skuId: string; lot: string | null; pickedQty: number; status: TaskView['status']; removed: number }[];
      releaseHoldOrderId: string | null;
    }
  | { action: 'cancel_line'; orderId: string; lineId: string; lineNo: number; closeTaskIds: string[]; cancelOrder: boolean }
  | {
      action: 'reallocate';
      orderId: string;
      lineId: string;
      skuId: string;
      /** The same wave while its totes are still on the cart, else a new small wave. */
      target: { kind: 'same_wave'; waveId: string; reopen: boolean } | { kind: 'new_wave'; fromWaveCode: string | null };
      stops: Allocation[];
    };

export type Refusal = LeadRefusal & { details?: Record<string, unknown> };
export type PlanResult = { ok: true; plan: ActionPlan } | Refusal;

/** Roles that may count a bin (count.submit's roles). */
export const COUNTER_ROLES: readonly Role[] = ['picker', 'packer', 'receiver', 'returns', 'lead'];

const ok = (plan: ActionPlan): PlanResult => ({ ok: true, plan });

function closedOrder(o: OrderView): LeadRefusal | null {
  if (o.status === 'cancelled') return refuse(409, ErrorCode.ORDER_CANCELLED, `order ${o.ref} is cancelled`);
  if (o.status === 'shipped') return refuse(409, ErrorCode.ORDER_ALREADY_SHIPPED, `order ${o.ref} has shipped`);
  if (o.status === 'packed') return refuse(409, ErrorCode.ORDER_ALREADY_PACKED, `order ${o.ref} is packed`);
  return null;
}

/** The tasks of a missing_at_pack exception's tote, order, SKU and lot that hold units. */
function toteTasks(ex: ExceptionView, s: ActionState): TaskView[] {
  return s.tasks.filter((t) => t.toteCode === ex.toteCode && t.skuId === ex.skuId && (t.lot ?? null) === (ex.lot ?? null) && t.pickedQty > 0);
}

/** The order line an exception is about: its task's line (short_pick) or the tote's (missing_at_pack). */
function lineOf(ex: ExceptionView, s: ActionState): LineView | null {
  const task = ex.type === 'missing_at_pack' ? toteTasks(ex, s)[0] : s.tasks.find((t) => t.id === ex.taskId);
  return task ? (s.lines.find((l) => l.id === task.orderLineId) ?? null) : null;
}

/** Held at pack, and this was the last reason for it: the bench may pack the order again. */
function holdToRelease(ex: ExceptionView, s: ActionState): string | null {
  const o = s.order;
  if (ex.type !== 'missing_at_pack' || !o || o.status !== 'on_hold' || o.heldFromStatus !== null) return null;
  return s.otherOpenMissing === 0 ? o.id : null;
}

/** Order and line checks shared by the actions that change an order. */
function orderAndLine(ex: ExceptionView, s: ActionState): { order: OrderView; line: LineView } | Refusal {
  if (!s.order) return refuse(409, ErrorCode.EXCEPTION_NO_ORDER_LINE, `exception ${ex.id} names no order`);
  const closed = closedOrder(s.order);
  if (closed) return closed;
  const line = lineOf(ex, s);
  if (!line) return refuse(409, ErrorCode.EXCEPTION_NO_ORDER_LINE, `exception ${ex.id} names no line of order ${s.order.ref}`);
  if (line.cancelledAt !== null) return refuse(409, ErrorCode.LINE_CANCELLED, `line ${line.lineNo} of order ${s.order.ref} is cancelled`);
  return { order: s.order, line };
}

function planAcceptShort(ex: ExceptionView, s: ActionState): PlanResult {
  const ol = orderAndLine(ex, s);
  if ('ok' in ol) return ol;
  const toteCuts: Extract<ActionPlan, { action: 'accept_short' }>['toteCuts'] = [];
  if (ex.type === 'missing_at_pack') {
    const tasks = toteTasks(ex, s);
    const held = tasks.reduce((n, t) => n + t.pickedQty, 0);
    if (held < ex.qty) return refuse(409, ErrorCode.ITEM_NOT_IN_TOTE, `tote ${ex.toteCode} holds ${held} of ${ex.skuId} for order ${ol.order.ref}`);
    // The last tasks give first: the line's earliest picks keep their record.
    let rest = ex.qty;
    for (const t of [...tasks].reverse()) {
      if (rest === 0) break;
      const removed = Math.min(rest, t.pickedQty);
      rest -= removed;
      const pickedQty = t.pickedQty - removed;
      toteCuts.push({ taskId: t.id, toteCode: t.toteCode!, skuId: t.skuId, lot: t.lot, pickedQty, status: pickedQty < t.qty ? 'short' : t.status, removed });
    }
  }
  return ok({ action: 'accept_short', orderId: ol.order.id, lineId: ol.line.id, qty: ex.qty, toteCuts, releaseHoldOrderId: holdToRelease(ex, s) });
}

function planCancelLine(ex: ExceptionView, s: ActionState): PlanResult {
  const ol = orderAndLine(ex, s);
  if ('ok' in ol) return ol;
  const { order, line } = ol;
  const d = decideCancelLines({ id: order.id, ref: order.ref, status: order.status }, order.id, s.lines, s.tasks, [line.lineNo]);
  if (d.ok) return ok({ action: 'cancel_line', orderId: order.id, lineId: line.id, lineNo: line.lineNo, closeTaskIds: d.closeTaskIds, cancelOrder: d.cancelOrder });
  if (d.code !== ErrorCode.ORDER_NOTHING_TO_CANCEL) return d;
  // The lead's cancel-lines cancels only open work; here the short units are what is left
  // of the line, so a line whose tasks are all closed is still cancelled.
  const gone = new Set([line.id, ...s.lines.filter((l) => l.cancelledAt !== null).map((l) => l.id)]);
  const cancelOrder = s.lines.every((l) => gone.has(l.id)) && !s.tasks.some((t) => t.pickedQty > 0);
  return ok({ action: 'cancel_line', orderId: order.id, lineId: line.id, lineNo: line.lineNo, closeTaskIds: [], cancelOrder });
}

function planReallocate(ex: ExceptionView, s: ActionState): PlanResult {
  const ol = orderAndLine(ex, s);
  if ('ok' in ol) return ol;
  const task = s.tasks.find((t) => t.id === ex.taskId)!;
  const result = allocate({ skuId: task.skuId, qty: ex.qty }, s.sku, s.stock, {
    today: s.today,
    ...(s.minShelfLifeDays !== undefined ? { minShelfLifeDays: s.minShelfLifeDays } : {}),
    // The short bin's balance is what its count is about to disprove.
    excludeLocationIds: ex.locationId ? [ex.locationId] : [],
  });
  if (result.shortQty > 0) {
    return {
      ...refuse(409, ErrorCode.REALLOCATE_NO_STOCK, `only ${ex.qty - result.shortQty} of ${ex.qty} can be allocated from other bins`),
      details: { available: ex.qty - result.shortQty, needed: ex.qty },
    };
  }
  const w = s.wave;
  const target: Extract<ActionPlan, { action: 'reallocate' }>['target'] =
    w && w.status !== 'cancelled' && w.droppedAt === null
      ? { kind: 'same_wave', waveId: w.id, reopen: w.status === 'done' }
      : { kind: 'new_wave', fromWaveCode: w?.code ?? null };
  return ok({ action: 'reallocate', orderId: ol.order.id, lineId: ol.line.id, skuId: task.skuId, target, stops: result.allocations });
}

function planAssignCount(ex: ExceptionView, s: ActionState, userId: string | undefined): PlanResult {
  // missing_at_pack names the bench; the bin to count is where the tote's units were picked.
  const locationId = ex.type === 'missing_at_pack' ? (toteTasks(ex, s)[0]?.locationId ?? null) : ex.locationId;
  if (!locationId) return refuse(409, ErrorCode.EXCEPTION_NO_BIN, `exception ${ex.id} names no bin to count`);
  if (userId !== undefined) {
    if (!s.counter) return refuse(404, ErrorCode.USER_NOT_FOUND, `user ${userId} not found`);
    if (!hasAnyRole(s.counter.roles, COUNTER_ROLES)) return refuse(409, ErrorCode.NOT_A_COUNTER, `user ${userId} cannot count`);
  }
  const assignTo = userId ?? s.openCount?.assignedTo ?? null;
  return ok({ action: 'assign_count', existingCountId: s.openCount?.id ?? null, locationId, skuId: ex.skuId, assignTo });
}

/** The lead's action on one exception, or why not. */
export function planExceptionAction(ex: ExceptionView | null, exceptionId: string, body: ExceptionActionBody, s: ActionState): PlanResult {
  if (!ex) return refuse(404, ErrorCode.EXCEPTION_NOT_FOUND, `exception ${exceptionId} not found`);
  if (ex.status !== 'open') return refuse(409, ErrorCode.EXCEPTION_ALREADY_HANDLED, `exception ${exceptionId} is already handled`);
  if (!allowedActions(ex.type).includes(body.action)) {
    return refuse(409, ErrorCode.EXCEPTION_ACTION_NOT_ALLOWED, `${body.action} does not apply to a ${ex.type} exception`);
  }
  switch (body.action) {
    case 'resolve':
      return ok({ action: 'resolve', releaseHoldOrderId: holdToRelease(ex, s) });
    case 'assign_count':
      return planAssignCount(ex, s, body.userId);
    case 'accept_short':
      return planAcceptShort(ex, s);
    case 'cancel_line':
      return planCancelLine(ex, s);
    case 'reallocate':
      return planReallocate(ex, s);
  }
}
