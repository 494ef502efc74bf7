import type { BoxType, PackConfig } from './types';

/** Expected gross weight of a carton: its items plus the box's tare, grams. */
export function expectedWeightG(items: readonly { weightG: number; qty: number }[], box: Pick<BoxType, 'tareG'>): number {
  return items.reduce((g, i) => g + i.weightG * i.qty, 0) + box.tareG;
}

/** The allowed difference: the larger of a share of the expected weight and a floor. */
export function weightToleranceG(expectedG: number, config: Pick<PackConfig, 'weightTolerancePct' | 'weightToleranceMinG'>): number {
  return Math.max(Math.round((expectedG * config.weightTolerancePct) / 100), config.weightToleranceMinG);
}

export type WeightCheck =
  | { ok: true; expectedG: number; diffG: number; toleranceG: number }
  | { ok: false; reason: 'not_positive' | 'out_of_tolerance'; expectedG: number; diffG: number; toleranceG: number };

/** Compares a measured weight with the expected one; a difference equal to the tolerance passes. */
export function checkWeight(
  measuredG: number,
  expectedG: number,
  config: Pick<PackConfig, 'weightTolerancePct' | 'weightToleranceMinG'>,
): WeightCheck {
  const toleranceG = weightToleranceG(expectedG, config);
  const diffG = measuredG - expectedG;
  if (!Number.isFinite(measuredG) || measuredG <= 0) return { ok: false, reason: 'not_positive', expectedG, diffG, toleranceG };
  if (Math.abs(diffG) > toleranceG) return { ok: false, reason: 'out_of_tolerance', expectedG, diffG, toleranceG };
  return { ok: true, expectedG, diffG, toleranceG };
}

/** The carrier a service belongs to ("UPS Ground" -> "UPS"): pallets at the dock are per carrier. */
export function carrierOf(service: string): string {
  return service.trim().split(/\s+/)[0] ?? service;
}
