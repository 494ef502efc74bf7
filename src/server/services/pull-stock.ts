import type { Transaction } from 'kysely';
import { PICKABLE_LOCATION_TYPES } from '../../domain/picking/allocation';
import { stockKey, type BinStock } from '../../domain/stock';
import type { Database } from '../db/schema';
import { readAllBinStock, seesAllBins } from './pull-stock-all';

const OPEN_WAVE_STATUSES = ['released', 'picking'];
const CHUNK = 500;

function chunks<T>(xs: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += CHUNK) out.push(xs.slice(i, i + CHUNK));
  return out;
}

/**
 * The bin balances a pull of (from, to] sends the user (see domain/stock.ts).
 *
 * Why no balances table: a balance is a sum over the ledger's (location, sku) index,
 * computed at pull time for the few SKUs a range touched, so the push transaction
 * (whose PostgreSQL path is one statement) writes nothing more and no migration is
 * needed. A balance's `version` is the upper bound of the range that sent it: it is
 * read in that pull's snapshot, so a row from a later range is always newer, and pull
 * pages keep their rule that every row is newer than the cursor and not past the
 * page's own. A SKU in scope is sent in full
 * (every pickable bin and lot) when
 *   - a task of that SKU, in any wave of the warehouse, changed in (from, to]: every
 *     command that moves bin stock rewrites one (a command that moved bin stock without
 *     touching a task, e.g. a future putaway, must be added here), or
 *   - one of the user's open waves changed in (from, to] (assigned to them, released);
 * on the first pull (from = 0) every SKU in scope is.
 * Receivers, returns clerks and leads get every bin of every SKU instead (pull-stock-all.ts).
 */
export async function readStock(
  trx: Transaction<Database>,
  wh: string,
  userId: string | null,
  from: number,
  to: number,
): Promise<BinStock[]> {
  if (userId === null) return [];
  // Receivers, returns clerks and leads look up and move stock anywhere (pull-stock-all.ts).
  if (await seesAllBins(trx, wh, userId)) return readAllBinStock(trx, wh, from, to);
  const scope = await trx
    .selectFrom('pick_tasks')
    .innerJoin('waves', 'waves.id', 'pick_tasks.wave_id')
    .select(['pick_tasks.sku_id', 'waves.version as wave_version'])
    .distinct()
    .where('waves.warehouse_id', '=', wh)
    .where('waves.assigned_user_id', '=', userId)
    .where('waves.status', 'in', OPEN_WAVE_STATUSES)
    .execute();
  if (scope.length === 0) return [];
  const inScope = new Set(scope.map((r) => r.sku_id));
  const send = new Set<string>();
  const within = (v: number | string) => Number(v) > from && Number(v) <= to;
  for (const r of scope) if (from === 0 || within(r.wave_version)) send.add(r.sku_id);
  if (from > 0) {
    // Every command that moves bin stock (pick.confirm, pick.short, pick.undo) also
    // rewrites a task of that SKU in the same version, and pick_tasks has a version
    // index (mutations no longer does): tasks changed in the range name the SKUs.
    const moved = await trx
      .selectFrom('pick_tasks')
      .select('sku_id')
      .distinct()
      .where('warehouse_id', '=', wh)
      .where('version', '>', from)
      .where('version', '<=', to)
      .execute();
    for (const m of moved) if (inScope.has(m.sku_id)) send.add(m.sku_id);
  }
  const out: BinStock[] = [];
  for (const skuIds of chunks([...send].sort())) {
    const rows = await trx
      .selectFrom('stock_ledger')
      .innerJoin('locations', 'locations.id', 'stock_ledger.location_id')
      .select(['stock_ledger.location_id', 'stock_ledger.sku_id', 'stock_ledger.lot', 'stock_ledger.expiry'])
      .select((eb) => eb.fn.sum<number>('stock_ledger.delta').as('qty'))
      .where('stock_ledger.warehouse_id', '=', wh)
      .where('stock_ledger.sku_id', 'in', skuIds)
      .where('locations.type', 'in', [...PICKABLE_LOCATION_TYPES])
      .groupBy(['stock_ledger.location_id', 'stock_ledger.sku_id', 'stock_ledger.lot', 'stock_ledger.expiry'])
      .execute();
    for (const r of rows) {
      const loc = r.location_id!;
      out.push({
        id: stockKey(loc, r.sku_id, r.lot, r.expiry),
        locationId: loc,
        skuId: r.sku_id,
        lot: r.lot,
        expiry: r.expiry,
        qty: Number(r.qty),
        version: to,
      });
    }
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
