import { ErrorCode } from '../errors';
import type { ScanResult } from '../scan/normalise';
import { DEFAULT_MIN_SHELF_LIFE_DAYS, insideShelfLife, shelfLifeCutoff } from './allocation';

/**
 * The lot a picker scans against the lot allocated (issue 4). A different lot is taken
 * instead only when it expires no later, is outside the seller's minimum shelf life and
 * the bin has it; the allocation then follows the units in the hand.
 *
 * Wiring: the client calls `checkLotScan` at the lot step to refuse or swap at once (a
 * refusal records nothing). The pick command then carries the lot picked, and the server
 * runs the same check against its ledger: it confirms the swap (moving the allocation and
 * the stock movement to that lot) or rejects the pick with the same code.
 */

export interface AllocatedLot {
  lot: string;
  expiry: string | null;
}

export interface ScannedLot {
  lot: string;
  /** The date printed on the unit (GS1 AI 17 or 15), when the scan carried one. */
  expiry?: string | null;
}

/** The ledger's balance of the scanned lot in this bin, or null when it holds none. */
export interface BinLotStock {
  lot: string;
  expiry: string | null;
  available: number;
}

export interface LotCheckOptions {
  today: string;
  minShelfLifeDays?: number;
}

export type LotRefusalCode =
  | typeof ErrorCode.LOT_MISMATCH
  | typeof ErrorCode.LOT_EXPIRES_LATER
  | typeof ErrorCode.LOT_INSIDE_SHELF_LIFE
  | typeof ErrorCode.LOT_UNKNOWN;

export type LotCheck =
  | { ok: true; swap: null | { from: string; to: string; expiry: string | null } }
  /** `expected` and `lot` fill the message: the picker is told which lot to take. */
  | { ok: false; code: LotRefusalCode; expected: string; lot: string; expiry: string | null };

/**
 * Lot codes are compared without surrounding blanks and without case: suppliers do not
 * tell lots apart by case, and a wedge with caps lock on flips it.
 */
export function sameLot(a: string, b: string): boolean {
  return a.trim().toUpperCase() === b.trim().toUpperCase();
}

const day = (s: string) => s.slice(0, 10);

/**
 * Null expiry on the allocated lot means the SKU tracks lots but not expiry: nothing
 * expires, so any lot the bin holds "expires no later" and may be swapped in (the lot is
 * still recorded, which is what lot tracking is for).
 */
export function checkLotScan(
  allocated: AllocatedLot,
  scanned: ScannedLot,
  stockOfScannedLot: BinLotStock | null,
  opts: LotCheckOptions,
): LotCheck {
  if (sameLot(allocated.lot, scanned.lot)) return { ok: true, swap: null };
  const refuse = (code: LotRefusalCode, expiry: string | null = null): LotCheck => ({
    ok: false, code, expected: allocated.lot, lot: scanned.lot.trim(), expiry,
  });
  const stock = stockOfScannedLot;
  if (!stock || !sameLot(stock.lot, scanned.lot) || stock.available <= 0) return refuse(ErrorCode.LOT_UNKNOWN);

  // The label and the ledger may disagree; the lot must pass on every date known for it.
  const dates = [stock.expiry, scanned.expiry ?? null].filter((d): d is string => d !== null).map(day);
  if (allocated.expiry !== null) {
    if (dates.length === 0) return refuse(ErrorCode.LOT_MISMATCH);
    const latest = dates.reduce((a, b) => (a > b ? a : b));
    if (latest > day(allocated.expiry)) return refuse(ErrorCode.LOT_EXPIRES_LATER, latest);
  }
  const cutoff = shelfLifeCutoff(opts.today, opts.minShelfLifeDays ?? DEFAULT_MIN_SHELF_LIFE_DAYS);
  const soonest = dates.find((d) => insideShelfLife(d, cutoff));
  if (soonest !== undefined) return refuse(ErrorCode.LOT_INSIDE_SHELF_LIFE, soonest);
  // The ledger's spelling and date: the movement must land on the balance it came from.
  return { ok: true, swap: { from: allocated.lot, to: stock.lot, expiry: stock.expiry } };
}

/** A lot read from a scan, with the unit's GTIN when the label carried one. */
export interface LotFromScan {
  lot: string;
  expiry: string | null;
  gtin14: string | null;
}

/**
 * The lot in a scan: GS1 AI 10 (with the unit's expiry, AI 17, or its best-before date,
 * AI 15, which is the only date many food labels print), or a plain lot label read as
 * text. A GTIN without a lot, a logistic unit (SSCC) and refused scans carry no lot. Check
 * the GTIN against the SKU with `scanMatchesSku` before trusting the lot.
 */
export function lotFromScan(scan: ScanResult): LotFromScan | null {
  switch (scan.kind) {
    case 'gtin':
    case 'gs1': {
      const lot = scan.gs1?.lot?.trim();
      if (!lot) return null;
      return {
        lot,
        expiry: scan.gs1?.expiry ?? scan.gs1?.bestBefore ?? null,
        gtin14: scan.kind === 'gtin' ? scan.gtin14 : null,
      };
    }
    case 'code': {
      const lot = scan.text.trim();
      return lot ? { lot, expiry: null, gtin14: null } : null;
    }
    default:
      return null;
  }
}
