import { sql, type Kysely } from 'kysely';

/**
 * Issue 6 (returns and counts on the server): a graded return line keeps how many units
 * it stands for, their lot, what was found instead (wrong item), whether sealed, and the
 * bench it was graded at, so "shipped minus already returned" is a sum. A count task
 * keeps every line its counter found (a recount is compared with it), who must not
 * count it again, the first round's task id, and when it was counted. Defaults keep
 * existing rows valid.
 *
 * Pull sends receivers, returns clerks and leads every bin's balance, incrementally: the
 * SKUs moved in a range are those of the ledger rows of inventory commands in it. A
 * partial index finds those commands by version without making every pick's insert pay
 * for it (0004 dropped the full mutations version index for that reason). The predicate
 * must be repeated word for word by queries (SQLite uses a partial index only then):
 * INVENTORY_MUTATION_NAMES in services/pull-stock-all.ts.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('return_lines').addColumn('qty', 'integer', (c) => c.notNull().defaultTo(1)).execute();
  await db.schema.alterTable('return_lines').addColumn('lot', 'text').execute();
  await db.schema.alterTable('return_lines').addColumn('found_sku_id', 'text').execute();
  await db.schema.alterTable('return_lines').addColumn('sealed', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('return_lines').addColumn('location_id', 'text').execute();
  await db.schema.alterTable('count_tasks').addColumn('counted_lines', 'text').execute(); // JSON [{skuId, lot, qty}]
  await db.schema.alterTable('count_tasks').addColumn('chain_id', 'text').execute(); // null: round 1, its own chain
  await db.schema.alterTable('count_tasks').addColumn('exclude_user_ids', 'text', (c) => c.notNull().defaultTo('[]')).execute();
  await db.schema.alterTable('count_tasks').addColumn('counted_at', 'text').execute();
  // Open tasks of a bin are looked up on every count request and count.submit.
  await db.schema.createIndex('count_tasks_location').on('count_tasks').columns(['location_id', 'status']).execute();
  await sql`create index mutations_inventory_version on mutations (version) where name in ('receipt.close', 'putaway.confirm', 'stock.move', 'return.grade', 'count.submit')`.execute(db);
}
