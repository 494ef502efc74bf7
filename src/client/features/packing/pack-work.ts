import { ErrorCode } from '../../../domain/errors';
import { boxFit, suggestBox, type BoxFit, type CartonItem } from '../../../domain/packing/carton';
import { checkWeight, expectedWeightG, weightToleranceG, type WeightCheck } from '../../../domain/packing/weight';
import type { BoxType, PackConfig, PackOrder, WeightOverride } from '../../../domain/packing/types';
import { isOrderComplete, type Verified } from '../../../domain/packing/verify';

/**
 * The bench's work on a tote, as plain data and pure functions: which units went into
 * which carton, each carton's box and weight, and whether an order may be confirmed.
 */

export interface CartonWork {
  id: string;
  /** The box the packer chose; null means the suggested one. */
  boxId: string | null;
  weightG: number | null;
  /** Units per slot of the order's items (same index). */
  units: number[];
}

export interface OrderWork {
  cartons: CartonWork[];
  override: WeightOverride | null;
}

export interface SkuFacts {
  lengthMm: number;
  widthMm: number;
  heightMm: number;
  weightG: number;
}

export const newCarton = (order: PackOrder): CartonWork => ({
  id: crypto.randomUUID(),
  boxId: null,
  weightG: null,
  units: order.items.map(() => 0),
});

export const newWork = (order: PackOrder): OrderWork => ({ cartons: [newCarton(order)], override: null });

/** Units verified per order and slot: the sum over its cartons. */
export function verifiedOf(orders: readonly PackOrder[], work: Readonly<Record<string, OrderWork>>): Verified {
  const out: Record<string, number[]> = {};
  for (const o of orders) {
    const w = work[o.orderId];
    out[o.orderId] = o.items.map((_, slot) => (w ? w.cartons.reduce((n, c) => n + (c.units[slot] ?? 0), 0) : 0));
  }
  return out;
}

/** Adds verified units to the order's open (last) carton. */
export function addUnits(order: PackOrder, work: OrderWork, slot: number, qty: number): OrderWork {
  const cartons = work.cartons.slice();
  const last = cartons[cartons.length - 1]!;
  const units = last.units.slice();
  units[slot] = (units[slot] ?? 0) + qty;
  cartons[cartons.length - 1] = { ...last, units };
  return { ...work, cartons };
}

/**
 * Takes back an empty carton (a "New carton" tapped by mistake, or its units went in
 * the previous box after all). A carton holding units, or the order's only one, stays.
 */
export function removeEmptyCarton(work: OrderWork, cartonId: string): OrderWork {
  const c = work.cartons.find((x) => x.id === cartonId);
  if (!c || work.cartons.length < 2 || c.units.some((u) => u > 0)) return work;
  return { ...work, cartons: work.cartons.filter((x) => x.id !== cartonId) };
}

/** A carton's items with the sizes and weights the carton rules need. */
export function cartonItems(order: PackOrder, carton: CartonWork, skus: ReadonlyMap<string, SkuFacts>): (CartonItem & { skuId: string; lot: string | null })[] {
  return order.items
    .map((it, slot) => {
      const s = skus.get(it.skuId);
      return {
        skuId: it.skuId,
        lot: it.lot,
        qty: carton.units[slot] ?? 0,
        lengthMm: s?.lengthMm ?? 0,
        widthMm: s?.widthMm ?? 0,
        heightMm: s?.heightMm ?? 0,
        weightG: s?.weightG ?? 0,
      };
    })
    .filter((i) => i.qty > 0);
}

export interface CartonCheck {
  box: BoxType | null;
  suggested: BoxType | null;
  fit: BoxFit | null;
  weight: WeightCheck | null;
  expectedG: number | null;
  toleranceG: number | null;
}

export function checkCarton(
  order: PackOrder,
  carton: CartonWork,
  ctx: { skus: ReadonlyMap<string, SkuFacts>; boxes: readonly BoxType[]; config: PackConfig },
): CartonCheck {
  const items = cartonItems(order, carton, ctx.skus);
  const suggested = suggestBox(items, ctx.boxes, ctx.config);
  const box = (carton.boxId ? ctx.boxes.find((b) => b.id === carton.boxId) : suggested) ?? null;
  const fit = box && items.length ? boxFit(items, box, ctx.config) : null;
  const expectedG = box && items.length ? expectedWeightG(items, box) : null;
  const weight = expectedG !== null && carton.weightG !== null ? checkWeight(carton.weightG, expectedG, ctx.config) : null;
  const toleranceG = expectedG === null ? null : weightToleranceG(expectedG, ctx.config);
  return { box, suggested, fit, weight, expectedG, toleranceG };
}

/**
 * Why the order cannot be confirmed yet, first reason first, or null when it can: every
 * unit verified, every carton with contents, a box and a weight within tolerance (or
 * a lead's approval for the order).
 */
export function confirmBlocker(
  order: PackOrder,
  work: OrderWork,
  verified: Verified,
  ctx: { skus: ReadonlyMap<string, SkuFacts>; boxes: readonly BoxType[]; config: PackConfig },
): ErrorCode | 'NOT_VERIFIED' | null {
  if (order.status === 'cancelled') return ErrorCode.ORDER_CANCELLED;
  if (order.status === 'on_hold') return ErrorCode.ORDER_ON_HOLD;
  if (order.status !== 'picked') return ErrorCode.ORDER_ALREADY_PACKED;
  if (!isOrderComplete(order, verified)) return 'NOT_VERIFIED';
  for (const c of work.cartons) {
    if (!c.units.some((u) => u > 0)) return ErrorCode.CARTON_EMPTY;
    const check = checkCarton(order, c, ctx);
    if (!check.box) return ErrorCode.BOX_UNKNOWN;
    if (c.weightG === null || c.weightG <= 0) return ErrorCode.WEIGHT_NOT_POSITIVE;
    if (check.weight && !check.weight.ok && check.weight.reason === 'out_of_tolerance' && !work.override) return ErrorCode.WEIGHT_OUT_OF_TOLERANCE;
  }
  return null;
}

/**
 * A typed weight in grams: "850", "850 g", "0.85 kg", "0,85kg". A bare number with a
 * decimal part is read as kilograms (no scale shows fractions of a gram). Null when it
 * is not a weight. Eight digits or more is a barcode (GTIN, UPC), never a weight typed
 * in grams: a scanner may type one into the focused weight field.
 */
export function parseWeight(text: string): number | null {
  if (/^\s*\d{8,}\s*$/.test(text)) return null;
  const m = /^\s*(\d+(?:[.,]\d+)?)\s*(kg|g)?\s*$/i.exec(text);
  if (!m) return null;
  const n = Number(m[1]!.replace(',', '.'));
  const unit = m[2]?.toLowerCase() ?? (/[.,]/.test(m[1]!) ? 'kg' : 'g');
  const g = Math.round(unit === 'kg' ? n * 1000 : n);
  return Number.isFinite(g) ? g : null;
}
