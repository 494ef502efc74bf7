import { ErrorCode } from '../errors';
import type { SkuBarcode } from '../model';

/**
 * How many units a scan or a typed entry is worth, checked against what is still open.
 *
 * Wiring: client only, before a pick.confirm is written; a refusal is an error tone and
 * nothing is recorded. `openQty` is the open quantity of the current stop (all of its
 * orders at a merged stop, see walk.ts) or of the line. The server needs none of this:
 * pick.confirm already caps at the open quantity and asks for any excess back.
 */

export type OverPick = {
  ok: false;
  code: typeof ErrorCode.OVER_PICK;
  message: string;
  /** What the scan or entry was worth. */
  units: number;
  open: number;
  /** How many units too many: `units - open`. */
  over: number;
};
export type UnitsResult = { ok: true; units: number } | OverPick;
export type TypedQtyResult =
  | { ok: true; units: number }
  | OverPick
  | { ok: false; code: typeof ErrorCode.QTY_NOT_A_NUMBER | typeof ErrorCode.QTY_ZERO; message: string; open: number };

function overPick(units: number, open: number, what: string): OverPick {
  const over = units - Math.max(0, open);
  return {
    ok: false,
    code: ErrorCode.OVER_PICK,
    message: `${what} is worth ${units}, ${over} more than the ${Math.max(0, open)} still open`,
    units,
    open: Math.max(0, open),
    over,
  };
}

/**
 * A unit barcode counts 1; a case or inner-pack barcode counts its pack quantity. A pack
 * that would exceed the open quantity is refused whole: the picker opens it and scans
 * single units, so the tote never holds more than the order asked for.
 */
export function countFromScan(scanMatch: Pick<SkuBarcode, 'packQty'>, openQty: number): UnitsResult {
  const units = scanMatch.packQty;
  if (units > openQty) return overPick(units, openQty, units === 1 ? 'the scan' : `a pack of ${units}`);
  return { ok: true, units };
}

// Digits only: no sign, decimals, exponent or grouping, which a numeric keypad cannot
// produce and which would otherwise parse to something other than what was meant.
const WHOLE = /^[0-9]+$/;

/** A quantity typed for a large line: a whole number from 1 to what is still open. */
export function typedQty(input: string | number, openQty: number): TypedQtyResult {
  const open = Math.max(0, openQty);
  let n: number;
  if (typeof input === 'number') n = input;
  else {
    const text = input.trim();
    n = WHOLE.test(text) ? Number(text) : NaN;
  }
  if (!Number.isInteger(n) || n < 0) {
    return { ok: false, code: ErrorCode.QTY_NOT_A_NUMBER, message: `"${String(input)}" is not a whole number of units`, open };
  }
  if (n === 0) return { ok: false, code: ErrorCode.QTY_ZERO, message: 'at least 1 unit: report a short pick for an empty bin', open };
  if (n > open) return overPick(n, open, 'the quantity typed');
  return { ok: true, units: n };
}

/**
 * The fewest scans that pick a line of `qty` units by scanning alone: one bin scan, the
 * fewest item scans (unit, inner and case barcodes) adding up to exactly `qty` (a pack
 * that overshoots is refused, see countFromScan), one tote scan. The item's own barcode
 * is always there, so any qty can be reached. At a merged stop the bin scan is shared by
 * its lines; the bench counts per line, so it counts the bin on each.
 * A single-unit line: bin + item + tote = 3.
 */
export function scansForLine(qty: number, packBarcodes: readonly Pick<SkuBarcode, 'packQty'>[]): number {
  if (!Number.isInteger(qty) || qty < 1) return 0;
  const packs = [...new Set([1, ...packBarcodes.map((b) => b.packQty)])].filter((p) => Number.isInteger(p) && p >= 1 && p <= qty);
  return 2 + fewestPacks(qty, packs);
}

/** Coin change: greedy is wrong for packs like 1, 4, 6 (qty 8 is 4+4, not 6+1+1). */
function fewestPacks(qty: number, packs: readonly number[]): number {
  const best = new Uint32Array(qty + 1);
  for (let q = 1; q <= qty; q++) {
    let m = q; // q unit scans
    for (const p of packs) if (p <= q && best[q - p]! + 1 < m) m = best[q - p]! + 1;
    best[q] = m;
  }
  return best[qty]!;
}
