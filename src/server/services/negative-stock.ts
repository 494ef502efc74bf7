import type { Insertable, Transaction } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { Database, StockLedgerTable } from '../db/schema';
import type { SqliteFast } from '../db/sqlite-fast';
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
  fast: SqliteFast | null = null,
): Promise<void> {
  const touched = new Map<string, { locationId: string; skuId: string }>();
  for (const m of movements) {
    if (m.location_id && m.delta < 0) touched.set(`${m.location_id}\u0000${m.sku_id}`, { locationId: m.location_id, skuId: m.sku_id });
  }
  if (touched.size === 0) return;
  const locs = [...new Set([...touched.values()].map((t) => t.locationId))];
  const skus = [...new Set([...touched.values()].map((t) => t.skuId))];
  const pairs = [...touched.values()];
  const sums = fast
    ? fast.balances(pairs).map((balance, i) => ({ location_id: pairs[i]!.locationId, sku_id: pairs[i]!.skuId, balance }))
    : await trx
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

/**
 * PostgreSQL: the bins and SKUs a batch took stock from, with the batch's own net
 * movement at each and fresh ids for the exception and count task each may raise. The
 * batch's write statement then applies `raiseNegativeStock`'s rule itself: stored sum
 * (its snapshot, taken under the counter lock, holds every earlier movement and none of
 * the batch's) plus the batch's movement below zero, and no open negative_stock
 * exception for that bin and SKU.
 */
export function negativeStockCandidates(movements: Insertable<StockLedgerTable>[]) {
  const key = (loc: string, sku: string) => `${loc}\u0000${sku}`;
  const touched = new Map<string, { locationId: string; skuId: string; delta: number }>();
  for (const m of movements) {
    if (m.location_id && m.delta < 0) touched.set(key(m.location_id, m.sku_id), { locationId: m.location_id, skuId: m.sku_id, delta: 0 });
  }
  for (const m of movements) {
    const t = m.location_id ? touched.get(key(m.location_id, m.sku_id)) : undefined;
    if (t) t.delta += m.delta;
  }
  const pairs = [...touched.values()];
  return {
    locationIds: pairs.map((p) => p.locationId),
    skuIds: pairs.map((p) => p.skuId),
    deltas: pairs.map((p) => p.delta),
    exceptionIds: pairs.map(() => uuidv7()),
    countTaskIds: pairs.map(() => uuidv7()),
  };
}
