import { ErrorCode } from '../errors';
import { scanMatchesSku, type ScanResult } from '../scan/normalise';
import type { PackItem, PackOrder } from './types';

/**
 * The last check before a customer sees the parcel: every unit in the tote is scanned
 * against what was picked for its order. A scan that matches nothing still open is
 * refused with a code and changes nothing; the caller records only `ok` answers.
 */

/** What verification needs to know about a SKU: its codes, for matching a scan. */
export interface VerifySku {
  id: string;
  code: string;
  barcodes: readonly { value: string; kind: string; packQty: number }[];
}

/** Units verified so far: per order, one count per entry of `order.items` (same index). */
export type Verified = Readonly<Record<string, readonly number[]>>;

export type VerifyResult =
  | {
      ok: true;
      orderId: string;
      orderRef: string;
      /** Index into the order's items. */
      slot: number;
      skuId: string;
      lot: string | null;
      /** Units this scan counts (a pack barcode counts its packQty). */
      qty: number;
      /** Whether the order has every unit verified after this scan. */
      orderComplete: boolean;
    }
  | { ok: false; code: ErrorCode; orderId?: string };

/** Orders still to be verified; the others only explain a refusal. */
export const isOpenForPacking = (o: Pick<PackOrder, 'status'>): boolean => o.status === 'picked';

/** Why an order that holds the scanned item cannot take it. */
function closedCode(o: PackOrder): ErrorCode {
  if (o.status === 'cancelled') return ErrorCode.ORDER_CANCELLED;
  if (o.status === 'on_hold') return ErrorCode.ORDER_ON_HOLD;
  if (o.status === 'packed' || o.status === 'shipped') return ErrorCode.ORDER_ALREADY_PACKED;
  return ErrorCode.ORDER_ON_HOLD;
}

const countOf = (verified: Verified, orderId: string, slot: number): number => verified[orderId]?.[slot] ?? 0;

/** Units still to scan for one order: its items less what was verified, zero rows left out. */
export function missingOf(order: PackOrder, verified: Verified): (PackItem & { slot: number })[] {
  return order.items
    .map((it, slot) => ({ ...it, slot, qty: it.qty - countOf(verified, order.orderId, slot) }))
    .filter((it) => it.qty > 0);
}

export function isOrderComplete(order: PackOrder, verified: Verified): boolean {
  return missingOf(order, verified).length === 0;
}

/**
 * Which order and slot a scan belongs to. `prefer` is the order the packer is on: when
 * two orders of the tote want the same item, it goes there first; otherwise orders are
 * tried in the tote's order. A scanned lot must be one picked for the item.
 */
export function verifyScan(
  orders: readonly PackOrder[],
  verified: Verified,
  scan: ScanResult,
  skus: ReadonlyMap<string, VerifySku>,
  prefer: string | null = null,
): VerifyResult {
  if (scan.kind === 'invalid') return { ok: false, code: scan.code as ErrorCode };
  if (scan.kind === 'empty') return { ok: false, code: ErrorCode.UNKNOWN_BARCODE };
  const lot = scan.kind === 'gtin' ? (scan.gs1?.lot ?? null) : null;
  const ranked = prefer ? [...orders].sort((a, b) => Number(b.orderId === prefer) - Number(a.orderId === prefer)) : [...orders];

  // Every (order, slot) whose SKU the scan names.
  const hits: { order: PackOrder; slot: number; packQty: number }[] = [];
  for (const order of ranked) {
    order.items.forEach((it, slot) => {
      const sku = skus.get(it.skuId);
      const m = sku ? scanMatchesSku(scan, sku) : null;
      if (m) hits.push({ order, slot, packQty: m.packQty });
    });
  }
  if (!hits.length) return { ok: false, code: ErrorCode.ITEM_NOT_IN_TOTE };

  const lotHits = lot === null ? hits : hits.filter((h) => h.order.items[h.slot]!.lot === null || sameLot(h.order.items[h.slot]!.lot, lot));
  if (!lotHits.length) return { ok: false, code: ErrorCode.LOT_MISMATCH };

  const open = lotHits.filter((h) => isOpenForPacking(h.order));
  if (!open.length) {
    const first = lotHits[0]!.order;
    return { ok: false, code: closedCode(first), orderId: first.orderId };
  }
  const fits = open.find((h) => h.order.items[h.slot]!.qty - countOf(verified, h.order.orderId, h.slot) >= h.packQty);
  if (!fits) return { ok: false, code: ErrorCode.ITEM_ALREADY_VERIFIED };

  const { order, slot, packQty } = fits;
  const item = order.items[slot]!;
  const after: Verified = { ...verified, [order.orderId]: bump(order, verified, slot, packQty) };
  return {
    ok: true,
    orderId: order.orderId,
    orderRef: order.orderRef,
    slot,
    skuId: item.skuId,
    lot: item.lot,
    qty: packQty,
    orderComplete: isOrderComplete(order, after),
  };
}

function sameLot(a: string | null, b: string): boolean {
  return a !== null && a.trim().toUpperCase() === b.trim().toUpperCase();
}

function bump(order: PackOrder, verified: Verified, slot: number, qty: number): number[] {
  const counts = order.items.map((_, i) => countOf(verified, order.orderId, i));
  counts[slot] = counts[slot]! + qty;
  return counts;
}

/** The verified counts after an accepted scan (pure: returns a new record). */
export function applyVerified(orders: readonly PackOrder[], verified: Verified, r: Extract<VerifyResult, { ok: true }>): Verified {
  const order = orders.find((o) => o.orderId === r.orderId);
  if (!order) return verified;
  return { ...verified, [r.orderId]: bump(order, verified, r.slot, r.qty) };
}
