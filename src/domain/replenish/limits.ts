import { z } from 'zod';

/**
 * A pick face's minimum and fill-to level for one SKU. A lead sets them per face and SKU
 * (pick_face_limits); where none is set the SKU's low-stock threshold is the minimum and
 * the fill-to level is FILL_FACTOR times it. A minimum of 0 turns replenishment off.
 */
export const FILL_FACTOR = 4;

export interface FaceLimits {
  min: number;
  max: number;
  source: 'face' | 'sku';
}

export function effectiveLimits(row: { minQty: number; maxQty: number } | null, lowStockThreshold: number): FaceLimits {
  if (row) return { min: row.minQty, max: Math.max(row.maxQty, row.minQty), source: 'face' };
  const min = Math.max(0, Math.trunc(lowStockThreshold));
  return { min, max: min * FILL_FACTOR, source: 'sku' };
}

/** PUT /api/pick-faces/:locationId/limits/:skuId */
export const FaceLimitsBody = z
  .strictObject({
    minQty: z.number().int().min(0).max(1_000_000),
    maxQty: z.number().int().min(1).max(1_000_000),
  })
  .refine((b) => b.maxQty >= b.minQty, { message: 'maxQty must be at least minQty', path: ['maxQty'] });
export type FaceLimitsBody = z.infer<typeof FaceLimitsBody>;
