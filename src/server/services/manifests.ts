import type { Kysely, Transaction } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { ErrorCode } from '../../domain/errors';
import type { ManifestCarton, ManifestSummary } from '../../domain/packing/manifest';
import type { Database } from '../db/schema';
import { ApiError } from './api-error';
import type { EventHub } from './events';
import { parseCartonScan } from './manifest-scan';
import { parseShipTo } from './shipping-load';
import { touched, versionedWrite } from './shipping-tx';

export type { ManifestCarton, ManifestSummary };

type Q = Kysely<Database> | Transaction<Database>;

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

function manifestQuery(db: Q, warehouseId: string) {
  return db
    .selectFrom('manifests')
    .innerJoin('locations', 'locations.id', 'manifests.dock_location_id')
    .select([
      'manifests.id',
      'manifests.code',
      'manifests.carrier',
      'manifests.dock_location_id',
      'locations.code as dock_code',
      'manifests.status',
      'manifests.created_by',
      'manifests.created_at',
      'manifests.closed_by',
      'manifests.closed_at',
      'manifests.version',
      (eb) => eb.selectFrom('cartons').select((e) => e.fn.countAll<number>().as('n')).whereRef('cartons.manifest_id', '=', 'manifests.id').as('carton_count'),
    ])
    .where('manifests.warehouse_id', '=', warehouseId);
}

type ManifestRow = Awaited<ReturnType<ReturnType<typeof manifestQuery>['executeTakeFirstOrThrow']>>;

function toSummary(r: ManifestRow): ManifestSummary {
  return {
    id: r.id,
    code: r.code,
    carrier: r.carrier,
    dockLocationId: r.dock_location_id,
    dockCode: r.dock_code,
    status: r.status,
    createdBy: r.created_by,
    createdAt: r.created_at,
    closedBy: r.closed_by,
    closedAt: r.closed_at,
    cartonCount: Number(r.carton_count ?? 0),
    version: Number(r.version),
  };
}

export async function listManifests(db: Q, warehouseId: string, status: 'open' | 'closed' | undefined): Promise<ManifestSummary[]> {
  let q = manifestQuery(db, warehouseId);
  if (status) q = q.where('manifests.status', '=', status);
  const rows = await q.orderBy('manifests.created_at', 'desc').orderBy('manifests.id', 'desc').limit(500).execute();
  return rows.map(toSummary);
}

export async function getManifest(db: Q, warehouseId: string, id: string): Promise<ManifestSummary> {
  const r = await manifestQuery(db, warehouseId).where('manifests.id', '=', id).executeTakeFirst();
  if (!r) throw new ApiError(404, ErrorCode.MANIFEST_NOT_FOUND, `manifest ${id} not found`);
  return toSummary(r);
}

export async function manifestCartons(db: Q, manifestId: string): Promise<ManifestCarton[]> {
  const rows = await db
    .selectFrom('cartons')
    .innerJoin('shipments', 'shipments.id', 'cartons.shipment_id')
    .innerJoin('orders', 'orders.id', 'cartons.order_id')
    .select([
      'cartons.id',
      'cartons.shipment_id',
      'cartons.order_id',
      'orders.external_id',
      'orders.ship_to',
      'cartons.seq',
      'cartons.tracking_number',
      'cartons.sscc',
      'cartons.weight_g',
      'cartons.carrier',
      'shipments.service',
    ])
    .where('cartons.manifest_id', '=', manifestId)
    .orderBy('orders.external_id')
    .orderBy('cartons.seq')
    .execute();
  return rows.map((r) => {
    const to = parseShipTo(r.ship_to);
    return {
      id: r.id,
      shipmentId: r.shipment_id,
      orderId: r.order_id,
      orderRef: r.external_id,
      seq: Number(r.seq),
      trackingNumber: r.tracking_number,
      sscc: r.sscc,
      weightG: Number(r.weight_g),
      carrier: r.carrier,
      service: r.service,
      shipToName: to.name,
      postalCode: to.postalCode,
    };
  });
}

/** An open pallet or trailer for one carrier at a shipping dock. */
export async function createManifest(
  db: Kysely<Database>,
  events: EventHub,
  at: { warehouseId: string; userId: string },
  req: { carrier: string; dockCode: string },
): Promise<ManifestSummary> {
  const carrier = req.carrier.trim();
  const id = await versionedWrite(db, events, async (trx, clock) => {
    const dock = await trx
      .selectFrom('locations')
      .select(['id', 'type'])
      .where('warehouse_id', '=', at.warehouseId)
      .where('code', '=', req.dockCode.trim())
      .executeTakeFirst();
    if (!dock || dock.type !== 'shipping_dock') throw new ApiError(422, ErrorCode.NOT_A_SHIPPING_DOCK, `${req.dockCode} is not a shipping dock`);
    // Writers queue on the version clock, so counting here cannot hand out a code twice;
    // codes are unique across warehouses, hence no warehouse filter.
    const prefix = `M-${carrier.replace(/[^A-Za-z0-9]/g, '').toUpperCase() || 'X'}-`;
    const { n } = await trx.selectFrom('manifests').select((e) => e.fn.countAll<number>().as('n')).where('code', 'like', `${prefix}%`).executeTakeFirstOrThrow();
    let seq = Number(n) + 1;
    while (await trx.selectFrom('manifests').select('id').where('code', '=', `${prefix}${seq}`).executeTakeFirst()) seq += 1;
    const manifestId = uuidv7();
    await trx
      .insertInto('manifests')
      .values({
        id: manifestId,
        warehouse_id: at.warehouseId,
        code: `${prefix}${seq}`,
        carrier,
        dock_location_id: dock.id,
        status: 'open',
        created_by: at.userId,
        created_at: new Date().toISOString(),
        closed_by: null,
        closed_at: null,
        version: clock.tick(),
      })
      .execute();
    return manifestId;
  });
  return getManifest(db, at.warehouseId, id);
}

