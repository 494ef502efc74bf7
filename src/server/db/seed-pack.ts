import type { Insertable, Kysely, Transaction } from 'kysely';
import { makeOverrideSecret, type OverrideSecret } from '../../domain/packing/override';
import { maxSsccSerial, MAX_TRACKING_SERIAL } from '../../domain/packing/numbers';
import type { PackConfig } from '../../domain/packing/types';
import { insertRows } from './bulk';
import type { Database, StockLedgerTable } from './schema';
import { DEMO_PIN, makeGtin, WAREHOUSE } from './seed-catalogue';
import { VersionClock } from './version';
import { writeWave } from './wave-writer';

export const PACK_WAVE_CODE = 'W-0003';

/** The box catalogue: inner dimensions (mm), the most a box may carry and its own weight (g). */
export const DEMO_BOXES = [
  { id: 'box-S1', code: 'BOX-S1', name: 'Small mailer 22x16x8', dims: [220, 160, 80], maxWeightG: 2000, tareG: 90 },
  { id: 'box-S2', code: 'BOX-S2', name: 'Small box 25x20x12', dims: [250, 200, 120], maxWeightG: 5000, tareG: 160 },
  { id: 'box-M1', code: 'BOX-M1', name: 'Medium box 35x25x15', dims: [350, 250, 150], maxWeightG: 10000, tareG: 280 },
  { id: 'box-M2', code: 'BOX-M2', name: 'Medium deep box 40x30x25', dims: [400, 300, 250], maxWeightG: 15000, tareG: 420 },
  { id: 'box-L1', code: 'BOX-L1', name: 'Large box 50x40x35', dims: [500, 400, 350], maxWeightG: 25000, tareG: 680 },
] as const;

export const DEMO_SHIP_FROM = {
  name: 'Tote FC 1',
  line1: '4100 Logistics Pkwy',
  line2: 'Dock 3',
  city: 'Reno',
  region: 'NV',
  postalCode: '89502',
  country: 'US',
};

export const DEMO_PACK_CONFIG: PackConfig = {
  packingFactor: 1.2,
  weightTolerancePct: 5,
  weightToleranceMinG: 50,
  shipFrom: DEMO_SHIP_FROM,
  gs1CompanyPrefix: '0614141',
  ssccExtension: 3,
  trackingPrefix: 'LT',
  trackingSuffix: 'US',
  leaseBlock: 50,
  leaseLowWater: 10,
};

/** SKUs made for the packing demo: fixed GTINs and weights, so a right weight passes. */
export const PACK_SKUS = {
  beanie: { id: 'sku-NORD-P001', code: 'NORD-P001', sellerId: 'seller-nord', name: 'Demo Merino Beanie One Size', gtin: makeGtin('0841234', 12, 902), dims: [220, 180, 40], weightG: 95 },
  mug: { id: 'sku-NORD-P002', code: 'NORD-P002', sellerId: 'seller-nord', name: 'Demo Camp Mug 350 ml', gtin: makeGtin('0841234', 12, 903), dims: [100, 100, 110], weightG: 310 },
  coffee: { id: 'sku-BEAN-P001', code: 'BEAN-P001', sellerId: 'seller-bean', name: 'Demo House Espresso Whole Bean 1 kg', gtin: makeGtin('843700112', 13, 901), dims: [250, 140, 90], weightG: 1020 },
  dripBags: { id: 'sku-BEAN-P002', code: 'BEAN-P002', sellerId: 'seller-bean', name: 'Demo Drip Bags x10', gtin: makeGtin('843700112', 13, 902), dims: [160, 110, 60], weightG: 120 },
  serum: { id: 'sku-LUMA-P001', code: 'LUMA-P001', sellerId: 'seller-luma', name: 'Demo Hydrating Serum 50 ml', gtin: makeGtin('506123456', 13, 902), dims: [45, 45, 140], weightG: 140 },
} as const;

type PackSkuKey = keyof typeof PACK_SKUS;

/**
 * The packing demo: wave W-0003, picked by Pilar and dropped at PACK-01. Tote T0401
 * holds two orders (no SKU in both, so each item scan names its order), tote T0402
 * one single-item order. GTINs are 14 digits (scan the last 12 or 13 as UPC/EAN).
 */
