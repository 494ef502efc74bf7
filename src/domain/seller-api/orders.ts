import { z } from 'zod';
import { Address, ORDER_STATUSES } from '../packing/types';

/**
 * The sellers' API for orders (issue 7): what a seller's system sends and what it gets
 * back. Field names follow the floor's Address so a created order is an ordinary order.
 */

/** An id or code: printable ASCII without spaces, as the seller's systems use them. */
export const SellerCode = z.string().regex(/^[\x21-\x7e]{1,64}$/, '1-64 printable characters, no spaces');

/** Free text on a label: trimmed, bounded, no control characters (they break label printers). */
const Text = (max: number) =>
  z
    .string()
    .max(max * 4)
    .trim()
    .min(1)
    .max(max)
    .regex(/^[^\p{Cc}\p{Cs}\u2028\u2029\u202a-\u202e\u2066-\u2069]+$/u, 'no control or direction characters');

/** The services the carrier integration knows; the first word names the carrier (packing/weight.ts carrierOf). */
export const SELLER_CARRIER_SERVICES = [
  'UPS Ground',
  'UPS Next Day Air',
  'USPS Priority Mail',
  'USPS Ground Advantage',
  'FedEx Home Delivery',
  'DHL eCommerce',
] as const;

export const SellerShipTo = z.strictObject({
  name: Text(100),
  line1: Text(100),
  line2: z.union([z.literal(''), Text(100)]).optional(),
  city: Text(80),
  region: z.union([z.literal(''), Text(40)]).optional(),
  postalCode: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9 -]{0,14}[A-Za-z0-9]$|^[A-Za-z0-9]$/, '1-16 letters, digits, spaces or dashes'),
  country: z.string().regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2, upper case'),
});

export const SELLER_ORDER_MAX_LINES = 500;
export const SELLER_ORDER_MAX_QTY = 10_000;

export const SellerOrderLineInput = z.strictObject({
  sku: SellerCode,
  qty: z.number().int().min(1).max(SELLER_ORDER_MAX_QTY),
});

/** A time with an explicit offset, normalised to UTC ISO so "…17:00Z" and "…17:00:00.000Z" are the same order. */
const ShipBy = z.iso
  .datetime({ offset: true })
  .transform((s) => new Date(s))
  .refine((d) => d.getUTCFullYear() >= 2000 && d.getUTCFullYear() <= 2100, 'between 2000 and 2100')
  .transform((d) => d.toISOString());

export const NewSellerOrder = z
  .strictObject({
    externalId: SellerCode,
    shipTo: SellerShipTo,
    carrierService: z.enum(SELLER_CARRIER_SERVICES),
    shipBy: ShipBy,
    lines: z.array(SellerOrderLineInput).min(1).max(SELLER_ORDER_MAX_LINES),
  })
  .superRefine((o, ctx) => {
    const seen = new Set<string>();
    o.lines.forEach((l, i) => {
      if (seen.has(l.sku)) ctx.addIssue({ code: 'custom', path: ['lines', i, 'sku'], message: 'one line per SKU' });
      seen.add(l.sku);
    });
  });
export type NewSellerOrder = z.output<typeof NewSellerOrder>;

/**
 * The request in a fixed form for comparing a repeat with the original: fixed key order,
 * trimmed text, UTC times, an optional field absent = empty. Line order counts (it is the line numbering).
 */
export function canonicalSellerOrder(o: NewSellerOrder): string {
  const s = o.shipTo;
  return JSON.stringify([
    o.externalId,
    [s.name, s.line1, s.line2 ?? '', s.city, s.region ?? '', s.postalCode, s.country],
    o.carrierService,
    o.shipBy,
    o.lines.map((l) => [l.sku, l.qty]),
  ]);
}

export const SellerOrderIdParams = z.strictObject({ id: SellerCode });
export const SellerOrderQuery = z.strictObject({ externalId: SellerCode });
/** Cancelling takes no body; an empty object is accepted too. */
export const SellerCancelBody = z.strictObject({}).optional();

export const SellerOrderView = z.object({
  id: z.string(),
  externalId: z.string(),
  status: z.enum(ORDER_STATUSES),
  shipTo: Address,
  carrierService: z.string(),
  shipBy: z.string(),
  createdAt: z.string(),
  packedAt: z.string().nullable(),
  shippedAt: z.string().nullable(),
  lines: z.array(z.object({ lineNo: z.number().int(), sku: z.string(), qty: z.number().int() })),
  /** One per carton once packed; voided labels are left out. */
  cartons: z.array(z.object({ seq: z.number().int(), trackingNumber: z.string(), carrier: z.string(), shipped: z.boolean() })),
});
export type SellerOrderView = z.infer<typeof SellerOrderView>;

export const SellerCancelView = SellerOrderView.extend({ alreadyCancelled: z.boolean() });
