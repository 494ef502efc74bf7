import { z } from 'zod';
import { ROLES } from './roles';

/**
 * Rows as they travel between server and device (pull payloads, Dexie tables).
 * Every syncable row carries `version`: the server's monotonic counter at its last change.
 */

export const LOCATION_TYPES = [
  'pick_face',
  'reserve',
  'receiving_dock',
  'pack_bench',
  'returns',
  'damaged',
  'shipping_dock',
] as const;

export const Location = z.object({
  id: z.string(),
  code: z.string(), // what is printed on the bin label and scanned
  zone: z.string(),
  type: z.enum(LOCATION_TYPES),
  aisle: z.number().int().nullable(),
  bay: z.number().int().nullable(),
  level: z.number().int().nullable(),
  walkSeq: z.number().int(),
  capacity: z.number().int().nullable(),
  version: z.number().int(),
});
export type Location = z.infer<typeof Location>;

export const SkuBarcode = z.object({
  /** Normalised value: GTIN-14 for GS1 numbers, the raw text otherwise. */
  value: z.string(),
  kind: z.enum(['gtin', 'sku', 'case', 'inner']),
  packQty: z.number().int().positive(),
});
export type SkuBarcode = z.infer<typeof SkuBarcode>;

export const Sku = z.object({
  id: z.string(),
  sellerId: z.string(),
  code: z.string(),
  name: z.string(),
  barcodes: z.array(SkuBarcode),
  lengthMm: z.number().int(),
  widthMm: z.number().int(),
  heightMm: z.number().int(),
  weightG: z.number().int(),
  casePackQty: z.number().int().positive(),
  lotTracked: z.boolean(),
  expiryTracked: z.boolean(),
  lowStockThreshold: z.number().int(),
  version: z.number().int(),
});
export type Sku = z.infer<typeof Sku>;

/**
 * free: in the stack of empty totes; on_cart: holding a wave's units on a picker's cart;
 * awaiting_packing: dropped at a pack bench (wave.dropoff), `locationId` is that bench.
 * The device knows which totes are on its cart (pick-cart), so the server writes on_cart
 * only when it learns of it; the drop-off is what it must know: undo stops there.
 */
export const TOTE_STATUSES = ['free', 'on_cart', 'awaiting_packing'] as const;
export const Tote = z.object({
  id: z.string(),
  code: z.string(),
  // Optional: rows stored before the fields existed (devices, older servers) read as free.
  status: z.enum(TOTE_STATUSES).optional(),
  /** The pack bench it was dropped at; null unless awaiting packing. */
  locationId: z.string().nullable().optional(),
  /** The wave whose units it holds; null when free. */
  waveId: z.string().nullable().optional(),
  version: z.number().int(),
});
export type Tote = z.infer<typeof Tote>;

export const WAVE_STATUSES = ['planned', 'released', 'picking', 'done', 'cancelled'] as const;
/** single: one order at a time, one tote; cluster: several orders on a cart, one tote each. */
export const WAVE_KINDS = ['single', 'cluster'] as const;
export const Wave = z.object({
  id: z.string(),
  code: z.string(),
  status: z.enum(WAVE_STATUSES),
  // Defaults keep rows stored before the field existed (devices, older servers) parseable.
  kind: z.enum(WAVE_KINDS).default('single'),
  assignedUserId: z.string().nullable(),
  assignmentEpoch: z.number().int(),
  releasedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  /**
   * When and where its totes were dropped at a pack bench (wave.dropoff). Absent or null
   * while they are on the cart: optional, so rows and fixtures from before it stay valid.
   */
  droppedAt: z.string().nullable().optional(),
  dropoffLocationId: z.string().nullable().optional(),
  version: z.number().int(),
});
export type Wave = z.infer<typeof Wave>;

export const TASK_STATUSES = ['open', 'picked', 'short'] as const;
export const PickTask = z.object({
  id: z.string(),
  waveId: z.string(),
  orderId: z.string(),
  orderLineId: z.string(),
  orderRef: z.string(), // the seller's external order id, for people
  skuId: z.string(),
  locationId: z.string(),
  walkSeq: z.number().int(),
  qty: z.number().int().positive(),
  pickedQty: z.number().int().nonnegative(),
  status: z.enum(TASK_STATUSES),
  toteCode: z.string().nullable(),
  pickedBy: z.string().nullable(),
  /** The lot allocated to this task (lot-tracked SKUs), else null. */
  lot: z.string().nullable().default(null),
  /** Expiry of the allocated stock, ISO date (YYYY-MM-DD), else null. */
  expiry: z.string().nullable().default(null),
  /** Skip mark: an ordinal within the wave (walk.ts skipStop), null when never skipped. */
  skippedAt: z.number().int().nullable().default(null),
  version: z.number().int(),
});
export type PickTask = z.infer<typeof PickTask>;

export const EXCEPTION_TYPES = [
  'short_pick',
  'line_already_picked',
  'negative_stock',
  'stale_assignment',
  'undo_refused',
  // packing (issue 5)
  'missing_at_pack',
  'order_cancelled',
  'weight_override',
  // receiving and returns: units that came in or back damaged (issue 7, docs/exceptions.md)
  'damaged_stock',
] as const;
export const WarehouseException = z.object({
  id: z.string(),
  type: z.enum(EXCEPTION_TYPES),
  status: z.enum(['open', 'resolved']),
  waveId: z.string().nullable(),
  taskId: z.string().nullable(),
  locationId: z.string().nullable(),
  skuId: z.string().nullable(),
  qty: z.number().int(),
  raisedBy: z.string().nullable(),
  mutationId: z.string().nullable(),
  /** The order it is about (packing); optional so older rows stay valid. */
  orderId: z.string().nullable().optional(),
  details: z.record(z.string(), z.unknown()).nullable().optional(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type WarehouseException = z.infer<typeof WarehouseException>;

export const UserPublic = z.object({
  id: z.string(),
  name: z.string(),
  roles: z.array(z.enum(ROLES)),
  language: z.enum(['en', 'es']),
});
export type UserPublic = z.infer<typeof UserPublic>;

/** A stock movement: the ledger is append-only, balances are sums of deltas. */
export interface StockMovement {
  /** Exactly one of locationId (a bin) and containerCode (a tote, carton) is set. */
  locationId: string | null;
  containerCode: string | null;
  skuId: string;
  lot: string | null;
  expiry: string | null;
  delta: number;
  reason: 'pick' | 'short' | 'seed' | 'adjust' | 'pick_undo' | 'pack' | 'unpack' | 'receive' | 'putaway' | 'move' | 'return' | 'dispose' | 'replenish';
}
