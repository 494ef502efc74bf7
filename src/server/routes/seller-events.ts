import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema';
import { parseOr400 } from '../http';
import { pageSellerEvents } from '../services/seller-event-page';
import { Id, requireRole } from './print';

export const SellerEventsQuery = z.strictObject({
  after: z.coerce.number().int().min(0).max(2_147_483_647).default(0),
  sellerId: Id.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
export const SellerEvent = z.object({
  id: z.string(),
  sellerId: z.string(),
  type: z.string(),
  payload: z.unknown(),
  createdAt: z.string(),
  version: z.number().int(),
});
export const SellerEventsResponse = z.object({ events: z.array(SellerEvent), next: z.number().int(), more: z.boolean() });

/**
 * The sellers' event feed, read by version: pass `next` back as `after` to continue.
 * Events raised by one change share its version; a page never splits a version
 * (services/seller-event-page.ts). Sellers read theirs by key at /api/seller/v1/events.
 */
export function sellerEventRoutes(app: FastifyInstance, db: Kysely<Database>) {
  app.get('/api/seller-events', async (req) => {
    const auth = requireRole(req, ['lead']);
    const q = parseOr400(SellerEventsQuery, req.query);
    return pageSellerEvents(db, { warehouseId: auth.warehouseId, sellerId: q.sellerId, after: q.after, limit: q.limit });
  });
}
