import { describe, expect, it } from 'vitest';
import { toGtin14, gs1CheckDigit } from '../scan/gtin';
import { normaliseScan, type ScanResult } from '../scan/normalise';
import type { PackOrder } from './types';
import { applyVerified, missingOf, verifyScan, type Verified, type VerifySku } from './verify';

const gtin = (body12: string) => toGtin14(body12 + gs1CheckDigit(body12))!;
const MUG = gtin('061414100001');
const TEA = gtin('061414100002');
const TEA6 = gtin('161414100002');
const STRAY = gtin('061414100009');

const skus = new Map<string, VerifySku>([
  ['sku-mug', { id: 'sku-mug', code: 'MUG-1', barcodes: [{ value: MUG, kind: 'gtin', packQty: 1 }] }],
  [
    'sku-tea',
    {
      id: 'sku-tea',
      code: 'TEA-1',
      barcodes: [
        { value: TEA, kind: 'gtin', packQty: 1 },
        { value: TEA6, kind: 'case', packQty: 6 },
      ],
    },
  ],
  ['sku-stray', { id: 'sku-stray', code: 'STRAY', barcodes: [{ value: STRAY, kind: 'gtin', packQty: 1 }] }],
]);

const addr = { name: 'A', line1: 'L', city: 'C', region: 'R', postalCode: 'P', country: 'US' };
function order(id: string, items: PackOrder['items'], status: PackOrder['status'] = 'picked'): PackOrder {
  return { orderId: id, orderRef: id.toUpperCase(), sellerId: 's', status, toteCode: 'T1', benchId: 'b', shipTo: addr, carrierService: 'LOCAL Ground', items };
}

const g = (g14: string, lot?: string): ScanResult => ({
  kind: 'gtin',
  gtin14: g14,
  text: g14,
  symbologyId: null,
  gs1: lot ? { elements: [], gtin14: g14, lot } : null,
  warnings: [],
});
const code = (text: string): ScanResult => ({ kind: 'code', text, symbologyId: null });

const A = order('o-a', [
  { skuId: 'sku-mug', lot: null, expiry: null, qty: 2 },
  { skuId: 'sku-tea', lot: 'L1', expiry: null, qty: 6 },
]);
const B = order('o-b', [{ skuId: 'sku-mug', lot: null, expiry: null, qty: 1 }]);
const HELD = order('o-h', [{ skuId: 'sku-stray', lot: null, expiry: null, qty: 1 }], 'on_hold');
const GONE = order('o-c', [{ skuId: 'sku-stray', lot: null, expiry: null, qty: 1 }], 'cancelled');
const DONE = order('o-p', [{ skuId: 'sku-stray', lot: null, expiry: null, qty: 1 }], 'packed');

