import { describe, expect, it } from 'vitest';
import { binContents, indexStock, skuWhereabouts, type WhereBalance } from './where';

const w = (locationId: string, skuId: string, qty: number, lot: string | null = null, expiry: string | null = null): WhereBalance => ({ locationId, skuId, lot, expiry, qty });

const W = indexStock([
  w('A1', 'tea', 4, 'L2', '2027-06-01'),
  w('A1', 'tea', 3, 'L1', '2027-01-01'),
  w('A1', 'mug', 5),
  w('C1', 'tea', 10, 'L1', '2027-01-01'),
  w('C1', 'tea', 2, 'L1', '2027-01-01'),
  w('C2', 'tea', 0, 'L3', '2026-12-01'),
  w('C3', 'jam', 1),
  w('C3', 'jam', -1),
  w('D1', 'mug', -2),
]);
/** `bin:sku:lot:qty` per line. */
const short = (ls: readonly WhereBalance[]) => ls.map((l) => `${l.locationId}:${l.skuId}:${l.lot ?? '-'}:${l.qty}`);

describe('binContents', () => {
  it.each([
    { bin: 'A1', want: ['A1:mug:-:5', 'A1:tea:L1:3', 'A1:tea:L2:4'] },
    { bin: 'C1', want: ['C1:tea:L1:12'] },
    { bin: 'C2', want: [] },
    { bin: 'C3', want: [] },
    { bin: 'D1', want: ['D1:mug:-:-2'] },
    { bin: 'NOPE', want: [] },
    { bin: '__proto__', want: [] },
  ])('$bin', ({ bin, want }) => expect(short(binContents(W, bin))).toEqual(want));
});

describe('skuWhereabouts', () => {
  it.each([
    { sku: 'tea', want: ['A1:tea:L1:3', 'C1:tea:L1:12', 'A1:tea:L2:4'], total: 19 },
    { sku: 'mug', want: ['A1:mug:-:5', 'D1:mug:-:-2'], total: 3 },
    { sku: 'jam', want: [], total: 0 },
    { sku: 'constructor', want: [], total: 0 },
  ])('$sku', ({ sku, want, total }) => {
    const r = skuWhereabouts(W, sku);
    expect(short(r.lines)).toEqual(want);
    expect(r.total).toBe(total);
  });
});
