import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../errors';
import { countFromScan, scansForLine, typedQty, type TypedQtyResult, type UnitsResult } from './quantity';

describe('countFromScan', () => {
  it.each<{ name: string; packQty: number; open: number; expected: UnitsResult }>([
    { name: 'a unit barcode counts 1', packQty: 1, open: 5, expected: { ok: true, units: 1 } },
    { name: 'a case counts its pack qty', packQty: 12, open: 30, expected: { ok: true, units: 12 } },
    { name: 'an inner pack that fills the line exactly', packQty: 6, open: 6, expected: { ok: true, units: 6 } },
    { name: 'a case larger than what is open', packQty: 12, open: 5, expected: {
      ok: false, code: ErrorCode.OVER_PICK, message: 'a pack of 12 is worth 12, 7 more than the 5 still open', units: 12, open: 5, over: 7 } },
    { name: 'a unit scan on a line already complete', packQty: 1, open: 0, expected: {
      ok: false, code: ErrorCode.OVER_PICK, message: 'the scan is worth 1, 1 more than the 0 still open', units: 1, open: 0, over: 1 } },
  ])('$name', ({ packQty, open, expected }) => {
    expect(countFromScan({ packQty }, open)).toEqual(expected);
  });
});

describe('typedQty', () => {
  const notNumber = (input: string | number, open: number): TypedQtyResult => ({
    ok: false, code: ErrorCode.QTY_NOT_A_NUMBER, message: `"${String(input)}" is not a whole number of units`, open,
  });
  it.each<{ name: string; input: string | number; open: number; expected: TypedQtyResult }>([
    { name: 'a number within the open qty', input: '40', open: 48, expected: { ok: true, units: 40 } },
    { name: 'exactly the open qty', input: 48, open: 48, expected: { ok: true, units: 48 } },
    { name: 'padding and leading zeros', input: ' 007 ', open: 10, expected: { ok: true, units: 7 } },
    { name: 'one more than open', input: '49', open: 48, expected: {
      ok: false, code: ErrorCode.OVER_PICK, message: 'the quantity typed is worth 49, 1 more than the 48 still open', units: 49, open: 48, over: 1 } },
    { name: 'a huge number', input: 100000, open: 3, expected: {
      ok: false, code: ErrorCode.OVER_PICK, message: 'the quantity typed is worth 100000, 99997 more than the 3 still open', units: 100000, open: 3, over: 99997 } },
    { name: 'zero', input: '0', open: 5, expected: { ok: false, code: ErrorCode.QTY_ZERO, message: 'at least 1 unit: report a short pick for an empty bin', open: 5 } },
    { name: 'zero as a number', input: 0, open: 5, expected: { ok: false, code: ErrorCode.QTY_ZERO, message: 'at least 1 unit: report a short pick for an empty bin', open: 5 } },
    { name: 'empty', input: '', open: 5, expected: notNumber('', 5) },
    { name: 'letters', input: '1O', open: 5, expected: notNumber('1O', 5) },
    { name: 'a decimal', input: '2.5', open: 5, expected: notNumber('2.5', 5) },
    { name: 'a decimal number', input: 2.5, open: 5, expected: notNumber(2.5, 5) },
    { name: 'a negative', input: '-3', open: 5, expected: notNumber('-3', 5) },
    { name: 'a negative number', input: -3, open: 5, expected: notNumber(-3, 5) },
    { name: 'an exponent', input: '1e2', open: 500, expected: notNumber('1e2', 500) },
    { name: 'hex', input: '0x10', open: 500, expected: notNumber('0x10', 500) },
    { name: 'NaN', input: NaN, open: 5, expected: notNumber(NaN, 5) },
    { name: 'Infinity', input: Infinity, open: 5, expected: notNumber(Infinity, 5) },
  ])('$name', ({ input, open, expected }) => {
    expect(typedQty(input, open)).toEqual(expected);
  });
});

describe('scansForLine', () => {
  it.each<{ name: string; qty: number; packs: number[]; expected: number }>([
    { name: 'single unit: bin + item + tote', qty: 1, packs: [], expected: 3 },
    { name: 'single unit with a case barcode on file', qty: 1, packs: [12], expected: 3 },
    { name: 'three units, no packs', qty: 3, packs: [], expected: 5 },
    { name: 'one full case', qty: 12, packs: [12], expected: 3 },
    { name: 'case plus two units', qty: 14, packs: [12], expected: 5 },
    { name: 'case and inner pack', qty: 18, packs: [12, 6], expected: 4 },
    { name: 'greedy would be wrong (4+4 beats 6+1+1)', qty: 8, packs: [6, 4], expected: 4 },
    { name: 'the unit barcode listed too', qty: 2, packs: [1, 1], expected: 4 },
    { name: 'no quantity, nothing to scan', qty: 0, packs: [], expected: 0 },
  ])('$name', ({ qty, packs, expected }) => {
    expect(scansForLine(qty, packs.map((packQty) => ({ packQty })))).toBe(expected);
  });
});
