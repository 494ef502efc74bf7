import { errors, json, sessionAuth } from './openapi-shared';
import {
  IncomingOrdersResponse,
  ReleaseIncomingBody,
  ReleaseIncomingResponse,
  WavePreviewResponse,
  WaveReleaseBody,
  WaveReleaseResponse,
  WaveRulesBody,
} from './wave-planning';

/** Wave planning for leads (merged into /api/openapi.json). */
export function wavePaths() {
  return {
    '/api/orders/incoming': {
      get: {
        security: sessionAuth,
        summary: 'Orders received (sellers\' API) or allocated and not yet released for planning (leads, admins)',
        description: `count is every such order; orders lists at most ${200}, earliest ship-by first, with their lines and units (cancelled lines left out).`,
        responses: { 200: { description: 'incoming orders', content: json(IncomingOrdersResponse) }, ...errors(401, 403) },
      },
    },
    '/api/orders/release': {
      post: {
        security: sessionAuth,
        summary: 'Release received or allocated orders for wave planning (leads, admins)',
        description:
          'All or nothing, in one transaction. 404 ORDER_NOT_FOUND (unknown or another warehouse\'s); 409 ORDER_NOT_RELEASABLE for orders on hold, cancelled or further on (details name them). Orders already released are reported in alreadyReleased and left as they are.',
        requestBody: { required: true, content: json(ReleaseIncomingBody, 'input') },
        responses: { 200: { description: 'what was released', content: json(ReleaseIncomingResponse) }, ...errors(400, 401, 403, 404, 409) },
      },
    },
    '/api/waves/preview': {
      post: {
        security: sessionAuth,
        summary: 'The waves the rules would build from released orders not yet in a wave (leads, admins); writes nothing',
        description:
          'Orders go most urgent first (carrier cut-off or ship-by), bins chosen as picking allocates them. leftOut lists the orders no wave takes: too_large (alone over maxLines or maxUnits), zone_excluded, multi_zone (per_zone) or no_stock (with the short lines). See docs/waves-planning.md for the walk estimate.',
        requestBody: { required: false, content: json(WaveRulesBody, 'input') },
        responses: { 200: { description: 'proposed waves', content: json(WavePreviewResponse) }, ...errors(400, 401, 403) },
      },
    },
    '/api/waves/release': {
      post: {
        security: sessionAuth,
        summary: 'Create the proposed waves and their pick tasks, released and unassigned (leads, admins)',
        description:
          'All or nothing, in one transaction; bins are allocated afresh. 404 ORDER_NOT_FOUND; 409 ORDER_NOT_RELEASED, ORDER_ALREADY_IN_WAVE or ORDER_NOT_ALLOCATABLE (details name the orders).',
        requestBody: { required: true, content: json(WaveReleaseBody, 'input') },
        responses: { 201: { description: 'the waves made', content: json(WaveReleaseResponse) }, ...errors(400, 401, 403, 404, 409) },
      },
    },
  };
}
