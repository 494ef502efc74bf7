import type { Kysely } from 'kysely';

/**
 * Issue 6 (receiving on the server): a putaway task remembers the condition of its units
 * (damaged ones go to a damaged bin) and how many were put away so far (a partial confirm
 * leaves the rest open, and `qty` stays what the task was made for); a receipt keeps a
 * note for the lead, e.g. units received against an ASN another device had closed.
 * Defaults keep existing rows valid.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('putaway_tasks').addColumn('condition', 'text', (c) => c.notNull().defaultTo('ok')).execute();
  await db.schema.alterTable('putaway_tasks').addColumn('done_qty', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('receipts').addColumn('note', 'text').execute();
}
