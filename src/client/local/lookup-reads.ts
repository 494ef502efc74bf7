import type { StockMoveArgs } from '../../domain/commands/inbound';
import type { WhereBalance } from '../../domain/inventory/where';
import type { BinStock } from '../../domain/stock';
import { db, type OutboxRow } from './db';
import { replayMoves } from './move-repo';

/**
 * Raw IndexedDB reads for the look-up, which must answer in a few milliseconds on a slow
 * handheld holding 100,000 SKUs: one read-only transaction, every request issued at once
 * and pipelined, each a single getAll or get on an index, with no library layer per read.
 */

const STORES = ['locations', 'skus', 'totes', 'asns', 'returnables', 'packOrders', 'outbox', 'stock', 'tasks'] as const;
export type LookupStore = (typeof STORES)[number];

export interface Reader {
  /** Rows whose `index` holds any of `keys` (one getAll per key). */
  by<T>(store: LookupStore, index: string, keys: readonly IDBValidKey[]): Promise<T[]>;
  range<T>(store: LookupStore, index: string, range: IDBKeyRange): Promise<T[]>;
  get<T>(store: LookupStore, keys: readonly string[]): Promise<(T | undefined)[]>;
  all<T>(store: LookupStore): Promise<T[]>;
  count(store: LookupStore): Promise<number>;
}

function req<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
  });
}

/** A reader over one read-only transaction. Await only its reads while using it: anything else lets it commit. */
export async function lookupReader(): Promise<Reader> {
  const d = db();
  if (!d.isOpen()) await d.open();
  const tx = d.backendDB().transaction([...STORES], 'readonly');
  const store = (s: LookupStore) => tx.objectStore(s);
  return {
    by: async <T>(s: LookupStore, index: string, keys: readonly IDBValidKey[]) => {
      const idx = store(s).index(index);
      return (await Promise.all([...new Set(keys)].map((k) => req(idx.getAll(k) as IDBRequest<T[]>)))).flat();
    },
    range: <T>(s: LookupStore, index: string, range: IDBKeyRange) => req(store(s).index(index).getAll(range) as IDBRequest<T[]>),
    get: <T>(s: LookupStore, keys: readonly string[]) => Promise.all([...new Set(keys)].map((k) => req(store(s).get(k) as IDBRequest<T | undefined>))),
    all: <T>(s: LookupStore) => req(store(s).getAll() as IDBRequest<T[]>),
    count: (s: LookupStore) => req(store(s).count()),
  };
}

const asBalance = ({ locationId, skuId, lot, expiry, qty }: BinStock): WhereBalance => ({ locationId, skuId, lot, expiry, qty });

/** This device's unsynced moves, by SKU; the outbox is counted first, so an empty one costs one request. */
export async function pendingMoves(r: Reader): Promise<Map<string, OutboxRow[]>> {
  const out = new Map<string, OutboxRow[]>();
  if ((await r.count('outbox')) === 0) return out;
  for (const row of await r.all<OutboxRow>('outbox')) {
    if (row.name !== 'stock.move') continue;
    const sku = (row.args as StockMoveArgs).skuId;
    out.set(sku, [...(out.get(sku) ?? []), row]);
  }
  return out;
}

/** Every bin's balance of a SKU: pulled, with pending moves replayed (move-repo's rule). */
export async function skuBalancesIn(r: Reader, skuId: string, pending: Map<string, OutboxRow[]>): Promise<WhereBalance[]> {
  const rows = (await r.by<BinStock>('stock', 'skuId', [skuId])).map(asBalance);
  return replayMoves(rows, pending.get(skuId) ?? []);
}

/** A bin's balances: pulled, with the pending moves into or out of it replayed. */
export async function binBalancesIn(r: Reader, locationId: string): Promise<WhereBalance[]> {
  const [rows, pending] = await Promise.all([
    r.range<BinStock>('stock', '[locationId+skuId]', IDBKeyRange.bound([locationId, ''], [locationId, '\uffff\uffff'])),
    pendingMoves(r),
  ]);
  const touches = (m: OutboxRow) => {
    const a = m.args as StockMoveArgs;
    return a.fromLocationId === locationId || a.toLocationId === locationId;
  };
  const moved = new Set([...pending].filter(([, ms]) => ms.some(touches)).map(([sku]) => sku));
  const replayed = await Promise.all([...moved].map((sku) => skuBalancesIn(r, sku, pending)));
  return [...rows.filter((b) => !moved.has(b.skuId)).map(asBalance), ...replayed.flat().filter((b) => b.locationId === locationId)];
}
