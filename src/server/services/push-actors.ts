import { sql, type Selectable, type Transaction } from 'kysely';
import type { WaveAssignArgs } from '../../domain/commands';
import { PREPARED } from '../db/connect';
import type { Database, WavesTable } from '../db/schema';

export interface Actor {
  id: string;
  roles: string[];
  /** Has held a session on the pushing device (now or earlier). */
  onDevice: boolean;
}

/**
 * The pushing device's lastSeq (null when it never signed in) and, in the same query,
 * the users a batch names (as authors, or as wave assignees) with their roles and
 * whether each has signed in on the pushing device. Commands queued by one worker may
 * sync after another signs in on the same handheld, so any user who has held a session
 * on the device may author a command; nobody else. Call it after taking the counter
 * lock, so lastSeq is the one every earlier push of this device committed.
 */
export async function loadDeviceAndActors(
  trx: Transaction<Database>,
  warehouseId: string,
  deviceId: string,
  commands: { m: { userId: string }; name: string; args: unknown }[],
): Promise<{ lastSeq: number | null; actors: Map<string, Actor> }> {
  const ids = actorIds(commands);
  if (ids.length === 0) {
    const d = await trx.selectFrom('devices').select('last_seq').where('id', '=', deviceId).executeTakeFirst();
    return { lastSeq: d ? Number(d.last_seq) : null, actors: new Map() };
  }
  const rows = await trx
    .selectFrom('devices')
    .leftJoin('users', (j) => j.on('users.id', 'in', ids).on('users.warehouse_id', '=', warehouseId))
    .select([
      'devices.last_seq',
      'users.id',
      'users.roles',
      (eb) =>
        eb
          .exists(eb.selectFrom('sessions').select('sessions.id').where('sessions.device_id', '=', deviceId).whereRef('sessions.user_id', '=', 'users.id'))
          .as('on_device'),
    ])
    .where('devices.id', '=', deviceId)
    .execute();
  if (rows.length === 0) return { lastSeq: null, actors: new Map() };
  const actors = new Map<string, Actor>();
  for (const u of rows) {
    if (u.id === null || u.roles === null) continue;
    actors.set(u.id, { id: u.id, roles: JSON.parse(u.roles) as string[], onDevice: u.on_device === true || Number(u.on_device) === 1 });
  }
  return { lastSeq: Number(rows[0]!.last_seq), actors };
}

function actorIds(commands: { m: { userId: string }; name: string; args: unknown }[]): string[] {
  const ids = new Set<string>();
  for (const c of commands) {
    ids.add(c.m.userId);
    if (c.name === 'wave.assign') ids.add((c.args as WaveAssignArgs).userId);
  }
  return [...ids];
}

/** A wave row with its highest task version (WaveCache's freshness probe). */
export type WaveProbe = Selectable<WavesTable> & { task_max: number | null };

/**
 * PostgreSQL: `loadDeviceAndActors` plus the probe of every wave the batch names, in
 * one prepared statement (one round trip). Same rules: call it under the counter lock.
 */
export async function loadDeviceActorsAndWavesPg(
  trx: Transaction<Database>,
  warehouseId: string,
  deviceId: string,
  commands: { m: { userId: string }; name: string; args: unknown }[],
): Promise<{ lastSeq: number | null; actors: Map<string, Actor>; waves: Map<string, WaveProbe | null> }> {
  const waveIds = [...new Set(commands.map((c) => (c.args as { waveId?: string }).waveId).filter((w): w is string => typeof w === 'string'))];
  const { rows } = await sql<{ last_seq: number; users: { id: string; roles: string; on_device: boolean }[]; waves: WaveProbe[] }>`${sql.raw(PREPARED)}
    select d.last_seq,
      (select coalesce(json_agg(json_build_object('id', u.id, 'roles', u.roles, 'on_device',
          exists (select 1 from sessions s where s.device_id = d.id and s.user_id = u.id))), '[]')
        from users u where u.id = any(${actorIds(commands)}::text[]) and u.warehouse_id = ${warehouseId}) as users,
      (select coalesce(json_agg(to_jsonb(w) || jsonb_build_object('task_max',
          (select max(t.version) from pick_tasks t where t.wave_id = w.id))), '[]')
        from waves w where w.id = any(${waveIds}::text[]) and w.warehouse_id = ${warehouseId}) as waves
    from devices d where d.id = ${deviceId}`.execute(trx);
  const row = rows[0];
  const waves = new Map<string, WaveProbe | null>(waveIds.map((id) => [id, null]));
  if (!row) return { lastSeq: null, actors: new Map(), waves };
  for (const w of row.waves) waves.set(w.id, w);
  const actors = new Map(row.users.map((u) => [u.id, { id: u.id, roles: JSON.parse(u.roles) as string[], onDevice: u.on_device }]));
  return { lastSeq: Number(row.last_seq), actors, waves };
}
