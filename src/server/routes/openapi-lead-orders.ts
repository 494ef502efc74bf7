import { errors, json, sessionAuth } from './openapi-shared';
import { WaveOrdersResponse } from './lead-wave-orders';

/** The orders of a wave for the lead's console (merged into /api/openapi.json); docs/lead-actions.md. */
export function leadOrderPaths() {
  return {
    '/api/waves/{id}/orders': {
      get: {
        security: sessionAuth,
        summary: "A wave's orders with their lines, priority and hold (leads, admins)",
        description: 'Read-only. pickedQty counts every wave the line was picked in (a split wave too). 404 WAVE_NOT_FOUND.',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { 200: { description: 'the orders', content: json(WaveOrdersResponse) }, ...errors(400, 401, 403, 404) },
      },
    },
  };
}
