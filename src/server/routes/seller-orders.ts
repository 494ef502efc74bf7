import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { NewSellerOrder, SellerCancelBody, SellerOrderIdParams, SellerOrderQuery } from '../../domain/seller-api/orders';
import { requireSeller, sellerRateLimit } from '../auth/seller-keys';
import type { Database } from '../db/schema';
import { parseOr400 } from '../http';
import type { CarrierAdapter } from '../services/carrier';
import type { EventHub } from '../services/events';
import { createSellerOrder, findSellerOrder, orderNotFound, sellerOrderView } from '../services/seller-orders';
import { cancelOrder } from '../services/shipping-orders';

export interface SellerOrderRouteOptions {
  db: Kysely<Database>;
  events: EventHub;
  carrier: CarrierAdapter;
}

/**
 * A seller's orders through their API key (docs/seller-api.md "Orders"). Every lookup is
 * by the key's seller, so another seller's order answers exactly like a missing one.
 */
export function sellerOrderRoutes(app: FastifyInstance, { db, events, carrier }: SellerOrderRouteOptions) {
  const config = { config: sellerRateLimit() };

  app.post('/api/seller/v1/orders', config, async (req, reply) => {
    const seller = requireSeller(req);
    const body = parseOr400(NewSellerOrder, req.body);
    const { created, view } = await createSellerOrder(db, events, seller, body);
    return reply.code(created ? 201 : 200).send(view);
  });

  app.get('/api/seller/v1/orders', config, async (req) => {
    const seller = requireSeller(req);
    const { externalId } = parseOr400(SellerOrderQuery, req.query);
    const o = await findSellerOrder(db, seller, { externalId });
    if (!o) throw orderNotFound();
    return sellerOrderView(db, o);
  });

  app.get('/api/seller/v1/orders/:id', config, async (req) => {
    const seller = requireSeller(req);
    const { id } = parseOr400(SellerOrderIdParams, req.params);
    const o = await findSellerOrder(db, seller, { id });
    if (!o) throw orderNotFound();
    return sellerOrderView(db, o);
  });

  // A seller may cancel until the order leaves: after packing this voids its labels and the
  // lead gets the cartons to unpack (services/shipping-orders.ts); once shipped it is a 409.
  app.post('/api/seller/v1/orders/:id/cancel', config, async (req) => {
    const seller = requireSeller(req);
    const { id } = parseOr400(SellerOrderIdParams, req.params);
    parseOr400(SellerCancelBody, req.body);
    const o = await findSellerOrder(db, seller, { id });
    if (!o) throw orderNotFound();
    const r = await cancelOrder(db, events, carrier, seller.warehouseId, o.id, `seller-key:${seller.keyId}`);
    const after = await findSellerOrder(db, seller, { id });
    return { ...(await sellerOrderView(db, after!)), alreadyCancelled: r.alreadyCancelled };
  });
}
