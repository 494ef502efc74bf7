import { describe, expect, it } from 'vitest';
import { progressOf } from './progress';
import type { ExpectedItem } from './types';

const exp = (skuId: string, qty: number, lot: string | null = null): ExpectedItem => ({ skuId, qty, lot, expiry: null });
const got = (skuId: string, qty: number, lot: string | null = null) => ({ skuId, qty, lot });

describe('progressOf', () => {
  // Rows: [line, skuId, lot, expected, received]
  type Row = [number | null, string, string | null, number, number];
  const rows: [name: string, lines: ExpectedItem[] | null, received: ReturnType<typeof got>[], want: Row[]][] = [
    ['nothing yet', [exp('mug', 3)], [], [[0, 'mug', null, 3, 0]]],
    ['fills its line', [exp('mug', 3)], [got('mug', 2), got('mug', 1)], [[0, 'mug', null, 3, 3]]],
    ['over stays on the line', [exp('mug', 3)], [got('mug', 5)], [[0, 'mug', null, 3, 5]]],
    ['a lot goes to its own line first', [exp('milk', 3, 'L1'), exp('milk', 3, 'L2')], [got('milk', 3, 'L2')], [[0, 'milk', 'L1', 3, 0], [1, 'milk', 'L2', 3, 3]]],
    ['lots compare without case', [exp('milk', 3, 'L1'), exp('milk', 3, 'ab')], [got('milk', 1, 'AB')], [[0, 'milk', 'L1', 3, 0], [1, 'milk', 'ab', 3, 1]]],
    ['then a line with no lot', [exp('milk', 3, 'L1'), exp('milk', 3)], [got('milk', 2, 'L9')], [[0, 'milk', 'L1', 3, 0], [1, 'milk', null, 3, 2]]],
    ['then other lots, then over on the best line', [exp('milk', 2, 'L1'), exp('milk', 2, 'L2')], [got('milk', 5, 'L2')], [[0, 'milk', 'L1', 2, 2], [1, 'milk', 'L2', 2, 3]]],
    ['an unannounced lot counts toward the SKU', [exp('milk', 3, 'L1')], [got('milk', 3, 'L9')], [[0, 'milk', 'L1', 3, 3]]],
    ['unexpected SKUs after the lines, by id', [exp('mug', 1)], [got('zed', 1), got('chair', 2), got('zed', 1)], [[0, 'mug', null, 1, 0], [null, 'chair', null, 0, 2], [null, 'zed', null, 0, 2]]],
    ['blind: one row per SKU', null, [got('mug', 1), got('mug', 2, 'L1')], [[null, 'mug', null, 0, 3]]],
  ];
  it.each(rows)('%s', (_name, lines, received, want) => {
    const p = progressOf(lines ? { lines } : null, received);
    expect(p.map((r) => [r.line, r.skuId, r.lot, r.expected, r.received])).toEqual(want);
  });
});
