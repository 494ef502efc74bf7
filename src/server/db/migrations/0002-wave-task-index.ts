import type { Kysely } from 'kysely';

/** Lets a push check in one index probe whether its cached copy of a wave's tasks is current. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('pick_tasks_wave_version').on('pick_tasks').columns(['wave_id', 'version']).execute();
}