/** Takes the manifest under the clock's lock and insists it is still open. */
async function openManifest(trx: Transaction<Database>, warehouseId: string, id: string) {
  const m = await trx.selectFrom('manifests').select(['id', 'carrier', 'status']).where('id', '=', id).where('warehouse_id', '=', warehouseId).executeTakeFirst();
  if (!m) throw new ApiError(404, ErrorCode.MANIFEST_NOT_FOUND, `manifest ${id} not found`);
  if (m.status !== 'open') throw new ApiError(409, ErrorCode.MANIFEST_CLOSED, 'manifest is closed');
  return m;
}

/** A dock scan puts a carton on the manifest; every refusal leaves everything as it was. */
export async function addCarton(db: Kysely<Database>, events: EventHub, warehouseId: string, manifestId: string, scan: string): Promise<ManifestCarton> {
  const parsed = parseCartonScan(scan);
  const cartonId = await versionedWrite(db, events, async (trx, clock) => {
    const m = await openManifest(trx, warehouseId, manifestId);
    const c = await trx
      .selectFrom('cartons')
      .innerJoin('shipments', 'shipments.id', 'cartons.shipment_id')
      .innerJoin('orders', 'orders.id', 'cartons.order_id')
      .select(['cartons.id', 'cartons.carrier', 'cartons.manifest_id', 'shipments.status as shipment_status', 'orders.status as order_status', 'orders.external_id'])
      .where('cartons.warehouse_id', '=', warehouseId)
      .where(parsed.kind === 'sscc' ? 'cartons.sscc' : 'cartons.tracking_number', '=', parsed.value)
      .executeTakeFirst();
    if (!c) throw new ApiError(404, ErrorCode.CARTON_UNKNOWN, `no carton ${parsed.value} has been packed here`);
    if (c.shipment_status === 'voided') throw new ApiError(409, ErrorCode.SHIPMENT_VOIDED, `carton ${parsed.value}'s shipment was voided`);
    if (c.order_status === 'cancelled') throw new ApiError(409, ErrorCode.ORDER_CANCELLED, `order ${c.external_id} was cancelled: take the carton off`);
    if (c.manifest_id !== null) {
      const other = await trx.selectFrom('manifests').select(['id', 'code']).where('id', '=', c.manifest_id).executeTakeFirst();
      throw new ApiError(409, ErrorCode.CARTON_ALREADY_MANIFESTED, `carton ${parsed.value} is already on ${other?.code ?? 'a manifest'}`, {
        manifestId: c.manifest_id,
        manifestCode: other?.code ?? null,
      });
    }
    if (!same(c.carrier, m.carrier)) {
      throw new ApiError(409, ErrorCode.CARRIER_MISMATCH, `carton ${parsed.value} goes with ${c.carrier}, this pallet is ${m.carrier}`, {
        cartonCarrier: c.carrier,
        manifestCarrier: m.carrier,
      });
    }
    const v = clock.tick();
    const r = await trx.updateTable('cartons').set({ manifest_id: m.id, version: v }).where('id', '=', c.id).where('manifest_id', 'is', null).executeTakeFirst();
    if (touched(r) !== 1) throw new ApiError(409, ErrorCode.CARTON_ALREADY_MANIFESTED, `carton ${parsed.value} is already on a manifest`);
    await trx.updateTable('manifests').set({ version: v }).where('id', '=', m.id).execute();
    return c.id;
  });
  const all = await manifestCartons(db, manifestId);
  return all.find((c) => c.id === cartonId)!;
}

/** Takes a carton back off an open manifest (scanned onto the wrong pallet). */
export async function removeCarton(db: Kysely<Database>, events: EventHub, warehouseId: string, manifestId: string, cartonId: string): Promise<void> {
  await versionedWrite(db, events, async (trx, clock) => {
    const m = await openManifest(trx, warehouseId, manifestId);
    const v = clock.tick();
    const r = await trx.updateTable('cartons').set({ manifest_id: null, version: v }).where('id', '=', cartonId).where('manifest_id', '=', m.id).executeTakeFirst();
    if (touched(r) !== 1) throw new ApiError(404, ErrorCode.CARTON_UNKNOWN, `carton ${cartonId} is not on this manifest`);
    await trx.updateTable('manifests').set({ version: v }).where('id', '=', m.id).execute();
  });
}
