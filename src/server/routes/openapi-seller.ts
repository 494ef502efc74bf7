import { z } from 'zod';
import { NewKeyBody, SellerKeyView } from './seller-keys';
import { errors, json, sellerAuth, sessionAuth } from './openapi-shared';

const NewKeyResponse = z.object({ id: z.string(), key: z.string(), prefix: z.string(), sellerId: z.string(), name: z.string(), createdAt: z.string() });

/** Sellers' API keys (admins) and the sellers' own API, `/api/seller/v1/*` (merged into /api/openapi.json). */
export function sellerPaths() {
  return {
    '/api/admin/seller-keys': {
      post: {
        security: sessionAuth,
        summary: "Make an API key for a seller (admins). The key is in this answer only; Tote keeps its SHA-256",
        requestBody: { required: true, content: json(NewKeyBody, 'input') },
        responses: { 201: { description: 'the new key', content: json(NewKeyResponse) }, ...errors(400, 401, 403, 404) },
      },
      get: {
        security: sessionAuth,
        summary: "The warehouse's seller keys, by prefix (admins)",
        parameters: [{ name: 'sellerId', in: 'query', required: false, schema: { type: 'string' } }],
        responses: { 200: { description: 'keys', content: json(z.object({ keys: z.array(SellerKeyView) })) }, ...errors(400, 401, 403) },
      },
    },
    '/api/admin/seller-keys/{id}': {
      delete: {
        security: sessionAuth,
        summary: 'Revoke a key at once (admins); revoking twice keeps the first time',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { 200: { description: 'revoked', content: json(z.object({ id: z.string(), revokedAt: z.string() })) }, ...errors(401, 403, 404) },
      },
    },
    '/api/seller/v1/me': {
      get: {
        security: sellerAuth,
        summary: 'The seller this key speaks for. Every seller route is limited per key (429 RATE_LIMITED)',
        responses: { 200: { description: 'seller', content: json(z.object({ sellerId: z.string(), code: z.string(), name: z.string() })) }, ...errors(401, 429) },
      },
    },
  };
}
