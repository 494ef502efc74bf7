import type { Kysely, Transaction } from 'kysely';
import { allocate, type StockLot } from '../../domain/picking/allocation';
import { insertRows } from './bulk';
import { makeRng } from './rng';
import type { Database } from './schema';
import { makeGtin, shipTo, WAREHOUSE } from './seed-catalogue';
import { VersionClock } from './version';
import { writeWave, type WaveLine } from './wave-writer';

export const CLUSTER_WAVE_CODE = 'W-0002';
/** Totes no wave uses, for loading a cluster cart. */
export const SPARE_TOTES = ['T0301', 'T0302', 'T0303'];
export const DEMO_LOT_SKU = { id: 'sku-LUMA-D001', code: 'LUMA-D001', name: 'Demo Serum 30 ml (lot and expiry)' };
export const DEMO_SHORT_SKU = { id: 'sku-NORD-D001', code: 'NORD-D001', name: 'Demo Trail Socks M Grey' };

const DAY = 86_400_000;
const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);

/**
 * The picking-rules demo (issue 4), beside W-0001 and never touching it: a lot- and
 * expiry-tracked SKU in two lots (one inside the 30-day minimum shelf life, so FEFO
 * skips it) and in a second bin; a SKU whose pick face holds 2 of the 4 a line needs,
 * with more in reserve for the short pick's re-allocation; cluster wave W-0002 of three
 * orders for Pat; three spare totes. Does nothing when W-0002 exists.
 */
