import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { manifestPdf } from '../../domain/labels';
import type { Database } from '../db/schema';
import { parseOr400 } from '../http';
import type { CarrierAdapter } from '../services/carrier';
import type { EventHub } from '../services/events';
import { closeManifest } from '../services/manifest-close';
import { addCarton, createManifest, getManifest, listManifests, manifestCartons, removeCarton } from '../services/manifests';
import { loadPackConfig } from '../services/shipping-load';
import { fileSafe, Id, requireRole } from './print';

const IdParams = z.strictObject({ id: Id });
const CartonParams = z.strictObject({ id: Id, cartonId: Id });
export const CreateManifestBody = z.strictObject({
  carrier: z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9 .&_-]{0,39}$/, 'a carrier name, e.g. UPS'),
  dockCode: z.string().trim().regex(/^[\x21-\x7e]{1,32}$/, 'a shipping dock location code'),
});
export const ListQuery = z.strictObject({ status: z.enum(['open', 'closed']).optional() });
export const ScanBody = z.strictObject({ scan: z.string().min(1).max(64) });

export const ManifestSummary = z.object({
  id: z.string(),
  code: z.string(),
  carrier: z.string(),
  dockLocationId: z.string(),
  dockCode: z.string(),
  status: z.enum(['open', 'closed']),
  createdBy: z.string(),
  createdAt: z.string(),
  closedBy: z.string().nullable(),
  closedAt: z.string().nullable(),
  cartonCount: z.number().int(),
  version: z.number().int(),
});
export const ManifestCarton = z.object({
  id: z.string(),
  shipmentId: z.string(),
  orderId: z.string(),
  orderRef: z.string(),
  seq: z.number().int(),
  trackingNumber: z.string(),
  sscc: z.string(),
  weightG: z.number().int(),
  carrier: z.string(),
  service: z.string(),
  shipToName: z.string(),
  postalCode: z.string(),
});
export const ManifestDetail = z.object({ manifest: ManifestSummary, cartons: z.array(ManifestCarton) });
export const CloseResponse = z.object({ manifest: ManifestSummary, shippedOrders: z.array(z.string()) });

export interface ManifestRouteOptions {
  db: Kysely<Database>;
  events: EventHub;
  carrier: CarrierAdapter;
}

const DOCK_ROLES = ['packer', 'lead'] as const;

/**
 * Dock manifests work online against the server: a pallet collects cartons packed at
 * every bench, and only the server has all of them (a bench device holds its own).
 */
export function manifestRoutes(app: FastifyInstance, { db, events, carrier }: ManifestRouteOptions) {
  app.post('/api/manifests', async (req, reply) => {
    const auth = requireRole(req, [...DOCK_ROLES]);
    const body = parseOr400(CreateManifestBody, req.body);
    const manifest = await createManifest(db, events, { warehouseId: auth.warehouseId, userId: auth.user.id }, body);
    return reply.code(201).send({ manifest });
  });

  app.get('/api/manifests', async (req) => {
    const auth = requireRole(req, [...DOCK_ROLES]);
    const q = parseOr400(ListQuery, req.query);
    return { manifests: await listManifests(db, auth.warehouseId, q.status) };
  });

  app.get('/api/manifests/:id', async (req) => {
    const auth = requireRole(req, [...DOCK_ROLES]);
    const { id } = parseOr400(IdParams, req.params);
    const manifest = await getManifest(db, auth.warehouseId, id);
    return { manifest, cartons: await manifestCartons(db, id) };
  });

  app.post('/api/manifests/:id/cartons', async (req, reply) => {
    const auth = requireRole(req, [...DOCK_ROLES]);
    const { id } = parseOr400(IdParams, req.params);
    const { scan } = parseOr400(ScanBody, req.body);
    const carton = await addCarton(db, events, auth.warehouseId, id, scan);
    return reply.code(201).send({ manifest: await getManifest(db, auth.warehouseId, id), carton });
  });

  app.delete('/api/manifests/:id/cartons/:cartonId', async (req) => {
    const auth = requireRole(req, [...DOCK_ROLES]);
    const { id, cartonId } = parseOr400(CartonParams, req.params);
    await removeCarton(db, events, auth.warehouseId, id, cartonId);
    return { manifest: await getManifest(db, auth.warehouseId, id) };
  });

  app.post('/api/manifests/:id/close', async (req) => {
    const auth = requireRole(req, [...DOCK_ROLES]);
    const { id } = parseOr400(IdParams, req.params);
    return closeManifest(db, events, carrier, { warehouseId: auth.warehouseId, userId: auth.user.id }, id);
  });

  app.get('/api/manifests/:id/manifest.pdf', async (req, reply) => {
    const auth = requireRole(req, [...DOCK_ROLES]);
    const { id } = parseOr400(IdParams, req.params);
    const manifest = await getManifest(db, auth.warehouseId, id);
    const cartons = await manifestCartons(db, id);
    const config = await loadPackConfig(db, auth.warehouseId);
    const wh = await db.selectFrom('warehouses').select('name').where('id', '=', auth.warehouseId).executeTakeFirst();
    const pdf = manifestPdf({
      code: manifest.code,
      carrier: manifest.carrier,
      dock: manifest.dockCode,
      closedAt: manifest.closedAt,
      shipFrom: config?.shipFrom ?? { name: wh?.name ?? '', line1: '', city: '', region: '', postalCode: '', country: '' },
      cartons: cartons.map((c) => ({
        trackingNumber: c.trackingNumber,
        sscc: c.sscc,
        orderRef: c.orderRef,
        weightG: c.weightG,
        shipToName: c.shipToName,
        postalCode: c.postalCode,
      })),
    });
    return reply.type('application/pdf').header('content-disposition', `inline; filename="${fileSafe(manifest.code)}.pdf"`).send(Buffer.from(pdf));
  });
}
