import { sql, type Insertable, type Transaction } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { CountTasksTable, Database, ExceptionsTable, StockLedgerTable } from '../db/schema';
import { PREPARED } from '../db/connect';
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

/**
 * The same decision as `raiseNegativeStock`, made before the batch's ledger rows are
 * written so they can go out in the batch's one write statement: each touched bin's
 * balance is its stored sum (read under the counter lock, so nothing else is writing
 * the ledger) plus the batch's own movements there. Returns the rows to insert.
 */
export async function planNegativeStock(
  trx: Transaction<Database>,
  clock: VersionClock,
  warehouseId: string,
  movements: Insertable<StockLedgerTable>[],
  now: string,
): Promise<{ exceptions: Insertable<ExceptionsTable>[]; counts: Insertable<CountTasksTable>[] }> {
  const out = { exceptions: [] as Insertable<ExceptionsTable>[], counts: [] as Insertable<CountTasksTable>[] };
  const key = (loc: string, sku: string) => `${loc}\u0000${sku}`;
  const touched = new Map<string, { locationId: string; skuId: string; balance: number }>();
  for (const m of movements) {
    if (m.location_id && m.delta < 0) touched.set(key(m.location_id, m.sku_id), { locationId: m.location_id, skuId: m.sku_id, balance: 0 });
  }
  if (touched.size === 0) return out;
  for (const m of movements) {
    const t = m.location_id ? touched.get(key(m.location_id, m.sku_id)) : undefined;
    if (t) t.balance += m.delta;
  }
  const pairs = [...touched.values()];
  const { rows } = await sql<{ location_id: string; sku_id: string; balance: number | null; open: boolean }>`${sql.raw(PREPARED)}
    select p.location_id, p.sku_id,
      (select sum(l.delta) from stock_ledger l where l.location_id = p.location_id and l.sku_id = p.sku_id) as balance,
      exists (select 1 from exceptions e where e.type = 'negative_stock' and e.status = 'open'
        and e.location_id = p.location_id and e.sku_id = p.sku_id) as open
    from unnest(${pairs.map((t) => t.locationId)}::text[], ${pairs.map((t) => t.skuId)}::text[]) as p(location_id, sku_id)`.execute(trx);
  for (const r of rows) {
    const t = touched.get(key(r.location_id, r.sku_id))!;
    const balance = Number(r.balance ?? 0) + t.balance;
    if (balance >= 0 || r.open) continue;
    const version = clock.tick();
    out.exceptions.push({
      id: uuidv7(),
      warehouse_id: warehouseId,
      type: 'negative_stock',
      status: 'open',
      wave_id: null,
      task_id: null,
      location_id: t.locationId,
      sku_id: t.skuId,
      qty: balance,
      raised_by: null,
      mutation_id: null,
      created_at: now,
      resolved_at: null,
      version,
    });
    out.counts.push({
      id: uuidv7(),
      warehouse_id: warehouseId,
      location_id: t.locationId,
      sku_id: t.skuId,
      reason: 'negative_stock',
      status: 'open',
      created_at: now,
      version,
    });
  }
  return out;
}
