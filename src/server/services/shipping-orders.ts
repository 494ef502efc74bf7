import type { Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { ErrorCode } from '../../domain/errors';
import type { Database } from '../db/schema';
import { ApiError } from './api-error';
import type { CarrierAdapter } from './carrier';
import type { EventHub } from './events';
import { carrierRefusal } from './manifest-close';
import { loadShipment } from './shipping-load';
import { touched, versionedWrite } from './shipping-tx';

export interface OrderState {
  id: string;
  orderRef: string;
  status: string;
  version: number;
}

/** True when any carton of the shipment is on a pallet that has left. */
async function anyCartonGone(db: Kysely<Database>, shipmentId: string): Promise<boolean> {
  const r = await db
    .selectFrom('cartons')
    .innerJoin('manifests', 'manifests.id', 'cartons.manifest_id')
    .select('cartons.id')
    .where('cartons.shipment_id', '=', shipmentId)
    .where('manifests.status', '=', 'closed')
    .executeTakeFirst();
  return r !== undefined;
}

/**
 * Voids a shipment's labels with the carrier while its cartons are still in the
 * building: the shipment becomes 'voided' and its cartons come off any open pallet.
 * The order keeps its status; the cartons need relabelling by a lead.
 */
export async function voidShipment(
  db: Kysely<Database>,
  events: EventHub,
  carrier: CarrierAdapter,
  warehouseId: string,
  shipmentId: string,
): Promise<{ shipmentId: string; status: string; voided: string[] }> {
  const s = await loadShipment(db, warehouseId, shipmentId);
  if (s.status === 'voided') return { shipmentId, status: 'voided', voided: [] };
  if (s.status === 'shipped' || (await anyCartonGone(db, shipmentId))) {
    throw new ApiError(409, ErrorCode.ORDER_ALREADY_SHIPPED, `shipment ${shipmentId} has left the building`);
  }
  const numbers = s.cartons.map((c) => c.trackingNumber);
  await voidWithCarrier(carrier, numbers);
  await versionedWrite(db, events, async (trx, clock) => {
    const v = clock.tick();
    const r = await trx.updateTable('shipments').set({ status: 'voided', version: v }).where('id', '=', shipmentId).where('status', '=', 'packed').executeTakeFirst();
    if (touched(r) !== 1) throw new ApiError(409, ErrorCode.ORDER_ALREADY_SHIPPED, `shipment ${shipmentId} changed meanwhile`);
    await detachFromOpenManifests(trx, shipmentId, v);
  });
  return { shipmentId, status: 'voided', voided: numbers };
}

async function voidWithCarrier(carrier: CarrierAdapter, numbers: string[]): Promise<void> {
  if (numbers.length === 0) return;
  try {
    await carrier.voidShipment(numbers);
  } catch (err) {
    throw carrierRefusal(err);
  }
}

async function detachFromOpenManifests(trx: Parameters<Parameters<typeof versionedWrite>[2]>[0], shipmentId: string, v: number) {
  const on = await trx
    .selectFrom('cartons')
    .innerJoin('manifests', 'manifests.id', 'cartons.manifest_id')
    .select(['cartons.id', 'cartons.manifest_id'])
    .where('cartons.shipment_id', '=', shipmentId)
    .where('manifests.status', '=', 'open')
    .execute();
  if (on.length === 0) return;
  await trx.updateTable('cartons').set({ manifest_id: null, version: v }).where('id', 'in', on.map((c) => c.id)).execute();
  await trx.updateTable('manifests').set({ version: v }).where('id', 'in', [...new Set(on.map((c) => c.manifest_id!))]).execute();
}

/**
 * An upstream cancellation. The order is marked cancelled (nothing moves in stock: the
 * pack bench refuses it with ORDER_CANCELLED and an unpack-and-restock task follows).
 * If it was already packed, its labels are voided with the carrier, its cartons come off
 * any open pallet and the lead gets an 'order_cancelled' exception to unpack and restock
 * them at the bench. Once a carton has left on a closed manifest it is too late.
 * Cancelling a cancelled order again answers the same.
 */
export async function cancelOrder(
  db: Kysely<Database>,
  events: EventHub,
  carrier: CarrierAdapter,
  warehouseId: string,
  orderId: string,
  userId: string,
): Promise<OrderState & { alreadyCancelled: boolean; voidedShipmentId: string | null }> {
  const o = await db.selectFrom('orders').select(['id', 'external_id', 'status', 'version']).where('id', '=', orderId).where('warehouse_id', '=', warehouseId).executeTakeFirst();
  if (!o) throw new ApiError(404, ErrorCode.ORDER_NOT_FOUND, `order ${orderId} not found`);
  const base = { id: o.id, orderRef: o.external_id };
  if (o.status === 'cancelled') return { ...base, status: 'cancelled', version: Number(o.version), alreadyCancelled: true, voidedShipmentId: null };
  if (o.status === 'shipped') throw new ApiError(409, ErrorCode.ORDER_ALREADY_SHIPPED, `order ${o.external_id} has shipped`);
  const shipment = await db.selectFrom('shipments').select(['id', 'status', 'bench_id']).where('order_id', '=', orderId).executeTakeFirst();
  const live = shipment && shipment.status === 'packed' ? shipment.id : null;
  if (live && (await anyCartonGone(db, live))) throw new ApiError(409, ErrorCode.ORDER_ALREADY_SHIPPED, `order ${o.external_id} has cartons on a closed manifest`);
  const cartons = live ? await db.selectFrom('cartons').select(['tracking_number', 'sscc', 'contents']).where('shipment_id', '=', live).orderBy('seq').execute() : [];
  if (live) await voidWithCarrier(carrier, cartons.map((c) => c.tracking_number));
  const version = await versionedWrite(db, events, async (trx, clock) => {
    const v = clock.tick();
    const r = await trx
      .updateTable('orders')
      .set({ status: 'cancelled', version: v })
      .where('id', '=', orderId)
      .where('status', 'not in', ['cancelled', 'shipped'])
      .executeTakeFirst();
    if (touched(r) !== 1) throw new ApiError(409, ErrorCode.ORDER_ALREADY_SHIPPED, `order ${o.external_id} changed meanwhile; look again`);
    if (live) {
      const sr = await trx.updateTable('shipments').set({ status: 'voided', version: v }).where('id', '=', live).where('status', '=', 'packed').executeTakeFirst();
      if (touched(sr) === 1) {
        await detachFromOpenManifests(trx, live, v);
        await trx.insertInto('exceptions').values(unpackCartons(warehouseId, orderId, shipment!.bench_id, userId, cartons, v)).execute();
      }
    }
    return v;
  });
  return { ...base, status: 'cancelled', version, alreadyCancelled: false, voidedShipmentId: live };
}

/** Packed cartons of a cancelled order are physical: the lead gets them to unpack and restock. */
function unpackCartons(
  warehouseId: string,
  orderId: string,
  benchId: string,
  userId: string,
  cartons: { tracking_number: string; sscc: string; contents: string }[],
  version: number,
) {
  const items = cartons.flatMap((c) => {
    try {
      return JSON.parse(c.contents) as { skuId: string; lot: string | null; qty: number }[];
    } catch {
      return [];
    }
  });
  return {
    id: uuidv7(),
    warehouse_id: warehouseId,
    type: 'order_cancelled',
    status: 'open',
    wave_id: null,
    task_id: null,
    location_id: benchId,
    sku_id: null,
    qty: items.reduce((n, i) => n + (Number(i.qty) || 0), 0),
    raised_by: userId,
    mutation_id: null,
    created_at: new Date().toISOString(),
    resolved_at: null,
    order_id: orderId,
    details: JSON.stringify({ cartons: cartons.map((c) => ({ trackingNumber: c.tracking_number, sscc: c.sscc })), items, trackingNumbers: cartons.map((c) => c.tracking_number) }),
    version,
  };
}
