import type { Kysely, Transaction } from 'kysely';
import { hashPin } from '../auth/pin';
import { insertRows } from './bulk';
import { makeRng, type Rng } from './rng';
import type { Database } from './schema';
import {
  buildLocations,
  buildSkus,
  CARRIER_SERVICES,
  DEMO_PIN,
  DEMO_USERS,
  SELLERS,
  shipTo,
  WAREHOUSE,
  type SeedSku,
} from './seed-catalogue';
import { seedClusterDemo } from './seed-cluster';
import { seedInboundDemo } from './seed-inbound';
import { packOverrideSecret, seedPackDemo } from './seed-pack';
import { VersionClock } from './version';
import { writeWave, type WaveLine } from './wave-writer';

export const DEMO_WAVE_CODE = 'W-0001';
const SEED = 20240611;

/**
 * Seeds the demo warehouse when the database holds no warehouse; does nothing
 * otherwise, so it is safe on every start and never touches real data.
 */
export async function seedIfEmpty(db: Kysely<Database>, now = new Date()): Promise<boolean> {
  const existing = await db.selectFrom('warehouses').select('id').limit(1).executeTakeFirst();
  if (existing) return false;
  // Hash outside the transaction: scrypt is slow on purpose.
  const pinHashes = await Promise.all(DEMO_USERS.map(() => hashPin(DEMO_PIN)));
  const overrideSecret = await packOverrideSecret(DEMO_PIN);
  return db.transaction().execute(async (trx) => {
    // Re-check under the counter lock so two starting servers cannot both seed.
    const clock = await VersionClock.begin(trx);
    if (await trx.selectFrom('warehouses').select('id').limit(1).executeTakeFirst()) return false;
    await seedAll(trx, clock, pinHashes, now);
    await seedPackDemo(trx, clock, now, overrideSecret);
    await seedInboundDemo(trx, clock, now);
    await clock.finish(trx);
    return true;
  });
}

async function seedAll(trx: Transaction<Database>, clock: VersionClock, pinHashes: string[], now: Date) {
  const rng = makeRng(SEED);
  const iso = now.toISOString();
  const wh = WAREHOUSE.id;
  await trx.insertInto('warehouses').values({ ...WAREHOUSE, version: clock.tick(), created_at: iso }).execute();
  await insertRows(
    trx,
    'sellers',
    SELLERS.map((s) => ({ id: s.id, warehouse_id: wh, code: s.code, name: s.name, rules: JSON.stringify(s.rules), version: clock.tick() })),
  );
  const locations = buildLocations();
  await insertRows(
    trx,
    'locations',
    locations.map((l) => ({
      id: l.id,
      warehouse_id: wh,
      code: l.code,
      zone: l.zone,
      type: l.type,
      aisle: l.aisle,
      bay: l.bay,
      level: l.level,
      walk_seq: l.walkSeq,
      capacity: l.capacity,
      version: clock.tick(),
    })),
  );
  const skus = buildSkus(rng);
  await insertRows(trx, 'skus', skus.map((s) => skuRow(s, clock.tick())));
  await insertRows(
    trx,
    'sku_barcodes',
    skus.flatMap((s) => [
      { id: `bc-${s.code}-u`, sku_id: s.id, value: s.gtin14, kind: 'gtin', pack_qty: 1 },
      ...(s.caseGtin14 ? [{ id: `bc-${s.code}-c`, sku_id: s.id, value: s.caseGtin14, kind: 'case', pack_qty: s.casePackQty }] : []),
    ]),
  );
  await insertRows(
    trx,
    'totes',
    Array.from({ length: 300 }, (_, i) => {
      const code = `T${String(i + 1).padStart(4, '0')}`;
      return { id: `tote-${code}`, warehouse_id: wh, code, version: clock.tick() };
    }),
  );
  await insertRows(
    trx,
    'users',
    DEMO_USERS.map((u, i) => ({
      id: u.id,
      warehouse_id: wh,
      name: u.name,
      badge: u.badge,
      pin_hash: pinHashes[i]!,
      roles: JSON.stringify(u.roles),
      language: u.language,
      failed_pin_count: 0,
      locked_until: null,
      version: clock.tick(),
    })),
  );
  const faceOf = await seedStock(trx, rng, skus, locations.filter((l) => l.type === 'pick_face').map((l) => l.id), locations.filter((l) => l.type === 'reserve').map((l) => l.id), now);
  const orders = await seedOrders(trx, clock, rng, skus, now);
  const waveOrders = chooseWaveOrders(orders);
  for (const o of waveOrders) {
    await trx.updateTable('orders').set({ status: 'released' }).where('id', '=', o.id).execute();
  }
  await writeWave(trx, clock, {
    warehouseId: wh,
    code: DEMO_WAVE_CODE,
    assignedUserId: 'u-1001',
    now: iso,
    lines: waveOrders.flatMap((o) => o.lines.map((l) => ({ ...l, locationId: faceOf.get(l.skuId)! }))),
  });
  // After W-0001 and with its own numbers, so W-0001 stays exactly as it was.
  await seedClusterDemo(trx, clock, now);
}

