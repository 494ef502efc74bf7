import { z } from 'zod';
import { Asn, CONDITIONS, DISCREPANCY_KINDS, IsoDate, Lot, Sscc } from '../inbound/types';

/**
 * The sellers' API for inbound shipments, stock and the event feed (issue 7). Sellers
 * speak in their own SKU codes; the server maps them to SKU ids and checks each belongs
 * to the key's seller. Shapes reuse receiving's (inbound/types.ts) so an ASN made here
 * is exactly what the dock receives.
 */

/** A seller's SKU code as printed in the catalogue (e.g. LUMA-0001). */
export const SkuCode = z.string().regex(/^[A-Za-z0-9_.\-/]{1,64}$/);

const Qty = z.number().int().positive().max(1_000_000);

/** What a line or a carton of an announced shipment holds, by SKU code. */
export const AsnItemInput = z.strictObject({
  sku: SkuCode,
  qty: Qty,
  lot: Lot.nullable().default(null),
  expiry: IsoDate.nullable().default(null),
});
export type AsnItemInput = z.infer<typeof AsnItemInput>;

export const NewAsnBody = z.strictObject({
  reference: Asn.shape.reference,
  /** When the delivery is expected at the dock (ISO 8601 date-time). */
  expectedAt: z.iso.datetime({ offset: true }).nullable().default(null),
  cartons: z
    .array(z.strictObject({ sscc: Sscc, contents: z.array(AsnItemInput).min(1).max(500).optional() }))
    .max(2000)
    .default([]),
  lines: z.array(AsnItemInput).min(1).max(2000),
});
export type NewAsnBody = z.infer<typeof NewAsnBody>;

export const AsnIdParams = z.strictObject({ id: z.string().regex(/^[A-Za-z0-9_.:-]{1,80}$/) });
export const AsnQuery = z.strictObject({ reference: Asn.shape.reference });

const ItemView = z.object({ sku: z.string(), qty: z.number().int(), lot: z.string().nullable(), expiry: z.string().nullable() });

export const ReceiptView = z.object({
  id: z.string(),
  status: z.enum(['open', 'closed']),
  closedAt: z.string().nullable(),
  lines: z.array(
    z.object({
      sku: z.string().nullable(),
      lot: z.string().nullable(),
      expiry: z.string().nullable(),
      qty: z.number().int(),
      condition: z.enum(CONDITIONS),
      cartonSscc: z.string().nullable(),
      reason: z.string().nullable(),
      photoIds: z.array(z.string()),
    }),
  ),
  discrepancies: z.array(
    z.object({
      kind: z.enum(DISCREPANCY_KINDS),
      sku: z.string().nullable(),
      lot: z.string().nullable(),
      cartonSscc: z.string().nullable(),
      expectedQty: z.number().int(),
      receivedQty: z.number().int(),
      /** Units concerned: the difference for over/short, the units for the others. */
      qty: z.number().int(),
      reason: z.string().nullable(),
      photoIds: z.array(z.string()),
    }),
  ),
});

export const AsnView = z.object({
  id: z.string(),
  reference: z.string(),
  status: z.enum(['announced', 'receiving', 'closed']),
  expectedAt: z.string().nullable(),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
  cartons: z.array(z.object({ sscc: z.string(), contents: z.array(ItemView).nullable(), receivedAt: z.string().nullable() })),
  lines: z.array(ItemView.extend({ lineNo: z.number().int() })),
  receipts: z.array(ReceiptView),
});
export type AsnView = z.infer<typeof AsnView>;

export const StockQuery = z.strictObject({
  sku: SkuCode.optional(),
  /** The last SKU code of the previous page. */
  after: SkuCode.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

export const StockRow = z.object({
  sku: z.string(),
  name: z.string(),
  /** Units in the seller's bins (ledger over locations); units already picked into totes or packed cartons are not. */
  onHand: z.number().int(),
  /** Units open pick tasks still have to take from the bins. */
  allocated: z.number().int(),
  /** onHand - allocated, never below 0. */
  available: z.number().int(),
});
export const StockResponse = z.object({ stock: z.array(StockRow), next: z.string().nullable() });

export const FeedQuery = z.strictObject({
  after: z.coerce.number().int().min(0).max(2_147_483_647).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
export const FeedEvent = z.object({ id: z.string(), type: z.string(), payload: z.unknown(), createdAt: z.string(), version: z.number().int() });
export const FeedResponse = z.object({ events: z.array(FeedEvent), next: z.number().int(), more: z.boolean() });
