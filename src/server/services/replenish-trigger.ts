import { sql, type Insertable, type Kysely, type Transaction } from 'kysely';
import { effectiveLimits } from '../../domain/replenish/limits';
import { decideFace, needsReserve, type FaceDecision, type FaceState, type ReserveLot } from '../../domain/replenish/trigger';
import { PREPARED, type DbKind } from '../db/connect';
import type { Database, StockLedgerTable } from '../db/schema';
import type { VersionClock } from '../db/version';
import { withReplenish, type ReplenishDb, type ReplenishmentTasksTable } from './replenish-schema';

interface Candidate {
  locationId: string;
  skuId: string;
  /** The last command of the batch that took stock out of it: the task is named after it. */
  mutationId: string;
}

interface FaceRow {
  location_id: string;
  sku_id: string;
  location_code: string;
  sku_code: string;
  seller_id: string;
  case_pack_qty: number;
  low_stock_threshold: number;
  min_qty: number | null;
  max_qty: number | null;
  on_hand: number | string;
  active_id: string | null;
  active_status: string | null;
}

/**
 * After a push batch's ledger rows are written, inside its transaction: each pick face
 * (bin and SKU) the batch took stock out of that is now below its minimum and holds no
 * active replenishment gets a task from reserve (FEFO) and its seller a `stock.low`
 * event, once per crossing (domain/replenish/trigger.ts decides). Cheap on purpose:
 * nothing is read unless the batch moved stock out of a bin; then one statement reads
 * every candidate's face, limits, balance and active task; reserve stock and the
 * seller's available stock are read only for the rare faces that cross. Tasks waiting
 * for reserve stock (no_stock) are looked at when a batch puts their SKU into a bin.
 */
export async function raiseReplenishments(
  trx: Transaction<Database>,
  kind: DbKind,
  clock: VersionClock,
  warehouseId: string,
  ledger: readonly Insertable<StockLedgerTable>[],
  now: string,
): Promise<void> {
  const byKey = new Map<string, Candidate>();
  const arrivals = new Set<string>();
  for (const m of ledger) {
    if (!m.location_id) continue;
    if (m.delta < 0) byKey.set(`${m.location_id}\u0000${m.sku_id}`, { locationId: m.location_id, skuId: m.sku_id, mutationId: m.mutation_id ?? 'push' });
    else if (m.delta > 0) arrivals.add(m.sku_id);
  }
  if (byKey.size === 0 && arrivals.size === 0) return;
  const db = withReplenish(trx);
  // The batch's last version (every fresh command ticked one): the rows commit with the
  // batch, and pulls and the sellers' feed see them with the change that caused them.
  const version = clock.current;
  if (byKey.size > 0) await raiseForFaces(db, kind, version, warehouseId, byKey, now);
  // Stock put into a bin (putaway, move, replenish; never a pick): no_stock tasks of those
  // SKUs may be plannable now. Checked here rather than at every pick out of the face.
  if (arrivals.size > 0) await planWaiting(db, kind, version, warehouseId, [...arrivals]);
}