export async function seedClusterDemo(trx: Transaction<Database>, clock: VersionClock, now: Date): Promise<boolean> {
  if (await trx.selectFrom('waves').select('id').where('code', '=', CLUSTER_WAVE_CODE).executeTakeFirst()) return false;
  const wh = WAREHOUSE.id;
  const iso = now.toISOString();
  const yy = now.getUTCFullYear() % 100;
  const rng = makeRng(20240612);

  // Empty pick faces first (any face if none is free), reserve bins in walk order.
  const stocked = new Set((await trx.selectFrom('stock_ledger').select('location_id').distinct().execute()).map((r) => r.location_id));
  const faces = await trx.selectFrom('locations').select(['id', 'walk_seq', 'type']).where('type', '=', 'pick_face').orderBy('walk_seq').execute();
  const free = [...faces.filter((f) => !stocked.has(f.id)), ...faces.filter((f) => stocked.has(f.id))];
  const reserve = await trx.selectFrom('locations').select(['id', 'walk_seq', 'type']).where('type', '=', 'reserve').orderBy('walk_seq').limit(2).execute();
  const [lotFace, shortFace] = [free[0]!, free[1]!];
  const [lotReserve, shortReserve] = [reserve[0]!, reserve[1] ?? reserve[0]!];

  const skus = [
    { ...DEMO_LOT_SKU, seller: 'seller-luma', gtin: makeGtin('506123456', 13, 901), lot: 1 },
    { ...DEMO_SHORT_SKU, seller: 'seller-nord', gtin: makeGtin('0841234', 12, 901), lot: 0 },
  ];
  await insertRows(trx, 'skus', skus.map((s) => ({
    id: s.id, warehouse_id: wh, seller_id: s.seller, code: s.code, name: s.name, length_mm: 50, width_mm: 40, height_mm: 120,
    weight_g: 150, case_pack_qty: 12, lot_tracked: s.lot, expiry_tracked: s.lot, serial_tracked: 0, low_stock_threshold: 5,
    version: clock.tick(),
  })));
  await insertRows(trx, 'sku_barcodes', skus.map((s) => ({ id: `bc-${s.code}-u`, sku_id: s.id, value: s.gtin, kind: 'gtin', pack_qty: 1 })));

  const soon = { lot: `LS${yy}01`, expiry: isoDay(now.getTime() + 20 * DAY) };
  const later = { lot: `LL${yy}02`, expiry: isoDay(now.getTime() + 200 * DAY) };
  const stock: { loc: typeof lotFace; sku: string; lot: string | null; expiry: string | null; qty: number }[] = [
    { loc: lotFace, sku: DEMO_LOT_SKU.id, ...soon, qty: 10 },
    { loc: lotFace, sku: DEMO_LOT_SKU.id, ...later, qty: 20 },
    { loc: lotReserve, sku: DEMO_LOT_SKU.id, ...later, qty: 30 },
    { loc: shortFace, sku: DEMO_SHORT_SKU.id, lot: null, expiry: null, qty: 2 },
    { loc: shortReserve, sku: DEMO_SHORT_SKU.id, lot: null, expiry: null, qty: 12 },
  ];
  await insertRows(trx, 'stock_ledger', stock.map((s, i) => ({
    id: `seed-demo-${i + 1}`, warehouse_id: wh, location_id: s.loc.id, container_code: null, sku_id: s.sku, lot: s.lot,
    expiry: s.expiry, delta: s.qty, reason: 'seed', mutation_id: null, created_at: iso,
  })));

  // The lot line is allocated like any: FEFO outside the seller's minimum shelf life.
  const lots: StockLot[] = stock.filter((s) => s.sku === DEMO_LOT_SKU.id).map((s) => ({
    locationId: s.loc.id, walkSeq: Number(s.loc.walk_seq), locationType: s.loc.type as StockLot['locationType'],
    lot: s.lot, expiry: s.expiry, available: s.qty,
  }));
  const lotPick = allocate({ skuId: DEMO_LOT_SKU.id, qty: 2 }, { lotTracked: true, expiryTracked: true }, lots, { today: isoDay(now.getTime()) }).allocations[0]!;
  // A plain seeded SKU of the outdoor seller at its pick face, for the third order.
  const plain = await trx
    .selectFrom('stock_ledger')
    .innerJoin('skus', 'skus.id', 'stock_ledger.sku_id')
    .innerJoin('locations', 'locations.id', 'stock_ledger.location_id')
    .select(['stock_ledger.sku_id', 'stock_ledger.location_id'])
    .where('skus.seller_id', '=', 'seller-nord')
    .where('skus.lot_tracked', '=', 0)
    .where('locations.type', '=', 'pick_face')
    .where('stock_ledger.reason', '=', 'seed')
    .where('stock_ledger.sku_id', '!=', DEMO_SHORT_SKU.id)
    .orderBy('skus.code')
    .limit(1)
    .executeTakeFirstOrThrow();

  const orders = [
    { seller: 'seller-luma', line: { skuId: DEMO_LOT_SKU.id, qty: 2, locationId: lotPick.locationId, lot: lotPick.lot, expiry: lotPick.expiry } },
    { seller: 'seller-nord', line: { skuId: DEMO_SHORT_SKU.id, qty: 4, locationId: shortFace.id } },
    { seller: 'seller-nord', line: { skuId: plain.sku_id, qty: 1, locationId: plain.location_id! } },
  ];
  const lines: WaveLine[] = [];
  for (const [i, o] of orders.entries()) {
    const id = `ord-demo-${i + 1}`;
    const ref = `SO-${20001 + i}`;
    await trx.insertInto('orders').values({
      id, warehouse_id: wh, seller_id: o.seller, external_id: ref, status: 'released', ship_to: JSON.stringify(shipTo(rng)),
      carrier_service: 'UPS Ground', ship_by: isoDay(now.getTime() + DAY) + 'T17:00:00.000Z', created_at: iso, version: clock.tick(),
    }).execute();
    await trx.insertInto('order_lines').values({ id: `${id}-1`, order_id: id, line_no: 1, sku_id: o.line.skuId, qty: o.line.qty, version: clock.tick() }).execute();
    lines.push({ orderId: id, orderLineId: `${id}-1`, orderRef: ref, ...o.line });
  }
  await writeWave(trx, clock, { warehouseId: wh, code: CLUSTER_WAVE_CODE, assignedUserId: 'u-1001', kind: 'cluster', now: iso, lines });
  await insertRows(trx, 'totes', SPARE_TOTES.map((code) => ({ id: `tote-${code}`, warehouse_id: wh, code, version: clock.tick() })));
  return true;
}

/**
 * A demo database seeded before W-0002 existed gets it on the next start; a database
 * that is not the demo (no W-0001 in the demo warehouse) is never touched.
 */
export async function seedClusterDemoIfMissing(db: Kysely<Database>, now = new Date()): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const clock = await VersionClock.begin(trx);
    const demo = await trx.selectFrom('waves').select('id').where('code', '=', 'W-0001').where('warehouse_id', '=', WAREHOUSE.id).executeTakeFirst();
    const done = demo ? await seedClusterDemo(trx, clock, now) : false;
    await clock.finish(trx);
    return done;
  });
}
