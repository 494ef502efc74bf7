import type { Kysely } from 'kysely';

/**
 * Issue 4 (wave done): a tote's place (free, on a cart, awaiting packing at a pack
 * bench) and the wave it serves, and a wave's drop-off (when, which bench). Defaults
 * keep existing rows valid: every tote free, no wave dropped.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('totes').addColumn('status', 'text', (c) => c.notNull().defaultTo('free')).execute();
  await db.schema.alterTable('totes').addColumn('location_id', 'text').execute();
  await db.schema.alterTable('totes').addColumn('wave_id', 'text').execute();
  await db.schema.alterTable('waves').addColumn('dropped_at', 'text').execute();
  await db.schema.alterTable('waves').addColumn('dropoff_location_id', 'text').execute();
}
