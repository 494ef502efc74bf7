import { describe, expect, it } from 'vitest';
import type { BoxType, PackConfig, PackOrder } from '../../../domain/packing/types';
import { addUnits, checkCarton, confirmBlocker, newCarton, newWork, parseWeight, removeEmptyCarton, verifiedOf, type OrderWork } from './pack-work';

const addr = { name: 'A', line1: 'L', city: 'C', region: 'R', postalCode: 'P', country: 'US' };
const config: PackConfig = {
  packingFactor: 1.2, weightTolerancePct: 5, weightToleranceMinG: 50, shipFrom: addr, gs1CompanyPrefix: '0614141',
  ssccExtension: 0, trackingPrefix: 'LT', trackingSuffix: 'US', leaseBlock: 10, leaseLowWater: 2,
};
const box = (id: string, mm: number, tareG: number): BoxType => ({
  id, code: id.toUpperCase(), name: id, innerLengthMm: mm, innerWidthMm: mm, innerHeightMm: mm, maxWeightG: 10_000, tareG, active: true, version: 1,
});
const boxes = [box('small', 100, 50), box('big', 300, 200)];
const skus = new Map([
  ['mug', { lengthMm: 90, widthMm: 90, heightMm: 90, weightG: 300 }],
  ['pan', { lengthMm: 250, widthMm: 250, heightMm: 60, weightG: 1200 }],
]);
const order: PackOrder = {
  orderId: 'o1', orderRef: 'SO-1', sellerId: 's', status: 'picked', toteCode: 'T1', benchId: 'b', shipTo: addr, carrierService: 'LOCAL Ground',
  items: [
    { skuId: 'mug', lot: null, expiry: null, qty: 1 },
    { skuId: 'pan', lot: null, expiry: null, qty: 1 },
  ],
};
const ctx = { skus, boxes, config };

function packed(weights: (number | null)[], split: boolean): OrderWork {
  let w = newWork(order);
  w = addUnits(order, w, 0, 1);
  if (split) w = { ...w, cartons: [...w.cartons, { ...newWork(order).cartons[0]! }] };
  w = addUnits(order, w, 1, 1);
  return { ...w, cartons: w.cartons.map((c, i) => ({ ...c, weightG: weights[i] ?? null })) };
}

describe('parseWeight', () => {
  const cases: [string, number | null][] = [
    ['850', 850], ['850 g', 850], ['850G', 850], ['0.85 kg', 850], ['0,85kg', 850], ['1.2', 1200], [' 2 kg ', 2000],
    ['1234567', 1234567], ['00000000000017', null], ['012345678905', null],
    ['', null], ['abc', null], ['-5', null], ['1.2.3', null], ['BOX-S1', null],
  ];
  for (const [text, grams] of cases) it(`reads ${JSON.stringify(text)} as ${grams}`, () => expect(parseWeight(text)).toBe(grams));
});

describe('cartons', () => {
  it('suggests the smallest box that takes the carton and expects its tare on top', () => {
    const one = packed([null, null], true);
    expect(checkCarton(order, one.cartons[0]!, ctx)).toMatchObject({ box: { id: 'small' }, expectedG: 350, toleranceG: 50 });
    expect(checkCarton(order, one.cartons[1]!, ctx)).toMatchObject({ box: { id: 'big' }, expectedG: 1400, toleranceG: 70 });
  });

  it('says why a chosen box is too small', () => {
    const w = packed([null], false);
    const c = { ...w.cartons[0]!, boxId: 'small' };
    expect(checkCarton(order, c, ctx).fit).toMatchObject({ ok: false, reason: 'dimension' });
  });

  it('takes back an empty carton, never one with units nor the only one', () => {
    const one = packed([null], false);
    const withEmpty = { ...one, cartons: [...one.cartons, newCarton(order)] };
    const empty = withEmpty.cartons[1]!.id;
    expect(removeEmptyCarton(withEmpty, empty).cartons.map((c) => c.id)).toEqual([one.cartons[0]!.id]);
    expect(removeEmptyCarton(withEmpty, one.cartons[0]!.id)).toBe(withEmpty);
    const lone = newWork(order);
    expect(removeEmptyCarton(lone, lone.cartons[0]!.id)).toBe(lone);
    expect(removeEmptyCarton(withEmpty, 'nope')).toBe(withEmpty);
  });

  it('counts verified units over every carton of the order', () => {
    expect(verifiedOf([order], { o1: packed([null, null], true) })).toEqual({ o1: [1, 1] });
  });
});

describe('confirmBlocker', () => {
  const blocker = (w: OrderWork, o: PackOrder = order) => confirmBlocker(o, w, verifiedOf([o], { o1: w }), ctx);
  it('waits for every unit, a weight in each carton, and a weight within tolerance or a lead approval', () => {
    expect(blocker(addUnits(order, newWork(order), 0, 1))).toBe('NOT_VERIFIED');
    expect(blocker(packed([null], false))).toBe('WEIGHT_NOT_POSITIVE');
    expect(blocker(packed([1700 + 85], false))).toBe(null);
    expect(blocker(packed([1700 + 86], false))).toBe('WEIGHT_OUT_OF_TOLERANCE');
    expect(blocker(packed([350, 1400 + 71], true))).toBe('WEIGHT_OUT_OF_TOLERANCE');
    const approved = { ...packed([350, 1400 + 71], true), override: { leadUserId: 'u-5', nonce: crypto.randomUUID(), proof: 'a'.repeat(64) } };
    expect(blocker(approved)).toBe(null);
    expect(blocker(packed([350, 1400], true))).toBe(null);
  });

  it('refuses an empty carton and orders no longer open', () => {
    const w = packed([1700], false);
    expect(blocker({ ...w, cartons: [...w.cartons, { ...newWork(order).cartons[0]!, weightG: 100 }] })).toBe('CARTON_EMPTY');
    expect(blocker(w, { ...order, status: 'cancelled' })).toBe('ORDER_CANCELLED');
    expect(blocker(w, { ...order, status: 'on_hold' })).toBe('ORDER_ON_HOLD');
    expect(blocker(w, { ...order, status: 'packed' })).toBe('ORDER_ALREADY_PACKED');
  });
});
