import type { Insertable, Transaction } from 'kysely';
import type { Outcome } from '../../domain/commands';
import { insertRows } from '../db/bulk';
import type { Database, ExceptionsTable } from '../db/schema';
import type { WriteMeta } from './receiving-writes';

/**
 * Damaged stock reaches the lead's queue as a `damaged_stock` exception (docs/exceptions.md):
 * one per damaged discrepancy of a closed receipt (at the dock) and one per returned unit
 * graded `damaged` (at the returns bench), written in the command's transaction with its
 * version, named after the row it comes from so a replayed batch cannot raise it twice.
 * The units themselves follow their usual path (a damaged bin, the seller's disposition);
 * the exception is for the lead to decide on the stock and the seller.
 */
export function damagedStockRows(outcome: Outcome, meta: WriteMeta, from: 'receipt' | 'return'): Insertable<ExceptionsTable>[] {
  if (outcome.status !== 'applied') return [];
  const { warehouseId, mutationId, userId, version, now } = meta;
  const base = { warehouse_id: warehouseId, type: 'damaged_stock', status: 'open', wave_id: null, task_id: null, raised_by: userId, mutation_id: mutationId, created_at: now, resolved_at: null, version };
  const rows: Insertable<ExceptionsTable>[] = [];
  const rc = outcome.receiving;
  if (from === 'receipt' && rc?.receipt) {
    for (const [i, d] of (rc.discrepancies ?? []).filter((x) => x.kind === 'damaged').entries()) {
      rows.push({
        ...base, id: `${mutationId}:damaged:${i}`, location_id: rc.receipt.dockLocationId, sku_id: d.skuId, qty: d.receivedQty ?? 0, order_id: null,
        details: JSON.stringify({ source: 'receipt', receiptId: rc.receipt.id, asnId: rc.receipt.asnId, discrepancyId: d.id, lot: d.lot, reason: d.reason, photoIds: d.photoIds }),
      });
    }
  }
  for (const r of from === 'return' ? (outcome.inventory?.returns ?? []) : []) {
    for (const [i, l] of r.lines.filter((x) => x.grade === 'damaged').entries()) {
      rows.push({
        ...base, id: `${mutationId}:damaged:${r.id}:${i}`, location_id: r.locationId, sku_id: l.foundSkuId ?? l.skuId, qty: l.qty, order_id: r.orderId,
        details: JSON.stringify({ source: 'return', returnId: r.id, returnLineId: l.id, lot: l.lot, reason: l.reason, disposition: l.disposition, photoIds: l.photoIds }),
      });
    }
  }
  return rows;
}

export async function raiseDamagedStock(trx: Transaction<Database>, outcome: Outcome, meta: WriteMeta, from: 'receipt' | 'return'): Promise<void> {
  await insertRows(trx, 'exceptions', damagedStockRows(outcome, meta, from));
}
