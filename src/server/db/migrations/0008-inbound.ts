import { sql, type Kysely } from 'kysely';
import type { DbKind } from '../connect';

/**
 * Issue 6 (inbound and inventory control): sellers' announced shipments (ASNs) with their
 * cartons and expected lines, receipts and what was received, discrepancies, putaway
 * tasks, photos uploaded from devices, returns and their graded units. Count tasks learn
 * what was expected, who counts and which round it is (a recount is round 2). Every new
 * table carries a version so pulls can serve it; every new column on an existing table
 * is nullable or defaulted, so existing rows stay valid.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, kind: DbKind): Promise<void> {
  await db.schema
    .createTable('asns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('warehouse_id', 'text', (c) => c.notNull().references('warehouses.id'))
    .addColumn('seller_id', 'text', (c) => c.notNull().references('sellers.id'))
    .addColumn('reference', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // announced | receiving | closed
    .addColumn('expected_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addUniqueConstraint('asns_reference', ['warehouse_id', 'reference'])
    .execute();

  await db.schema
    .createTable('asn_cartons')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('asn_id', 'text', (c) => c.notNull().references('asns.id'))
    .addColumn('sscc', 'text', (c) => c.notNull().unique())
    .addColumn('contents', 'text') // JSON ExpectedItem[]; null when the seller did not say
    .addColumn('received_at', 'text')
    .execute();
  await db.schema.createIndex('asn_cartons_asn').on('asn_cartons').column('asn_id').execute();

  await db.schema
    .createTable('asn_lines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('asn_id', 'text', (c) => c.notNull().references('asns.id'))
    .addColumn('line_no', 'integer', (c) => c.notNull())
    .addColumn('sku_id', 'text', (c) => c.notNull().references('skus.id'))
    .addColumn('qty', 'integer', (c) => c.notNull())
    .addColumn('lot', 'text')
    .addColumn('expiry', 'text')
    .addUniqueConstraint('asn_lines_no', ['asn_id', 'line_no'])
    .execute();

  await db.schema
    .createTable('receipts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('warehouse_id', 'text', (c) => c.notNull().references('warehouses.id'))
    .addColumn('seller_id', 'text', (c) => c.notNull().references('sellers.id'))
    .addColumn('asn_id', 'text', (c) => c.references('asns.id')) // null: blind receipt
    .addColumn('status', 'text', (c) => c.notNull()) // open | closed
    .addColumn('dock_location_id', 'text', (c) => c.notNull())
    .addColumn('opened_by', 'text', (c) => c.notNull())
    .addColumn('closed_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('receipts_asn').on('receipts').column('asn_id').execute();

  await db.schema
    .createTable('receipt_lines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('receipt_id', 'text', (c) => c.notNull().references('receipts.id'))
    .addColumn('sku_id', 'text', (c) => c.notNull())
    .addColumn('lot', 'text')
    .addColumn('expiry', 'text')
    .addColumn('qty', 'integer', (c) => c.notNull())
    .addColumn('condition', 'text', (c) => c.notNull()) // ok | damaged
    .addColumn('carton_sscc', 'text')
    .addColumn('reason', 'text')
    .addColumn('photo_ids', 'text', (c) => c.notNull().defaultTo('[]')) // JSON string[]
    .addColumn('mutation_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('receipt_lines_receipt').on('receipt_lines').column('receipt_id').execute();

  await db.schema
    .createTable('discrepancies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('receipt_id', 'text', (c) => c.notNull().references('receipts.id'))
    .addColumn('kind', 'text', (c) => c.notNull()) // over | short | damaged | wrong_item | unexpected_sku
    .addColumn('sku_id', 'text')
    .addColumn('lot', 'text')
    .addColumn('carton_sscc', 'text')
    .addColumn('expected_qty', 'integer', (c) => c.notNull())
    .addColumn('received_qty', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('photo_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('discrepancies_receipt').on('discrepancies').column('receipt_id').execute();

  await db.schema
    .createTable('putaway_tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('warehouse_id', 'text', (c) => c.notNull().references('warehouses.id'))
    .addColumn('receipt_id', 'text') // null: from a graded return or a move
    .addColumn('return_id', 'text')
    .addColumn('sku_id', 'text', (c) => c.notNull())
    .addColumn('lot', 'text')
    .addColumn('expiry', 'text')
    .addColumn('qty', 'integer', (c) => c.notNull())
    .addColumn('from_location_id', 'text', (c) => c.notNull())
    .addColumn('suggested_location_id', 'text')
    .addColumn('to_location_id', 'text')
    .addColumn('reason', 'text') // why another bin than the suggested one
    .addColumn('status', 'text', (c) => c.notNull()) // open | done
    .addColumn('done_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('done_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();

  // Bytes: bytea on PostgreSQL, blob on SQLite; null until every byte has arrived.
  const bytes = kind === 'postgres' ? sql`bytea` : sql`blob`;
  await db.schema
    .createTable('photos')
    .addColumn('id', 'text', (c) => c.primaryKey()) // made by the device, so a retry names the same photo
    .addColumn('warehouse_id', 'text', (c) => c.notNull().references('warehouses.id'))
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('mutation_id', 'text')
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('byte_size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('received_bytes', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('stored', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('data', bytes)
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('returns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('warehouse_id', 'text', (c) => c.notNull().references('warehouses.id'))
    .addColumn('order_id', 'text', (c) => c.notNull())
    .addColumn('seller_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // open | graded
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('returns_order').on('returns').column('order_id').execute();

  await db.schema
    .createTable('return_lines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('return_id', 'text', (c) => c.notNull().references('returns.id'))
    .addColumn('sku_id', 'text', (c) => c.notNull())
    .addColumn('grade', 'text', (c) => c.notNull()) // sellable | damaged | defective | missing_parts | wrong_item
    .addColumn('reason', 'text')
    .addColumn('disposition', 'text', (c) => c.notNull()) // restock | quarantine | dispose | return_to_seller
    .addColumn('photo_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('graded_by', 'text', (c) => c.notNull())
    .addColumn('graded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('return_lines_return').on('return_lines').column('return_id').execute();

  // Blind counts: what the system expected (hidden from the counter), who counts, which round.
  await db.schema.alterTable('count_tasks').addColumn('expected_qty', 'integer').execute();
  await db.schema.alterTable('count_tasks').addColumn('counted_qty', 'integer').execute();
  await db.schema.alterTable('count_tasks').addColumn('assigned_to', 'text').execute();
  await db.schema.alterTable('count_tasks').addColumn('counted_by', 'text').execute();
  await db.schema.alterTable('count_tasks').addColumn('round', 'integer', (c) => c.notNull().defaultTo(1)).execute();

  // Pull scans syncable tables by version; these keep each scan an index range.
  for (const t of ['asns', 'receipts', 'discrepancies', 'putaway_tasks', 'photos', 'returns']) {
    await db.schema.createIndex(`${t}_version`).on(t).column('version').execute();
  }
}
