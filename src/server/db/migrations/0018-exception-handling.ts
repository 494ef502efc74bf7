import type { Kysely } from 'kysely';

/**
 * The lead's exceptions work queue (issue 7, docs/exceptions.md): who handled an
 * exception, when, with which action, the lead's note and what the action made (JSON:
 * the count task, the new pick tasks and their wave). `short_accepted_qty` on an order
 * line is how many units a lead accepted the order ships without. The index serves the
 * queue: a warehouse's open (or handled) exceptions, oldest first. One ALTER per column
 * for SQLite.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('exceptions').addColumn('handled_by', 'text').execute();
  await db.schema.alterTable('exceptions').addColumn('handled_at', 'text').execute();
  await db.schema.alterTable('exceptions').addColumn('handled_action', 'text').execute();
  await db.schema.alterTable('exceptions').addColumn('handled_note', 'text').execute();
  await db.schema.alterTable('exceptions').addColumn('handled_result', 'text').execute();
  await db.schema.alterTable('order_lines').addColumn('short_accepted_qty', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.createIndex('exceptions_wh_status_created').on('exceptions').columns(['warehouse_id', 'status', 'created_at']).execute();
}
