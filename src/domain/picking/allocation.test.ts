import { describe, expect, it } from 'vitest';
import {
  allocate,
  insideShelfLife,
  netOfOpenNeeds,
  shelfLifeCutoff,
  type OpenNeed,
  type Allocation,
  type HeldReason,
  type SkuTracking,
  type StockLot,
} from './allocation';

const TODAY = '2026-11-24';
const FEFO: SkuTracking = { lotTracked: true, expiryTracked: true };
const PLAIN: SkuTracking = { lotTracked: false, expiryTracked: false };
const LOT_ONLY: SkuTracking = { lotTracked: true, expiryTracked: false };

/** A bin's balance; locationId `A05` has walkSeq 5 unless told otherwise. */
function s(locationId: string, available: number, p: Partial<StockLot> = {}): StockLot {
  return {
    locationId, walkSeq: Number(locationId.slice(1)), locationType: locationId.startsWith('R') ? 'reserve' : 'pick_face',
    lot: null, expiry: null, available, ...p,
  };
}
/** Compact form of an allocation for tables: `bin:lot:qty`. */
const short = (a: Allocation) => `${a.locationId}:${a.lot ?? '-'}:${a.qty}`;

describe('shelfLifeCutoff', () => {
  it.each([
    { today: '2026-11-24', days: 30, cutoff: '2026-12-24' },
    { today: '2026-11-24T23:30:00.000Z', days: 30, cutoff: '2026-12-24' },
    { today: '2028-02-01', days: 28, cutoff: '2028-02-29' },
    { today: '2026-12-31', days: 1, cutoff: '2027-01-01' },
    { today: '2026-11-24', days: 0, cutoff: '2026-11-24' },
    { today: '2026-11-24', days: -5, cutoff: '2026-11-24' },
  ])('$today + $days days is $cutoff', ({ today, days, cutoff }) => {
    expect(shelfLifeCutoff(today, days)).toBe(cutoff);
  });

  it.each([
    { expiry: '2026-12-23', inside: true },
    { expiry: '2026-12-24', inside: false },
    { expiry: '2026-12-25', inside: false },
  ])('expiry $expiry inside the window ending 2026-12-24: $inside', ({ expiry, inside }) => {
    expect(insideShelfLife(expiry, '2026-12-24')).toBe(inside);
  });
});

