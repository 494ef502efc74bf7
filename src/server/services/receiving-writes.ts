import type { Transaction } from 'kysely';
import type { Outcome } from '../../domain/commands';
import { insertRows } from '../db/bulk';
import type { Database } from '../db/schema';
import { raiseDamagedStock } from './exception-damage';

export interface WriteMeta {
  warehouseId: string;
  mutationId: string;
  userId: string;
  version: number;
  now: string;
}

/**
 * Writes an applied command's receiving rows (outcome.receiving) at once, inside the
 * batch's transaction, so a later command of the same batch (a putaway right after the
 * receipt closed offline) finds them. Ledger movements and the seller event travel with
 * the outcome like every command's (push.ts, pack-writes.ts). Every row carries the
 * command's version, so pulls can serve it.
 */
export async function writeReceiving(trx: Transaction<Database>, outcome: Outcome, meta: WriteMeta): Promise<void> {
  const rc = outcome.receiving;
  if (outcome.status !== 'applied' || !rc) return;
  const { warehouseId, mutationId, version, now } = meta;
  if (rc.receipt) {
    const r = rc.receipt;
    await trx
      .insertInto('receipts')
      .values({
        id: r.id,
        warehouse_id: warehouseId,
        seller_id: r.sellerId,
        asn_id: r.asnId,
        status: 'closed',
        dock_location_id: r.dockLocationId,
        // Receipts are built on the device and reach the server only when closed.
        opened_by: r.closedBy,
        closed_by: r.closedBy,
        created_at: now,
        closed_at: r.closedAt,
        version,
        note: r.note,
      })
      .execute();
    await insertRows(
      trx,
      'receipt_lines',
      r.lines.map((l, i) => ({
        id: `${mutationId}:line:${i}`,
        receipt_id: r.id,
        sku_id: l.skuId,
        lot: l.lot,
        expiry: l.expiry,
        qty: l.qty,
        condition: l.condition,
        carton_sscc: l.cartonSscc,
        reason: l.reason,
        photo_ids: JSON.stringify(l.photoIds),
        mutation_id: mutationId,
        created_at: now,
      })),
    );
    await insertRows(
      trx,
      'discrepancies',
      (rc.discrepancies ?? []).map((d) => ({
        id: d.id,
        receipt_id: r.id,
        kind: d.kind,
        sku_id: d.skuId,
        lot: d.lot,
        carton_sscc: d.cartonSscc,
        expected_qty: d.expectedQty,
        received_qty: d.receivedQty,
        reason: d.reason,
        photo_ids: JSON.stringify(d.photoIds),
        created_at: now,
        version,
      })),
    );
  }
  await insertRows(
    trx,
    'putaway_tasks',
    (rc.putawayTasks ?? []).map((t) => ({
      id: t.id,
      warehouse_id: warehouseId,
      receipt_id: t.receiptId,
      return_id: t.returnId,
      sku_id: t.skuId,
      lot: t.lot,
      expiry: t.expiry,
      qty: t.qty,
      condition: t.condition,
      done_qty: 0,
      from_location_id: t.fromLocationId,
      suggested_location_id: t.suggestedLocationId,
      to_location_id: null,
      reason: null,
      status: 'open',
      done_by: null,
      created_at: t.createdAt,
      done_at: null,
      version,
    })),
  );
  if (rc.asnPatch) {
    const p = rc.asnPatch;
    await trx.updateTable('asns').set({ status: p.status, closed_at: p.closedAt, version }).where('id', '=', p.id).where('warehouse_id', '=', warehouseId).execute();
    if (p.cartonsReceived.length > 0) {
      await trx
        .updateTable('asn_cartons')
        .set({ received_at: now })
        .where('asn_id', '=', p.id)
        .where('sscc', 'in', p.cartonsReceived)
        .where('received_at', 'is', null)
        .execute();
    }
  }
  for (const p of rc.putawayPatches ?? []) {
    await trx
      .updateTable('putaway_tasks')
      .set((eb) => ({
        done_qty: eb('done_qty', '+', p.movedQty),
        status: p.status,
        to_location_id: p.toLocationId,
        reason: p.reason,
        done_by: p.doneBy,
        done_at: p.status === 'done' ? p.at : null,
        version,
      }))
      .where('id', '=', p.id)
      .where('warehouse_id', '=', warehouseId)
      .where('status', '=', 'open')
      .execute();
  }
  // Damaged units at the dock go to the lead's exceptions queue (docs/exceptions.md).
  await raiseDamagedStock(trx, outcome, meta, 'receipt');
}
