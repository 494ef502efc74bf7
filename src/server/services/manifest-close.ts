import type { Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { ErrorCode } from '../../domain/errors';
import type { Database } from '../db/schema';
import { ApiError } from './api-error';
import { CarrierError, type CarrierAdapter } from './carrier';
import type { EventHub } from './events';
import { getManifest, manifestCartons, type ManifestSummary } from './manifests';
import { parseShipTo } from './shipping-load';
import { touched, versionedWrite } from './shipping-tx';

export interface OrderShippedPayload {
  orderId: string;
  orderRef: string;
  shipmentId: string;
  carrier: string;
  service: string;
  shippedAt: string;
  manifestId: string;
  manifestCode: string;
  trackingNumbers: string[];
  cartons: { trackingNumber: string; sscc: string; weightG: number }[];
}

export interface CloseResult {
  manifest: ManifestSummary;
  shippedOrders: string[];
}

/**
 * Hands a pallet to the carrier. First the carrier is told (outside the transaction: a
 * network call must not hold the version lock; adapters are idempotent by shipment, so
 * a close that then loses a race did no harm). Then one transaction: the manifest goes
 * from open to closed by a conditional update, and only the close that made that change
 * goes on to mark shipments and orders shipped and raise one `order.shipped` event per
 * order; a second or concurrent close finds it closed and answers MANIFEST_CLOSED.
 *
 * An order ships when all of its cartons are on closed manifests (a carton left behind
 * keeps its order packed until that carton's pallet closes); its event carries every
 * tracking number of the order.
 */
export async function closeManifest(
  db: Kysely<Database>,
  events: EventHub,
  carrier: CarrierAdapter,
  at: { warehouseId: string; userId: string },
  manifestId: string,
): Promise<CloseResult> {
  const before = await getManifest(db, at.warehouseId, manifestId);
  if (before.status !== 'open') throw new ApiError(409, ErrorCode.MANIFEST_CLOSED, 'manifest is already closed');
  if (before.cartonCount === 0) throw new ApiError(409, ErrorCode.MANIFEST_EMPTY, 'scan cartons onto the manifest before closing it');
  // A carton scanned on between telling the carrier and closing would leave untold: the
  // close then starts over (the carrier calls are idempotent), a few times at most.
  for (let attempt = 1; ; attempt++) {
    const told = await tellCarrier(db, carrier, manifestId);
    try {
      return await closeOnce(db, events, at, before.code, manifestId, told);
    } catch (err) {
      if (!(err instanceof CartonsChanged)) throw err;
      if (attempt >= 3) throw new ApiError(409, ErrorCode.TRANSIENT, 'cartons kept arriving while closing; close again');
    }
  }
}

class CartonsChanged extends Error {}

async function closeOnce(
  db: Kysely<Database>,
  events: EventHub,
  at: { warehouseId: string; userId: string },
  manifestCode: string,
  manifestId: string,
  told: ReadonlySet<string>,
): Promise<CloseResult> {
  const now = new Date().toISOString();
  const shippedOrders = await versionedWrite(db, events, async (trx, clock) => {
    const v = clock.tick();
    const closed = await trx
      .updateTable('manifests')
      .set({ status: 'closed', closed_by: at.userId, closed_at: now, version: v })
      .where('id', '=', manifestId)
      .where('warehouse_id', '=', at.warehouseId)
      .where('status', '=', 'open')
      .executeTakeFirst();
    if (touched(closed) !== 1) throw new ApiError(409, ErrorCode.MANIFEST_CLOSED, 'manifest is already closed');
    const onBoard = await trx.selectFrom('cartons').select(['id', 'shipment_id']).where('manifest_id', '=', manifestId).execute();
    if (onBoard.length === 0) throw new ApiError(409, ErrorCode.MANIFEST_EMPTY, 'the manifest lost its cartons before closing');
    if (onBoard.some((c) => !told.has(c.id))) throw new CartonsChanged();
    const shipmentIds = [...new Set(onBoard.map((r) => r.shipment_id))];
    // Every carton of those shipments, with whether its pallet has now left.
    const all = await trx
      .selectFrom('cartons')
      .leftJoin('manifests', 'manifests.id', 'cartons.manifest_id')
      .select(['cartons.shipment_id', 'cartons.tracking_number', 'cartons.sscc', 'cartons.weight_g', 'cartons.seq', 'manifests.status as manifest_status'])
      .where('cartons.shipment_id', 'in', shipmentIds)
      .orderBy('cartons.seq')
      .execute();
    const complete = shipmentIds.filter((id) => all.filter((c) => c.shipment_id === id).every((c) => c.manifest_status === 'closed'));
    if (complete.length === 0) return [];
    const shipments = await trx
      .selectFrom('shipments')
      .innerJoin('orders', 'orders.id', 'shipments.order_id')
      .select(['shipments.id', 'shipments.order_id', 'shipments.carrier', 'shipments.service', 'orders.seller_id', 'orders.external_id'])
      .where('shipments.id', 'in', complete)
      .where('shipments.status', '=', 'packed')
      .where('orders.status', '<>', 'cancelled')
      .orderBy('orders.external_id')
      .execute();
    const shipped: string[] = [];
    for (const s of shipments) {
      const sv = clock.tick();
      const us = await trx.updateTable('shipments').set({ status: 'shipped', shipped_at: now, version: sv }).where('id', '=', s.id).where('status', '=', 'packed').executeTakeFirst();
      if (touched(us) !== 1) continue;
      await trx
        .updateTable('orders')
        .set({ status: 'shipped', shipped_at: now, version: sv })
        .where('id', '=', s.order_id)
        .where('status', 'not in', ['shipped', 'cancelled'])
        .execute();
      const cartons = all.filter((c) => c.shipment_id === s.id);
      const payload: OrderShippedPayload = {
        orderId: s.order_id,
        orderRef: s.external_id,
        shipmentId: s.id,
        carrier: s.carrier,
        service: s.service,
        shippedAt: now,
        manifestId,
        manifestCode,
        trackingNumbers: cartons.map((c) => c.tracking_number),
        cartons: cartons.map((c) => ({ trackingNumber: c.tracking_number, sscc: c.sscc, weightG: Number(c.weight_g) })),
      };
      await trx
        .insertInto('seller_events')
        .values({ id: uuidv7(), warehouse_id: at.warehouseId, seller_id: s.seller_id, type: 'order.shipped', payload: JSON.stringify(payload), created_at: now, version: sv })
        .execute();
      shipped.push(s.order_id);
    }
    return shipped;
  });
  return { manifest: await getManifest(db, at.warehouseId, manifestId), shippedOrders };
}

/** createShipment per shipment on the pallet, with the cartons going on it; answers the cartons told. */
async function tellCarrier(db: Kysely<Database>, carrier: CarrierAdapter, manifestId: string): Promise<Set<string>> {
  const cartons = await manifestCartons(db, manifestId);
  const byShipment = new Map<string, typeof cartons>();
  for (const c of cartons) byShipment.set(c.shipmentId, [...(byShipment.get(c.shipmentId) ?? []), c]);
  for (const [shipmentId, list] of byShipment) {
    const order = await db.selectFrom('orders').select('ship_to').where('id', '=', list[0]!.orderId).executeTakeFirstOrThrow();
    try {
      await carrier.createShipment({
        shipmentId,
        service: list[0]!.service,
        shipTo: parseShipTo(order.ship_to),
        cartons: list.map((c) => ({ trackingNumber: c.trackingNumber, sscc: c.sscc, weightG: c.weightG })),
      });
    } catch (err) {
      throw carrierRefusal(err);
    }
  }
  return new Set(cartons.map((c) => c.id));
}

/** A carrier failure as the API answers it: 424, never a 5xx. */
export function carrierRefusal(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  if (err instanceof CarrierError) return new ApiError(424, err.code, `carrier: ${err.message}`);
  return new ApiError(424, ErrorCode.TRANSIENT, `carrier unavailable: ${(err as Error)?.message ?? 'unknown error'}`);
}
