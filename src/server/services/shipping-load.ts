import type { Kysely, Transaction } from 'kysely';
import { ErrorCode } from '../../domain/errors';
import { buildLabelModel } from '../../domain/labels';
import { Address, PackConfig, type LabelModel } from '../../domain/packing/types';
import type { Database } from '../db/schema';
import { ApiError } from './api-error';

type Q = Kysely<Database> | Transaction<Database>;

export interface ShipmentView {
  id: string;
  orderId: string;
  orderRef: string;
  orderStatus: string;
  sellerId: string;
  carrier: string;
  service: string;
  status: string;
  shipTo: Address;
  shippedAt: string | null;
  cartons: CartonView[];
}

export interface CartonView {
  id: string;
  seq: number;
  trackingNumber: string;
  sscc: string;
  weightG: number;
  carrier: string;
  manifestId: string | null;
  createdAt: string;
}

/** An address stored by an upstream order feed; a damaged one still prints, blank. */
export function parseShipTo(text: string): Address {
  try {
    const r = Address.safeParse(JSON.parse(text));
    if (r.success) return r.data;
  } catch {
    // fall through
  }
  return { name: '', line1: '', city: '', region: '', postalCode: '', country: '' };
}

/** A shipment of this warehouse with its order and cartons; another warehouse's is not found. */
export async function loadShipment(db: Q, warehouseId: string, shipmentId: string): Promise<ShipmentView> {
  const s = await db
    .selectFrom('shipments')
    .innerJoin('orders', 'orders.id', 'shipments.order_id')
    .select([
      'shipments.id',
      'shipments.order_id',
      'shipments.carrier',
      'shipments.service',
      'shipments.status',
      'shipments.shipped_at',
      'orders.external_id',
      'orders.status as order_status',
      'orders.seller_id',
      'orders.ship_to',
    ])
    .where('shipments.id', '=', shipmentId)
    .where('shipments.warehouse_id', '=', warehouseId)
    .executeTakeFirst();
  if (!s) throw new ApiError(404, ErrorCode.SHIPMENT_NOT_FOUND, `shipment ${shipmentId} not found`);
  const cartons = await db
    .selectFrom('cartons')
    .select(['id', 'seq', 'tracking_number', 'sscc', 'weight_g', 'carrier', 'manifest_id', 'created_at'])
    .where('shipment_id', '=', s.id)
    .orderBy('seq')
    .execute();
  return {
    id: s.id,
    orderId: s.order_id,
    orderRef: s.external_id,
    orderStatus: s.order_status,
    sellerId: s.seller_id,
    carrier: s.carrier,
    service: s.service,
    status: s.status,
    shipTo: parseShipTo(s.ship_to),
    shippedAt: s.shipped_at,
    cartons: cartons.map((c) => ({
      id: c.id,
      seq: Number(c.seq),
      trackingNumber: c.tracking_number,
      sscc: c.sscc,
      weightG: Number(c.weight_g),
      carrier: c.carrier,
      manifestId: c.manifest_id,
      createdAt: c.created_at,
    })),
  };
}

/** The warehouse's pack config; null when none was set up yet. */
export async function loadPackConfig(db: Q, warehouseId: string): Promise<PackConfig | null> {
  const row = await db.selectFrom('pack_configs').select('config').where('warehouse_id', '=', warehouseId).executeTakeFirst();
  if (!row) return null;
  try {
    const r = PackConfig.safeParse(JSON.parse(row.config));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}

/** Ship-from when the warehouse has no pack config: its name, so a label still says who sent it. */
async function fallbackConfig(db: Q, warehouseId: string): Promise<PackConfig> {
  const wh = await db.selectFrom('warehouses').select('name').where('id', '=', warehouseId).executeTakeFirst();
  return {
    packingFactor: 1,
    weightTolerancePct: 5,
    weightToleranceMinG: 50,
    shipFrom: { name: wh?.name ?? '', line1: '', city: '', region: '', postalCode: '', country: '' },
    gs1CompanyPrefix: '0000000',
    ssccExtension: 0,
    trackingPrefix: 'XX',
    trackingSuffix: 'XX',
    leaseBlock: 1,
    leaseLowWater: 0,
  };
}

/** Label models of a shipment's cartons (one carton when cartonId is given). */
export async function shipmentLabels(db: Q, warehouseId: string, shipmentId: string, cartonId?: string): Promise<{ shipment: ShipmentView; labels: LabelModel[] }> {
  const shipment = await loadShipment(db, warehouseId, shipmentId);
  if (shipment.status === 'voided') throw new ApiError(409, ErrorCode.SHIPMENT_VOIDED, `shipment ${shipmentId} was voided`);
  if (shipment.orderStatus === 'cancelled') throw new ApiError(409, ErrorCode.ORDER_CANCELLED, `order ${shipment.orderRef} was cancelled`);
  const cartons = cartonId === undefined ? shipment.cartons : shipment.cartons.filter((c) => c.id === cartonId);
  if (cartons.length === 0) throw new ApiError(404, ErrorCode.CARTON_UNKNOWN, cartonId ? `carton ${cartonId} is not in this shipment` : 'shipment has no cartons');
  const config = (await loadPackConfig(db, warehouseId)) ?? (await fallbackConfig(db, warehouseId));
  const labels = cartons.map((c) =>
    buildLabelModel({
      config,
      orderRef: shipment.orderRef,
      shipTo: shipment.shipTo,
      carrierService: shipment.service,
      weightG: c.weightG,
      trackingNumber: c.trackingNumber,
      sscc: c.sscc,
      // By position, so the numbering reads 1..n whatever base the packer's seq used.
      cartonNo: shipment.cartons.indexOf(c) + 1,
      cartonCount: shipment.cartons.length,
      date: c.createdAt.slice(0, 10),
    }),
  );
  return { shipment, labels };
}
