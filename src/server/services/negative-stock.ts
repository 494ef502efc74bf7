import type { Insertable, Transaction } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { Database, StockLedgerTable } from '../db/schema';
import type { VersionClock } from '../db/version';

/**
 * A scan is a physical fact and is never refused for stock, so a bin can go below
 * zero. When one does, the lead gets a negative_stock exception and the bin a blind
 * count task, once per bin and SKU while the earlier exception is still open.
 */
export async function raiseNegativeStock(
  trx: Transaction<Database>,
  clock: VersionClock,
  warehouseId: string,
  movements: Insertable<StockLedgerTable>[],
  now: string,
): Promise<void> {
  const touched = new Map<string, { locationId: string; skuId: string }>();
  for (const m of movements) {
    if (m.location_id && m.delta < 0) touched.set(`${m.location_id}\u0000${m.sku_id}`, { locationId: m.location_id, skuId: m.sku_id });
  }
  if (touched.size === 0) return;
  const locs = [...new Set([...touched.values()].map((t) => t.locationId))];
  const skus = [...new Set([...touched.values()].map((t) => t.skuId))];
  const sums = await trx
    .selectFrom('stock_ledger')
    .select(['location_id', 'sku_id', (eb) => eb.fn.sum<number>('delta').as('balance')])
    .where('location_id', 'in', locs)
    .where('sku_id', 'in', skus)
    .groupBy(['location_id', 'sku_id'])
    .execute();
  const negative = sums.filter((s) => touched.has(`${s.location_id}\u0000${s.sku_id}`) && Number(s.balance) < 0);
  if (negative.length === 0) return;
  const open = await trx
    .selectFrom('exceptions')
    .select(['location_id', 'sku_id'])
    .where('type', '=', 'negative_stock')
    .where('status', '=', 'open')
    .where('location_id', 'in', negative.map((n) => n.location_id!))
    .execute();
  const already = new Set(open.map((o) => `${o.location_id}\u0000${o.sku_id}`));
  for (const n of negative) {
    if (already.has(`${n.location_id}\u0000${n.sku_id}`)) continue;
    const version = clock.tick();
    await trx
      .insertInto('exceptions')
      .values({
        id: uuidv7(),
        warehouse_id: warehouseId,
        type: 'negative_stock',
        status: 'open',
        wave_id: null,
        task_id: null,
        location_id: n.location_id,
        sku_id: n.sku_id,
        qty: Number(n.balance),
        raised_by: null,
        mutation_id: null,
        created_at: now,
        resolved_at: null,
        version,
      })
      .execute();
    await trx
      .insertInto('count_tasks')
      .values({
        id: uuidv7(),
        warehouse_id: warehouseId,
        location_id: n.location_id!,
        sku_id: n.sku_id,
        reason: 'negative_stock',
        status: 'open',
        created_at: now,
        version,
      })
      .execute();
  }
}
