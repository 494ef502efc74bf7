import type { Kysely } from 'kysely';
import type { PullResponse } from '../../../src/domain/sync';
import { uuidv7 } from 'uuidv7';
import type { Database } from '../../../src/server/db/schema';
import { VersionClock } from '../../../src/server/db/version';

export const WH = 'wh-fc1';
export const RET = 'loc-RET-01';

let serial = 0;

/**
 * A shipped order of `sellerId` with the given lines, in one carton listing them (as
 * pack.confirm writes it), so returns can be graded against it.
 */
export async function shippedOrder(
  db: Kysely<Database>,
  sellerId: string,
  lines: { skuId: string; qty: number }[],
  status: 'shipped' | 'packed' | 'allocated' = 'shipped',
): Promise<{ orderId: string; ref: string; tracking: string }> {
  serial += 1;
  const orderId = `ord-ret-${uuidv7()}`;
  const ref = `SO-RET-${serial}-${orderId.slice(-6)}`;
  const tracking = `1ZRET${String(Date.now()).slice(-8)}${serial}`;
  const now = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    const clock = await VersionClock.begin(trx);
    const v = clock.tick();
    await trx
      .insertInto('orders')
      .values({
        id: orderId, warehouse_id: WH, seller_id: sellerId, external_id: ref, status,
        ship_to: JSON.stringify({ name: 'Ann Buyer', line1: '1 Main St', city: 'Reno', region: 'NV', postalCode: '89502', country: 'US' }),
        carrier_service: 'UPS Ground', ship_by: now, created_at: now, packed_at: status === 'allocated' ? null : now,
        shipped_at: status === 'shipped' ? now : null, version: v,
      })
      .execute();
    await trx
      .insertInto('order_lines')
      .values(lines.map((l, i) => ({ id: `${orderId}:l${i}`, order_id: orderId, line_no: i + 1, sku_id: l.skuId, qty: l.qty, version: v })))
      .execute();
    if (status !== 'allocated') {
      const shipmentId = uuidv7();
      await trx
        .insertInto('shipments')
        .values({
          id: shipmentId, warehouse_id: WH, order_id: orderId, bench_id: 'loc-PACK-01', carrier: 'UPS', service: 'UPS Ground', status,
          packed_by: 'u-2001', override_by: null, override_nonce: null, mutation_id: uuidv7(), created_at: now,
          shipped_at: status === 'shipped' ? now : null, version: v,
        })
        .execute();
      await trx
        .insertInto('cartons')
        .values({
          id: uuidv7(), warehouse_id: WH, shipment_id: shipmentId, order_id: orderId, seq: 1, box_type_id: 'box-S1', weight_g: 500,
          expected_weight_g: 500, tracking_number: tracking, sscc: `00${String(Date.now()).slice(-10)}${String(serial).padStart(6, '0')}`,
          contents: JSON.stringify(lines.map((l) => ({ skuId: l.skuId, lot: null, qty: l.qty }))), carrier: 'UPS', manifest_id: null,
          created_at: now, version: v,
        })
        .execute();
    }
    await clock.finish(trx);
  });
  return { orderId, ref, tracking };
}

/** SKUs of a seller, in a stable order. */
export async function skusOf(db: Kysely<Database>, sellerId: string, n: number): Promise<string[]> {
  const rows = await db.selectFrom('skus').select('id').where('seller_id', '=', sellerId).orderBy('id').limit(n).execute();
  return rows.map((r) => r.id);
}

/** Table sizes: what a refused command must leave alone. */
export async function sizes(db: Kysely<Database>) {
  const n = async (t: 'returns' | 'return_lines' | 'stock_ledger' | 'putaway_tasks' | 'seller_events' | 'count_tasks') =>
    Number((await db.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return {
    returns: await n('returns'), lines: await n('return_lines'), ledger: await n('stock_ledger'),
    putaway: await n('putaway_tasks'), events: await n('seller_events'), counts: await n('count_tasks'),
  };
}

/** A bin's balance of a SKU on the ledger. */
export async function balance(db: Kysely<Database>, locationId: string, skuId: string): Promise<number> {
  const r = await db
    .selectFrom('stock_ledger')
    .select((eb) => eb.fn.sum<number>('delta').as('q'))
    .where('location_id', '=', locationId)
    .where('sku_id', '=', skuId)
    .executeTakeFirst();
  return Number(r?.q ?? 0);
}

/** Pulls every page from `cursor`: the last page (with the snapshots) and the stock of all pages. */
export async function pullAll(d: { get(url: string): Promise<{ statusCode: number; body: string; json(): unknown }> }, cursor = 0) {
  const stock: PullResponse['changes']['stock'] = [];
  for (;;) {
    const r = await d.get(`/api/sync/pull?cursor=${cursor}&limit=5000`);
    if (r.statusCode !== 200) throw new Error(`pull failed: ${r.statusCode} ${r.body}`);
    const p = r.json() as PullResponse;
    stock.push(...p.changes.stock);
    if (!p.hasMore) return { last: p, stock };
    cursor = p.cursor;
  }
}