describe('verifyScan', () => {
  const cases: {
    name: string;
    orders: PackOrder[];
    verified?: Verified;
    scan: ScanResult;
    prefer?: string;
    want: { ok: true; orderId: string; slot: number; qty: number; orderComplete?: boolean } | { ok: false; code: string };
  }[] = [
    { name: 'a GTIN goes to the first order wanting it', orders: [A, B], scan: g(MUG), want: { ok: true, orderId: 'o-a', slot: 0, qty: 1 } },
    { name: 'the order the packer is on comes first', orders: [A, B], scan: g(MUG), prefer: 'o-b', want: { ok: true, orderId: 'o-b', slot: 0, qty: 1, orderComplete: true } },
    { name: 'a full slot passes the unit to the next order', orders: [A, B], verified: { 'o-a': [2, 0] }, scan: g(MUG), want: { ok: true, orderId: 'o-b', slot: 0, qty: 1, orderComplete: true } },
    { name: 'an extra unit is refused', orders: [A, B], verified: { 'o-a': [2, 0], 'o-b': [1] }, scan: g(MUG), want: { ok: false, code: 'ITEM_ALREADY_VERIFIED' } },
    { name: 'a SKU code counts one', orders: [A], scan: code('mug-1'), want: { ok: true, orderId: 'o-a', slot: 0, qty: 1 } },
    { name: 'a case barcode counts its pack quantity', orders: [A], scan: g(TEA6), want: { ok: true, orderId: 'o-a', slot: 1, qty: 6 } },
    { name: 'a case bigger than what is left is an extra', orders: [A], verified: { 'o-a': [0, 1] }, scan: g(TEA6), want: { ok: false, code: 'ITEM_ALREADY_VERIFIED' } },
    { name: 'an item in no order of the tote', orders: [A, B], scan: g(STRAY), want: { ok: false, code: 'ITEM_NOT_IN_TOTE' } },
    { name: 'an unknown code', orders: [A], scan: code('NOPE'), want: { ok: false, code: 'ITEM_NOT_IN_TOTE' } },
    { name: 'the picked lot is accepted', orders: [A], scan: g(TEA, 'l1'), want: { ok: true, orderId: 'o-a', slot: 1, qty: 1 } },
    { name: 'another lot is refused', orders: [A], scan: g(TEA, 'L9'), want: { ok: false, code: 'LOT_MISMATCH' } },
    { name: 'a lot on an item picked without one is accepted', orders: [A], scan: g(MUG, 'X'), want: { ok: true, orderId: 'o-a', slot: 0, qty: 1 } },
    { name: 'an order on hold takes nothing', orders: [A, HELD], scan: g(STRAY), want: { ok: false, code: 'ORDER_ON_HOLD' } },
    { name: 'a cancelled order takes nothing', orders: [GONE], scan: g(STRAY), want: { ok: false, code: 'ORDER_CANCELLED' } },
    { name: 'a packed order takes nothing', orders: [DONE], scan: g(STRAY), want: { ok: false, code: 'ORDER_ALREADY_PACKED' } },
    { name: 'a bad check digit is refused as read', orders: [A], scan: { kind: 'invalid', code: 'BAD_CHECK_DIGIT', text: 'x', symbologyId: null }, want: { ok: false, code: 'BAD_CHECK_DIGIT' } },
    { name: 'the last unit completes the order', orders: [A], verified: { 'o-a': [1, 6] }, scan: g(MUG), want: { ok: true, orderId: 'o-a', slot: 0, qty: 1, orderComplete: true } },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = verifyScan(c.orders, c.verified ?? {}, c.scan, skus, c.prefer ?? null);
      expect(r).toMatchObject(c.want.ok ? { orderComplete: false, ...c.want } : c.want);
    });
  }

  it('reads GS1 data with a lot from a real scan', () => {
    const scan = normaliseScan({ source: 'keyboard', raw: `(01)${TEA}(10)L1`, at: 0 });
    expect(verifyScan([A], {}, scan, skus)).toMatchObject({ ok: true, slot: 1, lot: 'L1' });
    const wrong = normaliseScan({ source: 'keyboard', raw: `(01)${TEA}(10)L2`, at: 0 });
    expect(verifyScan([A], {}, wrong, skus)).toMatchObject({ ok: false, code: 'LOT_MISMATCH' });
  });
});

describe('missingOf and applyVerified', () => {
  it('lists what is still to scan and shrinks with each accepted scan', () => {
    expect(missingOf(A, {}).map((m) => [m.skuId, m.qty])).toEqual([
      ['sku-mug', 2],
      ['sku-tea', 6],
    ]);
    let v: Verified = {};
    for (const scan of [g(MUG), g(TEA6), g(MUG)]) {
      const r = verifyScan([A, B], v, scan, skus, 'o-a');
      if (!r.ok) throw new Error(r.code);
      v = applyVerified([A, B], v, r);
    }
    expect(missingOf(A, v)).toEqual([]);
    expect(missingOf(B, v).map((m) => m.qty)).toEqual([1]);
  });
});
