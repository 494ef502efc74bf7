import { describe, expect, it } from 'vitest';
import type { SkuTracking, StockLot } from './allocation';
import { insertInWalkOrder, reallocateShort, type NewStop, type ShortTask } from './reallocation';

const TODAY = '2026-11-24';
const PLAIN: SkuTracking = { lotTracked: false, expiryTracked: false };
const FEFO: SkuTracking = { lotTracked: true, expiryTracked: true };

const task = (p: Partial<ShortTask> = {}): ShortTask => ({
  id: 't1', waveId: 'w1', orderId: 'o1', orderLineId: 'l1', skuId: 'sku-1', locationId: 'A05', qty: 6, pickedQty: 0, ...p,
});
function s(locationId: string, available: number, p: Partial<StockLot> = {}): StockLot {
  return {
    locationId, walkSeq: Number(locationId.slice(1)), locationType: locationId.startsWith('R') ? 'reserve' : 'pick_face',
    lot: null, expiry: null, available, ...p,
  };
}
const stop = (st: NewStop) => `${st.locationId}:${st.lot ?? '-'}:${st.qty}@${st.walkSeq}`;

describe('reallocateShort', () => {
  const cases: {
    name: string; task: ShortTask; found: number; stock: StockLot[]; sku?: SkuTracking; exclude?: string[];
    missing: number; stops: string[]; shortQty: number; counted: boolean;
  }[] = [
    { name: 'full: another pick face covers what is missing', task: task(), found: 2, stock: [s('A05', 10), s('A09', 8)],
      missing: 4, stops: ['A09:-:4@9'], shortQty: 0, counted: true },
    { name: '0 found: the whole open quantity is re-allocated', task: task(), found: 0, stock: [s('A02', 6)],
      missing: 6, stops: ['A02:-:6@2'], shortQty: 0, counted: true },
    { name: 'partial pick earlier: only the open quantity counts', task: task({ pickedQty: 2 }), found: 1, stock: [s('A09', 8)],
      missing: 3, stops: ['A09:-:3@9'], shortQty: 0, counted: true },
    { name: 'partial: what other bins hold, the rest to the lead', task: task(), found: 1, stock: [s('A09', 2), s('R30', 1)],
      missing: 5, stops: ['A09:-:2@9', 'R30:-:1@30'], shortQty: 2, counted: true },
    { name: 'none: no other bin has stock', task: task(), found: 0, stock: [s('A05', 40)],
      missing: 6, stops: [], shortQty: 6, counted: true },
    { name: 'never back to the short bin, whatever lot it holds', sku: FEFO, task: task({ lot: 'L1' }), found: 0,
      stock: [s('A05', 50, { lot: 'L1', expiry: '2027-01-01' }), s('A05', 50, { lot: 'L0', expiry: '2026-12-30' }),
        s('A07', 2, { lot: 'L2', expiry: '2027-05-01' })],
      missing: 6, stops: ['A07:L2:2@7'], shortQty: 4, counted: true },
    { name: 'FEFO and shelf life still apply to the replacement', sku: FEFO, task: task(), found: 3,
      stock: [s('A02', 9, { lot: 'OLD', expiry: '2026-12-01' }), s('R40', 9, { lot: 'L3', expiry: '2027-02-01' }),
        s('A08', 9, { lot: 'L4', expiry: '2027-08-01' })],
      missing: 3, stops: ['R40:L3:3@40'], shortQty: 0, counted: true },
    { name: 'other bins the caller excludes are avoided too', task: task(), found: 0, exclude: ['A09'],
      stock: [s('A09', 10), s('A11', 10)], missing: 6, stops: ['A11:-:6@11'], shortQty: 0, counted: true },
    { name: 'nothing missing: no count, no stops, no exception', task: task(), found: 6, stock: [s('A09', 10)],
      missing: 0, stops: [], shortQty: 0, counted: false },
  ];

  it.each(cases)('$name', (c) => {
    const out = reallocateShort(c.task, c.found, c.stock, { today: TODAY, sku: c.sku ?? PLAIN, excludeLocationIds: c.exclude });
    expect(out.missingQty).toBe(c.missing);
    expect(out.newStops.map(stop)).toEqual(c.stops);
    expect(out.shortQty).toBe(c.shortQty);
    expect(out.newStops.some((x) => x.locationId === c.task.locationId)).toBe(false);
    expect(out.newStops.reduce((n, x) => n + x.qty, 0) + out.shortQty).toBe(c.missing);
    expect(out.countTask).toEqual(
      c.counted ? { locationId: c.task.locationId, skuId: c.task.skuId, reason: 'short_pick', taskId: c.task.id } : null,
    );
    expect(out.exception).toEqual(
      c.shortQty > 0
        ? { type: 'short_pick', waveId: 'w1', taskId: 't1', locationId: c.task.locationId, skuId: 'sku-1', qty: c.shortQty }
        : null,
    );
  });
});

describe('insertInWalkOrder', () => {
  const seqs = (xs: { walkSeq: number; id: string }[]) => xs.map((x) => `${x.id}@${x.walkSeq}`);
  const t = (id: string, walkSeq: number) => ({ id, walkSeq });
  it.each([
    { name: 'between two stops', tasks: [t('a', 10), t('b', 30)], add: [t('n', 20)], want: ['a@10', 'n@20', 'b@30'] },
    { name: 'before all', tasks: [t('a', 10)], add: [t('n', 5)], want: ['n@5', 'a@10'] },
    { name: 'after all', tasks: [t('a', 10)], add: [t('n', 50)], want: ['a@10', 'n@50'] },
    { name: 'after a stop at the same place', tasks: [t('a', 10), t('b', 20)], add: [t('n', 10)], want: ['a@10', 'n@10', 'b@20'] },
    { name: 'several new stops, given out of order', tasks: [t('a', 10), t('b', 30)], add: [t('m', 40), t('n', 20), t('o', 20)],
      want: ['a@10', 'n@20', 'o@20', 'b@30', 'm@40'] },
    { name: 'a skipped stop moved to the end stays there', tasks: [t('a', 10), t('b', 30), t('s', 5)], add: [t('n', 20)],
      want: ['a@10', 'n@20', 'b@30', 's@5'] },
    { name: 'empty wave', tasks: [], add: [t('n', 20)], want: ['n@20'] },
  ])('$name', ({ tasks, add, want }) => {
    const before = seqs(tasks);
    expect(seqs(insertInWalkOrder(tasks, add))).toEqual(want);
    expect(seqs(tasks)).toEqual(before);
  });
});
