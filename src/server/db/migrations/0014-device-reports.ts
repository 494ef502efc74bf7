import type { Kysely } from 'kysely';

/**
 * What each handheld last reported by heartbeat (issue 7, the live board's devices): its
 * outbox still waiting, the oldest of it, refusals not looked at, the battery. One ALTER
 * per column: SQLite adds a single column per statement.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('devices').addColumn('pending', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('devices').addColumn('oldest_pending_at', 'text').execute();
  await db.schema.alterTable('devices').addColumn('rejected_unseen', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('devices').addColumn('battery_pct', 'integer').execute();
  await db.schema.alterTable('devices').addColumn('reported_at', 'text').execute();
}
