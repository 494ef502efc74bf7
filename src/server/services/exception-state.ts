import type { Transaction } from 'kysely';
import type { ExceptionActionBody } from '../../domain/exceptions/actions';
import type { ActionState, ExceptionView, TaskView } from '../../domain/exceptions/plan';
import { netOfOpenNeeds, type StockLot } from '../../domain/picking/allocation';
import type { Database } from '../db/schema';
import { minShelfLife } from './short-stock';

export type ExceptionRow = NonNullable<Awaited<ReturnType<typeof loadExceptionRow>>>;

export function loadExceptionRow(trx: Transaction<Database>, warehouseId: string, id: string) {
  return trx.selectFrom('exceptions').selectAll().where('id', '=', id).where('warehouse_id', '=', warehouseId).executeTakeFirst();
}

export function exceptionView(r: ExceptionRow): ExceptionView {
  let d: Record<string, unknown>;
  try {
    d = (JSON.parse(r.details ?? '{}') as Record<string, unknown> | null) ?? {};
  } catch {
    d = {};
  }
  return {
    id: r.id,
    type: r.type,
    status: r.status,
    qty: Number(r.qty),
    locationId: r.location_id,
    skuId: r.sku_id,
    orderId: r.order_id ?? null,
    taskId: r.task_id,
    toteCode: typeof d.toteCode === 'string' ? d.toteCode : null,
    lot: typeof d.lot === 'string' ? d.lot : null,
  };
}

/** The SKU's free stock per (bin, lot, expiry): the ledger net of what every open task still needs. */
async function freeStock(trx: Transaction<Database>, warehouseId: string, skuId: string): Promise<StockLot[]> {
  const sums = await trx
    .selectFrom('stock_ledger')
    .innerJoin('locations', 'locations.id', 'stock_ledger.location_id')
    .select(['stock_ledger.location_id', 'stock_ledger.lot', 'stock_ledger.expiry', 'locations.walk_seq', 'locations.type'])
    .select((eb) => eb.fn.sum<number>('stock_ledger.delta').as('balance'))
    .where('stock_ledger.sku_id', '=', skuId)
    .where('stock_ledger.warehouse_id', '=', warehouseId)
    .groupBy(['stock_ledger.location_id', 'stock_ledger.lot', 'stock_ledger.expiry', 'locations.walk_seq', 'locations.type'])
    .execute();
  const lots: StockLot[] = sums.map((r) => ({
    locationId: r.location_id!, walkSeq: Number(r.walk_seq), locationType: r.type as StockLot['locationType'],
    lot: r.lot, expiry: r.expiry, available: Number(r.balance),
  }));
  const open = await trx
    .selectFrom('pick_tasks')
    .select(['id', 'location_id', 'lot', 'qty', 'picked_qty'])
    .where('sku_id', '=', skuId)
    .where('status', '=', 'open')
    .where('warehouse_id', '=', warehouseId)
    .execute();
  return netOfOpenNeeds(lots, open.map((t) => ({ id: t.id, locationId: t.location_id, lot: t.lot, need: Number(t.qty) - Number(t.picked_qty) })), '');
}

/**
 * What planExceptionAction needs for this action, read inside the action's transaction
 * (after the version clock's lock on PostgreSQL, so a concurrent action's commit is seen).
 */
