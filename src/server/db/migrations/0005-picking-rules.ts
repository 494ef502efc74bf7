import type { Kysely } from 'kysely';

/**
 * Issue 4 (picking rules): a task's allocated lot and expiry, its skip mark (an ordinal
 * within the wave, see domain/picking/walk.ts), and the wave's kind (single or cluster
 * cart). Defaults keep existing rows valid: untracked stock, never skipped, single.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('pick_tasks').addColumn('lot', 'text').execute();
  await db.schema.alterTable('pick_tasks').addColumn('expiry', 'text').execute();
  await db.schema.alterTable('pick_tasks').addColumn('skipped_at', 'integer').execute();
  await db.schema.alterTable('waves').addColumn('kind', 'text', (c) => c.notNull().defaultTo('single')).execute();
  // Short picks and undos look up a task's earlier commands and a SKU's open tasks.
  await db.schema.createIndex('pick_tasks_sku_status').on('pick_tasks').columns(['sku_id', 'status']).execute();
}