describe('allocate', () => {
  const cases: {
    name: string; sku: SkuTracking; qty: number; stock: StockLot[];
    opts?: { minShelfLifeDays?: number; excludeLocationIds?: string[] };
    want: string[]; shortQty: number; held?: HeldReason[];
  }[] = [
    // FEFO
    { name: 'FEFO takes the earliest expiry even when it is further along the walk', sku: FEFO, qty: 4,
      stock: [s('A01', 10, { lot: 'L2', expiry: '2027-06-01' }), s('A09', 10, { lot: 'L1', expiry: '2027-03-01' })],
      want: ['A09:L1:4'], shortQty: 0 },
    { name: 'FEFO takes reserve before a pick face when reserve expires first', sku: FEFO, qty: 2,
      stock: [s('A01', 10, { lot: 'L2', expiry: '2027-06-01' }), s('R50', 10, { lot: 'L1', expiry: '2027-03-01' })],
      want: ['R50:L1:2'], shortQty: 0 },
    { name: 'FEFO splits across lots in expiry order', sku: FEFO, qty: 12,
      stock: [
        s('A01', 5, { lot: 'L3', expiry: '2027-09-01' }), s('A02', 4, { lot: 'L1', expiry: '2027-03-01' }),
        s('A03', 6, { lot: 'L2', expiry: '2027-04-01' }),
      ],
      want: ['A01:L3:2', 'A02:L1:4', 'A03:L2:6'], shortQty: 0 },
    { name: 'same expiry: pick face before reserve', sku: FEFO, qty: 3,
      stock: [s('R02', 10, { lot: 'L1', expiry: '2027-03-01' }), s('A40', 10, { lot: 'L2', expiry: '2027-03-01' })],
      want: ['A40:L2:3'], shortQty: 0 },
    { name: 'same expiry and type: walk order', sku: FEFO, qty: 3,
      stock: [s('A07', 10, { lot: 'L1', expiry: '2027-03-01' }), s('A03', 10, { lot: 'L2', expiry: '2027-03-01' })],
      want: ['A03:L2:3'], shortQty: 0 },
    { name: 'same expiry, type and bin: lot order', sku: FEFO, qty: 3,
      stock: [s('A03', 10, { lot: 'LB', expiry: '2027-03-01' }), s('A03', 10, { lot: 'LA', expiry: '2027-03-01' })],
      want: ['A03:LA:3'], shortQty: 0 },
    // shelf life: expiry < today + days is inside the window
    { name: 'expiry one day inside the 30-day window is never allocated', sku: FEFO, qty: 2,
      stock: [s('A01', 10, { lot: 'OLD', expiry: '2026-12-23' }), s('A02', 10, { lot: 'NEW', expiry: '2027-03-01' })],
      want: ['A02:NEW:2'], shortQty: 0, held: ['inside_shelf_life'] },
    { name: 'expiry exactly on today + 30 is allocated', sku: FEFO, qty: 2,
      stock: [s('A01', 10, { lot: 'EDGE', expiry: '2026-12-24' }), s('A02', 10, { lot: 'NEW', expiry: '2027-03-01' })],
      want: ['A01:EDGE:2'], shortQty: 0 },
    { name: 'a seller window of 60 days holds a lot 30 days would allow', sku: FEFO, qty: 2, opts: { minShelfLifeDays: 60 },
      stock: [s('A01', 10, { lot: 'EDGE', expiry: '2026-12-24' })],
      want: [], shortQty: 2, held: ['inside_shelf_life'] },
    { name: 'already expired stock is held', sku: FEFO, qty: 1,
      stock: [s('A01', 10, { lot: 'GONE', expiry: '2026-01-01' })], want: [], shortQty: 1, held: ['inside_shelf_life'] },
    { name: 'expiry-tracked stock without an expiry is held', sku: FEFO, qty: 1,
      stock: [s('A01', 10, { lot: 'L1', expiry: null })], want: [], shortQty: 1, held: ['no_expiry'] },
    { name: 'lot-tracked stock without a lot is held', sku: LOT_ONLY, qty: 1,
      stock: [s('A01', 10, { lot: null }), s('A02', 10, { lot: 'L9' })], want: ['A02:L9:1'], shortQty: 0, held: ['no_lot'] },
    // not tracked: pick faces first, fewest stops
    { name: 'one pick face that holds it all beats an earlier one that does not', sku: PLAIN, qty: 5,
      stock: [s('A01', 3), s('A02', 8), s('A03', 9)], want: ['A02:-:5'], shortQty: 0 },
    { name: 'pick faces before reserve even when reserve is earlier in the walk', sku: PLAIN, qty: 5,
      stock: [s('R01', 50), s('A20', 5)], want: ['A20:-:5'], shortQty: 0 },
    { name: 'pick faces emptied first, the rest from reserve', sku: PLAIN, qty: 10,
      stock: [s('R01', 50), s('A20', 4), s('A30', 3)], want: ['R01:-:3', 'A20:-:4', 'A30:-:3'], shortQty: 0 },
    { name: 'split takes the fullest bin then the first that covers the rest', sku: PLAIN, qty: 10,
      stock: [s('A01', 2), s('A02', 5), s('A03', 6), s('A04', 4)], want: ['A02:-:4', 'A03:-:6'], shortQty: 0 },
    { name: 'lot-only SKU: walk order, lots kept apart', sku: LOT_ONLY, qty: 6,
      stock: [s('A05', 4, { lot: 'L2' }), s('A05', 4, { lot: 'L1' })], want: ['A05:L1:4', 'A05:L2:2'], shortQty: 0 },
    // what is never allocated
    { name: 'not enough anywhere: all there is, and the rest short', sku: PLAIN, qty: 10,
      stock: [s('A01', 3), s('R02', 2)], want: ['A01:-:3', 'R02:-:2'], shortQty: 5 },
    { name: 'excluded bins, docks and damaged bins are never allocated', sku: PLAIN, qty: 4,
      opts: { excludeLocationIds: ['A01'] },
      stock: [s('A01', 10), s('D02', 10, { locationType: 'damaged' }), s('K03', 10, { locationType: 'receiving_dock' }), s('A04', 1)],
      want: ['A04:-:1'], shortQty: 3, held: ['excluded', 'not_pickable', 'not_pickable'] },
    { name: 'empty and negative balances are ignored', sku: PLAIN, qty: 2,
      stock: [s('A01', 0), s('A02', -3), s('A03', 2)], want: ['A03:-:2'], shortQty: 0 },
    { name: 'duplicate rows of one balance add up', sku: FEFO, qty: 5,
      stock: [s('A01', 3, { lot: 'L1', expiry: '2027-03-01' }), s('A01', 2, { lot: 'L1', expiry: '2027-03-01T00:00:00Z' })],
      want: ['A01:L1:5'], shortQty: 0 },
    { name: 'nothing asked, nothing allocated', sku: PLAIN, qty: 0, stock: [s('A01', 3)], want: [], shortQty: 0 },
  ];

  it.each(cases)('$name', (c) => {
    const out = allocate({ skuId: 'sku-1', qty: c.qty }, c.sku, c.stock, { today: TODAY, ...c.opts });
    expect(out.allocations.map(short)).toEqual(c.want);
    expect(out.shortQty).toBe(c.shortQty);
    expect(out.held.map((h) => h.reason)).toEqual(c.held ?? []);
    // Never more than asked, never more than a bin holds, always in walk order.
    expect(out.allocations.reduce((n, a) => n + a.qty, 0) + out.shortQty).toBe(c.qty);
    const seqs = out.allocations.map((a) => a.walkSeq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
  });

  it('is deterministic: the order stock arrives in does not matter', () => {
    const stock = [
      s('A03', 4, { lot: 'L2', expiry: '2027-03-01' }), s('R01', 9, { lot: 'L1', expiry: '2027-03-01' }),
      s('A02', 4, { lot: 'L3', expiry: '2027-03-01' }), s('A02', 4, { lot: 'L0', expiry: '2027-02-01' }),
    ];
    const first = allocate({ skuId: 'x', qty: 15 }, FEFO, stock, { today: TODAY });
    const again = allocate({ skuId: 'x', qty: 15 }, FEFO, [...stock].reverse(), { today: TODAY });
    expect(again).toEqual(first);
    expect(first.allocations.map(short)).toEqual(['R01:L1:3', 'A02:L0:4', 'A02:L3:4', 'A03:L2:4']);
  });
});

describe('netOfOpenNeeds', () => {
  const lots = () => [
    s('A01', 5, { lot: 'L2', expiry: '2027-06-01' }),
    s('A01', 3, { lot: 'L1', expiry: '2027-03-01' }),
    s('A02', 4),
  ];
  const n = (id: string, locationId: string, need: number, lot: string | null = null): OpenNeed => ({ id, locationId, lot, need });
  const free = (l: StockLot[]) => l.map((x) => `${x.locationId}:${x.lot ?? '-'}:${x.available}`).join(' ');
  it.each([
    ['nothing open leaves every lot free', [], 'A01:L2:5 A01:L1:3 A02:-:4'],
    ['a task without a lot takes its bin first-expiry-first', [n('t1', 'A01', 4)], 'A01:L2:4 A01:L1:0 A02:-:4'],
    ['a task with a lot takes only that lot', [n('t1', 'A01', 2, 'L2')], 'A01:L2:3 A01:L1:3 A02:-:4'],
    ['the short task itself is not netted', [n('short', 'A01', 8)], 'A01:L2:5 A01:L1:3 A02:-:4'],
    ['needs beyond the stock stop at zero', [n('t1', 'A02', 9)], 'A01:L2:5 A01:L1:3 A02:-:0'],
    ['needs add up across tasks', [n('t1', 'A01', 2), n('t2', 'A01', 2)], 'A01:L2:4 A01:L1:0 A02:-:4'],
  ])('%s', (_name, needs, expected) => {
    expect(free(netOfOpenNeeds(lots(), needs, 'short'))).toBe(expected);
  });
});
