import { z } from 'zod';
import { AsnView, FeedQuery, FeedResponse, NewAsnBody, StockQuery, StockResponse } from '../../domain/seller-api/data';
import { errors, json, jsonSchema, sellerAuth } from './openapi-shared';

const queryParams = (s: z.ZodObject) =>
  Object.entries((jsonSchema(s, 'input').properties ?? {}) as Record<string, unknown>).map(([name, schema]) => ({ name, in: 'query', required: false, schema }));

/** The sellers' inbound shipments, stock and event feed (routes/seller-data.ts), merged into /api/openapi.json. */
export function sellerDataPaths() {
  return {
    '/api/seller/v1/asns': {
      post: {
        security: sellerAuth,
        summary: 'Announce an inbound shipment (ASN) by your SKU codes',
        description:
          'The reference is unique in the warehouse and makes the call idempotent: the same body again answers 200 with the same ASN, ' +
          'a changed one 409 ASN_REFERENCE_CONFLICT. Carton SSCCs need a valid check digit and are unique across all ASNs (409 ASN_SSCC_TAKEN). ' +
          'A SKU code not in your catalogue is 422 SKU_NOT_FOUND naming the line; lot and expiry are required where the SKU tracks them (422 LOT_INVALID, EXPIRY_INVALID).',
        requestBody: { required: true, content: json(NewAsnBody, 'input') },
        responses: {
          201: { description: 'announced', content: json(AsnView) },
          200: { description: 'the same announcement again: the ASN made the first time', content: json(AsnView) },
          ...errors(400, 401, 409, 422, 429),
        },
      },
      get: {
        security: sellerAuth,
        summary: 'Your ASN by its reference, with its receipt results',
        parameters: [{ name: 'reference', in: 'query', required: true, schema: { type: 'string' } }],
        responses: { 200: { description: 'the ASN', content: json(AsnView) }, ...errors(400, 401, 404, 429) },
      },
    },
    '/api/seller/v1/asns/{id}': {
      get: {
        security: sellerAuth,
        summary: 'Your ASN: status, expected cartons and lines, and once received each receipt with its lines and discrepancies',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { 200: { description: 'the ASN', content: json(AsnView) }, ...errors(400, 401, 404, 429) },
      },
    },
    '/api/seller/v1/stock': {
      get: {
        security: sellerAuth,
        summary: 'On hand, allocated and available per SKU, by SKU code; pass `next` back as `after` for the next page',
        parameters: queryParams(StockQuery),
        responses: { 200: { description: 'stock', content: json(StockResponse) }, ...errors(400, 401, 429) },
      },
    },
    '/api/seller/v1/events': {
      get: {
        security: sellerAuth,
        summary: 'Your event feed after a cursor (order.shipped, inbound.received, return graded, low stock); pass `next` back as `after`',
        description: 'Events of one change share a version and a page never splits one, so a cursor never skips or repeats an event.',
        parameters: queryParams(FeedQuery),
        responses: { 200: { description: 'events', content: json(FeedResponse) }, ...errors(400, 401, 429) },
      },
    },
  };
}
