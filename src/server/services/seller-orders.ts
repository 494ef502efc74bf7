import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { ErrorCode } from '../../domain/errors';
import { canonicalSellerOrder, type NewSellerOrder, type SellerOrderView } from '../../domain/seller-api/orders';
import type { SellerAuth } from '../auth/seller-keys';
import type { Database } from '../db/schema';
import { ApiError } from './api-error';
import type { EventHub } from './events';
import { versionedWrite } from './shipping-tx';

/** The status a new order starts in: known, not yet allocated or in a wave. */
export const NEW_ORDER_STATUS = 'received';

/**
 * The answer for a missing order and for another seller's alike, so an id tells a seller
 * nothing about orders that are not theirs.
 */
export const orderNotFound = () => new ApiError(404, ErrorCode.ORDER_NOT_FOUND, 'no such order');

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** A unique-constraint violation on either database (the backstop for concurrent repeats). */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown } | null;
  if (!e || typeof e !== 'object') return false;
  if (e.code === '23505' || e.code === 'SQLITE_CONSTRAINT_UNIQUE' || e.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return true;
  return typeof e.message === 'string' && /UNIQUE constraint failed|duplicate key value/i.test(e.message);
}

type OrderRow = Pick<
  Database['orders'],
  'id' | 'external_id' | 'status' | 'ship_to' | 'carrier_service' | 'ship_by' | 'created_at' | 'version'
> & { packed_at: string | null; shipped_at: string | null; request_hash: string | null };

const ORDER_COLUMNS = ['id', 'external_id', 'status', 'ship_to', 'carrier_service', 'ship_by', 'created_at', 'packed_at', 'shipped_at', 'request_hash', 'version'] as const;

/** A seller's own order by Tote's id or by their external id; undefined for missing and foreign alike. */
export async function findSellerOrder(
  db: Kysely<Database>,
  seller: SellerAuth,
  by: { id: string } | { externalId: string },
): Promise<OrderRow | undefined> {
  let q = db.selectFrom('orders').select(ORDER_COLUMNS).where('seller_id', '=', seller.sellerId).where('warehouse_id', '=', seller.warehouseId);
  q = 'id' in by ? q.where('id', '=', by.id) : q.where('external_id', '=', by.externalId);
  return (await q.executeTakeFirst()) as OrderRow | undefined;
}

export async function sellerOrderView(db: Kysely<Database>, o: OrderRow): Promise<SellerOrderView> {
  const lines = await db
    .selectFrom('order_lines')
    .innerJoin('skus', 'skus.id', 'order_lines.sku_id')
    .select(['order_lines.line_no', 'skus.code', 'order_lines.qty'])
    .where('order_lines.order_id', '=', o.id)
    .orderBy('order_lines.line_no')
    .execute();
  // Voided labels are not tracking numbers any more; a relabelled order shows its new ones.
  const cartons = await db
    .selectFrom('cartons')
    .innerJoin('shipments', 'shipments.id', 'cartons.shipment_id')
    .select(['cartons.seq', 'cartons.tracking_number', 'cartons.carrier', 'shipments.status'])
    .where('shipments.order_id', '=', o.id)
    .where('shipments.status', 'in', ['packed', 'shipped'])
    .orderBy('cartons.seq')
    .execute();
  const shipTo = JSON.parse(o.ship_to) as SellerOrderView['shipTo'];
  return {
    id: o.id,
    externalId: o.external_id,
    status: o.status as SellerOrderView['status'],
    shipTo: {
      name: shipTo.name,
      line1: shipTo.line1,
      ...(shipTo.line2 ? { line2: shipTo.line2 } : {}),
      city: shipTo.city,
      region: shipTo.region ?? '',
      postalCode: shipTo.postalCode,
      country: shipTo.country,
    },
    carrierService: o.carrier_service,
    shipBy: o.ship_by,
    createdAt: o.created_at,
    packedAt: o.packed_at,
    shippedAt: o.shipped_at,
    lines: lines.map((l) => ({ lineNo: Number(l.line_no), sku: l.code, qty: Number(l.qty) })),
    cartons: cartons.map((c) => ({ seq: Number(c.seq), trackingNumber: c.tracking_number, carrier: c.carrier, shipped: c.status === 'shipped' })),
  };
}

