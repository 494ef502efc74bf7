import type { Transaction } from 'kysely';
import type { Outcome } from '../../domain/commands';
import { insertRows } from '../db/bulk';
import type { Database } from '../db/schema';
import { raiseDamagedStock } from './exception-damage';
import type { WriteMeta } from './receiving-writes';

/**
 * Writes an applied command's inventory rows (outcome.inventory) at once, inside the
 * batch's transaction, so a later command of the same batch finds them (a second return
 * of the same order, the recount of a bin). Ledger movements and seller events travel
 * with the batch's own writes (push.ts, pack-writes.ts).
 */
export async function writeInventory(trx: Transaction<Database>, outcome: Outcome, meta: WriteMeta): Promise<void> {
  const inv = outcome.inventory;
  if (!inv || outcome.status !== 'applied') return;
  const { warehouseId, version, now } = meta;
  // Units returned damaged go to the lead's exceptions queue (docs/exceptions.md).
  await raiseDamagedStock(trx, outcome, meta, 'return');
  for (const r of inv.returns ?? []) {
    await trx
      .insertInto('returns')
      .values({ id: r.id, warehouse_id: warehouseId, order_id: r.orderId, seller_id: r.sellerId, status: 'graded', created_at: now, version })
      .execute();
    await insertRows(
      trx,
      'return_lines',
      r.lines.map((l) => ({
        id: l.id, return_id: r.id, sku_id: l.skuId, grade: l.grade, reason: l.reason, disposition: l.disposition,
        photo_ids: JSON.stringify(l.photoIds), graded_by: l.gradedBy, graded_at: l.gradedAt,
        qty: l.qty, lot: l.lot, found_sku_id: l.foundSkuId, sealed: l.sealed ? 1 : 0, location_id: r.locationId,
      })),
    );
  }
  await insertRows(
    trx,
    'putaway_tasks',
    (inv.putawayTasks ?? []).map((p) => ({
      id: p.id, warehouse_id: warehouseId, receipt_id: null, return_id: p.returnId, sku_id: p.skuId, lot: p.lot, expiry: p.expiry,
      qty: p.qty, from_location_id: p.fromLocationId, suggested_location_id: p.suggestedLocationId, to_location_id: null,
      reason: null, status: 'open', done_by: null, created_at: now, done_at: null, version,
    })),
  );
  for (const p of inv.countTaskPatches ?? []) {
    await trx
      .updateTable('count_tasks')
      .set({
        status: p.status, expected_qty: p.expectedQty, counted_qty: p.countedQty, counted_by: p.countedBy,
        counted_lines: JSON.stringify(p.countedLines), counted_at: now, version,
      })
      .where('id', '=', p.id)
      .where('status', '=', 'open')
      .execute();
  }
  await insertRows(
    trx,
    'count_tasks',
    (inv.newCountTasks ?? []).map((t) => ({
      id: t.id, warehouse_id: warehouseId, location_id: t.locationId, sku_id: t.skuId, reason: t.reason, status: 'open',
      created_at: now, round: t.round, chain_id: t.chainId, exclude_user_ids: JSON.stringify(t.excludeUserIds), version,
    })),
  );
}
