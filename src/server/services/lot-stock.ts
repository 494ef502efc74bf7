import type { Transaction } from 'kysely';
import type { PickConfirmArgs, PickConfirmState, PickState } from '../../domain/commands';
import { sameLot } from '../../domain/picking/lot';
import type { Database } from '../db/schema';
import type { BatchMemory } from './push-state';
import { minShelfLife } from './short-stock';

/**
 * pick.confirm's state when the device swapped the lot: the task's bin's on-hand balance
 * of the lot taken (ledger plus this batch's earlier rows, not yet written), today, and
 * the seller's minimum shelf life. Without a swap nothing more is read.
 */
export async function withLotStock(
  trx: Transaction<Database>,
  warehouseId: string,
  batch: BatchMemory,
  base: PickState,
  a: PickConfirmArgs,
  now: string,
): Promise<PickConfirmState> {
  const task = base.tasks.find((t) => t.id === a.taskId);
  if (!a.lot || !task || task.lot === null || sameLot(a.lot, task.lot)) return base;
  const rows = await trx
    .selectFrom('stock_ledger')
    .select(['lot', 'expiry'])
    .select((eb) => eb.fn.sum<number>('delta').as('qty'))
    .where('warehouse_id', '=', warehouseId)
    .where('location_id', '=', task.locationId)
    .where('sku_id', '=', task.skuId)
    .where('lot', 'is not', null)
    .groupBy(['lot', 'expiry'])
    .execute();
  const lots = rows
    .filter((r) => sameLot(r.lot!, a.lot!))
    .map((r) => ({ lot: r.lot!, expiry: r.expiry, available: Number(r.qty) }));
  for (const m of batch.ledger) {
    if (m.location_id !== task.locationId || m.sku_id !== task.skuId || !m.lot || !sameLot(m.lot, a.lot)) continue;
    const l = lots.find((x) => x.lot === m.lot && x.expiry === (m.expiry ?? null));
    if (l) l.available += m.delta;
  }
  // Two dates for one lot in a bin: the one with the most units is what the picker holds.
  const lotStock = lots.filter((l) => l.available > 0).sort((x, y) => y.available - x.available)[0] ?? null;
  const seller = await trx
    .selectFrom('skus')
    .leftJoin('sellers', 'sellers.id', 'skus.seller_id')
    .select('sellers.rules')
    .where('skus.id', '=', task.skuId)
    .executeTakeFirst();
  const days = minShelfLife(seller?.rules ?? null);
  return { ...base, lotStock, today: now.slice(0, 10), ...(days !== undefined ? { minShelfLifeDays: days } : {}) };
}
