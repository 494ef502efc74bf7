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
 * The users a batch names (as authors, or as wave assignees) with their roles and
 * whether each has signed in on the pushing device, in one query. Commands queued by
 * one worker may sync after another signs in on the same handheld, so any user who has
 * held a session on the device may author a command; nobody else.
 */
export async function loadActors(
  trx: Transaction<Database>,
  warehouseId: string,
  deviceId: string,
  commands: { m: { userId: string }; name: string; args: unknown }[],
): Promise<Map<string, Actor>> {
  const ids = new Set<string>();
  for (const c of commands) {
    ids.add(c.m.userId);
    if (c.name === 'wave.assign') ids.add((c.args as WaveAssignArgs).userId);
  }
  const rows = await trx
    .selectFrom('users')
    .select([
      'users.id',
      'users.roles',
      (eb) =>
        eb
          .exists(eb.selectFrom('sessions').select('sessions.id').where('sessions.device_id', '=', deviceId).whereRef('sessions.user_id', '=', 'users.id'))
          .as('on_device'),
    ])
    .where('users.id', 'in', [...ids])
    .where('users.warehouse_id', '=', warehouseId)
    .execute();
  return new Map(
    rows.map((u) => [u.id, { id: u.id, roles: JSON.parse(u.roles) as string[], onDevice: u.on_device === true || Number(u.on_device) === 1 }]),
  );
}
