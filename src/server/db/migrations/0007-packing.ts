import type { Kysely } from 'kysely';

/**
 * Issue 5 (packing and shipping): the box catalogue, the warehouse's packing settings,
 * a printer per pack bench, lead override keys, shipments and their cartons (tracking
 * numbers and SSCCs unique across every device), the serial leases that make that true
 * offline, dock manifests and the sellers' event feed. Exceptions learn which order they
 * are about. Every new column is nullable or defaulted, so existing rows stay valid.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('box_types')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('warehouse_id', 'text', (c) => c.notNull().references('warehouses.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('inner_length_mm', 'integer', (c) => c.notNull())
    .addColumn('inner_width_mm', 'integer', (c) => c.notNull())
    .addColumn('inner_height_mm', 'integer', (c) => c.notNull())
    .addColumn('max_weight_g', 'integer', (c) => c.notNull())
    .addColumn('tare_g', 'integer', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addUniqueConstraint('box_types_code', ['warehouse_id', 'code'])
    .execute();

  await db.schema
    .createTable('pack_configs')
    .addColumn('warehouse_id', 'text', (c) => c.primaryKey().references('warehouses.id'))
    .addColumn('config', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();

  // host:port of the bench's label printer (raw TCP, 9100 when no port is given).
  await db.schema.alterTable('locations').addColumn('printer_host', 'text').execute();

  // PBKDF2 key of a lead's PIN for weight overrides (domain/packing/override.ts).
  await db.schema.alterTable('users').addColumn('override_salt', 'text').execute();
  await db.schema.alterTable('users').addColumn('override_key', 'text').execute();
  await db.schema.alterTable('users').addColumn('override_iterations', 'integer').execute();

  await db.schema.alterTable('orders').addColumn('packed_at', 'text').execute();
  await db.schema.alterTable('orders').addColumn('shipped_at', 'text').execute();

  await db.schema.alterTable('exceptions').addColumn('order_id', 'text').execute();
  await db.schema.alterTable('exceptions').addColumn('details', 'text').execute();

  await db.schema
    .createTable('shipments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('warehouse_id', 'text', (c) => c.notNull().references('warehouses.id'))
    .addColumn('order_id', 'text', (c) => c.notNull().unique().references('orders.id'))
    .addColumn('bench_id', 'text', (c) => c.notNull())
    .addColumn('carrier', 'text', (c) => c.notNull())
    .addColumn('service', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // packed | shipped
    .addColumn('packed_by', 'text', (c) => c.notNull())
    .addColumn('override_by', 'text')
    .addColumn('override_nonce', 'text', (c) => c.unique())
    .addColumn('mutation_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('shipped_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('cartons')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('warehouse_id', 'text', (c) => c.notNull().references('warehouses.id'))
    .addColumn('shipment_id', 'text', (c) => c.notNull().references('shipments.id'))
    .addColumn('order_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('box_type_id', 'text', (c) => c.notNull())
    .addColumn('weight_g', 'integer', (c) => c.notNull())
    .addColumn('expected_weight_g', 'integer', (c) => c.notNull())
    .addColumn('tracking_number', 'text', (c) => c.notNull().unique())
    .addColumn('sscc', 'text', (c) => c.notNull().unique())
    .addColumn('contents', 'text', (c) => c.notNull()) // JSON [{skuId, lot, qty}]
    .addColumn('carrier', 'text', (c) => c.notNull())
    .addColumn('manifest_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('cartons_shipment').on('cartons').column('shipment_id').execute();
  await db.schema.createIndex('cartons_manifest').on('cartons').column('manifest_id').execute();

  await db.schema
    .createTable('number_counters')
    .addColumn('warehouse_id', 'text', (c) => c.notNull().references('warehouses.id'))
    .addColumn('kind', 'text', (c) => c.notNull()) // tracking | sscc
    .addColumn('next', 'integer', (c) => c.notNull())
    .addColumn('last', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('number_counters_pk', ['warehouse_id', 'kind'])
    .execute();

  await db.schema
    .createTable('number_leases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('warehouse_id', 'text', (c) => c.notNull().references('warehouses.id'))
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('first', 'integer', (c) => c.notNull())
    .addColumn('last', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('number_leases_first', ['warehouse_id', 'kind', 'first'])
    .execute();
  await db.schema.createIndex('number_leases_device').on('number_leases').columns(['device_id', 'kind']).execute();

  await db.schema
    .createTable('manifests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('warehouse_id', 'text', (c) => c.notNull().references('warehouses.id'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('carrier', 'text', (c) => c.notNull())
    .addColumn('dock_location_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // open | closed
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('closed_by', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('seller_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('warehouse_id', 'text', (c) => c.notNull().references('warehouses.id'))
    .addColumn('seller_id', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('seller_events_feed').on('seller_events').columns(['seller_id', 'version']).execute();
}
