import type { Kysely } from 'kysely';

/** Which wave a command was about, so a lead can list a wave's picks without parsing args. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('mutations').addColumn('wave_id', 'text').execute();
  await db.schema.createIndex('mutations_wave').on('mutations').column('wave_id').execute();
}
