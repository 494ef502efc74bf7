import type { Kysely, Transaction } from 'kysely';
import { insertRows } from './bulk';
import type { Database } from './schema';
import { WAREHOUSE } from './seed-catalogue';
import { VersionClock } from './version';

/**
 * Wave planning's demo data (issue 7): released orders not yet in any wave, so a lead
 * has something to preview. Two ship-by days and four carriers give distinct cut-offs;
 * SO-PLAN-0008 asks for more than the building holds, so the preview shows an order it
 * cannot allocate.
 */
export const PLANNING_DEMO = {
  orders: [
    { n: 1, sellerId: 'seller-nord', service: 'UPS Ground', days: 1, lines: [['sku-NORD-0040', 1], ['sku-NORD-0041', 2]] },
    { n: 2, sellerId: 'seller-nord', service: 'USPS Priority Mail', days: 1, lines: [['sku-NORD-0042', 1]] },
    { n: 3, sellerId: 'seller-luma', service: 'USPS Ground Advantage', days: 1, lines: [['sku-LUMA-0040', 2], ['sku-LUMA-0041', 1], ['sku-LUMA-0042', 1]] },
    { n: 4, sellerId: 'seller-bean', service: 'FedEx Home Delivery', days: 1, lines: [['sku-BEAN-0040', 1]] },
    { n: 5, sellerId: 'seller-nord', service: 'UPS Ground', days: 1, lines: [['sku-NORD-0043', 3]] },
    { n: 6, sellerId: 'seller-luma', service: 'DHL eCommerce', days: 2, lines: [['sku-LUMA-0043', 1], ['sku-LUMA-0044', 1]] },
    { n: 7, sellerId: 'seller-bean', service: 'UPS Ground', days: 2, lines: [['sku-BEAN-0041', 2], ['sku-BEAN-0042', 1]] },
    { n: 8, sellerId: 'seller-nord', service: 'UPS Ground', days: 2, lines: [['sku-NORD-0044', 5000]] },
  ],
} as const;

export const planningOrderId = (n: number) => `ord-plan-${n}`;
export const planningOrderRef = (n: number) => `SO-PLAN-${String(n).padStart(4, '0')}`;

/** Does nothing when a demo order exists or a SKU it names does not (not the demo catalogue). */
export async function seedPlanningDemo(trx: Transaction<Database>, clock: VersionClock, now: Date): Promise<boolean> {
  const wh = WAREHOUSE.id;
  const ids = PLANNING_DEMO.orders.map((o) => planningOrderId(o.n));
  if (await trx.selectFrom('orders').select('id').where('id', 'in', ids).executeTakeFirst()) return false;
  const skuIds = [...new Set(PLANNING_DEMO.orders.flatMap((o) => o.lines.map(([s]) => s as string)))];
  const found = await trx.selectFrom('skus').select('id').where('id', 'in', skuIds).where('warehouse_id', '=', wh).execute();
  if (found.length !== skuIds.length) return false;
  const shipTo = JSON.stringify({ name: 'Alex Buyer', line1: '40 Pine Rd', city: 'Boise', region: 'ID', postalCode: '83702', country: 'US' });
  for (const o of PLANNING_DEMO.orders) {
    const id = planningOrderId(o.n);
    const shipBy = new Date(now.getTime() + o.days * 86_400_000).toISOString().slice(0, 10) + 'T17:00:00.000Z';
    const v = clock.tick();
    await trx
      .insertInto('orders')
      .values({
        id, warehouse_id: wh, seller_id: o.sellerId, external_id: planningOrderRef(o.n), status: 'released', ship_to: shipTo,
        carrier_service: o.service, ship_by: shipBy, created_at: now.toISOString(), version: v,
      })
      .execute();
    await insertRows(trx, 'order_lines', o.lines.map(([sku, qty], j) => ({ id: `${id}-${j + 1}`, order_id: id, line_no: j + 1, sku_id: sku, qty, version: v })));
  }
  return true;
}

/**
 * Run on every start (start.ts), after the demo is seeded: tests seed without it, so
 * their order counts stay the demo's own. A database that is not the demo (no W-0001 in
 * the demo warehouse) is never touched.
 */
export async function seedPlanningDemoIfMissing(db: Kysely<Database>, now = new Date()): Promise<boolean> {
  const demo = await db.selectFrom('waves').select('id').where('code', '=', 'W-0001').where('warehouse_id', '=', WAREHOUSE.id).executeTakeFirst();
  if (!demo) return false;
  if (await db.selectFrom('orders').select('id').where('id', '=', planningOrderId(1)).executeTakeFirst()) return false;
  return db.transaction().execute(async (trx) => {
    const clock = await VersionClock.begin(trx);
    const done = await seedPlanningDemo(trx, clock, now);
    await clock.finish(trx);
    return done;
  });
}
