import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { ErrorCode } from '../../domain/errors';
import { createSellerKey, requireSeller, sellerRateLimit } from '../auth/seller-keys';
import type { Database } from '../db/schema';
import { parseOr400 } from '../http';
import { ApiError } from '../services/api-error';
import { Id, requireRole } from './print';

const KeyName = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[^\p{Cc}]+$/u, 'no control characters');
export const NewKeyBody = z.strictObject({ sellerId: Id, name: KeyName });
export const KeysQuery = z.strictObject({ sellerId: Id.optional() });
export const SellerKeyView = z.object({
  id: z.string(),
  sellerId: z.string(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
});

/**
 * Admins make and revoke sellers' API keys. The key itself is in the answer to its
 * creation only; afterwards it is known by its prefix.
 */
export function sellerKeyRoutes(app: FastifyInstance, db: Kysely<Database>) {
  app.post('/api/admin/seller-keys', async (req, reply) => {
    const auth = requireRole(req, ['admin']);
    const body = parseOr400(NewKeyBody, req.body);
    const seller = await db.selectFrom('sellers').select('id').where('id', '=', body.sellerId).where('warehouse_id', '=', auth.warehouseId).executeTakeFirst();
    if (!seller) throw new ApiError(404, ErrorCode.NOT_FOUND, 'no such seller');
    const made = await createSellerKey(db, { warehouseId: auth.warehouseId, sellerId: seller.id, name: body.name, createdBy: auth.user.id });
    return reply.code(201).send(made);
  });

  app.get('/api/admin/seller-keys', async (req) => {
    const auth = requireRole(req, ['admin']);
    const q = parseOr400(KeysQuery, req.query);
    let query = db.selectFrom('seller_api_keys').selectAll().where('warehouse_id', '=', auth.warehouseId);
    if (q.sellerId) query = query.where('seller_id', '=', q.sellerId);
    const rows = await query.orderBy('created_at').orderBy('id').execute();
    return {
      keys: rows.map((r) => ({ id: r.id, sellerId: r.seller_id, name: r.name, prefix: r.prefix, createdAt: r.created_at, revokedAt: r.revoked_at })),
    };
  });

  app.delete('/api/admin/seller-keys/:id', async (req) => {
    const auth = requireRole(req, ['admin']);
    const { id } = parseOr400(z.strictObject({ id: Id }), req.params);
    const row = await db.selectFrom('seller_api_keys').select(['id', 'revoked_at']).where('id', '=', id).where('warehouse_id', '=', auth.warehouseId).executeTakeFirst();
    if (!row) throw new ApiError(404, ErrorCode.NOT_FOUND, 'no such key');
    const revokedAt = row.revoked_at ?? new Date().toISOString();
    if (!row.revoked_at) await db.updateTable('seller_api_keys').set({ revoked_at: revokedAt }).where('id', '=', id).execute();
    return { id, revokedAt };
  });

  // Who a key speaks for: the first call a seller's integration makes.
  app.get('/api/seller/v1/me', { config: sellerRateLimit() }, async (req) => {
    const seller = requireSeller(req);
    const row = await db.selectFrom('sellers').select(['id', 'code', 'name']).where('id', '=', seller.sellerId).executeTakeFirstOrThrow();
    return { sellerId: row.id, code: row.code, name: row.name };
  });
}