export const PACK_DEMO = {
  benchCode: 'PACK-01',
  benchId: 'loc-PACK-01',
  waveCode: PACK_WAVE_CODE,
  waveId: `wave-${PACK_WAVE_CODE}`,
  twoOrderTote: 'T0401',
  singleTote: 'T0402',
  orders: [
    {
      id: 'ord-pack-1',
      ref: 'SO-30001',
      sellerId: 'seller-nord',
      tote: 'T0401',
      carrierService: 'UPS Ground',
      items: [
        { sku: 'beanie' as PackSkuKey, skuId: PACK_SKUS.beanie.id, gtin: PACK_SKUS.beanie.gtin, weightG: PACK_SKUS.beanie.weightG, qty: 2 },
        { sku: 'mug' as PackSkuKey, skuId: PACK_SKUS.mug.id, gtin: PACK_SKUS.mug.gtin, weightG: PACK_SKUS.mug.weightG, qty: 1 },
      ],
    },
    {
      id: 'ord-pack-2',
      ref: 'SO-30002',
      sellerId: 'seller-bean',
      tote: 'T0401',
      carrierService: 'USPS Priority Mail',
      items: [
        { sku: 'coffee' as PackSkuKey, skuId: PACK_SKUS.coffee.id, gtin: PACK_SKUS.coffee.gtin, weightG: PACK_SKUS.coffee.weightG, qty: 1 },
        { sku: 'dripBags' as PackSkuKey, skuId: PACK_SKUS.dripBags.id, gtin: PACK_SKUS.dripBags.gtin, weightG: PACK_SKUS.dripBags.weightG, qty: 2 },
      ],
    },
    {
      id: 'ord-pack-3',
      ref: 'SO-30003',
      sellerId: 'seller-luma',
      tote: 'T0402',
      carrierService: 'FedEx Home Delivery',
      items: [{ sku: 'serum' as PackSkuKey, skuId: PACK_SKUS.serum.id, gtin: PACK_SKUS.serum.gtin, weightG: PACK_SKUS.serum.weightG, qty: 1 }],
    },
  ],
} as const;

const SHIP_TO = [
  { name: 'Grace Okafor', line1: '1820 Maple Ave', line2: 'Apt 4B', city: 'Portland', region: 'OR', postalCode: '97205', country: 'US' },
  { name: 'Kenji Rossi', line1: '77 Harbor St', city: 'Albany', region: 'NY', postalCode: '12207', country: 'US' },
  { name: 'Lucia Novak', line1: '4512 Lakeview Dr', city: 'Madison', region: 'WI', postalCode: '53703', country: 'US' },
];

/** Users whose PIN can approve a weight outside tolerance. */
const OVERRIDE_ROLES = ['lead', 'admin'];

/** PBKDF2 is slow on purpose: made before the seeding transaction, like PIN hashes. */
export function packOverrideSecret(pin = DEMO_PIN): Promise<OverrideSecret> {
  return makeOverrideSecret(pin);
}

/**
 * Packing's demo data (issue 5) beside the picking demo: the box catalogue, the pack
 * settings, the serial counters, override keys for leads and admins (from `secret`,
 * one PIN for the demo) and wave W-0003 waiting at PACK-01. The units went from their
 * bins into the totes through the ledger, as if picked. Does nothing when the pack
 * settings or W-0003 exist.
 */
