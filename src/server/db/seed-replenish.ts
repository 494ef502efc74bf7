import type { Kysely, Transaction } from 'kysely';
import { chooseReserve, replenishQty, type ReserveLot } from '../../domain/replenish/trigger';
import { withReplenish } from '../services/replenish-schema';
import type { Database } from './schema';
import { WAREHOUSE } from './seed-catalogue';
import { VersionClock } from './version';

/**
 * Replenishment's demo (issue 7, docs/replenishment.md):
 * - the pick face of W-0001's first stop (a SKU without lots that reserve holds) gets a
 *   minimum equal to what it holds, so Pat's first pick there raises a replenishment and
 *   the seller's stock.low event;
 * - another pick face, outside the demo waves, is already below the minimum set for it,
 *   with its open replenishment (raised before the demo started), so a receiver has one to
 *   do at once.
 * Limits rows carry `updated_by` 'seed'; a database holding any is left alone.
 */
export const DEMO_REPLENISH_TASK = 'seed-replenish-1';

export async function seedReplenishDemo(trx: Transaction<Database>, clock: VersionClock, now: Date): Promise<boolean> {
  const db = withReplenish(trx);
  if (await db.selectFrom('pick_face_limits').select('location_id').where('updated_by', '=', 'seed').executeTakeFirst()) return false;
  const demoWaves = await trx.selectFrom('waves').select('id').where('warehouse_id', '=', WAREHOUSE.id).execute();
  const busy = new Set(
    (await trx.selectFrom('pick_tasks').select('location_id').where('wave_id', 'in', demoWaves.length ? demoWaves.map((w) => w.id) : ['-']).execute()).map((t) => t.location_id),
  );
  const first = await trx
    .selectFrom('pick_tasks')
    .innerJoin('skus', 'skus.id', 'pick_tasks.sku_id')
    .select(['pick_tasks.location_id', 'pick_tasks.sku_id'])
    .where('pick_tasks.wave_id', '=', 'wave-W-0001')
    .where('skus.lot_tracked', '=', 0)
    .orderBy('pick_tasks.walk_seq')
    .execute();
  const reserve = await reserveLots(trx);
  const pickFirst = first.find((t) => reserve.has(t.sku_id));
  // Faces holding one SKU without lots, away from every demo wave, with reserve stock.
  const faces = await trx
    .selectFrom('stock_ledger')
    .innerJoin('locations', 'locations.id', 'stock_ledger.location_id')
    .innerJoin('skus', 'skus.id', 'stock_ledger.sku_id')
    .select(['stock_ledger.location_id', 'stock_ledger.sku_id', 'skus.seller_id', 'skus.case_pack_qty', (eb) => eb.fn.sum<number>('stock_ledger.delta').as('qty')])
    .where('locations.type', '=', 'pick_face')
    .where('locations.warehouse_id', '=', WAREHOUSE.id)
    .where('skus.lot_tracked', '=', 0)
    .groupBy(['stock_ledger.location_id', 'stock_ledger.sku_id', 'skus.seller_id', 'skus.case_pack_qty', 'locations.walk_seq'])
    .orderBy('locations.walk_seq')
    .execute();
  const low = faces.find((f) => !busy.has(f.location_id!) && reserve.has(f.sku_id) && Number(f.qty) > 0);
  if (!pickFirst || !low) return false;
  const version = clock.tick();
  const iso = now.toISOString();
  const balance = async (loc: string, sku: string) =>
    Number((await trx.selectFrom('stock_ledger').select((eb) => eb.fn.sum<number>('delta').as('b')).where('location_id', '=', loc).where('sku_id', '=', sku).executeTakeFirst())?.b ?? 0);
  const firstQty = await balance(pickFirst.location_id, pickFirst.sku_id);
  const lowQty = Number(low.qty);
  const limit = (location_id: string, sku_id: string, min: number, max: number) => ({
    location_id, sku_id, warehouse_id: WAREHOUSE.id, min_qty: min, max_qty: max, updated_by: 'seed', updated_at: iso, version,
  });
  const lowMin = lowQty + 5;
  const lowMax = lowMin + 20;
  await db.insertInto('pick_face_limits').values([limit(pickFirst.location_id, pickFirst.sku_id, firstQty, firstQty + 20), limit(low.location_id!, low.sku_id, lowMin, lowMax)]).execute();
  const from = chooseReserve(reserve.get(low.sku_id)!)!;
  await db
    .insertInto('replenishment_tasks')
    .values({
      id: DEMO_REPLENISH_TASK, warehouse_id: WAREHOUSE.id, location_id: low.location_id!, sku_id: low.sku_id, seller_id: low.seller_id,
      from_location_id: from.locationId, lot: from.lot, expiry: from.expiry, qty: replenishQty(lowQty, lowMax, Number(low.case_pack_qty), from.qty),
      min_qty: lowMin, max_qty: lowMax, on_hand: lowQty, status: 'open', mutation_id: null, created_at: iso,
      done_by: null, done_qty: null, done_from_location_id: null, done_at: null, version,
    })
    .execute();
  return true;
}

/** Reserve lots held (units above 0), by SKU. */
async function reserveLots(trx: Transaction<Database>): Promise<Map<string, ReserveLot[]>> {
  const rows = await trx
    .selectFrom('stock_ledger')
    .innerJoin('locations', 'locations.id', 'stock_ledger.location_id')
    .select(['stock_ledger.location_id', 'stock_ledger.sku_id', 'stock_ledger.lot', 'stock_ledger.expiry', 'locations.walk_seq', (eb) => eb.fn.sum<number>('stock_ledger.delta').as('qty')])
    .where('locations.type', '=', 'reserve')
    .where('locations.warehouse_id', '=', WAREHOUSE.id)
    .groupBy(['stock_ledger.location_id', 'stock_ledger.sku_id', 'stock_ledger.lot', 'stock_ledger.expiry', 'locations.walk_seq'])
    .execute();
  const out = new Map<string, ReserveLot[]>();
  for (const r of rows) {
    if (Number(r.qty) <= 0) continue;
    out.set(r.sku_id, [...(out.get(r.sku_id) ?? []), { locationId: r.location_id!, lot: r.lot, expiry: r.expiry, qty: Number(r.qty), walkSeq: Number(r.walk_seq) }]);
  }
  return out;
}

/** Run on every start (start.ts), after the demo is seeded; a database that is not the demo is never touched. */
export async function seedReplenishDemoIfMissing(db: Kysely<Database>, now = new Date()): Promise<boolean> {
  const demo = await db.selectFrom('waves').select('id').where('code', '=', 'W-0001').where('warehouse_id', '=', WAREHOUSE.id).executeTakeFirst();
  if (!demo) return false;
  return db.transaction().execute(async (trx) => {
    const clock = await VersionClock.begin(trx);
    const done = await seedReplenishDemo(trx, clock, now);
    await clock.finish(trx);
    return done;
  });
}
