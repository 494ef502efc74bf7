import { z } from 'zod';
import { REPLENISH_STATUSES } from './types';

/** The lead's replenishment routes (src/server/routes/replenish.ts), shared with the console. */

const Code = z.string().regex(/^[!-~]{1,64}$/);

/** GET /api/replenishments?status=open (active: open and no_stock). */
export const ReplenishmentsQuery = z.strictObject({
  status: z.enum([...REPLENISH_STATUSES, 'active']).default('open'),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});
export type ReplenishmentsQuery = z.infer<typeof ReplenishmentsQuery>;

export const ReplenishmentView = z.object({
  id: z.string(),
  status: z.enum(REPLENISH_STATUSES),
  pickFace: z.object({ id: z.string(), code: z.string() }),
  sku: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  sellerId: z.string(),
  /** The reserve bin to take from; null while no reserve bin holds the SKU. */
  from: z.object({ id: z.string(), code: z.string() }).nullable(),
  lot: z.string().nullable(),
  expiry: z.string().nullable(),
  qty: z.number().int(),
  minQty: z.number().int(),
  maxQty: z.number().int(),
  /** The face's balance when the task was raised. */
  onHandAtRaise: z.number().int(),
  createdAt: z.string(),
  doneBy: z.string().nullable(),
  doneQty: z.number().int().nullable(),
  doneAt: z.string().nullable(),
});
export type ReplenishmentView = z.infer<typeof ReplenishmentView>;

export const ReplenishmentsResponse = z.object({ replenishments: z.array(ReplenishmentView), now: z.string() });
export type ReplenishmentsResponse = z.infer<typeof ReplenishmentsResponse>;

export const PickFaceParams = z.strictObject({ locationId: Code });
export const PickFaceSkuParams = z.strictObject({ locationId: Code, skuId: Code });

/** GET /api/pick-faces/:locationId/limits: every SKU the face holds or has limits for. */
export const FaceLimitsResponse = z.object({
  locationId: z.string(),
  code: z.string(),
  skus: z.array(
    z.object({
      skuId: z.string(),
      skuCode: z.string(),
      onHand: z.number().int(),
      minQty: z.number().int(),
      maxQty: z.number().int(),
      /** face: a lead set them; sku: the SKU's low-stock threshold (no row). */
      source: z.enum(['face', 'sku']),
    }),
  ),
});
export type FaceLimitsResponse = z.infer<typeof FaceLimitsResponse>;

export const FaceLimitsSaved = z.object({ locationId: z.string(), skuId: z.string(), minQty: z.number().int(), maxQty: z.number().int(), version: z.number().int() });
