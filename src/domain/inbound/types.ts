import { z } from 'zod';
import type { StockMovement } from '../model';
import { isValidSscc } from '../packing/numbers';

/**
 * Receiving shapes shared by device and server (issue 6). The dock works offline: a
 * seller's announced shipment (ASN) and the receipt the clerk builds against it travel
 * as these shapes, and closing derives the ledger, discrepancies and putaway from them.
 *
 * Strings that people type or sellers send are bounded and free of control characters:
 * they end up on labels, in the seller's event feed and in the lead's screens.
 */

// Control characters, lone surrogates, line separators and bidi overrides (text that lies about its order).
const CONTROL = /[\p{Cc}\p{Cs}\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;
const plain = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .refine((s) => !CONTROL.test(s) && s.trim() === s, 'control characters or surrounding blanks');

/** Ids are made by devices and servers (UUIDs, `mutation:index`): no blanks, no markup. */
export const Id = z.string().regex(/^[A-Za-z0-9_.:-]{1,80}$/);

/** Lot (GS1 AI 10): up to 20 printable ASCII characters, no blanks. Typed lots follow the same rule. */
export const Lot = z.string().regex(/^[!-~]{1,20}$/);

/** A calendar date, yyyy-mm-dd, that exists. */
export const IsoDate = z.string().refine((s) => isIsoDate(s), 'not a calendar date (yyyy-mm-dd)');

export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

export const Sscc = z.string().refine((s) => isValidSscc(s), 'not an SSCC (18 digits, GS1 check digit)');

const Qty = z.number().int().positive().max(1_000_000);

/** What a carton or a line of an ASN holds. Lot and expiry where the seller tracks them. */
export const ExpectedItem = z.object({
  skuId: Id,
  qty: Qty,
  lot: Lot.nullable().default(null),
  expiry: IsoDate.nullable().default(null),
});
export type ExpectedItem = z.infer<typeof ExpectedItem>;

export const AsnCarton = z.object({
  sscc: Sscc,
  /** Declared contents; absent when the seller did not say (the carton must be opened). */
  contents: z.array(ExpectedItem).max(500).optional(),
});
export type AsnCarton = z.infer<typeof AsnCarton>;

export const ASN_STATUSES = ['announced', 'receiving', 'closed'] as const;
export type AsnStatus = (typeof ASN_STATUSES)[number];

/** An inbound shipment announced by a seller. */
export const Asn = z.object({
  id: Id,
  sellerId: Id,
  /** Printed on the delivery's paperwork and scanned at the dock. */
  reference: z.string().regex(/^[A-Za-z0-9_.\-/]{1,40}$/),
  cartons: z.array(AsnCarton).max(2000),
  lines: z.array(ExpectedItem).min(1).max(2000),
  status: z.enum(ASN_STATUSES),
});
export type Asn = z.infer<typeof Asn>;

export const CONDITIONS = ['ok', 'damaged'] as const;
export type Condition = (typeof CONDITIONS)[number];

export const Reason = plain(500);
export const PhotoIds = z.array(Id).max(20);

/** Units of one SKU (lot, expiry) as received, from one carton, in one condition. */
export const ReceiptLine = z.object({
  skuId: Id,
  lot: Lot.nullable(),
  expiry: IsoDate.nullable(),
  qty: Qty,
  cartonSscc: Sscc.nullable().default(null),
  condition: z.enum(CONDITIONS),
  /** Why it is damaged (required for damaged units). */
  reason: Reason.nullable().default(null),
  /** Photos taken with the device camera; one or more for damaged units. */
  photoIds: PhotoIds.default([]),
});
export type ReceiptLine = z.infer<typeof ReceiptLine>;

export const DISCREPANCY_KINDS = ['over', 'short', 'damaged', 'wrong_item', 'unexpected_sku'] as const;
export type DiscrepancyKind = (typeof DISCREPANCY_KINDS)[number];

/**
 * What the clerk says about a discrepancy: the reason for an over or short line, a wrong
 * item found in a carton (with photos). Closing attaches them to what it derives.
 */
export const DiscrepancyNote = z.object({
  kind: z.enum(DISCREPANCY_KINDS),
  skuId: Id.nullable(),
  cartonSscc: Sscc.nullable().default(null),
  reason: Reason,
  photoIds: PhotoIds.default([]),
});
export type DiscrepancyNote = z.infer<typeof DiscrepancyNote>;

export const RECEIPT_STATUSES = ['open', 'closed'] as const;

/** A receipt against an ASN, or blind (`asnId` null) against a seller. */
export const Receipt = z.object({
  id: Id,
  asnId: Id.nullable(),
  sellerId: Id,
  status: z.enum(RECEIPT_STATUSES),
  lines: z.array(ReceiptLine).max(5000),
  notes: z.array(DiscrepancyNote).max(500).default([]),
});
export type Receipt = z.infer<typeof Receipt>;

/** How a seller's deliveries are received (set by an admin). */
export const SellerReceivingRules = z.object({
  /** Unopened cartons with declared contents may be accepted whole by their SSCC. */
  trusted: z.boolean(),
  /** Stock with fewer days than this before expiry is flagged at the dock. */
  minShelfLifeDays: z.number().int().min(0).max(3650),
});
export type SellerReceivingRules = z.infer<typeof SellerReceivingRules>;

/** A discrepancy as sent to the seller's event feed. */
export interface Discrepancy {
  id: string;
  kind: DiscrepancyKind;
  skuId: string | null;
  lot: string | null;
  cartonSscc: string | null;
  expectedQty: number;
  receivedQty: number;
  /** Units concerned: the difference for over/short, the units for the others. */
  qty: number;
  reason: string | null;
  photoIds: string[];
}

/** The ledger's 'receive' movement. */
export type ReceiveMovement = StockMovement & { reason: 'receive' };

/** A putaway task to create; the destination is suggested later (pick face or reserve), damaged stock goes to a damaged bin. */
export interface PutawayStub {
  id: string;
  skuId: string;
  lot: string | null;
  expiry: string | null;
  qty: number;
  condition: Condition;
  fromLocationId: string;
  /** 'damaged' for damaged units; null: suggest a pick face or reserve bin. */
  toLocationType: 'damaged' | null;
}

/** Expected against received, per ASN line (and per unexpected SKU, expected 0). */
export interface LineProgress {
  /** Index into the ASN's lines; null for a SKU the ASN did not announce. */
  line: number | null;
  skuId: string;
  lot: string | null;
  expected: number;
  received: number;
}
