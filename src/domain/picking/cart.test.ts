import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../errors';
import {
  assignToteToSlot,
  cartReady,
  checkToteForItem,
  nextEmptySlot,
  planSlots,
  type AssignResult,
  type CartSlot,
  type ToteCheck,
  type ToteRegistry,
} from './cart';

const cart = (...totes: (string | null)[]): CartSlot[] =>
  totes.map((toteCode, i) => ({ slot: i + 1, orderId: `o${i + 1}`, toteCode }));
const registry = (p: Partial<ToteRegistry> = {}): ToteRegistry => ({ knownTotes: null, inUse: new Map(), ...p });

describe('planSlots', () => {
  it.each<{ name: string; orders: string[]; expected: CartSlot[] }>([
    { name: 'single-order wave is a cart with one slot', orders: ['o9'], expected: [{ slot: 1, orderId: 'o9', toteCode: null }] },
    {
      name: 'orders sorted by id, numbered from 1',
      orders: ['o3', 'o1', 'o2'],
      expected: [
        { slot: 1, orderId: 'o1', toteCode: null },
        { slot: 2, orderId: 'o2', toteCode: null },
        { slot: 3, orderId: 'o3', toteCode: null },
      ],
    },
    {
      name: 'an order with several lines gets one slot',
      orders: ['b', 'a', 'b', 'a'],
      expected: [
        { slot: 1, orderId: 'a', toteCode: null },
        { slot: 2, orderId: 'b', toteCode: null },
      ],
    },
    { name: 'no orders, no slots', orders: [], expected: [] },
  ])('$name', ({ orders, expected }) => {
    expect(planSlots(orders)).toEqual(expected);
  });

  it('does not depend on the order the rows arrived in', () => {
    const ids = ['o-10', 'O-2', 'o-1', 'a', 'Z'];
    expect(planSlots([...ids].reverse())).toEqual(planSlots(ids));
  });
});

describe('assignToteToSlot', () => {
  const known = new Set(['T1', 'T2', 'T3']);
  it.each<{ name: string; slots: CartSlot[]; slot: number; tote: string; reg: ToteRegistry; expected: AssignResult }>([
    { name: 'loads an empty slot', slots: cart(null, null), slot: 2, tote: 'T2', reg: registry({ knownTotes: known }),
      expected: { ok: true, slots: [{ slot: 1, orderId: 'o1', toteCode: null }, { slot: 2, orderId: 'o2', toteCode: 'T2' }] } },
    { name: 'trims scanner padding', slots: cart(null), slot: 1, tote: ' T1\n', reg: registry(),
      expected: { ok: true, slots: [{ slot: 1, orderId: 'o1', toteCode: 'T1' }] } },
    { name: 'a double scan of the same tote in the same slot is fine', slots: cart('T1', null), slot: 1, tote: 'T1', reg: registry(),
      expected: { ok: true, slots: cart('T1', null) } },
    { name: 'a tote already on the cart in another slot', slots: cart('T1', null), slot: 2, tote: 'T1', reg: registry(),
      expected: { ok: false, code: ErrorCode.TOTE_ALREADY_ON_CART, message: 'tote T1 is already on this cart in slot 1', tote: 'T1', slot: 1 } },
    { name: 'a tote holding another order', slots: cart(null, null), slot: 1, tote: 'T3', reg: registry({ inUse: new Map([['T3', 'o2']]) }),
      expected: { ok: false, code: ErrorCode.TOTE_IN_USE, message: 'tote T3 already holds another order', tote: 'T3' } },
    { name: 'a tote already holding this order (cart rebuilt after a reload)', slots: cart(null, null), slot: 2, tote: 'T3',
      reg: registry({ inUse: new Map([['T3', 'o2']]) }), expected: { ok: true, slots: cart(null, 'T3') } },
    { name: 'an unknown tote', slots: cart(null), slot: 1, tote: 'X9', reg: registry({ knownTotes: known }),
      expected: { ok: false, code: ErrorCode.UNKNOWN_TOTE, message: 'X9 is not a known tote', tote: 'X9' } },
    { name: 'a slot that is not on the cart', slots: cart(null), slot: 4, tote: 'T1', reg: registry(),
      expected: { ok: false, code: ErrorCode.VALIDATION_FAILED, message: 'no slot 4 on this cart', tote: 'T1' } },
    { name: 'swapping a cracked tote', slots: cart('T1', 'T2'), slot: 1, tote: 'T3', reg: registry({ knownTotes: known }),
      expected: { ok: true, slots: cart('T3', 'T2') } },
  ])('$name', ({ slots, slot, tote, reg, expected }) => {
    const before = structuredClone(slots);
    expect(assignToteToSlot(slots, slot, tote, reg)).toEqual(expected);
    expect(slots).toEqual(before);
  });
});

describe('nextEmptySlot and cartReady', () => {
  it.each<{ name: string; slots: CartSlot[]; next: number | null; ready: boolean }>([
    { name: 'new cart', slots: cart(null, null, null), next: 1, ready: false },
    { name: 'part loaded', slots: cart('T1', null, 'T3'), next: 2, ready: false },
    { name: 'slots listed out of order', slots: [...cart('T1', null, null)].reverse(), next: 2, ready: false },
    { name: 'fully loaded', slots: cart('T1', 'T2'), next: null, ready: true },
    { name: 'single-order cart loaded', slots: cart('T1'), next: null, ready: true },
    { name: 'empty cart', slots: [], next: null, ready: false },
  ])('$name', ({ slots, next, ready }) => {
    expect(nextEmptySlot(slots)).toBe(next);
    expect(cartReady(slots)).toBe(ready);
  });
});

describe('checkToteForItem', () => {
  const loaded = cart('T1', 'T2', 'T3');
  it.each<{ name: string; slots: CartSlot[]; order: string; tote: string; expected: ToteCheck }>([
    { name: 'the right tote', slots: loaded, order: 'o2', tote: 'T2', expected: { ok: true, slot: 2, toteCode: 'T2' } },
    { name: 'the right tote with padding', slots: loaded, order: 'o3', tote: 'T3\r', expected: { ok: true, slot: 3, toteCode: 'T3' } },
    { name: 'another slot\'s tote', slots: loaded, order: 'o2', tote: 'T3',
      expected: { ok: false, code: ErrorCode.WRONG_TOTE, expectedSlot: 2, scannedSlot: 3 } },
    { name: 'a tote not on the cart', slots: loaded, order: 'o1', tote: 'T9',
      expected: { ok: false, code: ErrorCode.WRONG_TOTE, expectedSlot: 1, scannedSlot: null } },
    { name: 'the slot has no tote yet', slots: cart('T1', null), order: 'o2', tote: 'T1',
      expected: { ok: false, code: ErrorCode.WRONG_TOTE, expectedSlot: 2, scannedSlot: 1 } },
    { name: 'an empty scan never matches an empty slot', slots: cart(null), order: 'o1', tote: ' ',
      expected: { ok: false, code: ErrorCode.WRONG_TOTE, expectedSlot: 1, scannedSlot: null } },
    { name: 'an order not on this cart', slots: loaded, order: 'o7', tote: 'T1',
      expected: { ok: false, code: ErrorCode.WRONG_TOTE, expectedSlot: null, scannedSlot: 1 } },
  ])('$name', ({ slots, order, tote, expected }) => {
    expect(checkToteForItem(slots, order, tote)).toEqual(expected);
  });
});
