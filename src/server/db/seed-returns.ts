import type { Kysely, Transaction } from 'kysely';
import { sscc, trackingNumber } from '../../domain/packing/numbers';
import { insertRows } from './bulk';
import type { Database } from './schema';
import { WAREHOUSE } from './seed-catalogue';
import { VersionClock } from './version';

/**
 * Returns' demo data (issue 6): two orders shipped before the demo starts, so a returns
 * clerk has something to grade. Their tracking numbers (prefix RT) and SSCCs (extension
 * digit 9) are outside what the pack bench numbers (LT, extension 3), so a later pack can
 * never collide with them.
 */
const NUMBERS = { trackingPrefix: 'RT', trackingSuffix: 'US', gs1CompanyPrefix: '0614141', ssccExtension: 9 } as const;

export const RETURNS_DEMO = {
  orders: [
    {
      id: 'ord-ret-1', ref: 'SO-RET-0001', sellerId: 'seller-luma', shippedDaysAgo: 3, carrier: 'UPS', service: 'UPS Ground',
      lines: [{ skuId: 'sku-LUMA-0005', qty: 2 }, { skuId: 'sku-LUMA-0006', qty: 1 }],
    },
    {
      id: 'ord-ret-2', ref: 'SO-RET-0002', sellerId: 'seller-nord', shippedDaysAgo: 10, carrier: 'UPS', service: 'UPS Ground',
      lines: [{ skuId: 'sku-NORD-0001', qty: 1 }, { skuId: 'sku-NORD-0002', qty: 2 }],
    },
  ],
} as const;

export const returnsDemoTracking = (i: number) => trackingNumber(NUMBERS, i + 1);

/** Does nothing when a demo order exists or a SKU it names does not (not the demo catalogue). */
export async function seedReturnsDemo(trx: Transaction<Database>, clock: VersionClock, now: Date): Promise<boolean> {
  const wh = WAREHOUSE.id;
  const ids = RETURNS_DEMO.orders.map((o) => o.id);
  if (await trx.selectFrom('orders').select('id').where('id', 'in', ids).executeTakeFirst()) return false;
  const skuIds = [...new Set(RETURNS_DEMO.orders.flatMap((o) => o.lines.map((l) => l.skuId)))];
  const found = await trx.selectFrom('skus').select('id').where('id', 'in', skuIds).where('warehouse_id', '=', wh).execute();
  if (found.length !== skuIds.length) return false;
  const shipTo = JSON.stringify({ name: 'Sam Customer', line1: '12 Elm St', city: 'Reno', region: 'NV', postalCode: '89501', country: 'US' });
  for (const [i, o] of RETURNS_DEMO.orders.entries()) {
    const at = new Date(now.getTime() - o.shippedDaysAgo * 86_400_000).toISOString();
    const v = clock.tick();
    await trx
      .insertInto('orders')
      .values({
        id: o.id, warehouse_id: wh, seller_id: o.sellerId, external_id: o.ref, status: 'shipped', ship_to: shipTo,
        carrier_service: o.service, ship_by: at, created_at: at, packed_at: at, shipped_at: at, version: v,
      })
      .execute();
    await insertRows(trx, 'order_lines', o.lines.map((l, j) => ({ id: `${o.id}-${j + 1}`, order_id: o.id, line_no: j + 1, sku_id: l.skuId, qty: l.qty, version: v })));
    await trx
      .insertInto('shipments')
      .values({
        id: `shp-${o.id}`, warehouse_id: wh, order_id: o.id, bench_id: 'loc-PACK-01', carrier: o.carrier, service: o.service, status: 'shipped',
        packed_by: 'u-2001', override_by: null, override_nonce: null, mutation_id: `seed-${o.id}`, created_at: at, shipped_at: at, version: v,
      })
      .execute();
    await trx
      .insertInto('cartons')
      .values({
        id: `ctn-${o.id}`, warehouse_id: wh, shipment_id: `shp-${o.id}`, order_id: o.id, seq: 1, box_type_id: 'box-S2', weight_g: 900,
        expected_weight_g: 900, tracking_number: returnsDemoTracking(i), sscc: sscc(NUMBERS, i + 1),
        contents: JSON.stringify(o.lines.map((l) => ({ skuId: l.skuId, lot: null, qty: l.qty }))), carrier: o.carrier, manifest_id: null,
        created_at: at, version: v,
      })
      .execute();
  }
  return true;
}

/**
 * Run on every start (start.ts), after the demo is seeded: tests seed without it, so
 * their shipment and carton counts stay the demo's own. A database that is not the demo
 * (no W-0001 in the demo warehouse) is never touched.
 */
export async function seedReturnsDemoIfMissing(db: Kysely<Database>, now = new Date()): Promise<boolean> {
  const demo = await db.selectFrom('waves').select('id').where('code', '=', 'W-0001').where('warehouse_id', '=', WAREHOUSE.id).executeTakeFirst();
  if (!demo) return false;
  if (await db.selectFrom('orders').select('id').where('id', 'in', RETURNS_DEMO.orders.map((o) => o.id)).executeTakeFirst()) return false;
  return db.transaction().execute(async (trx) => {
    const clock = await VersionClock.begin(trx);
    const done = await seedReturnsDemo(trx, clock, now);
    await clock.finish(trx);
    return done;
  });
}
