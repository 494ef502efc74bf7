import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { StockResponse } from '../../domain/seller-api/data';
import type { SellerAuth } from '../auth/seller-keys';
import type { Database } from '../db/schema';

/**
 * A seller's stock per SKU, a page at a time by SKU code. On hand is the ledger summed
 * over bins (rows with a location); units already picked into a tote or packed into a
 * carton belong to an order and are not counted (the ledger keeps them on the container,
 * shipping does not post). Allocated is what open pick tasks still have to take from the
 * bins; available is the difference, never below 0.
 */
export async function readSellerStock(
  db: Kysely<Database>,
  seller: SellerAuth,
  q: { sku?: string; after?: string; limit: number },
): Promise<z.infer<typeof StockResponse>> {
  let skuQuery = db
    .selectFrom('skus')
    .select(['id', 'code', 'name'])
    .where('warehouse_id', '=', seller.warehouseId)
    .where('seller_id', '=', seller.sellerId);
  if (q.sku !== undefined) skuQuery = skuQuery.where('code', '=', q.sku);
  if (q.after !== undefined) skuQuery = skuQuery.where('code', '>', q.after);
  const rows = await skuQuery.orderBy('code').limit(q.limit + 1).execute();
  const skus = rows.slice(0, q.limit);
  const ids = skus.map((s) => s.id);
  const onHand = new Map<string, number>();
  const allocated = new Map<string, number>();
  if (ids.length > 0) {
    const ledger = await db
      .selectFrom('stock_ledger')
      .select(['sku_id', (eb) => eb.fn.sum<number>('delta').as('qty')])
      .where('warehouse_id', '=', seller.warehouseId)
      .where('location_id', 'is not', null)
      .where('sku_id', 'in', ids)
      .groupBy('sku_id')
      .execute();
    for (const r of ledger) onHand.set(r.sku_id, Number(r.qty));
    const tasks = await db
      .selectFrom('pick_tasks')
      .select(['sku_id', (eb) => eb.fn.sum<number>(eb('qty', '-', eb.ref('picked_qty'))).as('qty')])
      .where('warehouse_id', '=', seller.warehouseId)
      .where('status', '=', 'open')
      .where('sku_id', 'in', ids)
      .groupBy('sku_id')
      .execute();
    for (const r of tasks) allocated.set(r.sku_id, Number(r.qty));
  }
  return {
    stock: skus.map((s) => {
      const have = onHand.get(s.id) ?? 0;
      const held = allocated.get(s.id) ?? 0;
      return { sku: s.code, name: s.name, onHand: have, allocated: held, available: Math.max(0, have - held) };
    }),
    next: rows.length > q.limit ? skus.at(-1)!.code : null,
  };
}
