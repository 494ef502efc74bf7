import type { Kysely } from 'kysely';

/**
 * Orders made through the sellers' API (issue 7) keep the SHA-256 of their normalised
 * request: a repeat with the same external id is the same order only when the hashes
 * match, otherwise it is a 409. Orders from other sources leave it null. The unique
 * (seller_id, external_id) constraint of 0001 already stops a second row.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('orders').addColumn('request_hash', 'text').execute();
}