export async function seedPackDemo(trx: Transaction<Database>, clock: VersionClock, now: Date, secret: OverrideSecret): Promise<boolean> {
  const wh = WAREHOUSE.id;
  if (await trx.selectFrom('pack_configs').select('warehouse_id').where('warehouse_id', '=', wh).executeTakeFirst()) return false;
  if (await trx.selectFrom('waves').select('id').where('code', '=', PACK_WAVE_CODE).where('warehouse_id', '=', wh).executeTakeFirst()) return false;
  const iso = now.toISOString();

  await insertRows(trx, 'box_types', DEMO_BOXES.map((b) => ({
    id: b.id, warehouse_id: wh, code: b.code, name: b.name, inner_length_mm: b.dims[0], inner_width_mm: b.dims[1],
    inner_height_mm: b.dims[2], max_weight_g: b.maxWeightG, tare_g: b.tareG, active: 1, version: clock.tick(),
  })));
  await trx.insertInto('pack_configs').values({ warehouse_id: wh, config: JSON.stringify(DEMO_PACK_CONFIG), version: clock.tick() }).execute();
  await insertRows(trx, 'number_counters', [
    { warehouse_id: wh, kind: 'tracking', next: 1, last: MAX_TRACKING_SERIAL },
    { warehouse_id: wh, kind: 'sscc', next: 1, last: maxSsccSerial(DEMO_PACK_CONFIG.gs1CompanyPrefix) },
  ]);
  const users = await trx.selectFrom('users').select(['id', 'roles']).where('warehouse_id', '=', wh).execute();
  for (const u of users) {
    const roles = JSON.parse(u.roles) as string[];
    if (!roles.some((r) => OVERRIDE_ROLES.includes(r))) continue;
    await trx
      .updateTable('users')
      .set({ override_salt: secret.salt, override_key: secret.keyHex, override_iterations: secret.iterations, version: clock.tick() })
      .where('id', '=', u.id)
      .execute();
  }

  const skus = Object.values(PACK_SKUS);
  await insertRows(trx, 'skus', skus.map((s) => ({
    id: s.id, warehouse_id: wh, seller_id: s.sellerId, code: s.code, name: s.name, length_mm: s.dims[0], width_mm: s.dims[1],
    height_mm: s.dims[2], weight_g: s.weightG, case_pack_qty: 1, lot_tracked: 0, expiry_tracked: 0, serial_tracked: 0,
    low_stock_threshold: 5, version: clock.tick(),
  })));
  await insertRows(trx, 'sku_barcodes', skus.map((s) => ({ id: `bc-${s.code}-u`, sku_id: s.id, value: s.gtin, kind: 'gtin', pack_qty: 1 })));

  // Empty pick faces first, in walk order, one per SKU.
  const stocked = new Set((await trx.selectFrom('stock_ledger').select('location_id').distinct().execute()).map((r) => r.location_id));
  const faces = await trx.selectFrom('locations').select('id').where('type', '=', 'pick_face').orderBy('walk_seq', 'desc').execute();
  const free = [...faces.filter((f) => !stocked.has(f.id)), ...faces.filter((f) => stocked.has(f.id))];
  const faceOf = new Map(skus.map((s, i) => [s.id, free[i]!.id]));

  const lines = PACK_DEMO.orders.flatMap((o) =>
    o.items.map((it, j) => ({ orderId: o.id, orderLineId: `${o.id}-${j + 1}`, orderRef: o.ref, skuId: it.skuId, qty: it.qty, locationId: faceOf.get(it.skuId)! })),
  );
  for (const [i, o] of PACK_DEMO.orders.entries()) {
    await trx.insertInto('orders').values({
      id: o.id, warehouse_id: wh, seller_id: o.sellerId, external_id: o.ref, status: 'picked', ship_to: JSON.stringify(SHIP_TO[i]),
      carrier_service: o.carrierService, ship_by: new Date(now.getTime() + 86_400_000).toISOString().slice(0, 10) + 'T17:00:00.000Z',
      created_at: iso, version: clock.tick(),
    }).execute();
  }
  await insertRows(trx, 'order_lines', PACK_DEMO.orders.flatMap((o) => o.items.map((it, j) => ({
    id: `${o.id}-${j + 1}`, order_id: o.id, line_no: j + 1, sku_id: it.skuId, qty: it.qty, version: clock.tick(),
  }))));
  const waveId = await writeWave(trx, clock, { warehouseId: wh, code: PACK_WAVE_CODE, assignedUserId: 'u-1002', now: iso, lines });

  // Picked and dropped: tasks closed into their order's tote, the wave done at the bench.
  const toteOf = new Map<string, string>(PACK_DEMO.orders.map((o) => [o.id, o.tote]));
  const tasks = await trx.selectFrom('pick_tasks').select(['id', 'order_id', 'qty']).where('wave_id', '=', waveId).execute();
  for (const t of tasks) {
    await trx.updateTable('pick_tasks')
      .set({ picked_qty: t.qty, status: 'picked', tote_code: toteOf.get(t.order_id)!, picked_by: 'u-1002', version: clock.tick() })
      .where('id', '=', t.id)
      .execute();
  }
  await trx.updateTable('waves')
    .set({ status: 'done', completed_at: iso, dropped_at: iso, dropoff_location_id: PACK_DEMO.benchId, version: clock.tick() })
    .where('id', '=', waveId)
    .execute();
  await insertRows(trx, 'totes', [PACK_DEMO.twoOrderTote, PACK_DEMO.singleTote].map((code) => ({
    id: `tote-${code}`, warehouse_id: wh, code, status: 'awaiting_packing', location_id: PACK_DEMO.benchId, wave_id: waveId, version: clock.tick(),
  })));

  // Ledger: stock received into each bin, then the picked units out of it into the tote.
  const row = (id: string, skuId: string, at: { location_id: string | null; container_code: string | null }, delta: number, reason: string) =>
    ({ id, warehouse_id: wh, ...at, sku_id: skuId, lot: null, expiry: null, delta, reason, mutation_id: null, created_at: iso });
  const ledger: Insertable<StockLedgerTable>[] = skus.map((s, i) => row(`seed-pack-${i + 1}`, s.id, { location_id: faceOf.get(s.id)!, container_code: null }, 40, 'seed'));
  lines.forEach((l, i) => {
    ledger.push(row(`seed-pack-pick-${i + 1}-out`, l.skuId, { location_id: l.locationId, container_code: null }, -l.qty, 'pick'));
    ledger.push(row(`seed-pack-pick-${i + 1}-in`, l.skuId, { location_id: null, container_code: toteOf.get(l.orderId)! }, l.qty, 'pick'));
  });
  await insertRows(trx, 'stock_ledger', ledger);
  return true;
}

/**
 * A demo database seeded before packing existed gets it on the next start; a database
 * that is not the demo (no W-0001 in the demo warehouse) is never touched.
 */
export async function seedPackDemoIfMissing(db: Kysely<Database>, now = new Date()): Promise<boolean> {
  const demo = await db.selectFrom('waves').select('id').where('code', '=', 'W-0001').where('warehouse_id', '=', WAREHOUSE.id).executeTakeFirst();
  if (!demo) return false;
  if (await db.selectFrom('pack_configs').select('warehouse_id').where('warehouse_id', '=', WAREHOUSE.id).executeTakeFirst()) return false;
  const secret = await packOverrideSecret();
  return db.transaction().execute(async (trx) => {
    const clock = await VersionClock.begin(trx);
    const done = await seedPackDemo(trx, clock, now, secret);
    await clock.finish(trx);
    return done;
  });
}
