import type { Kysely, Transaction } from 'kysely';
import { decideCancelLines, decideHold, decidePriority, type Priority } from '../../domain/lead/orders';
import type { Database } from '../db/schema';
import type { EventHub } from './events';
import { fail } from './lead-waves';
import { versionedWrite } from './shipping-tx';

export interface LeadOrderState {
  id: string;
  orderRef: string;
  status: string;
  priority: string;
  onHold: boolean;
  holdReason: string | null;
  version: number;
}

export interface CancelLinesResult extends LeadOrderState {
  cancelledLineNos: number[];
  closedTaskIds: string[];
}

function loadOrder(trx: Transaction<Database>, warehouseId: string, orderId: string) {
  return trx
    .selectFrom('orders')
    .select(['id', 'external_id', 'status', 'priority', 'held_from_status', 'hold_reason', 'version'])
    .where('id', '=', orderId)
    .where('warehouse_id', '=', warehouseId)
    .executeTakeFirst();
}

type OrderRow = NonNullable<Awaited<ReturnType<typeof loadOrder>>>;
const state = (o: OrderRow, patch: Partial<OrderRow> = {}): LeadOrderState => {
  const r = { ...o, ...patch };
  return { id: r.id, orderRef: r.external_id, status: r.status, priority: r.priority, onHold: r.status === 'on_hold', holdReason: r.hold_reason, version: Number(r.version) };
};
const view = (o: OrderRow | undefined) => (o ? { id: o.id, ref: o.external_id, status: o.status } : null);

/**
 * Cancels what no picker has closed on the given lines (all when none given): their open
 * tasks are closed as short, keeping units already in a tote; a wave left with nothing
 * open is done. An order with nothing picked and every line gone is cancelled.
 */
export function cancelOrderLines(db: Kysely<Database>, events: EventHub, warehouseId: string, orderId: string, lineNos: number[] | undefined, now: string) {
  return versionedWrite(db, events, async (trx, clock): Promise<CancelLinesResult> => {
    const o = await loadOrder(trx, warehouseId, orderId);
    const lines = o ? await trx.selectFrom('order_lines').select(['id', 'line_no', 'cancelled_at']).where('order_id', '=', orderId).orderBy('line_no').execute() : [];
    const tasks = o ? await trx.selectFrom('pick_tasks').select(['id', 'wave_id', 'order_line_id', 'status', 'picked_qty']).where('order_id', '=', orderId).execute() : [];
    const d = decideCancelLines(
      view(o),
      orderId,
      lines.map((l) => ({ id: l.id, lineNo: Number(l.line_no), cancelledAt: l.cancelled_at })),
      tasks.map((t) => ({ id: t.id, orderLineId: t.order_line_id, status: t.status as 'open', pickedQty: Number(t.picked_qty) })),
      lineNos,
    );
    if (!d.ok) return fail(d);
    const v = clock.tick();
    if (d.closeTaskIds.length > 0) {
      await trx.updateTable('pick_tasks').set({ status: 'short', version: v }).where('id', 'in', d.closeTaskIds).where('status', '=', 'open').execute();
      const waveIds = [...new Set(tasks.filter((t) => d.closeTaskIds.includes(t.id)).map((t) => t.wave_id))];
      for (const waveId of waveIds) {
        const open = await trx.selectFrom('pick_tasks').select('id').where('wave_id', '=', waveId).where('status', '=', 'open').limit(1).executeTakeFirst();
        if (!open) {
          await trx.updateTable('waves').set({ status: 'done', completed_at: now, version: v }).where('id', '=', waveId).where('status', 'in', ['released', 'picking']).execute();
        }
      }
    }
    await trx.updateTable('order_lines').set({ cancelled_at: now, version: v }).where('id', 'in', d.cancelLineIds).execute();
    const patch = d.cancelOrder ? { status: 'cancelled', version: v } : { version: v };
    await trx.updateTable('orders').set(patch).where('id', '=', orderId).execute();
    const cancelled = new Set(d.cancelLineIds);
    return {
      ...state(o!, patch),
      cancelledLineNos: lines.filter((l) => cancelled.has(l.id)).map((l) => Number(l.line_no)),
      closedTaskIds: d.closeTaskIds,
    };
  });
}

/** Hold and its release; a repeat answers the state as it is and writes nothing. */
export function holdOrder(db: Kysely<Database>, events: EventHub, warehouseId: string, orderId: string, hold: boolean, reason: string | null) {
  return versionedWrite(db, events, async (trx, clock): Promise<LeadOrderState> => {
    const o = await loadOrder(trx, warehouseId, orderId);
    const d = decideHold(o ? { ...view(o)!, heldFromStatus: o.held_from_status } : null, orderId, hold, reason);
    if (!d.ok) return fail(d);
    if (!d.change) return state(o!);
    const patch = { status: d.change.status, held_from_status: d.change.heldFromStatus, hold_reason: d.change.holdReason, version: clock.tick() };
    await trx.updateTable('orders').set(patch).where('id', '=', orderId).execute();
    return state(o!, patch);
  });
}

/** Stored for now; wave planning may order proposals by it later. */
export function setOrderPriority(db: Kysely<Database>, events: EventHub, warehouseId: string, orderId: string, priority: Priority) {
  return versionedWrite(db, events, async (trx, clock): Promise<LeadOrderState> => {
    const o = await loadOrder(trx, warehouseId, orderId);
    const d = decidePriority(o ? { ...view(o)!, priority: o.priority } : null, orderId, priority);
    if (!d.ok) return fail(d);
    if (!d.change) return state(o!);
    const patch = { priority: d.change, version: clock.tick() };
    await trx.updateTable('orders').set(patch).where('id', '=', orderId).execute();
    return state(o!, patch);
  });
}
