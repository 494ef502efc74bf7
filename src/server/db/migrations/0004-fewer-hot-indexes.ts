import type { Kysely } from 'kysely';

/**
 * Every pick rewrites a task and adds a mutation; each index on them is one more write
 * per command. (wave_id, version) already serves lookups by wave, and a device's
 * rejections are found through its (device_id, seq) key.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('pick_tasks_wave').execute();
  await db.schema.dropIndex('mutations_version').execute();
}
