import { NewSellerOrder, SellerCancelView, SellerOrderView } from '../../domain/seller-api/orders';
import { errors, json, sellerAuth } from './openapi-shared';

const idParam = [{ name: 'id', in: 'path', required: true, schema: { type: 'string' }, description: "Tote's order id" }];

/** The sellers' orders, `/api/seller/v1/orders*` (routes/seller-orders.ts; merged into /api/openapi.json). */
export function sellerOrderPaths() {
  return {
    '/api/seller/v1/orders': {
      post: {
        security: sellerAuth,
        summary:
          "Create an order for the key's seller, idempotent by externalId: 201 when made, 200 with the same order when the same request comes again, 409 ORDER_EXTERNAL_ID_CONFLICT when a different one reuses the externalId (nothing changes). A SKU code the seller does not have is 422 ORDER_LINE_SKU_UNKNOWN naming the lines",
        requestBody: { required: true, content: json(NewSellerOrder, 'input') },
        responses: {
          200: { description: 'a repeat: the order made the first time', content: json(SellerOrderView) },
          201: { description: 'the new order', content: json(SellerOrderView) },
          ...errors(400, 401, 409, 413, 415, 422, 429),
        },
      },
      get: {
        security: sellerAuth,
        summary: "One of the seller's orders by the seller's own order id",
        parameters: [{ name: 'externalId', in: 'query', required: true, schema: { type: 'string' } }],
        responses: { 200: { description: 'the order', content: json(SellerOrderView) }, ...errors(400, 401, 404, 429) },
      },
    },
    '/api/seller/v1/orders/{id}': {
      get: {
        security: sellerAuth,
        summary: "One of the seller's orders: status, lines, times and a tracking number per carton once packed. Another seller's id is 404 like a missing one",
        parameters: idParam,
        responses: { 200: { description: 'the order', content: json(SellerOrderView) }, ...errors(400, 401, 404, 429) },
      },
    },
    '/api/seller/v1/orders/{id}/cancel': {
      post: {
        security: sellerAuth,
        summary:
          'Cancel an order that has not left: before packing it simply stops; once packed its labels are voided and the warehouse unpacks it. Shipped (or on a closed pallet): 409 ORDER_ALREADY_SHIPPED. Cancelling again answers the same with alreadyCancelled',
        parameters: idParam,
        responses: { 200: { description: 'cancelled', content: json(SellerCancelView) }, ...errors(400, 401, 404, 409, 424, 429) },
      },
    },
  };
}
