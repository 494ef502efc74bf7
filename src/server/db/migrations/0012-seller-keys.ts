import type { Kysely } from 'kysely';

/**
 * Sellers' API keys (issue 7). Only a SHA-256 of the key is kept: a key is 190 random
 * bits, so a slow hash buys nothing, and a stolen table gives no key. The prefix is
 * stored in clear so an admin can tell keys apart and a request finds its row by index.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('seller_api_keys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('warehouse_id', 'text', (c) => c.notNull().references('warehouses.id'))
    .addColumn('seller_id', 'text', (c) => c.notNull().references('sellers.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('prefix', 'text', (c) => c.notNull().unique())
    .addColumn('key_hash', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('last_used_at', 'text')
    .execute();
  await db.schema.createIndex('seller_api_keys_seller').on('seller_api_keys').column('seller_id').execute();
}
