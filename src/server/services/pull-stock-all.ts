import { sql, type Kysely, type Transaction } from 'kysely';
import { hasAnyRole, type Role } from '../../domain/roles';
import { stockKey, type BinStock } from '../../domain/stock';
import type { Database } from '../db/schema';
import { parseJson } from './returns-state';

/** Roles that look up and move stock anywhere: they hold every bin's balance offline. */
export const ALL_BINS_ROLES: Role[] = ['receiver', 'returns', 'lead'];

/**
 * Commands that move bin stock without rewriting a pick task. Word for word the predicate
 * of the partial index mutations_inventory_version (0010): SQLite uses a partial index
 * only when the query repeats it.
 */
export const INVENTORY_MUTATION_NAMES = ['receipt.close', 'putaway.confirm', 'stock.move', 'return.grade', 'count.submit'] as const;

/** The literal predicate: bound parameters would keep both databases off the partial index. */
const INVENTORY_MUTATION_PREDICATE = sql.raw(`name in (${INVENTORY_MUTATION_NAMES.map((n) => `'${n}'`).join(', ')})`);

const CHUNK = 500;

/** Inventory commands with a version in (from, to], through the partial index. */
export function inventoryMutations(trx: Transaction<Database> | Kysely<Database>, from: number, to: number) {
  return trx.selectFrom('mutations').select('id').where(sql<boolean>`${INVENTORY_MUTATION_PREDICATE}`).where('version', '>', from).where('version', '<=', to);
}

export async function seesAllBins(trx: Transaction<Database>, wh: string, userId: string): Promise<boolean> {
  const u = await trx.selectFrom('users').select('roles').where('id', '=', userId).where('warehouse_id', '=', wh).executeTakeFirst();
  const roles = u ? parseJson(u.roles) : [];
  return hasAnyRole(Array.isArray(roles) ? (roles as string[]) : [], ALL_BINS_ROLES);
}

/**
 * Every bin balance (every location type) of the SKUs that moved in (from, to]; all of
 * them on the first pull. Moved: a pick task of the SKU changed (picks, shorts, undos
 * rewrite one) or an inventory command in the range wrote ledger rows of it.
 */
export async function readAllBinStock(trx: Transaction<Database>, wh: string, from: number, to: number): Promise<BinStock[]> {
  let skus: string[] | null = null;
  if (from > 0) {
    const moved = new Set<string>();
    const tasks = await trx.selectFrom('pick_tasks').select('sku_id').distinct().where('warehouse_id', '=', wh).where('version', '>', from).where('version', '<=', to).execute();
    for (const t of tasks) moved.add(t.sku_id);
    const muts = await inventoryMutations(trx, from, to).execute();
    const ids = muts.map((m) => m.id);
    for (let i = 0; i < ids.length; i += CHUNK) {
      const rows = await trx.selectFrom('stock_ledger').select('sku_id').distinct().where('mutation_id', 'in', ids.slice(i, i + CHUNK)).where('warehouse_id', '=', wh).execute();
      for (const r of rows) moved.add(r.sku_id);
    }
    skus = [...moved].sort();
    if (skus.length === 0) return [];
  }
  const out: BinStock[] = [];
  for (let i = 0; i < (skus?.length ?? 1); i += CHUNK) {
    let q = trx
      .selectFrom('stock_ledger')
      .innerJoin('locations', 'locations.id', 'stock_ledger.location_id')
      .select(['stock_ledger.location_id', 'stock_ledger.sku_id', 'stock_ledger.lot', 'stock_ledger.expiry'])
      .select((eb) => eb.fn.sum<number>('stock_ledger.delta').as('qty'))
      .where('stock_ledger.warehouse_id', '=', wh);
    if (skus) q = q.where('stock_ledger.sku_id', 'in', skus.slice(i, i + CHUNK));
    const rows = await q.groupBy(['stock_ledger.location_id', 'stock_ledger.sku_id', 'stock_ledger.lot', 'stock_ledger.expiry']).execute();
    for (const r of rows) {
      const loc = r.location_id!;
      out.push({ id: stockKey(loc, r.sku_id, r.lot, r.expiry), locationId: loc, skuId: r.sku_id, lot: r.lot, expiry: r.expiry, qty: Number(r.qty), version: to });
    }
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
