import type { Transaction } from 'kysely';
import type { WaveAssignArgs } from '../../domain/commands';
import type { Database } from '../db/schema';

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