export async function loadActionState(
  trx: Transaction<Database>,
  warehouseId: string,
  ex: ExceptionView,
  body: ExceptionActionBody,
  now: string,
): Promise<{ state: ActionState; orderRow: { seller_id: string; external_id: string } | null; taskExpiry: Map<string, string | null>; orderRef: Map<string, string> }> {
  const task = ex.taskId ? await trx.selectFrom('pick_tasks').select(['order_id', 'wave_id']).where('id', '=', ex.taskId).executeTakeFirst() : undefined;
  const orderId = ex.orderId ?? task?.order_id ?? null;
  const o = orderId
    ? await trx.selectFrom('orders').select(['id', 'external_id', 'status', 'held_from_status', 'seller_id']).where('id', '=', orderId).where('warehouse_id', '=', warehouseId).executeTakeFirst()
    : undefined;
  const lines = o ? await trx.selectFrom('order_lines').select(['id', 'line_no', 'cancelled_at']).where('order_id', '=', o.id).orderBy('line_no').execute() : [];
  const taskRows = o
    ? await trx
        .selectFrom('pick_tasks')
        .select(['id', 'wave_id', 'order_line_id', 'order_ref', 'sku_id', 'status', 'qty', 'picked_qty', 'tote_code', 'lot', 'expiry', 'location_id'])
        .where('order_id', '=', o.id)
        .orderBy('id')
        .execute()
    : [];
  const tasks: TaskView[] = taskRows.map((t) => ({
    id: t.id, waveId: t.wave_id, orderLineId: t.order_line_id, skuId: t.sku_id, status: t.status as TaskView['status'],
    qty: Number(t.qty), pickedQty: Number(t.picked_qty), toteCode: t.tote_code, lot: t.lot, locationId: t.location_id,
  }));
  const waveId = task?.wave_id ?? null;
  const w = waveId ? await trx.selectFrom('waves').select(['id', 'code', 'status', 'dropped_at']).where('id', '=', waveId).executeTakeFirst() : undefined;
  const otherOpenMissing = o
    ? (await trx.selectFrom('exceptions').select('id').where('order_id', '=', o.id).where('type', '=', 'missing_at_pack').where('status', '=', 'open').where('id', '!=', ex.id).execute()).length
    : 0;
  const counterRow =
    body.action === 'assign_count' && body.userId !== undefined
      ? await trx.selectFrom('users').select(['id', 'roles']).where('id', '=', body.userId).where('warehouse_id', '=', warehouseId).executeTakeFirst()
      : undefined;
  let stock: StockLot[] = [];
  let sku: ActionState['sku'] = { lotTracked: false, expiryTracked: false };
  let minShelfLifeDays: number | undefined;
  if (body.action === 'reallocate' && ex.skuId) {
    stock = await freeStock(trx, warehouseId, ex.skuId);
    const s = await trx
      .selectFrom('skus')
      .leftJoin('sellers', 'sellers.id', 'skus.seller_id')
      .select(['skus.lot_tracked', 'skus.expiry_tracked', 'sellers.rules'])
      .where('skus.id', '=', ex.skuId)
      .executeTakeFirst();
    sku = { lotTracked: Boolean(Number(s?.lot_tracked ?? 0)), expiryTracked: Boolean(Number(s?.expiry_tracked ?? 0)) };
    minShelfLifeDays = minShelfLife(s?.rules ?? null);
  }
  const state: ActionState = {
    order: o ? { id: o.id, ref: o.external_id, status: o.status, heldFromStatus: o.held_from_status } : null,
    lines: lines.map((l) => ({ id: l.id, lineNo: Number(l.line_no), cancelledAt: l.cancelled_at })),
    tasks,
    wave: w ? { id: w.id, code: w.code, status: w.status, droppedAt: w.dropped_at } : null,
    otherOpenMissing,
    openCount: null,
    counter: counterRow ? { id: counterRow.id, roles: JSON.parse(counterRow.roles) as string[] } : null,
    stock,
    sku,
    today: now.slice(0, 10),
    ...(minShelfLifeDays !== undefined ? { minShelfLifeDays } : {}),
  };
  return {
    state,
    orderRow: o ? { seller_id: o.seller_id, external_id: o.external_id } : null,
    taskExpiry: new Map(taskRows.map((t) => [t.id, t.expiry])),
    orderRef: new Map(taskRows.map((t) => [t.id, t.order_ref])),
  };
}

/** An open count that already covers the bin and SKU (a whole-bin count covers every SKU). */
export async function openCountFor(trx: Transaction<Database>, warehouseId: string, locationId: string, skuId: string | null) {
  const r = await trx
    .selectFrom('count_tasks')
    .select(['id', 'assigned_to'])
    .where('warehouse_id', '=', warehouseId)
    .where('location_id', '=', locationId)
    .where('status', '=', 'open')
    .where((eb) => eb.or([eb('sku_id', 'is', null), ...(skuId === null ? [] : [eb('sku_id', '=', skuId)])]))
    .orderBy('created_at')
    .executeTakeFirst();
  return r ? { id: r.id, assignedTo: r.assigned_to } : null;
}
