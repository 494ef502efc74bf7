import { sql, type Insertable, type Kysely, type Transaction } from 'kysely';
import { parseCommand, type CommandName } from '../../domain/commands';
import { ErrorCode } from '../../domain/errors';
import type { Mutation, MutationResult, PushRequest, PushResponse } from '../../domain/sync';
import { insertMany, insertRows, unnestColumns, type PgType } from '../db/bulk';
import { PREPARED, type DbKind } from '../db/connect';
import type { SqliteFast } from '../db/sqlite-fast';
import type { CountTasksTable, Database, ExceptionsTable, MutationsTable, StockLedgerTable } from '../db/schema';
import type { PickTask } from '../../domain/model';
import { clampInt4, VersionClock } from '../db/version';
import { ApiError } from './api-error';
import { writeTotes, type ToteWrite } from './dropoff-writes';
import { negativeStockCandidates, raiseNegativeStock } from './negative-stock';
import { PackWrites } from './pack-writes';
import { writeInventory } from './inventory-writes';
import { writeReceiving } from './receiving-writes';
import { raiseReplenishments } from './replenish-trigger';
import { writeReplenish } from './replenish-writes';
import { loadDeviceActorsAndWavesPg, loadDeviceAndActors, type Actor } from './push-actors';
import { BatchMemory, resolveExceptions } from './push-state';
import { decide } from './push-decide';
import { WaveCache, type WaveTaskCache } from './wave-cache';

export interface PushCaller {
  warehouseId: string;
  kind: DbKind;
  fast: SqliteFast | null;
  /** Task lists shared between batches; null to always read them afresh. */
  waveTasks: WaveTaskCache | null;
}

const MUTATION_COLS = {
  id: 'text', device_id: 'text', seq: 'int4', name: 'text', args: 'text', args_version: 'int4', user_id: 'text',
  status: 'text', code: 'text', message: 'text', result: 'text', version: 'int4', created_at: 'text', received_at: 'text',
  wave_id: 'text',
} as const;
const LEDGER_COLS = {
  id: 'text', warehouse_id: 'text', location_id: 'text', container_code: 'text', sku_id: 'text', lot: 'text',
  expiry: 'text', delta: 'int4', reason: 'text', mutation_id: 'text', created_at: 'text',
} as const;
const EXCEPTION_COLS = {
  id: 'text', warehouse_id: 'text', type: 'text', status: 'text', wave_id: 'text', task_id: 'text', location_id: 'text',
  sku_id: 'text', qty: 'int4', raised_by: 'text', mutation_id: 'text', created_at: 'text', resolved_at: 'text', version: 'int4',
  order_id: 'text', details: 'text',
} as const;

/**
 * PostgreSQL: every write of a batch in one statement (one round trip): its mutations,
 * ledger rows, exceptions, the negative-stock exceptions and count tasks it causes
 * (each pair one more version after `version`), task updates, the device's new lastSeq
 * and the counter's new value. Mutations are inserted skipping conflicts; when any was
 * skipped (an id reused under another seq) nothing else is written and the caller
 * refuses the batch, rolling back. Returns how many mutations went in and how many
 * negative-stock exceptions were raised.
 */
