import { z } from 'zod';

/**
 * Packing and shipping shapes shared by device and server (issue 5). The pack bench
 * works offline, so everything it needs to verify, choose a carton, check a weight,
 * number cartons and draw labels travels to the device in the pull (`PackSnapshot`).
 */

const text = (max: number) => z.string().min(1).max(max);

/** A carton size from the box catalogue. Dimensions are inside the box. */
export const BoxType = z.object({
  id: z.string(),
  /** Printed on the box stock and scannable at the bench. */
  code: z.string(),
  name: z.string(),
  innerLengthMm: z.number().int().positive(),
  innerWidthMm: z.number().int().positive(),
  innerHeightMm: z.number().int().positive(),
  maxWeightG: z.number().int().positive(),
  tareG: z.number().int().nonnegative(),
  active: z.boolean(),
  version: z.number().int(),
});
export type BoxType = z.infer<typeof BoxType>;

export const Address = z.object({
  name: z.string(),
  line1: z.string(),
  line2: z.string().optional(),
  city: z.string(),
  region: z.string(),
  postalCode: z.string(),
  country: z.string(),
});
export type Address = z.infer<typeof Address>;

/** The warehouse's packing settings (one row per warehouse, set by an admin). */
export const PackConfig = z.object({
  /** Items' volume times this must fit in the box's inner volume (air, dunnage). */
  packingFactor: z.number().min(1).max(5),
  /** Weight tolerance: the larger of this share of the expected weight and `weightToleranceMinG`. */
  weightTolerancePct: z.number().min(0).max(100),
  weightToleranceMinG: z.number().int().nonnegative(),
  shipFrom: Address,
  /** GS1 company prefix (7 to 10 digits) and the SSCC extension digit. */
  gs1CompanyPrefix: z.string().regex(/^\d{7,10}$/),
  ssccExtension: z.number().int().min(0).max(9),
  /** Local carrier tracking numbers: UPU S10 form, 2 letters + 8-digit serial + check digit + 2 letters. */
  trackingPrefix: z.string().regex(/^[A-Z]{2}$/),
  trackingSuffix: z.string().regex(/^[A-Z]{2}$/),
  /** Serials a device leases at a time, and the count below which it asks for more. */
  leaseBlock: z.number().int().min(1).max(10_000),
  leaseLowWater: z.number().int().min(0).max(10_000),
});
export type PackConfig = z.infer<typeof PackConfig>;

export const LEASE_KINDS = ['tracking', 'sscc'] as const;
export type LeaseKind = (typeof LEASE_KINDS)[number];

/** A block of serials [first, last] granted to one device; never granted twice. */
export const NumberLease = z.object({
  id: z.string(),
  kind: z.enum(LEASE_KINDS),
  first: z.number().int().nonnegative(),
  last: z.number().int().nonnegative(),
});
export type NumberLease = z.infer<typeof NumberLease>;

/**
 * What a pack bench needs to check a lead's badge and PIN with no network: the key is
 * PBKDF2-SHA256(PIN, salt, iterations); the device holds only its SHA-256 (`check`) and
 * proves the PIN to the server with an HMAC made from the key (override.ts).
 */
export const OverrideVerifier = z.object({
  userId: z.string(),
  name: z.string(),
  badge: z.string(),
  salt: z.string(),
  iterations: z.number().int().positive(),
  check: z.string(),
});
export type OverrideVerifier = z.infer<typeof OverrideVerifier>;

/** Units of one SKU (and lot) in an order's tote, as picked. */
export const PackItem = z.object({
  skuId: z.string(),
  lot: z.string().nullable(),
  expiry: z.string().nullable(),
  qty: z.number().int().positive(),
});
export type PackItem = z.infer<typeof PackItem>;

export const ORDER_STATUSES = [
  'received',
  'allocated',
  'released',
  'picking',
  'picked',
  'packed',
  'shipped',
  'cancelled',
  'on_hold',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** An order waiting in a tote at a pack bench, with what was picked for it. */
export const PackOrder = z.object({
  orderId: z.string(),
  orderRef: z.string(),
  sellerId: z.string(),
  status: z.enum(ORDER_STATUSES),
  toteCode: z.string(),
  /** The bench the tote was dropped at. */
  benchId: z.string().nullable(),
  shipTo: Address,
  carrierService: z.string(),
  items: z.array(PackItem),
});
export type PackOrder = z.infer<typeof PackOrder>;

/** Everything packing needs, sent whole on the last page of a pull to packers and leads. */
export const PackSnapshot = z.object({
  config: PackConfig,
  boxTypes: z.array(BoxType),
  orders: z.array(PackOrder),
  /** This device's leases that still hold unused serials (the device knows which it used). */
  leases: z.array(NumberLease),
  verifiers: z.array(OverrideVerifier),
  /** Pack benches with a label printer on the network (raw TCP 9100). */
  printers: z.array(z.object({ locationId: z.string(), host: z.string() })),
});
export type PackSnapshot = z.infer<typeof PackSnapshot>;

/** One carton as the packer closed it. */
export const PackCarton = z.strictObject({
  /** Made on the device (UUID), so labels and the server agree on the carton. */
  cartonId: z.uuid(),
  boxTypeId: text(64),
  /** What the scale said, grams. */
  weightG: z.number().int().positive().max(1_000_000),
  trackingNumber: z.string().regex(/^[A-Z]{2}\d{9}[A-Z]{2}$/),
  sscc: z.string().regex(/^\d{18}$/),
  items: z
    .array(z.strictObject({ skuId: text(64), lot: z.string().max(20).nullable(), qty: z.number().int().positive().max(100_000) }))
    .min(1)
    .max(500),
});
export type PackCarton = z.infer<typeof PackCarton>;

/** A lead's badge-and-PIN approval of a weight outside tolerance. */
export const WeightOverride = z.strictObject({
  leadUserId: text(64),
  /** Random, made on the device; the proof covers it, the server accepts each once. */
  nonce: z.uuid(),
  /** Hex HMAC-SHA256(key, `${orderId}:${nonce}`), see override.ts. */
  proof: z.string().regex(/^[0-9a-f]{64}$/),
});
export type WeightOverride = z.infer<typeof WeightOverride>;

/** A label's content: ZPL and PDF are both drawn from this, so they cannot disagree. */
export interface LabelModel {
  shipFrom: Address;
  shipTo: Address;
  carrier: string;
  service: string;
  orderRef: string;
  weightG: number;
  trackingNumber: string;
  /** 18 digits; printed as GS1-128 with AI 00. */
  sscc: string;
  cartonNo: number;
  cartonCount: number;
  /** ISO date the label was made. */
  date: string;
}
