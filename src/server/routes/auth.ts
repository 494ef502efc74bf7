import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { LoginRequest } from '../../domain/auth';
import { ErrorCode } from '../../domain/errors';
import { login, logout } from '../auth/sessions';
import type { Database } from '../db/schema';
import { parseOr400, requireAuth } from '../http';

export interface AuthRouteOpts {
  db: Kysely<Database>;
  /** Login attempts per badge and address per minute; the PIN lockout does the rest. */
  loginPerMinute: number;
}

export function authRoutes(app: FastifyInstance, { db, loginPerMinute }: AuthRouteOpts) {
  app.post(
    '/api/auth/login',
    {
      config: {
        rateLimit: {
          max: loginPerMinute,
          timeWindow: 60_000,
          hook: 'preHandler',
          keyGenerator: (req: FastifyRequest) => {
            const badge = (req.body as { badge?: unknown } | undefined)?.badge;
            return `${req.ip}|${typeof badge === 'string' ? badge.trim().toUpperCase().slice(0, 64) : ''}`;
          },
          errorResponseBuilder: (_req: FastifyRequest, ctx: { after: string }) => ({
            statusCode: 429,
            error: { code: ErrorCode.RATE_LIMITED, message: `too many sign-in attempts; retry in ${ctx.after}` },
          }),
        },
      },
    },
    async (req) => login(db, parseOr400(LoginRequest, req.body)),
  );

  app.post('/api/auth/logout', async (req, reply) => {
    const auth = requireAuth(req);
    // Nothing to send; anything sent is a client bug and is refused rather than ignored.
    parseOr400(z.strictObject({}).optional(), req.body);
    await logout(db, auth.sessionId);
    return reply.code(204).send();
  });

  app.get('/api/me', async (req) => {
    const auth = requireAuth(req);
    const wh = await db.selectFrom('warehouses').select(['id', 'code', 'name']).where('id', '=', auth.warehouseId).executeTakeFirst();
    return { user: auth.user, deviceId: auth.deviceId, warehouse: wh ?? null };
  });
}