async function writeBatchPg(
  trx: Transaction<Database>,
  warehouseId: string,
  now: string,
  w: {
    mutations: Insertable<MutationsTable>[];
    ledger: Insertable<StockLedgerTable>[];
    exceptions: Insertable<ExceptionsTable>[];
    tasks: PickTask[];
    device: { id: string; lastSeq: number; appVersion: string; lastSeen: string };
    version: number;
  },
): Promise<{ inserted: number; negative: number }> {
  const cols = (types: Record<string, PgType>) => sql.join(Object.keys(types).map((c) => sql.ref(c)));
  const col = <K extends keyof PickTask>(k: K) => w.tasks.map((t) => t[k]);
  const n = negativeStockCandidates(w.ledger);
  const r = await sql<{ inserted: number; negative: number }>`${sql.raw(PREPARED)}
    with m as (
      insert into mutations (${cols(MUTATION_COLS)})
      select * from unnest(${unnestColumns(MUTATION_COLS, w.mutations)}) on conflict do nothing returning 1
    ), ok as (select count(*) = ${w.mutations.length} as ok, count(*) as inserted from m),
    neg as (
      select q.*, (${w.version}::int4 + row_number() over (order by q.ord))::int4 as version
      from (
        select p.*,
          (coalesce((select sum(s.delta) from stock_ledger s where s.location_id = p.location_id and s.sku_id = p.sku_id), 0) + p.delta)::int4 as balance
        from unnest(${n.locationIds}::text[], ${n.skuIds}::text[], ${n.deltas}::int4[], ${n.exceptionIds}::text[], ${n.countTaskIds}::text[])
          with ordinality as p(location_id, sku_id, delta, exception_id, count_task_id, ord)
      ) as q
      where q.balance < 0
        and not exists (select 1 from exceptions e where e.type = 'negative_stock' and e.status = 'open'
          and e.location_id = q.location_id and e.sku_id = q.sku_id)
    ),
    l as (insert into stock_ledger (${cols(LEDGER_COLS)}) select * from unnest(${unnestColumns(LEDGER_COLS, w.ledger)}) where (select ok from ok)),
    x as (
      insert into exceptions (${cols(EXCEPTION_COLS)})
      select * from unnest(${unnestColumns(EXCEPTION_COLS, w.exceptions)}) where (select ok from ok)
      union all
      select exception_id, ${warehouseId}, 'negative_stock', 'open', null, null, location_id, sku_id, balance, null, null, ${now}, null, version, null, null
      from neg where (select ok from ok)
    ),
    c as (
      insert into count_tasks (id, warehouse_id, location_id, sku_id, reason, status, created_at, version)
      select count_task_id, ${warehouseId}, location_id, sku_id, 'negative_stock', 'open', ${now}, version from neg where (select ok from ok)
    ),
    t as (
      update pick_tasks as t set picked_qty = u.picked_qty, status = u.status, tote_code = u.tote_code,
        picked_by = u.picked_by, skipped_at = u.skipped_at, lot = u.lot, expiry = u.expiry, version = u.version
      from unnest(${col('id')}::text[], ${col('pickedQty')}::int4[], ${col('status')}::text[], ${col('toteCode')}::text[],
        ${col('pickedBy')}::text[], ${col('skippedAt')}::int4[], ${col('lot')}::text[], ${col('expiry')}::text[], ${col('version')}::int4[])
        as u(id, picked_qty, status, tote_code, picked_by, skipped_at, lot, expiry, version)
      where t.id = u.id and (select ok from ok)
    ),
    d as (
      update devices set last_seq = ${w.device.lastSeq}, app_version = ${w.device.appVersion}, last_seen = ${w.device.lastSeen}
      where id = ${w.device.id} and (select ok from ok)
    ),
    v as (update server_version set value = ${w.version}::int4 + (select count(*) from neg) where id = 1 and (select ok from ok))
    select (select inserted from ok) as inserted, (select count(*) from neg) as negative`.execute(trx);
  return { inserted: Number(r.rows[0]!.inserted), negative: Number(r.rows[0]!.negative) };
}

export interface Parsed {
  m: Mutation;
  name: CommandName;
  args: unknown;
}

/**
 * Checks a batch before it queues for the database: unknown command names or bad
 * arguments refuse the whole batch (400) before anything is written.
 */
export function checkPush(req: PushRequest): Parsed[] {
  const parsed: Parsed[] = req.mutations.map((m, index) => {
    const p = parseCommand(m.name, m.argsVersion, m.args);
    if (!p.ok) {
      throw new ApiError(400, p.code, p.message, { index, seq: m.seq, id: m.id, issues: p.details });
    }
    return { m, name: p.name, args: p.args };
  });
  const ids = new Set(req.mutations.map((m) => m.id));
  if (ids.size !== req.mutations.length) {
    throw new ApiError(400, ErrorCode.VALIDATION_FAILED, 'mutation ids in a batch must be unique');
  }
  return parsed;
}

/**
 * Applies one push batch in one transaction: replays answer from the stored results,
 * a gap is a 409, new commands run through the shared rules, and the results plus the
 * device's new lastSeq commit together. Returns the answer and the version reached.
 * `parsed` is `checkPush(req)`, done before waiting for the turn.
 */
export async function applyPush(
  db: Kysely<Database>,
  req: PushRequest,
  caller: PushCaller,
  parsed: Parsed[] = checkPush(req),
): Promise<{ response: PushResponse; version: number | null }> {
  let waves: WaveCache | null = null;
  try {
    const out = await db.transaction().execute(async (trx) => {
      waves = new WaveCache(trx, caller.kind, caller.warehouseId, caller.waveTasks, caller.fast);
      return runBatch(trx, req, parsed, caller, waves);
    });
    (waves as WaveCache | null)?.publish();
    return out;
  } catch (err) {
    (waves as WaveCache | null)?.discard();
    throw err;
  }
}

