import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema';
import { parseOr400 } from '../http';
import type { CarrierAdapter } from '../services/carrier';
import type { EventHub } from '../services/events';
import { cancelOrder, voidShipment } from '../services/shipping-orders';
import { Id, requireRole } from './print';

const IdParams = z.strictObject({ id: Id });
/** Optional body: nothing yet, but a reason may come from the upstream feed later. */
const CancelBody = z.strictObject({ reason: z.string().max(200).optional() }).optional();

export const CancelResponse = z.object({
  id: z.string(),
  orderRef: z.string(),
  status: z.literal('cancelled'),
  version: z.number().int(),
  alreadyCancelled: z.boolean(),
  voidedShipmentId: z.string().nullable(),
});
export const VoidResponse = z.object({ shipmentId: z.string(), status: z.literal('voided'), voided: z.array(z.string()) });

export interface OrderRouteOptions {
  db: Kysely<Database>;
  events: EventHub;
  carrier: CarrierAdapter;
}

/** Upstream cancellations and label voids: the lead's corrections before a carton leaves. */
export function orderRoutes(app: FastifyInstance, { db, events, carrier }: OrderRouteOptions) {
  app.post('/api/orders/:id/cancel', async (req) => {
    const auth = requireRole(req, ['lead']);
    const { id } = parseOr400(IdParams, req.params);
    parseOr400(CancelBody, req.body);
    return cancelOrder(db, events, carrier, auth.warehouseId, id, auth.user.id);
  });

  app.post('/api/shipments/:id/void', async (req) => {
    const auth = requireRole(req, ['lead']);
    const { id } = parseOr400(IdParams, req.params);
    return voidShipment(db, events, carrier, auth.warehouseId, id);
  });
}