/** A repeat of an earlier request: the same order when the request is the same, else 409. */
function repeatOf(existing: OrderRow, hash: string): OrderRow {
  if (existing.request_hash !== hash) {
    throw new ApiError(409, ErrorCode.ORDER_EXTERNAL_ID_CONFLICT, `order ${existing.external_id} was already made with different contents; nothing changed`, {
      id: existing.id,
    });
  }
  return existing;
}

/** The seller's SKU ids for the lines' codes; another seller's code is as unknown as a made-up one. */
async function resolveSkus(db: Kysely<Database>, seller: SellerAuth, order: NewSellerOrder): Promise<Map<string, string>> {
  const codes = order.lines.map((l) => l.sku);
  const rows = await db
    .selectFrom('skus')
    .select(['id', 'code'])
    .where('warehouse_id', '=', seller.warehouseId)
    .where('seller_id', '=', seller.sellerId)
    .where('code', 'in', codes)
    .execute();
  const ids = new Map(rows.map((r) => [r.code, r.id]));
  const unknown = order.lines.flatMap((l, i) => (ids.has(l.sku) ? [] : [{ line: i + 1, sku: l.sku }]));
  if (unknown.length > 0) {
    const first = unknown[0]!;
    throw new ApiError(422, ErrorCode.ORDER_LINE_SKU_UNKNOWN, `line ${first.line}: no SKU ${first.sku} for this seller; nothing was saved`, unknown.slice(0, 50));
  }
  return ids;
}

/**
 * Creates an order for the key's seller, idempotent by external id. The version clock is
 * taken first, which serialises writers, so a concurrent repeat sees the first one's row
 * and answers as a repeat; the unique (seller_id, external_id) constraint is the backstop.
 */
export async function createSellerOrder(
  db: Kysely<Database>,
  events: EventHub,
  seller: SellerAuth,
  order: NewSellerOrder,
  now = new Date(),
): Promise<{ created: boolean; view: SellerOrderView }> {
  const hash = sha256(canonicalSellerOrder(order));
  const before = await findSellerOrder(db, seller, { externalId: order.externalId });
  if (before) return { created: false, view: await sellerOrderView(db, repeatOf(before, hash)) };
  const skuIds = await resolveSkus(db, seller, order);
  const id = `ord-${uuidv7()}`;
  let made: OrderRow | null;
  try {
    made = await versionedWrite(db, events, async (trx, clock) => {
      const existing = await trx.selectFrom('orders').select('id').where('seller_id', '=', seller.sellerId).where('external_id', '=', order.externalId).executeTakeFirst();
      if (existing) return null;
      const v = clock.tick();
      const shipTo = { ...order.shipTo, region: order.shipTo.region ?? '' };
      await trx
        .insertInto('orders')
        .values({
          id,
          warehouse_id: seller.warehouseId,
          seller_id: seller.sellerId,
          external_id: order.externalId,
          status: NEW_ORDER_STATUS,
          ship_to: JSON.stringify(shipTo),
          carrier_service: order.carrierService,
          ship_by: order.shipBy,
          created_at: now.toISOString(),
          request_hash: hash,
          version: v,
        })
        .execute();
      const rows = order.lines.map((l, i) => ({ id: `${id}-${i + 1}`, order_id: id, line_no: i + 1, sku_id: skuIds.get(l.sku)!, qty: l.qty, version: v }));
      // In chunks: 500 lines in one statement would pass SQLite's bound-parameter limit on older builds.
      for (let i = 0; i < rows.length; i += 100) await trx.insertInto('order_lines').values(rows.slice(i, i + 100)).execute();
      return (await trx.selectFrom('orders').select(ORDER_COLUMNS).where('id', '=', id).executeTakeFirstOrThrow()) as OrderRow;
    });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    made = null;
  }
  if (made) return { created: true, view: await sellerOrderView(db, made) };
  const winner = await findSellerOrder(db, seller, { externalId: order.externalId });
  // The row that beat us is in another warehouse under the same seller: not ours to show.
  if (!winner) throw new ApiError(409, ErrorCode.ORDER_EXTERNAL_ID_CONFLICT, `order ${order.externalId} already exists; nothing changed`);
  return { created: false, view: await sellerOrderView(db, repeatOf(winner, hash)) };
}
