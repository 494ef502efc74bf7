import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { AsnIdParams, AsnQuery, FeedQuery, NewAsnBody, StockQuery } from '../../domain/seller-api/data';
import { requireSeller, sellerRateLimit } from '../auth/seller-keys';
import type { Database } from '../db/schema';
import { parseOr400 } from '../http';
import type { EventHub } from '../services/events';
import { createAsn, readAsn } from '../services/seller-asns';
import { pageSellerEvents } from '../services/seller-event-page';
import { readSellerStock } from '../services/seller-stock';

/**
 * The sellers' inbound shipments, stock and event feed, by API key. Every query is
 * bounded by the key's seller: another seller's ASN answers exactly like a missing one.
 */
export function sellerDataRoutes(app: FastifyInstance, opts: { db: Kysely<Database>; events: EventHub }) {
  const { db, events } = opts;
  const config = sellerRateLimit();

  app.post('/api/seller/v1/asns', { config }, async (req, reply) => {
    const seller = requireSeller(req);
    const body = parseOr400(NewAsnBody, req.body);
    const { id, created } = await createAsn(db, events, seller, body);
    return reply.code(created ? 201 : 200).send(await readAsn(db, seller, { id }));
  });

  app.get('/api/seller/v1/asns', { config }, async (req) => {
    const seller = requireSeller(req);
    const q = parseOr400(AsnQuery, req.query);
    return readAsn(db, seller, { reference: q.reference });
  });

  app.get('/api/seller/v1/asns/:id', { config }, async (req) => {
    const seller = requireSeller(req);
    const { id } = parseOr400(AsnIdParams, req.params);
    return readAsn(db, seller, { id });
  });

  app.get('/api/seller/v1/stock', { config }, async (req) => {
    const seller = requireSeller(req);
    return readSellerStock(db, seller, parseOr400(StockQuery, req.query));
  });

  app.get('/api/seller/v1/events', { config }, async (req) => {
    const seller = requireSeller(req);
    const q = parseOr400(FeedQuery, req.query);
    const page = await pageSellerEvents(db, { warehouseId: seller.warehouseId, sellerId: seller.sellerId, after: q.after, limit: q.limit });
    return { events: page.events.map(({ sellerId: _, ...e }) => e), next: page.next, more: page.more };
  });
}
