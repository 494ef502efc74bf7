import type { Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { sscc, trackingNumber } from '../../../src/domain/packing/numbers';
import type { Address, PackConfig } from '../../../src/domain/packing/types';
import type { Database } from '../../../src/server/db/schema';
import { VersionClock } from '../../../src/server/db/version';

/**
 * Packed shipments written the way pack.confirm writes them (a shipment per order, a
 * carton row per box with its tracking number and SSCC, the order 'packed'), so the
 * dock and printing routes can be tested without driving a whole pack at a bench.
 */

export const FIXTURE_CONFIG: PackConfig = {
  packingFactor: 1.2,
  weightTolerancePct: 5,
  weightToleranceMinG: 50,
  shipFrom: { name: 'Tote FC 1', line1: '4100 Logistics Pkwy', city: 'Reno', region: 'NV', postalCode: '89502', country: 'US' },
  gs1CompanyPrefix: '0614141',
  ssccExtension: 3,
  trackingPrefix: 'LT',
  trackingSuffix: 'US',
  leaseBlock: 50,
  leaseLowWater: 10,
};

export const WH = 'wh-fc1';
export const BENCH = 'loc-PACK-01';
export const DOCK_CODE = 'SHIP-01';

/** The seeded warehouse's pack config, unless the seed already wrote one. */
export async function ensurePackConfig(db: Kysely<Database>, warehouseId = WH): Promise<PackConfig> {
  const row = await db.selectFrom('pack_configs').select('config').where('warehouse_id', '=', warehouseId).executeTakeFirst();
  if (row) return JSON.parse(row.config) as PackConfig;
  await db.transaction().execute(async (trx) => {
    const clock = await VersionClock.begin(trx);
    await trx.insertInto('pack_configs').values({ warehouse_id: warehouseId, config: JSON.stringify(FIXTURE_CONFIG), version: clock.tick() }).execute();
    await clock.finish(trx);
  });
  return FIXTURE_CONFIG;
}

/** Seeded orders nobody has packed, picked or waved yet: free to pack in a fixture. */
export async function freeOrders(db: Kysely<Database>, n: number, warehouseId = WH): Promise<string[]> {
  const rows = await db
    .selectFrom('orders')
    .select('id')
    .where('warehouse_id', '=', warehouseId)
    .where('status', '=', 'allocated')
    .where((eb) => eb.not(eb.exists(eb.selectFrom('shipments').select('shipments.id').whereRef('shipments.order_id', '=', 'orders.id'))))
    .orderBy('id')
    .limit(n)
    .execute();
  if (rows.length < n) throw new Error(`only ${rows.length} free orders`);
  return rows.map((r) => r.id);
}

let serial = 7_000_000 + Math.floor(Math.random() * 1_000_000);

export interface FixtureShipment {
  shipmentId: string;
  orderId: string;
  cartons: { id: string; trackingNumber: string; sscc: string; weightG: number }[];
}

export interface ShipmentSpec {
  orderId: string;
  carrierService?: string;
  shipTo?: Address;
  cartons?: number;
  warehouseId?: string;
  benchId?: string;
}

/** A packed shipment for an order: cartons numbered from the fixture's own serials. */
export async function packShipment(db: Kysely<Database>, spec: ShipmentSpec): Promise<FixtureShipment> {
  const warehouseId = spec.warehouseId ?? WH;
  const service = spec.carrierService ?? 'UPS Ground';
  const carrier = service.trim().split(/\s+/)[0]!;
  const now = new Date().toISOString();
  const shipmentId = uuidv7();
  const cartons = Array.from({ length: spec.cartons ?? 1 }, (_, i) => {
    serial += 1;
    return { id: uuidv7(), trackingNumber: trackingNumber(FIXTURE_CONFIG, serial), sscc: sscc(FIXTURE_CONFIG, serial), weightG: 400 + i * 100 };
  });
  await db.transaction().execute(async (trx) => {
    const clock = await VersionClock.begin(trx);
    const v = clock.tick();
    const patch: { status: string; packed_at: string; carrier_service: string; version: number; ship_to?: string } = {
      status: 'packed',
      packed_at: now,
      carrier_service: service,
      version: v,
    };
    if (spec.shipTo) patch.ship_to = JSON.stringify(spec.shipTo);
    await trx.updateTable('orders').set(patch).where('id', '=', spec.orderId).execute();
    await trx
      .insertInto('shipments')
      .values({
        id: shipmentId,
        warehouse_id: warehouseId,
        order_id: spec.orderId,
        bench_id: spec.benchId ?? BENCH,
        carrier,
        service,
        status: 'packed',
        packed_by: 'u-2001',
        override_by: null,
        override_nonce: null,
        mutation_id: uuidv7(),
        created_at: now,
        shipped_at: null,
        version: v,
      })
      .execute();
    await trx
      .insertInto('cartons')
      .values(
        cartons.map((c, i) => ({
          id: c.id,
          warehouse_id: warehouseId,
          shipment_id: shipmentId,
          order_id: spec.orderId,
          seq: i + 1,
          box_type_id: 'box-S1',
          weight_g: c.weightG,
          expected_weight_g: c.weightG,
          tracking_number: c.trackingNumber,
          sscc: c.sscc,
          contents: JSON.stringify([{ skuId: 'sku-x', lot: null, qty: 1 }]),
          carrier,
          manifest_id: null,
          created_at: now,
          version: v,
        })),
      )
      .execute();
    await clock.finish(trx);
  });
  return { shipmentId, orderId: spec.orderId, cartons };
}

export const FOREIGN = { warehouseId: 'wh-other', orderId: 'ord-other-1', benchId: 'loc-other-PACK', dockId: 'loc-other-SHIP', dockCode: 'OTHER-SHIP', manifestId: 'man-other-1' };

/**
 * A second warehouse with a bench, a dock, a packed order and an open manifest: the
 * seeded warehouse's users must find none of it.
 */
export async function foreignWarehouse(db: Kysely<Database>): Promise<FixtureShipment> {
  const now = new Date().toISOString();
  const f = FOREIGN;
  await db.transaction().execute(async (trx) => {
    const clock = await VersionClock.begin(trx);
    await trx.insertInto('warehouses').values({ id: f.warehouseId, code: 'FC9', name: 'Elsewhere', version: clock.tick(), created_at: now }).execute();
    await trx.insertInto('sellers').values({ id: 'seller-other', warehouse_id: f.warehouseId, code: 'OTH', name: 'Other', rules: '{}', version: clock.tick() }).execute();
    const loc = (id: string, code: string, type: string) => ({
      id, warehouse_id: f.warehouseId, code, zone: 'X', type, aisle: null, bay: null, level: null, walk_seq: 0, capacity: null, version: clock.tick(),
    });
    await trx.insertInto('locations').values([loc(f.benchId, 'OTHER-PACK', 'pack_bench'), loc(f.dockId, f.dockCode, 'shipping_dock')]).execute();
    await trx
      .insertInto('orders')
      .values({
        id: f.orderId, warehouse_id: f.warehouseId, seller_id: 'seller-other', external_id: 'SO-OTHER-1', status: 'allocated',
        ship_to: JSON.stringify({ name: 'Far Away', line1: '1 Road', city: 'X', region: 'Y', postalCode: '1', country: 'US' }),
        carrier_service: 'UPS Ground', ship_by: now, created_at: now, version: clock.tick(),
      })
      .execute();
    await trx
      .insertInto('manifests')
      .values({
        id: f.manifestId, warehouse_id: f.warehouseId, code: 'M-OTHER-1', carrier: 'UPS', dock_location_id: f.dockId, status: 'open',
        created_by: 'u-x', created_at: now, closed_by: null, closed_at: null, version: clock.tick(),
      })
      .execute();
    await clock.finish(trx);
  });
  return packShipment(db, { orderId: f.orderId, warehouseId: f.warehouseId, benchId: f.benchId });
}