async function runBatch(trx: Transaction<Database>, req: PushRequest, parsed: Parsed[], caller: PushCaller, waves: WaveCache) {
  const clock = await VersionClock.begin(trx);
  let device: { lastSeq: number | null; actors: Map<string, Actor> };
  if (caller.kind === 'postgres') {
    const d = await loadDeviceActorsAndWavesPg(trx, caller.warehouseId, req.deviceId, parsed);
    waves.prime(d.waves);
    device = d;
  } else {
    device = await loadDeviceAndActors(trx, caller.warehouseId, req.deviceId, parsed);
  }
  if (device.lastSeq === null) throw new ApiError(403, ErrorCode.DEVICE_MISMATCH, 'device has not signed in');
  const lastSeq = device.lastSeq;
  const replays = parsed.filter((p) => p.m.seq <= lastSeq);
  const fresh = parsed.filter((p) => p.m.seq > lastSeq);
  if (fresh[0] && fresh[0].m.seq !== lastSeq + 1) {
    throw new ApiError(409, ErrorCode.SEQ_GAP, `expected seq ${lastSeq + 1}, got ${fresh[0].m.seq}`, { expectedSeq: lastSeq + 1 });
  }
  const results = new Map<number, MutationResult>();
  if (replays.length > 0) {
    const stored = await trx
      .selectFrom('mutations')
      .select(['seq', 'result'])
      .where('device_id', '=', req.deviceId)
      .where('seq', '>=', clampInt4(replays[0]!.m.seq))
      .where('seq', '<=', clampInt4(replays[replays.length - 1]!.m.seq))
      .execute();
    for (const s of stored) results.set(Number(s.seq), JSON.parse(s.result) as MutationResult);
    for (const r of replays) {
      if (!results.has(r.m.seq)) throw new Error(`stored result missing for seq ${r.m.seq}`);
    }
  }
  if (fresh.length > 0) {
    await applyFresh(trx, clock, req, fresh, caller, results, waves, device.actors);
    if (caller.kind !== 'postgres') {
      await trx
        .updateTable('devices')
        .set({ last_seq: fresh[fresh.length - 1]!.m.seq, app_version: req.appVersion, last_seen: new Date().toISOString() })
        .where('id', '=', req.deviceId)
        .execute();
    }
  }
  const version = await clock.finish(trx);
  const response: PushResponse = {
    lastSeq: fresh.length > 0 ? fresh[fresh.length - 1]!.m.seq : lastSeq,
    results: parsed.map((p) => results.get(p.m.seq)!),
  };
  return { response, version: clock.changed ? version : null };
}

