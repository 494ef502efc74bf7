import { FaceLimitsResponse, FaceLimitsSaved, ReplenishmentsQuery, ReplenishmentsResponse } from '../../domain/replenish/api';
import { FaceLimitsBody } from '../../domain/replenish/limits';
import { errors, json, jsonSchema, sessionAuth } from './openapi-shared';

const queryParams = () =>
  Object.entries((jsonSchema(ReplenishmentsQuery, 'input').properties ?? {}) as Record<string, unknown>).map(([name, schema]) => ({ name, in: 'query', required: false, schema }));
const path = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string' } });

/** Replenishment routes (merged into /api/openapi.json). */
export function replenishPaths() {
  return {
    '/api/replenishments': {
      get: {
        security: sessionAuth,
        summary: 'Replenishments, reserve to pick face (leads, admins)',
        description:
          'status: open (default), no_stock (below minimum, nothing in reserve), done, cancelled, or active (open and no_stock). Oldest first. Tasks are raised by the push when a pick face falls below its minimum (docs/replenishment.md).',
        parameters: queryParams(),
        responses: { 200: { description: 'replenishments', content: json(ReplenishmentsResponse) }, ...errors(400, 401, 403) },
      },
    },
    '/api/pick-faces/{locationId}/limits': {
      get: {
        security: sessionAuth,
        summary: "A pick face's minimum and fill-to level per SKU (leads, admins)",
        description: 'Every SKU the face holds or has limits for. source sku: no limits set, the SKU low-stock threshold is the minimum and 4 times it the fill-to level.',
        parameters: [path('locationId')],
        responses: { 200: { description: 'limits', content: json(FaceLimitsResponse) }, ...errors(400, 401, 403, 404, 422) },
      },
    },
    '/api/pick-faces/{locationId}/limits/{skuId}': {
      put: {
        security: sessionAuth,
        summary: "Sets a pick face's minimum and fill-to level for one SKU (leads, admins)",
        description: 'minQty 0 turns replenishment off for the face. maxQty >= minQty. 404 LOCATION_NOT_FOUND / SKU_NOT_FOUND, 422 NOT_A_PICK_FACE; nothing changes on a refusal.',
        parameters: [path('locationId'), path('skuId')],
        requestBody: { required: true, content: json(FaceLimitsBody, 'input') },
        responses: { 200: { description: 'saved', content: json(FaceLimitsSaved) }, ...errors(400, 401, 403, 404, 413, 415, 422) },
      },
    },
  };
}
