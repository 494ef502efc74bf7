import { z } from 'zod';
import { COUNT_TASK_SOURCES } from './count';

const Id = z.string().min(1).max(80);

/**
 * Inventory's working set on a device, sent whole on the last page of a pull
 * (PullResponse.inventory): the open count tasks the user may do (blind: never the
 * expected quantity), the orders a returns clerk may receive back, and each seller's
 * return rules, so grading and counting work with no network.
 */
export const CountTaskView = z.object({
  id: Id,
  locationId: Id,
  /** Null: count everything in the bin. */
  skuId: Id.nullable(),
  source: z.enum(COUNT_TASK_SOURCES),
  round: z.number().int().min(1),
  /** Null: anyone may count it; a recount names who must not (they counted already). */
  assignedTo: Id.nullable(),
  excludeUserIds: z.array(Id),
  createdAt: z.string(),
});
export type CountTaskView = z.infer<typeof CountTaskView>;

/** A shipped (or packed) order a customer may send back, with what was sent. */
export const ReturnableOrder = z.object({
  orderId: Id,
  ref: z.string(),
  sellerId: Id,
  status: z.string(),
  trackingNumbers: z.array(z.string()),
  lines: z.array(z.object({ skuId: Id, lot: z.string().nullable(), qty: z.number().int().positive() })),
  /** Units already graded back against this order, per SKU. */
  returned: z.array(z.object({ skuId: Id, qty: z.number().int().positive() })),
});
export type ReturnableOrder = z.infer<typeof ReturnableOrder>;

export const InventorySnapshot = z.object({
  countTasks: z.array(CountTaskView),
  returnables: z.array(ReturnableOrder),
  /** Each seller's raw return rules (returnRulesOf reads them). */
  returnRules: z.array(z.object({ sellerId: Id, rules: z.unknown() })),
});
export type InventorySnapshot = z.infer<typeof InventorySnapshot>;