async function applyFresh(
  trx: Transaction<Database>,
  clock: VersionClock,
  req: PushRequest,
  fresh: Parsed[],
  caller: PushCaller,
  results: Map<number, MutationResult>,
  waves: WaveCache,
  actors: Map<string, Actor>,
) {
  const now = new Date().toISOString();
  const mutationRows: Insertable<MutationsTable>[] = [];
  const ledger: Insertable<StockLedgerTable>[] = [];
  const exceptions: Insertable<ExceptionsTable>[] = [];
  const countTasks: Insertable<CountTasksTable>[] = [];
  const totes: ToteWrite[] = [];
  const batch = new BatchMemory(exceptions, ledger);
  const pack = new PackWrites(caller.warehouseId);
  for (const f of fresh) {
    const version = clock.tick();
    const ctx = { userId: f.m.userId, mutationId: f.m.id, now };
    const outcome = await decide(f, actors, waves, ctx, { trx, batch, warehouseId: caller.warehouseId, deviceId: req.deviceId });
    if (outcome.status === 'applied' && outcome.resolveExceptionIds) {
      await resolveExceptions(trx, batch, outcome.resolveExceptionIds, version, now);
    }
    // Rows a command causes are named after it, so even a bug that applied a command
    // twice would trip a primary key instead of doubling stock.
    if (outcome.status === 'applied') {
      waves.apply(outcome, version);
      pack.collect(outcome, f.m.id, version, now);
      const meta = { warehouseId: caller.warehouseId, mutationId: f.m.id, userId: f.m.userId, version, now };
      if (outcome.receiving) await writeReceiving(trx, outcome, meta);
      if (outcome.inventory) await writeInventory(trx, outcome, meta);
      for (const [n, t] of (outcome.totePatches ?? []).entries()) totes.push({ id: `${f.m.id}:t${n}`, code: t.code, ...t.patch, version });
      for (const [n, c] of (outcome.countTasks ?? []).entries()) {
        countTasks.push({
          id: `${f.m.id}:c${n}`,
          warehouse_id: caller.warehouseId,
          location_id: c.locationId,
          sku_id: c.skuId,
          reason: c.reason,
          status: 'open',
          created_at: now,
          version,
        });
      }
      for (const [n, mv] of outcome.movements.entries()) {
        ledger.push({
          id: `${f.m.id}:${n}`,
          warehouse_id: caller.warehouseId,
          location_id: mv.locationId,
          container_code: mv.containerCode,
          sku_id: mv.skuId,
          lot: mv.lot,
          expiry: mv.expiry,
          delta: mv.delta,
          reason: mv.reason,
          mutation_id: f.m.id,
          created_at: now,
        });
      }
    }
    // Applied (a task done) or refused (a face to count): replenish.confirm's rows.
    if (outcome.replenish) await writeReplenish(trx, outcome, { warehouseId: caller.warehouseId, mutationId: f.m.id, userId: f.m.userId, version, now });
    for (const [n, e] of outcome.exceptions.entries()) {
      exceptions.push({
        id: `${f.m.id}:x${n}`,
        warehouse_id: caller.warehouseId,
        type: e.type,
        status: 'open',
        wave_id: e.waveId,
        task_id: e.taskId,
        location_id: e.locationId,
        sku_id: e.skuId,
        qty: e.qty,
        raised_by: f.m.userId,
        mutation_id: f.m.id,
        created_at: now,
        resolved_at: null,
        version,
        order_id: e.orderId ?? null,
        details: e.details ? JSON.stringify(e.details) : null,
      });
    }
    batch.record(f.m.id, f.name, f.args, f.m.userId, outcome);
    const other = outcome.otherUserId ? { otherUserId: outcome.otherUserId } : {};
    const result: MutationResult =
      outcome.status === 'applied'
        ? { id: f.m.id, seq: f.m.seq, status: 'applied', ...(outcome.note ? { code: outcome.note } : {}), ...other }
        : { id: f.m.id, seq: f.m.seq, status: 'rejected', code: outcome.code, message: outcome.message, ...other };
    results.set(f.m.seq, result);
    mutationRows.push({
      id: f.m.id,
      device_id: req.deviceId,
      seq: f.m.seq,
      name: f.m.name,
      args: JSON.stringify(f.m.args),
      args_version: f.m.argsVersion,
      user_id: f.m.userId,
      status: result.status,
      code: result.code ?? null,
      message: result.message ?? null,
      result: JSON.stringify(result),
      version,
      created_at: f.m.createdAt,
      received_at: now,
      wave_id: (f.args as { waveId?: string }).waveId ?? null,
    });
  }
  // Rare (short picks): plain inserts beside the batch's main writes, same transaction.
  await insertRows(trx, 'count_tasks', countTasks);
  await writeTotes(trx, caller.warehouseId, totes);
  await pack.write(trx);
  if (caller.kind === 'postgres') {
    await waves.flushWaves();
    await waves.insertCreated();
    const written = await writeBatchPg(trx, caller.warehouseId, now, {
      mutations: mutationRows,
      ledger,
      exceptions,
      tasks: waves.takeDirtyTasks(),
      device: { id: req.deviceId, lastSeq: fresh[fresh.length - 1]!.m.seq, appVersion: req.appVersion, lastSeen: now },
      version: clock.current,
    });
    if (written.inserted !== mutationRows.length) {
      throw new ApiError(400, ErrorCode.VALIDATION_FAILED, 'a mutation id in this batch is already recorded under another seq');
    }
    // The statement numbered one version per negative-stock pair after the commands'.
    for (let i = 0; i < written.negative; i++) clock.tick();
    clock.markWritten();
    // After the ledger rows are in: pick faces this batch took below their minimum.
    await raiseReplenishments(trx, caller.kind, clock, caller.warehouseId, ledger, now);
    return;
  }
  // Mutations first: ledger rows reference them.
  // The unique mutation id is the backstop: a reused id counts as not inserted and the
  // whole batch is refused (and rolled back) rather than half applied.
  const write = (table: 'mutations' | 'stock_ledger' | 'exceptions', types: Record<string, PgType>, rows: object[], skipConflicts = false) =>
    caller.fast
      ? caller.fast.insert(table, Object.keys(types), rows, { skipConflicts })
      : insertMany(trx, caller.kind, table, types as never, rows as never, { skipConflicts });
  if ((await write('mutations', MUTATION_COLS, mutationRows, true)) !== mutationRows.length) {
    throw new ApiError(400, ErrorCode.VALIDATION_FAILED, 'a mutation id in this batch is already recorded under another seq');
  }
  await write('stock_ledger', LEDGER_COLS, ledger);
  await write('exceptions', EXCEPTION_COLS, exceptions);
  await waves.flush();
  await raiseNegativeStock(trx, clock, caller.warehouseId, ledger, now, caller.fast);
  await raiseReplenishments(trx, caller.kind, clock, caller.warehouseId, ledger, now);
}
