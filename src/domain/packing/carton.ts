import type { BoxType, PackConfig } from './types';

/**
 * Carton choice. The rule is deliberately simple and explainable at the bench: enough
 * volume with air (packingFactor), enough weight capacity, and every item fits in at
 * least one orientation. It does not solve 3-D packing; the packer can always pick
 * another box, and boxFit says why a chosen box is too small.
 */

export interface CartonItem {
  lengthMm: number;
  widthMm: number;
  heightMm: number;
  weightG: number;
  qty: number;
}

export type BoxFit =
  | { ok: true }
  | { ok: false; reason: 'volume'; detail: { neededMm3: number; innerMm3: number } }
  | { ok: false; reason: 'weight'; detail: { grossG: number; maxWeightG: number } }
  | { ok: false; reason: 'dimension'; detail: { item: number; itemMm: [number, number, number]; innerMm: [number, number, number] } };

type Box = Pick<BoxType, 'innerLengthMm' | 'innerWidthMm' | 'innerHeightMm' | 'maxWeightG' | 'tareG'>;

const desc = (a: number, b: number, c: number): [number, number, number] => [a, b, c].sort((x, y) => y - x) as [number, number, number];

export const innerVolumeMm3 = (box: Pick<BoxType, 'innerLengthMm' | 'innerWidthMm' | 'innerHeightMm'>): number =>
  box.innerLengthMm * box.innerWidthMm * box.innerHeightMm;

export const itemsVolumeMm3 = (items: readonly CartonItem[]): number =>
  items.reduce((v, i) => v + i.lengthMm * i.widthMm * i.heightMm * i.qty, 0);

export const itemsWeightG = (items: readonly CartonItem[]): number => items.reduce((g, i) => g + i.weightG * i.qty, 0);

/**
 * Whether the items go in this box, and if not the first reason: an item too big in some
 * dimension is the most useful thing to tell the packer, then weight, then volume.
 */
export function boxFit(items: readonly CartonItem[], box: Box, config: Pick<PackConfig, 'packingFactor'>): BoxFit {
  const innerMm = desc(box.innerLengthMm, box.innerWidthMm, box.innerHeightMm);
  for (let n = 0; n < items.length; n++) {
    const it = items[n]!;
    if (it.qty <= 0) continue;
    const itemMm = desc(it.lengthMm, it.widthMm, it.heightMm);
    if (itemMm.some((d, k) => d > innerMm[k]!)) return { ok: false, reason: 'dimension', detail: { item: n, itemMm, innerMm } };
  }
  const grossG = itemsWeightG(items) + box.tareG;
  if (grossG > box.maxWeightG) return { ok: false, reason: 'weight', detail: { grossG, maxWeightG: box.maxWeightG } };
  const neededMm3 = itemsVolumeMm3(items) * config.packingFactor;
  const innerMm3 = innerVolumeMm3(box);
  if (neededMm3 > innerMm3) return { ok: false, reason: 'volume', detail: { neededMm3, innerMm3 } };
  return { ok: true };
}

/** Smallest first by inner volume, then lighter tare, then code, so the choice is stable. */
export function compareBoxes(a: BoxType, b: BoxType): number {
  return innerVolumeMm3(a) - innerVolumeMm3(b) || a.tareG - b.tareG || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

/** The smallest active box the items fit in, or null when none does (or there are no items). */
export function suggestBox(items: readonly CartonItem[], boxes: readonly BoxType[], config: Pick<PackConfig, 'packingFactor'>): BoxType | null {
  if (!items.some((i) => i.qty > 0)) return null;
  const candidates = boxes.filter((b) => b.active).sort(compareBoxes);
  return candidates.find((b) => boxFit(items, b, config).ok) ?? null;
}
