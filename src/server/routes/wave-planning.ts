import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { ErrorCode } from '../../domain/errors';
import { hasAnyRole } from '../../domain/roles';
import type { Database } from '../db/schema';
import { parseOr400, requireAuth } from '../http';
import { ApiError } from '../services/api-error';
import type { EventHub } from '../services/events';
import { incomingOrders, releaseIncoming } from '../services/order-intake';
import { previewWaves } from '../services/wave-planning';
import { releaseWaves } from '../services/wave-release';

const zone = z.string().trim().min(1).max(32);
const cap = (max: number, dflt: number) => z.number().int().min(1).max(max).default(dflt);

/** The lead's wave rules; every field has a default, so `{}` previews with the usual ones. */
export const WaveRulesBody = z.strictObject({
  groupBy: z.enum(['cutoff', 'ship_by']).default('cutoff'),
  zones: z.union([z.enum(['all', 'per_zone']), z.array(zone).min(1).max(50)]).default('all'),
  mode: z.enum(['single', 'multi']).default('multi'),
  maxOrders: cap(200, 12),
  maxLines: cap(5000, 100),
  maxUnits: cap(20_000, 300),
  maxTotes: cap(200, 12),
});

export const WavePreviewResponse = z.object({
  considered: z.number().int(),
  waves: z.array(
    z.object({
      seq: z.number().int(),
      mode: z.enum(['single', 'multi']),
      groupTime: z.string(),
      orderIds: z.array(z.string()),
      orderRefs: z.array(z.string()),
      orders: z.number().int(),
      lines: z.number().int(),
      units: z.number().int(),
      zones: z.array(z.string()),
      totes: z.number().int(),
      walk: z.object({ stops: z.number().int(), firstSeq: z.number().int(), lastSeq: z.number().int(), span: z.number().int(), seconds: z.number().int() }),
    }),
  ),
  leftOut: z.array(
    z.object({
      orderId: z.string(),
      ref: z.string(),
      reason: z.enum(['too_large', 'zone_excluded', 'multi_zone', 'no_stock']),
      limit: z.enum(['maxLines', 'maxUnits']).optional(),
      shortLines: z.array(z.object({ lineId: z.string(), skuId: z.string(), qty: z.number().int(), shortQty: z.number().int() })).optional(),
    }),
  ),
});

const orderId = z.string().min(1).max(64);
/** Keeps one release's statements within every driver's parameter limit. */
export const MAX_RELEASE_ORDERS = 1000;
/** What the lead releases: the preview's waves (mode and orders), possibly edited. */
export const WaveReleaseBody = z
  .strictObject({
    waves: z
      .array(
        z
          .strictObject({ mode: z.enum(['single', 'multi']), orderIds: z.array(orderId).min(1).max(200) })
          .refine((w) => w.mode === 'multi' || w.orderIds.length === 1, { message: 'a single-order wave holds one order', path: ['orderIds'] }),
      )
      .min(1)
      .max(50),
  })
  .refine((b) => b.waves.reduce((n, w) => n + w.orderIds.length, 0) <= MAX_RELEASE_ORDERS, {
    message: `at most ${MAX_RELEASE_ORDERS} orders in one release`,
    path: ['waves'],
  })
  .refine((b) => new Set(b.waves.flatMap((w) => w.orderIds)).size === b.waves.reduce((n, w) => n + w.orderIds.length, 0), {
    message: 'an order appears twice',
    path: ['waves'],
  });

export const WaveReleaseResponse = z.object({
  waves: z.array(z.object({ id: z.string(), code: z.string(), kind: z.enum(['single', 'cluster']), orderIds: z.array(z.string()), tasks: z.number().int() })),
});

export const IncomingOrdersResponse = z.object({
  count: z.number().int(),
  orders: z.array(
    z.object({
      id: z.string(), ref: z.string(), seller: z.string(), status: z.enum(['received', 'allocated']),
      lines: z.number().int(), units: z.number().int(), shipBy: z.string(), createdAt: z.string(),
    }),
  ),
});

export const ReleaseIncomingBody = z.strictObject({
  orderIds: z
    .array(orderId)
    .min(1)
    .max(MAX_RELEASE_ORDERS)
    .refine((ids) => new Set(ids).size === ids.length, { message: 'an order appears twice' }),
});

export const ReleaseIncomingResponse = z.object({ released: z.array(z.string()), alreadyReleased: z.array(z.string()) });

function requireLead(req: Parameters<typeof requireAuth>[0]) {
  const auth = requireAuth(req);
  if (!hasAnyRole(auth.user.roles, ['lead'])) throw new ApiError(403, ErrorCode.FORBIDDEN, 'leads only');
  return auth;
}

/** Wave planning for leads (issue 7): a preview of the waves the rules would build, and their release. */
export function wavePlanningRoutes(app: FastifyInstance, deps: { db: Kysely<Database>; events: EventHub }) {
  app.post('/api/waves/preview', async (req) => {
    const auth = requireLead(req);
    const rules = parseOr400(WaveRulesBody, req.body ?? {});
    return previewWaves(deps.db, auth.warehouseId, rules, new Date().toISOString());
  });

  app.get('/api/orders/incoming', async (req) => {
    const auth = requireLead(req);
    return incomingOrders(deps.db, auth.warehouseId);
  });

  app.post('/api/orders/release', async (req) => {
    const auth = requireLead(req);
    const body = parseOr400(ReleaseIncomingBody, req.body ?? {});
    return releaseIncoming(deps.db, deps.events, auth.warehouseId, body.orderIds);
  });

  app.post('/api/waves/release', async (req, reply) => {
    const auth = requireLead(req);
    const body = parseOr400(WaveReleaseBody, req.body ?? {});
    const waves = await releaseWaves(deps.db, deps.events, auth.warehouseId, body.waves, new Date().toISOString());
    return reply.code(201).send({ waves });
  });
}
