import { z } from 'zod';

/**
 * Replenishment (issue 7): a pick face (a pick_face bin holding one SKU) that falls below
 * its minimum gets a task to bring stock down from a reserve bin, and the seller a
 * `stock.low` event. See docs/replenishment.md.
 *
 * open: to do; no_stock: the face is below its minimum and no reserve bin holds the SKU
 * (it marks the crossing, so the event is not raised again, and becomes open when a later
 * pick finds reserve stock); done: confirmed; cancelled: the face was back at its
 * minimum before reserve stock came.
 */
export const REPLENISH_STATUSES = ['open', 'no_stock', 'done', 'cancelled'] as const;
export type ReplenishStatus = (typeof REPLENISH_STATUSES)[number];

/** Statuses that hold a crossing: while one exists for a face, nothing new is raised for it. */
export const ACTIVE_STATUSES = ['open', 'no_stock'] as const satisfies readonly ReplenishStatus[];

/** Who does replenishments on the floor (the home card, the pull's working set, the command). */
export const REPLENISH_ROLES = ['receiver', 'lead'] as const;

/** A replenishment task as devices pull it (only open ones travel). */
export const ReplenishTask = z.object({
  id: z.string(),
  /** The pick face to fill. */
  locationId: z.string(),
  skuId: z.string(),
  /** The reserve bin to take from (FEFO), null while no reserve bin holds the SKU. */
  fromLocationId: z.string().nullable(),
  lot: z.string().nullable(),
  expiry: z.string().nullable(),
  /** Units to bring: fill-to level minus on hand, in whole cases where the bin has them. */
  qty: z.number().int(),
  status: z.enum(REPLENISH_STATUSES),
  minQty: z.number().int(),
  maxQty: z.number().int(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type ReplenishTask = z.infer<typeof ReplenishTask>;

/** Replenishment's working set in a pull (receivers, leads, admins), replaced whole like `inbound`. */
export const ReplenishSnapshot = z.object({ tasks: z.array(ReplenishTask) });
export type ReplenishSnapshot = z.infer<typeof ReplenishSnapshot>;

/** What replenish.confirm changes beyond its ledger movements (services/replenish-writes.ts). */
export interface ReplenishChanges {
  /** The task it closes, with what was really moved and from where. */
  done?: { id: string; qty: number; fromLocationId: string; doneBy: string; at: string };
  /**
   * A confirm for a task someone else already did: the scan is a fact the ledger cannot
   * place (were units moved twice, or not at all?), so the face gets a blind count.
   */
  countFace?: { locationId: string; skuId: string };
}
