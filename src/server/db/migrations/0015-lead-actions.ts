import type { Kysely } from 'kysely';

/**
 * The lead's order actions (issue 7): a priority (stored; wave planning may order by it
 * later), the status a lead's hold put aside (null: not held by a lead) and why, and when
 * a line's remaining units were cancelled. One ALTER per column for SQLite.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('orders').addColumn('priority', 'text', (c) => c.notNull().defaultTo('normal')).execute();
  await db.schema.alterTable('orders').addColumn('held_from_status', 'text').execute();
  await db.schema.alterTable('orders').addColumn('hold_reason', 'text').execute();
  await db.schema.alterTable('order_lines').addColumn('cancelled_at', 'text').execute();
}
