import type { Kysely } from 'kysely';

/**
 * Issue 6: a warehouse's counting settings (recount threshold, periodic count interval),
 * JSON set by a lead; null until one does, so every count uses the defaults
 * (domain/inventory/count-settings.ts).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('warehouses').addColumn('count_settings', 'text').execute();
}
