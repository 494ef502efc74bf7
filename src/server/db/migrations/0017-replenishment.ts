import type { Kysely } from 'kysely';

/**
 * Replenishment (issue 7, docs/replenishment.md).
 *
 * pick_face_limits: a lead's minimum and fill-to level for one SKU in one pick face. No
 * row: the SKU's low_stock_threshold is the minimum (domain/replenish/limits.ts).
 *
 * replenishment_tasks: reserve bin to pick face. At most one active (open or no_stock)
 * task per face and SKU holds a crossing below the minimum; the index on (location_id,
 * sku_id, status) finds it inside the push. `version` lets pulls serve them.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('pick_face_limits')
    .addColumn('location_id', 'text', (c) => c.notNull().references('locations.id'))
    .addColumn('sku_id', 'text', (c) => c.notNull().references('skus.id'))
    .addColumn('warehouse_id', 'text', (c) => c.notNull().references('warehouses.id'))
    .addColumn('min_qty', 'integer', (c) => c.notNull())
    .addColumn('max_qty', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('pick_face_limits_pk', ['location_id', 'sku_id'])
    .execute();
  await db.schema
    .createTable('replenishment_tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('warehouse_id', 'text', (c) => c.notNull().references('warehouses.id'))
    .addColumn('location_id', 'text', (c) => c.notNull().references('locations.id'))
    .addColumn('sku_id', 'text', (c) => c.notNull().references('skus.id'))
    .addColumn('seller_id', 'text', (c) => c.notNull())
    .addColumn('from_location_id', 'text', (c) => c.references('locations.id'))
    .addColumn('lot', 'text')
    .addColumn('expiry', 'text')
    .addColumn('qty', 'integer', (c) => c.notNull())
    .addColumn('min_qty', 'integer', (c) => c.notNull())
    .addColumn('max_qty', 'integer', (c) => c.notNull())
    .addColumn('on_hand', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('mutation_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('done_by', 'text')
    .addColumn('done_qty', 'integer')
    .addColumn('done_from_location_id', 'text')
    .addColumn('done_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('replenishment_tasks_face').on('replenishment_tasks').columns(['location_id', 'sku_id', 'status']).execute();
  await db.schema.createIndex('replenishment_tasks_status').on('replenishment_tasks').columns(['warehouse_id', 'status']).execute();
}