async function raiseForFaces(db: Kysely<ReplenishDb>, kind: DbKind, version: number, warehouseId: string, byKey: Map<string, Candidate>, now: string) {
  const rows = await readFaces(db, kind, warehouseId, [...byKey.values()]);
  const faces: { row: FaceRow; state: FaceState }[] = [];
  const seen = new Set<string>();
  for (const r of rows) {
    const key = `${r.location_id}\u0000${r.sku_id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const limits = effectiveLimits(r.min_qty === null ? null : { minQty: Number(r.min_qty), maxQty: Number(r.max_qty) }, Number(r.low_stock_threshold));
    const active = r.active_id && (r.active_status === 'open' || r.active_status === 'no_stock') ? { id: r.active_id, status: r.active_status as 'open' | 'no_stock' } : null;
    faces.push({
      row: r,
      state: { locationId: r.location_id, skuId: r.sku_id, onHand: Number(r.on_hand), min: limits.min, max: limits.max, casePack: Number(r.case_pack_qty), active },
    });
  }
  const busy = faces.filter((f) => needsReserve(f.state) || f.state.active?.status === 'no_stock');
  if (busy.length === 0) return;
  const fresh = busy.filter((f) => needsReserve(f.state));
  const lots = fresh.length ? await readReserve(db, kind, warehouseId, [...new Set(fresh.map((f) => f.state.skuId))]) : new Map<string, ReserveLot[]>();
  const decided = busy.map((f) => ({ ...f, d: decideFace(f.state, needsReserve(f.state) ? (lots.get(f.state.skuId) ?? []) : []) })).filter((f) => f.d.kind !== 'none');
  if (decided.length === 0) return;
  const created = decided.filter((f) => f.d.kind === 'create');
  const available = created.length ? await readAvailable(db, kind, warehouseId, [...new Set(created.map((f) => f.state.skuId))]) : new Map<string, number>();
  // One insert for the batch's tasks and one for their events: crossings come in bunches.
  const tasks: Insertable<ReplenishmentTasksTable>[] = [];
  const events: Insertable<Database['seller_events']>[] = [];
  for (const { row, state, d } of decided) {
    if (d.kind !== 'create') {
      await writeDecision(db, version, d);
      continue;
    }
    const mutationId = byKey.get(`${state.locationId}\u0000${state.skuId}`)!.mutationId;
    const id = `${mutationId}:rp${tasks.length}`;
    tasks.push({
      id, warehouse_id: warehouseId, location_id: state.locationId, sku_id: state.skuId, seller_id: row.seller_id,
      from_location_id: d.from?.locationId ?? null, lot: d.from?.lot ?? null, expiry: d.from?.expiry ?? null, qty: d.qty,
      min_qty: state.min, max_qty: state.max, on_hand: state.onHand, status: d.status, mutation_id: mutationId,
      created_at: now, done_by: null, done_qty: null, done_from_location_id: null, done_at: null, version,
    });
    events.push({
      id: `${id}:low`,
      warehouse_id: warehouseId,
      seller_id: row.seller_id,
      type: 'stock.low',
      payload: JSON.stringify({
        skuId: state.skuId,
        skuCode: row.sku_code,
        pickFace: row.location_code,
        onHand: state.onHand,
        minimum: state.min,
        available: available.get(state.skuId) ?? 0,
        replenishment: d.status === 'open' ? 'planned' : 'no_reserve_stock',
      }),
      created_at: now,
      version,
    });
  }
  if (tasks.length > 0) {
    await db.insertInto('replenishment_tasks').values(tasks).execute();
    await db.insertInto('seller_events').values(events).execute();
  }
}

/** no_stock tasks of SKUs that just arrived in some bin: planned from reserve now, or closed when the face is back at its minimum. */
async function planWaiting(db: Kysely<ReplenishDb>, kind: DbKind, version: number, warehouseId: string, skuIds: string[]) {
  const waiting = await db
    .selectFrom('replenishment_tasks as r')
    .innerJoin('skus as s', 's.id', 'r.sku_id')
    .select(['r.id', 'r.location_id', 'r.sku_id', 'r.min_qty', 'r.max_qty', 's.case_pack_qty'])
    .where('r.warehouse_id', '=', warehouseId)
    .where('r.status', '=', 'no_stock')
    .where('r.sku_id', 'in', skuIds)
    .execute();
  if (waiting.length === 0) return;
  const lots = await readReserve(db, kind, warehouseId, [...new Set(waiting.map((w) => w.sku_id))]);
  for (const w of waiting) {
    const b = await db
      .selectFrom('stock_ledger')
      .select((eb) => eb.fn.sum<number>('delta').as('b'))
      .where('location_id', '=', w.location_id)
      .where('sku_id', '=', w.sku_id)
      .executeTakeFirst();
    const state: FaceState = {
      locationId: w.location_id, skuId: w.sku_id, onHand: Number(b?.b ?? 0), min: Number(w.min_qty), max: Number(w.max_qty),
      casePack: Number(w.case_pack_qty), active: { id: w.id, status: 'no_stock' },
    };
    await writeDecision(db, version, decideFace(state, lots.get(w.sku_id) ?? []));
  }
}

/** An upgrade (no_stock to open, from a reserve lot) or a close (cancelled); only a task still no_stock changes. */
async function writeDecision(db: Kysely<ReplenishDb>, version: number, d: FaceDecision) {
  if (d.kind === 'upgrade') {
    await db
      .updateTable('replenishment_tasks')
      .set({ status: 'open', from_location_id: d.from.locationId, lot: d.from.lot, expiry: d.from.expiry, qty: d.qty, version })
      .where('id', '=', d.taskId)
      .where('status', '=', 'no_stock')
      .execute();
  } else if (d.kind === 'close') {
    await db.updateTable('replenishment_tasks').set({ status: 'cancelled', version }).where('id', '=', d.taskId).where('status', '=', 'no_stock').execute();
  }
}

/** Every candidate that is a pick face of this warehouse, with its limits, balance and active task: one statement. */
async function readFaces(db: Kysely<ReplenishDb>, kind: DbKind, warehouseId: string, pairs: Candidate[]): Promise<FaceRow[]> {
  const source =
    kind === 'postgres'
      ? sql`unnest(${pairs.map((p) => p.locationId)}::text[], ${pairs.map((p) => p.skuId)}::text[]) as p(location_id, sku_id)`
      : sql`(select json_extract(value, '$[0]') as location_id, json_extract(value, '$[1]') as sku_id from json_each(${JSON.stringify(pairs.map((p) => [p.locationId, p.skuId]))})) as p`;
  // A fixed text on PostgreSQL: prepared once per connection (db/connect.ts), as the push's own statement is.
  const r = await sql<FaceRow>`${sql.raw(kind === 'postgres' ? PREPARED : '')}
    select p.location_id, p.sku_id, l.code as location_code, s.code as sku_code, s.seller_id, s.case_pack_qty, s.low_stock_threshold,
      f.min_qty, f.max_qty,
      (select coalesce(sum(x.delta), 0) from stock_ledger x where x.location_id = p.location_id and x.sku_id = p.sku_id) as on_hand,
      r.id as active_id, r.status as active_status
    from ${source}
    join locations l on l.id = p.location_id
    join skus s on s.id = p.sku_id
    left join pick_face_limits f on f.location_id = p.location_id and f.sku_id = p.sku_id
    left join replenishment_tasks r on r.location_id = p.location_id and r.sku_id = p.sku_id and r.status in ('open', 'no_stock')
    where l.type = 'pick_face' and l.warehouse_id = ${warehouseId}`.execute(db);
  return r.rows;
}

/**
 * Reserve lots (units above 0) of these SKUs, by SKU, probing the ledger's (location,
 * sku) index bin by bin: SQLite's planner does so for the IN lists; PostgreSQL is told to
 * with a LATERAL join (left to itself it scans the whole ledger, which only grows).
 */
async function readReserve(db: Kysely<ReplenishDb>, kind: DbKind, warehouseId: string, skuIds: string[]): Promise<Map<string, ReserveLot[]>> {
  const out = new Map<string, ReserveLot[]>();
  if (skuIds.length === 0) return out;
  type Row = { location_id: string | null; sku_id: string; lot: string | null; expiry: string | null; walk_seq: number; qty: number | string };
  const rows: Row[] =
    kind === 'postgres'
      ? (
          await sql<Row>`
            select l.id as location_id, x.sku_id, x.lot, x.expiry, l.walk_seq, x.qty from locations l
            cross join lateral (
              select s.sku_id, s.lot, s.expiry, sum(s.delta) as qty from stock_ledger s
              where s.location_id = l.id and s.sku_id = any(${skuIds}::text[]) group by s.sku_id, s.lot, s.expiry
            ) as x
            where l.type = 'reserve' and l.warehouse_id = ${warehouseId}`.execute(db)
        ).rows
      : await db
          .selectFrom('stock_ledger as x')
          .innerJoin('locations as l', 'l.id', 'x.location_id')
          .select(['x.location_id', 'x.sku_id', 'x.lot', 'x.expiry', 'l.walk_seq', (eb) => eb.fn.sum<number>('x.delta').as('qty')])
          .where('x.location_id', 'in', (eb) => eb.selectFrom('locations').select('id').where('type', '=', 'reserve').where('warehouse_id', '=', warehouseId))
          .where('x.sku_id', 'in', skuIds)
          .groupBy(['x.location_id', 'x.sku_id', 'x.lot', 'x.expiry', 'l.walk_seq'])
          .execute();
  for (const r of rows) {
    if (Number(r.qty) <= 0) continue;
    const list = out.get(r.sku_id) ?? [];
    list.push({ locationId: r.location_id!, lot: r.lot, expiry: r.expiry, qty: Number(r.qty), walkSeq: Number(r.walk_seq) });
    out.set(r.sku_id, list);
  }
  return out;
}

/**
 * The seller's available stock of each SKU warehouse-wide, as the sellers' stock route
 * counts it (services/seller-stock.ts): units in bins less what open pick tasks still
 * have to take, never below 0.
 */
async function readAvailable(db: Kysely<ReplenishDb>, kind: DbKind, warehouseId: string, skuIds: string[]): Promise<Map<string, number>> {
  const ids = sql.join(skuIds.map((id) => sql`${id}`));
  // One round trip: bin units, probed bin by bin through the (location, sku) index (LATERAL
  // on PostgreSQL, as for reserve), and open picks' remaining units, netted per SKU.
  const bins =
    kind === 'postgres'
      ? sql`select x.sku_id, x.q from locations l
          cross join lateral (select s.sku_id, sum(s.delta) as q from stock_ledger s where s.location_id = l.id and s.sku_id = any(${skuIds}::text[]) group by s.sku_id) as x
          where l.warehouse_id = ${warehouseId}`
      : sql`select x.sku_id, x.delta as q from stock_ledger x
          where x.location_id in (select id from locations where warehouse_id = ${warehouseId}) and x.sku_id in (${ids})`;
  const r = await sql<{ sku_id: string; qty: number | string }>`
    select u.sku_id, sum(u.q) as qty from (
      ${bins}
      union all
      select t.sku_id, t.picked_qty - t.qty as q from pick_tasks t
      where t.sku_id in (${ids}) and t.status = 'open' and t.warehouse_id = ${warehouseId}
    ) as u group by u.sku_id`.execute(db);
  return new Map(r.rows.map((o) => [o.sku_id, Math.max(0, Number(o.qty))]));
}
