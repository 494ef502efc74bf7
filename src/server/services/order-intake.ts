import type { Kysely } from 'kysely';
import { ErrorCode } from '../../domain/errors';
import type { Database } from '../db/schema';
import { ApiError } from './api-error';
import type { EventHub } from './events';
import { touched, versionedWrite } from './shipping-tx';

/**
 * Orders reach Tote as `received` (the sellers' API) or `allocated`; only `released` ones
 * are planned into waves. The lead releases what has come in, so nothing a seller sends
 * waits unseen and nothing reaches the floor without a person deciding it should.
 */
export const INCOMING_STATUSES = ['received', 'allocated'] as const;
/** The most the lead's list shows; the count is always the whole number. */
export const INCOMING_LIST_MAX = 200;

export interface IncomingOrder {
  id: string;
  ref: string;
  seller: string;
  status: (typeof INCOMING_STATUSES)[number];
  lines: number;
  units: number;
  shipBy: string;
  createdAt: string;
}

export async function incomingOrders(db: Kysely<Database>, warehouseId: string): Promise<{ count: number; orders: IncomingOrder[] }> {
  const base = db.selectFrom('orders').where('orders.warehouse_id', '=', warehouseId).where('orders.status', 'in', [...INCOMING_STATUSES]);
  const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .innerJoin('sellers', 'sellers.id', 'orders.seller_id')
    .select(['orders.id', 'orders.external_id', 'orders.status', 'orders.ship_by', 'orders.created_at', 'sellers.code as seller'])
    .orderBy('orders.ship_by')
    .orderBy('orders.id')
    .limit(INCOMING_LIST_MAX)
    .execute();
  const ids = rows.map((r) => r.id);
  const sums = ids.length
    ? await db
        .selectFrom('order_lines')
        .select(['order_id'])
        .select((eb) => [eb.fn.countAll<number>().as('lines'), eb.fn.sum<number>('qty').as('units')])
        .where('order_id', 'in', ids)
        .where('cancelled_at', 'is', null)
        .groupBy('order_id')
        .execute()
    : [];
  const by = new Map(sums.map((s) => [s.order_id, s]));
  return {
    count: Number(n),
    orders: rows.map((r) => ({
      id: r.id,
      ref: r.external_id,
      seller: r.seller,
      status: r.status as IncomingOrder['status'],
      lines: Number(by.get(r.id)?.lines ?? 0),
      units: Number(by.get(r.id)?.units ?? 0),
      shipBy: r.ship_by,
      createdAt: r.created_at,
    })),
  };
}

/**
 * Releases the given orders for wave planning, all or nothing: an unknown (or another
 * warehouse's) order is 404 ORDER_NOT_FOUND; one on hold, cancelled or already further on
 * is 409 ORDER_NOT_RELEASABLE naming them. An order already released is left as it is
 * and reported, so a repeat after a lost answer is harmless.
 */
export async function releaseIncoming(
  db: Kysely<Database>,
  events: EventHub,
  warehouseId: string,
  orderIds: readonly string[],
): Promise<{ released: string[]; alreadyReleased: string[] }> {
  return versionedWrite(db, events, async (trx, clock) => {
    const found = await trx.selectFrom('orders').select(['id', 'status']).where('warehouse_id', '=', warehouseId).where('id', 'in', [...orderIds]).execute();
    const missing = orderIds.filter((id) => !found.some((o) => o.id === id));
    if (missing.length > 0) throw new ApiError(404, ErrorCode.ORDER_NOT_FOUND, `order ${missing[0]} not found`, { orderIds: missing });
    const incoming = new Set<string>(INCOMING_STATUSES);
    const stuck = found.filter((o) => !incoming.has(o.status) && o.status !== 'released').map((o) => o.id).sort();
    if (stuck.length > 0) {
      throw new ApiError(409, ErrorCode.ORDER_NOT_RELEASABLE, `order ${stuck[0]} is not received or allocated`, { orderIds: stuck });
    }
    const toRelease = found.filter((o) => incoming.has(o.status)).map((o) => o.id).sort();
    if (toRelease.length > 0) {
      const version = clock.tick();
      const r = await trx
        .updateTable('orders')
        .set({ status: 'released', version })
        .where('warehouse_id', '=', warehouseId)
        .where('id', 'in', toRelease)
        .where('status', 'in', [...INCOMING_STATUSES])
        .executeTakeFirst();
      // Another writer changed one between the read and here: refuse rather than half release.
      if (touched(r) !== toRelease.length) throw new ApiError(409, ErrorCode.ORDER_NOT_RELEASABLE, 'an order changed while releasing; try again');
    }
    return { released: toRelease, alreadyReleased: found.filter((o) => o.status === 'released').map((o) => o.id).sort() };
  });
}
