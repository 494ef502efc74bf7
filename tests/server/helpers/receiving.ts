import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { INBOUND_DEMO } from '../../../src/server/db/seed-inbound';
import type { Harness } from './harness';

/** Receiving's demo: ASN-LUMA-0001 (trusted, two SSCC cartons, a lot and expiry line) and ASN-NORD-0001. */
export const DOCK = INBOUND_DEMO.dockLocationId;
export const LUMA = INBOUND_DEMO.trusted;
export const NORD = INBOUND_DEMO.unitByUnit;
export const [C1, C2] = [LUMA.cartons[0].sscc, LUMA.cartons[1].sscc];
export const SERUM = { skuId: 'sku-LUMA-0001', lot: INBOUND_DEMO.lot, expiry: INBOUND_DEMO.expiry };
export const RITA = 'u-3001';

export const line = (skuId: string, qty: number, extra: Record<string, unknown> = {}) => ({
  skuId, lot: null, expiry: null, qty, cartonSscc: null, condition: 'ok', reason: null, photoIds: [], ...extra,
});

export const closeArgs = (over: Record<string, unknown> = {}) => ({
  receiptId: uuidv7(), asnId: LUMA.id, sellerId: LUMA.sellerId, dockLocationId: DOCK, lines: [line('sku-LUMA-0005', 1)], notes: [], ...over,
});

/** Ledger balance per location, SKU and lot (non-zero only), as `location|sku|lot` -> qty. */
export async function balances(h: Harness, where: { locationId?: string; skuIds?: string[] } = {}): Promise<Record<string, number>> {
  let q = h.db.db
    .selectFrom('stock_ledger')
    .select(['location_id', 'sku_id', 'lot', (eb) => eb.fn.sum<number>('delta').as('qty')])
    .groupBy(['location_id', 'sku_id', 'lot']);
  if (where.locationId) q = q.where('location_id', '=', where.locationId);
  if (where.skuIds) q = q.where('sku_id', 'in', where.skuIds);
  const rows = await q.execute();
  return Object.fromEntries(rows.filter((r) => Number(r.qty) !== 0).map((r) => [`${r.location_id}|${r.sku_id}|${r.lot ?? ''}`, Number(r.qty)]).sort());
}

/** A digest of everything receiving can change (not the command log, which records refusals too). */
export async function receivingDigest(h: Harness): Promise<string> {
  const hash = createHash('sha256');
  const tables = ['stock_ledger', 'receipts', 'receipt_lines', 'discrepancies', 'putaway_tasks', 'asns', 'asn_cartons', 'seller_events', 'exceptions', 'count_tasks'] as const;
  for (const t of tables) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(t)}`.execute(h.db.db);
    const lines = rows.rows.map((r) => JSON.stringify(Object.keys(r).sort().map((k) => [k, r[k] === null ? null : String(r[k])]))).sort();
    hash.update(`${t}:${lines.length}\n${lines.join('\n')}\n`);
  }
  return hash.digest('hex');
}
