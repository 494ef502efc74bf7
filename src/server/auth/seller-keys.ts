import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { ErrorCode } from '../../domain/errors';
import type { Database } from '../db/schema';
import { ApiError } from '../services/api-error';

/**
 * Sellers' API keys: `tote_sk_<prefix>_<secret>`, shown once when made. The prefix (12
 * hex) finds the row by a unique index; the whole key's SHA-256 is compared in constant
 * time. A seller's key sees that seller's data only (routes/seller-api*.ts).
 */
export interface SellerAuth {
  keyId: string;
  sellerId: string;
  warehouseId: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    sellerAuth: SellerAuth | null;
  }
}

const KEY = /^tote_sk_([0-9a-f]{12})_([A-Za-z0-9_-]{32})$/;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export interface NewSellerKey {
  id: string;
  key: string;
  prefix: string;
  sellerId: string;
  name: string;
  createdAt: string;
}

export async function createSellerKey(
  db: Kysely<Database>,
  input: { warehouseId: string; sellerId: string; name: string; createdBy: string },
  now = new Date(),
): Promise<NewSellerKey> {
  const prefix = randomBytes(6).toString('hex');
  const key = `tote_sk_${prefix}_${randomBytes(24).toString('base64url')}`;
  const row = {
    id: uuidv7(),
    warehouse_id: input.warehouseId,
    seller_id: input.sellerId,
    name: input.name,
    prefix,
    key_hash: sha256(key),
    created_by: input.createdBy,
    created_at: now.toISOString(),
    revoked_at: null,
    last_used_at: null,
  };
  await db.insertInto('seller_api_keys').values(row).execute();
  return { id: row.id, key, prefix, sellerId: input.sellerId, name: input.name, createdAt: row.created_at };
}

/** The seller a key speaks for, or null for a malformed, unknown or revoked key. */
export async function authenticateSellerKey(db: Kysely<Database>, key: string): Promise<SellerAuth | null> {
  const m = KEY.exec(key);
  if (!m) return null;
  const row = await db.selectFrom('seller_api_keys').selectAll().where('prefix', '=', m[1]!).executeTakeFirst();
  if (!row || row.revoked_at !== null) return null;
  const a = Buffer.from(row.key_hash, 'hex');
  const b = Buffer.from(sha256(key), 'hex');
  if (a.length !== b.length || !timingSafeEqual(a, b)) return null;
  return { keyId: row.id, sellerId: row.seller_id, warehouseId: row.warehouse_id };
}

/** The key in `Authorization: Bearer <key>` or `X-Api-Key: <key>`. */
export function sellerKeyOf(req: FastifyRequest): string | null {
  const header = req.headers.authorization;
  const bearer = typeof header === 'string' ? /^Bearer\s+(\S+)$/.exec(header.trim())?.[1] : undefined;
  const x = req.headers['x-api-key'];
  return bearer ?? (typeof x === 'string' ? x.trim() : null);
}

export function requireSeller(req: FastifyRequest): SellerAuth {
  if (!req.sellerAuth) throw new ApiError(401, ErrorCode.UNAUTHENTICATED, 'missing, unknown or revoked API key');
  return req.sellerAuth;
}

/** Requests per minute for one key; a seller's integration that loops must not starve the floor. */
export const SELLER_RATE_PER_MINUTE = 120;

/** Per-route config for the sellers' routes: the limit counts per key, not per address. */
export function sellerRateLimit(max = SELLER_RATE_PER_MINUTE) {
  return {
    rateLimit: {
      max,
      timeWindow: '1 minute',
      keyGenerator: (req: FastifyRequest) => `seller:${req.sellerAuth?.keyId ?? req.ip}`,
    },
  };
}
