import { sql, type Kysely } from 'kysely';
import { HOUR, MINUTE } from '../../domain/board/rates';
import { boardWaves, DONE_WAVES_MAX, type BoardWavesQuery, type BoardWavesResponse, type RecentCommand, type WaveRead } from '../../domain/board/waves';
import type { Database } from '../db/schema';

const IN_CHUNK = 500;
const chunks = <T>(xs: readonly T[]) => Array.from({ length: Math.ceil(xs.length / IN_CHUNK) }, (_, i) => xs.slice(i * IN_CHUNK, (i + 1) * IN_CHUNK));
const ms = (iso: string | null) => (iso === null ? null : Date.parse(iso));

type WaveRow = { id: string; code: string; kind: string; status: string; assigned_user_id: string | null; released_at: string | null; completed_at: string | null; dropped_at: string | null };

/** Open waves, and the ones finished since the window began (the latest DONE_WAVES_MAX). The waves table is small. */
async function readWaves(db: Kysely<Database>, warehouseId: string, since: string): Promise<WaveRow[]> {
  const cols = ['id', 'code', 'kind', 'status', 'assigned_user_id', 'released_at', 'completed_at', 'dropped_at'] as const;
  const [open, done] = await Promise.all([
    db.selectFrom('waves').select(cols).where('warehouse_id', '=', warehouseId).where('status', 'in', ['planned', 'released', 'picking']).execute(),
    db
      .selectFrom('waves')
      .select(cols)
      .where('warehouse_id', '=', warehouseId)
      .where('status', '=', 'done')
      .where('completed_at', '>=', since)
      .orderBy('completed_at', 'desc')
      .limit(DONE_WAVES_MAX)
      .execute(),
  ]);
  return [...open, ...done];
}

/** Lines, units and orders of each wave, counted by the database through the wave index. */
async function taskCounts(db: Kysely<Database>, ids: readonly string[]) {
  const out = new Map<string, { orders: number; lines: number; linesDone: number; units: number; unitsPicked: number; shorts: number }>();
  for (const part of chunks(ids)) {
    const rows = await db
      .selectFrom('pick_tasks')
      .select((eb) => [
        'wave_id',
        eb.fn.count<string>('id').as('lines'),
        sql<string>`count(distinct order_id)`.as('orders'),
        sql<string>`sum(case when status <> 'open' then 1 else 0 end)`.as('done'),
        sql<string>`sum(case when status = 'short' then 1 else 0 end)`.as('shorts'),
        eb.fn.sum<string>('qty').as('units'),
        eb.fn.sum<string>('picked_qty').as('picked'),
      ])
      .where('wave_id', 'in', part)
      .groupBy('wave_id')
      .execute();
    for (const r of rows) {
      out.set(r.wave_id, {
        orders: Number(r.orders),
        lines: Number(r.lines),
        linesDone: Number(r.done ?? 0),
        units: Number(r.units ?? 0),
        unitsPicked: Number(r.picked ?? 0),
        shorts: Number(r.shorts ?? 0),
      });
    }
  }
  return out;
}

/** When each wave's first pick line was done (device time), through the mutations' wave index. */
async function firstPicks(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const part of chunks(ids)) {
    const rows = await db
      .selectFrom('mutations')
      .select((eb) => ['wave_id', eb.fn.min<string>('created_at').as('first')])
      .where('wave_id', 'in', part)
      .where('status', '=', 'applied')
      .where('name', 'in', ['pick.confirm', 'pick.short'])
      .groupBy('wave_id')
      .execute();
    for (const r of rows) if (r.wave_id && r.first) out.set(r.wave_id, Date.parse(r.first));
  }
  return out;
}

/** Every applied command of the warehouse received in the rate look-back (index mutations_received). */
async function recentCommands(db: Kysely<Database>, warehouseId: string, from: number): Promise<RecentCommand[]> {
  const rows = await db
    .selectFrom('mutations')
    .innerJoin('devices', 'devices.id', 'mutations.device_id')
    .select(['mutations.user_id', 'mutations.name', 'mutations.created_at', 'mutations.wave_id'])
    .where('devices.warehouse_id', '=', warehouseId)
    .where('mutations.received_at', '>=', new Date(from).toISOString())
    .where('mutations.status', '=', 'applied')
    .execute();
  return rows.map((r) => ({ userId: r.user_id, name: r.name, at: Date.parse(r.created_at), waveId: r.wave_id }));
}

/** The lead's waves with progress and estimated finish, and each person's current task (docs/board-stats.md). */
export async function loadBoardWaves(db: Kysely<Database>, warehouseId: string, query: BoardWavesQuery, now = Date.now()): Promise<BoardWavesResponse> {
  const since = new Date(now - query.hours * HOUR).toISOString();
  const [rows, recent, users] = await Promise.all([
    readWaves(db, warehouseId, since),
    recentCommands(db, warehouseId, now - query.rateMinutes * MINUTE),
    db.selectFrom('users').select(['id', 'name']).where('warehouse_id', '=', warehouseId).execute(),
  ]);
  const ids = rows.map((r) => r.id);
  const [counts, started] = await Promise.all([taskCounts(db, ids), firstPicks(db, ids)]);
  const waves: WaveRead[] = rows.map((r) => ({
    id: r.id,
    code: r.code,
    kind: r.kind,
    status: r.status,
    assignedUserId: r.assigned_user_id,
    releasedAt: ms(r.released_at),
    completedAt: ms(r.completed_at),
    droppedAt: ms(r.dropped_at),
    startedAt: started.get(r.id) ?? null,
    ...(counts.get(r.id) ?? { orders: 0, lines: 0, linesDone: 0, units: 0, unitsPicked: 0, shorts: 0 }),
  }));
  // A recent command may name a wave no longer on the board (finished long ago): its code still reads better than an id.
  const listed = new Set(ids);
  const missing = [...new Set(recent.map((c) => c.waveId).filter((id): id is string => !!id && !listed.has(id)))];
  const codes = new Map<string, string>();
  for (const part of chunks(missing)) {
    for (const w of await db.selectFrom('waves').select(['id', 'code']).where('id', 'in', part).where('warehouse_id', '=', warehouseId).execute()) codes.set(w.id, w.code);
  }
  return boardWaves({ now, query, waves, recent, names: new Map(users.map((u) => [u.id, u.name])), codes });
}