function skuRow(s: SeedSku, version: number) {
  return {
    id: s.id,
    warehouse_id: WAREHOUSE.id,
    seller_id: s.sellerId,
    code: s.code,
    name: s.name,
    length_mm: s.dims[0],
    width_mm: s.dims[1],
    height_mm: s.dims[2],
    weight_g: s.dims[3],
    case_pack_qty: s.casePackQty,
    lot_tracked: s.lotTracked ? 1 : 0,
    expiry_tracked: s.expiryTracked ? 1 : 0,
    serial_tracked: 0,
    low_stock_threshold: s.lowStockThreshold,
    version,
  };
}

/** One primary pick face per SKU (some get a second, some reserve stock), via the ledger. */
async function seedStock(trx: Transaction<Database>, rng: Rng, skus: SeedSku[], faces: string[], reserve: string[], now: Date) {
  const freeFaces = rng.shuffle(faces);
  const faceOf = new Map<string, string>();
  const rows: Parameters<typeof insertRows<'stock_ledger'>>[2] = [];
  let n = 0;
  const put = (locationId: string, s: SeedSku, qty: number) => {
    const lot = s.lotTracked ? `L${now.getUTCFullYear() % 100}${String(rng.int(1, 52)).padStart(2, '0')}${rng.int(1, 9)}` : null;
    const expiry = s.expiryTracked ? new Date(now.getTime() + rng.int(120, 540) * 86_400_000).toISOString().slice(0, 10) : null;
    n += 1;
    rows.push({
      id: `seed-${String(n).padStart(5, '0')}`,
      warehouse_id: WAREHOUSE.id,
      location_id: locationId,
      container_code: null,
      sku_id: s.id,
      lot,
      expiry,
      delta: qty,
      reason: 'seed',
      mutation_id: null,
      created_at: now.toISOString(),
    });
  };
  for (const s of skus) {
    const face = freeFaces.pop()!;
    faceOf.set(s.id, face);
    put(face, s, rng.int(24, 120));
  }
  for (const s of skus) {
    if (freeFaces.length > 0 && rng.chance(0.3)) put(freeFaces.pop()!, s, rng.int(10, 60));
    if (rng.chance(0.4)) put(rng.pick(reserve), s, s.casePackQty * rng.int(4, 20));
  }
  await insertRows(trx, 'stock_ledger', rows);
  return faceOf;
}

interface SeedOrder {
  id: string;
  externalId: string;
  lines: Omit<WaveLine, 'locationId'>[];
}

async function seedOrders(trx: Transaction<Database>, clock: VersionClock, rng: Rng, skus: SeedSku[], now: Date): Promise<SeedOrder[]> {
  const orders: SeedOrder[] = [];
  const orderRows: Parameters<typeof insertRows<'orders'>>[2] = [];
  const lineRows: Parameters<typeof insertRows<'order_lines'>>[2] = [];
  for (let i = 1; i <= 100; i++) {
    const seller = rng.pick(SELLERS);
    const own = skus.filter((s) => s.sellerId === seller.id);
    const picked = rng.shuffle(own).slice(0, rng.int(1, 4));
    const id = `ord-${String(i).padStart(4, '0')}`;
    const externalId = `SO-${10000 + i}`;
    const shipBy = new Date(now.getTime() + rng.int(1, 3) * 86_400_000);
    shipBy.setUTCHours(17, 0, 0, 0);
    orderRows.push({
      id,
      warehouse_id: WAREHOUSE.id,
      seller_id: seller.id,
      external_id: externalId,
      status: 'allocated',
      ship_to: JSON.stringify(shipTo(rng)),
      carrier_service: rng.pick(CARRIER_SERVICES),
      ship_by: shipBy.toISOString(),
      created_at: now.toISOString(),
      version: clock.tick(),
    });
    const lines = picked.map((s, j) => ({
      orderId: id,
      orderLineId: `${id}-${j + 1}`,
      orderRef: externalId,
      skuId: s.id,
      qty: rng.chance(0.2) ? rng.int(2, 5) : 1,
    }));
    orders.push({ id, externalId, lines });
  }
  const waveOrders = new Set(chooseWaveOrders(orders).map((o) => o.id));
  // A few multi-unit lines in the demo wave so typed quantities get exercised.
  let multi = orders.filter((o) => waveOrders.has(o.id)).flatMap((o) => o.lines).filter((l) => l.qty > 1).length;
  for (const o of orders) {
    if (!waveOrders.has(o.id)) continue;
    for (const l of o.lines) {
      if (multi < 4 && l.qty === 1 && rng.chance(0.5)) {
        l.qty = rng.int(2, 5);
        multi++;
      }
    }
  }
  for (const o of orders) {
    o.lines.forEach((l, j) => lineRows.push({ id: l.orderLineId, order_id: o.id, line_no: j + 1, sku_id: l.skuId, qty: l.qty, version: clock.tick() }));
  }
  await insertRows(trx, 'orders', orderRows);
  await insertRows(trx, 'order_lines', lineRows);
  return orders;
}

/** 8-12 orders holding 20-30 lines; deterministic for a given order list. */
function chooseWaveOrders(orders: SeedOrder[]): SeedOrder[] {
  const pool = makeRng(SEED + 2).shuffle(orders);
  const chosen: SeedOrder[] = [];
  let lines = 0;
  for (const o of pool) {
    if (chosen.length >= 12) break;
    if (lines + o.lines.length > 30) continue;
    chosen.push(o);
    lines += o.lines.length;
    if (chosen.length >= 8 && lines >= 20) break;
  }
  return chosen;
}
