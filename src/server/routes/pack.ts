import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { ErrorCode } from '../../domain/errors';
import { LEASE_KINDS } from '../../domain/packing/types';
import { hasAnyRole } from '../../domain/roles';
import type { DbKind } from '../db/connect';
import type { Database } from '../db/schema';
import { parseOr400, requireAuth } from '../http';
import { ApiError } from '../services/api-error';
import { deviceLeases, leaseNumbers } from '../services/pack-leases';
import { PACK_ROLES } from '../services/pull-pack';

export const LeaseRequest = z.strictObject({ kind: z.enum(LEASE_KINDS) });

/**
 * Serial leases for the signed-in device: a bench tops its blocks of tracking numbers
 * and SSCC serials up while online, so it can number and label cartons offline.
 */
export function packRoutes(app: FastifyInstance, db: Kysely<Database>, kind: DbKind) {
  const who = (req: Parameters<typeof requireAuth>[0]) => {
    const auth = requireAuth(req);
    if (!hasAnyRole(auth.user.roles, PACK_ROLES)) throw new ApiError(403, ErrorCode.FORBIDDEN, 'packers, leads and admins only');
    return { warehouseId: auth.warehouseId, deviceId: auth.deviceId };
  };

  app.post('/api/pack/leases', async (req) => {
    const caller = who(req);
    const body = parseOr400(LeaseRequest, req.body);
    return { lease: await leaseNumbers(db, kind, caller, body.kind) };
  });

  app.get('/api/pack/leases', async (req) => ({ leases: await deviceLeases(db, who(req)) }));
}
