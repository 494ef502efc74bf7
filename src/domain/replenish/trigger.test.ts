import { describe, expect, it } from 'vitest';
import { chooseReserve, decideFace, needsReserve, replenishQty, type FaceState, type ReserveLot } from './trigger';

const face = (over: Partial<FaceState> = {}): FaceState => ({
  locationId: 'A1', skuId: 'S1', onHand: 3, min: 5, max: 20, casePack: 1, active: null, ...over,
});
const lot = (over: Partial<ReserveLot> = {}): ReserveLot => ({ locationId: 'C1', lot: null, expiry: null, qty: 50, walkSeq: 100, ...over });

describe('decideFace', () => {
  const cases: { name: string; face: FaceState; lots: ReserveLot[]; want: ReturnType<typeof decideFace> }[] = [
    { name: 'at the minimum: nothing', face: face({ onHand: 5 }), lots: [lot()], want: { kind: 'none' } },
    { name: 'minimum 0 turns it off', face: face({ onHand: -2, min: 0 }), lots: [lot()], want: { kind: 'none' } },
    { name: 'below: an open task to the fill-to level', face: face(), lots: [lot()], want: { kind: 'create', status: 'open', from: lot(), qty: 17 } },
    { name: 'below zero counts as empty', face: face({ onHand: -4 }), lots: [lot()], want: { kind: 'create', status: 'open', from: lot(), qty: 20 } },
    { name: 'capped by the reserve bin', face: face(), lots: [lot({ qty: 6 })], want: { kind: 'create', status: 'open', from: lot({ qty: 6 }), qty: 6 } },
    { name: 'whole cases, rounded up', face: face({ casePack: 12 }), lots: [lot()], want: { kind: 'create', status: 'open', from: lot(), qty: 24 } },
    { name: 'no reserve: no_stock', face: face(), lots: [], want: { kind: 'create', status: 'no_stock', from: null, qty: 17 } },
    { name: 'empty reserve lots are no stock', face: face(), lots: [lot({ qty: 0 }), lot({ qty: -3 })], want: { kind: 'create', status: 'no_stock', from: null, qty: 17 } },
    { name: 'an open task holds the crossing', face: face({ active: { id: 'r1', status: 'open' } }), lots: [lot()], want: { kind: 'none' } },
    { name: 'no_stock with reserve now: upgrade', face: face({ active: { id: 'r1', status: 'no_stock' } }), lots: [lot()], want: { kind: 'upgrade', taskId: 'r1', from: lot(), qty: 17 } },
    { name: 'no_stock still without reserve: nothing', face: face({ active: { id: 'r1', status: 'no_stock' } }), lots: [], want: { kind: 'none' } },
    { name: 'no_stock and back at the minimum: close', face: face({ onHand: 9, active: { id: 'r1', status: 'no_stock' } }), lots: [], want: { kind: 'close', taskId: 'r1' } },
    { name: 'open task and back at the minimum: stays', face: face({ onHand: 9, active: { id: 'r1', status: 'open' } }), lots: [], want: { kind: 'none' } },
  ];
  for (const c of cases) it(c.name, () => expect(decideFace(c.face, c.lots)).toEqual(c.want));
});

describe('needsReserve', () => {
  const cases: [string, FaceState, boolean][] = [
    ['above', face({ onHand: 6 }), false],
    ['below, no task', face(), true],
    ['below, open task', face({ active: { id: 'r', status: 'open' } }), false],
    ['below, no_stock task: only when stock arrives', face({ active: { id: 'r', status: 'no_stock' } }), false],
  ];
  for (const [name, f, want] of cases) it(name, () => expect(needsReserve(f)).toBe(want));
});

describe('chooseReserve (FEFO)', () => {
  const cases: { name: string; lots: ReserveLot[]; want: string | null }[] = [
    { name: 'nothing held', lots: [], want: null },
    { name: 'earliest expiry first', lots: [lot({ locationId: 'late', expiry: '2030-01-01', qty: 99 }), lot({ locationId: 'early', expiry: '2027-01-01', qty: 1 })], want: 'early' },
    { name: 'no expiry goes last', lots: [lot({ locationId: 'none', expiry: null, qty: 99 }), lot({ locationId: 'dated', expiry: '2029-01-01', qty: 1 })], want: 'dated' },
    { name: 'then the most stock', lots: [lot({ locationId: 'small', qty: 5 }), lot({ locationId: 'big', qty: 50 })], want: 'big' },
    { name: 'then walk order', lots: [lot({ locationId: 'far', walkSeq: 900 }), lot({ locationId: 'near', walkSeq: 10 })], want: 'near' },
    { name: 'skips empty lots', lots: [lot({ locationId: 'empty', expiry: '2026-01-01', qty: 0 }), lot({ locationId: 'full', expiry: '2030-01-01' })], want: 'full' },
  ];
  for (const c of cases) it(c.name, () => expect(chooseReserve(c.lots)?.locationId ?? null).toBe(c.want));
});

describe('replenishQty', () => {
  const cases: [string, [number, number, number, number], number][] = [
    ['fill to max', [2, 20, 1, 100], 18],
    ['negative on hand counts as 0', [-5, 20, 1, 100], 20],
    ['at least one unit', [25, 20, 1, 100], 1],
    ['cases rounded up', [2, 20, 6, 100], 18],
    ['cases rounded up past max', [3, 20, 6, 100], 18],
    ['cases rounded up, one more case', [1, 20, 6, 100], 24],
    ['capped by the bin', [0, 20, 6, 10], 10],
  ];
  for (const [name, [onHand, max, pack, bin], want] of cases) it(name, () => expect(replenishQty(onHand, max, pack, bin)).toBe(want));
});
