import { describe, expect, it } from 'vitest';
import type { PackConfirmArgs, PackMissingArgs } from '../commands/pack';
import { ErrorCode } from '../errors';
import { applyPackConfirm, applyPackMissing, contentsMatch, numberStates, type PackState } from './confirm';
import { sscc, trackingNumber } from './numbers';
import type { PackConfig } from './types';

const ctx = { userId: 'u-packer', mutationId: 'm1', now: '2026-11-24T10:00:00.000Z' };
const config: PackConfig = {
  packingFactor: 1.2, weightTolerancePct: 5, weightToleranceMinG: 50,
  shipFrom: { name: 'FC', line1: '1 Way', city: 'Reno', region: 'NV', postalCode: '89502', country: 'US' },
  gs1CompanyPrefix: '0614141', ssccExtension: 3, trackingPrefix: 'LT', trackingSuffix: 'US', leaseBlock: 50, leaseLowWater: 10,
};
const T1 = trackingNumber(config, 1);
const T2 = trackingNumber(config, 2);
const S1 = sscc(config, 1);
const S2 = sscc(config, 2);
// 2 x 95 g + 1 x 310 g in a 160 g box: 660 g expected, tolerance 50 g.
const base = (p: Partial<PackState> = {}): PackState => ({
  order: { id: 'o1', ref: 'SO-1', sellerId: 'seller-1', status: 'picked', carrierService: 'UPS Ground' },
  items: [
    { skuId: 'beanie', lot: null, expiry: null, qty: 2 },
    { skuId: 'mug', lot: null, expiry: null, qty: 1 },
  ],
  tote: { code: 'T0401', status: 'awaiting_packing', waveId: 'w3', benchId: 'loc-PACK-01' },
  boxTypes: { 'box-S2': { id: 'box-S2', code: 'BOX-S2', tareG: 160, active: true }, 'box-old': { id: 'box-old', code: 'BOX-X', tareG: 10, active: false } },
  skus: { beanie: { weightG: 95 }, mug: { weightG: 310 } },
  config,
  overrideValid: null,
  numbers: { [T1]: 'ok', [S1]: 'ok', [T2]: 'ok', [S2]: 'ok' },
  otherOrders: [{ orderId: 'o2', status: 'picked' }],
  ...p,
});
type Carton = PackConfirmArgs['cartons'][number];
const carton = (p: Partial<Carton> = {}): Carton => ({
  cartonId: '0190a000-0000-7000-8000-000000000001', boxTypeId: 'box-S2', weightG: 660, trackingNumber: T1, sscc: S1,
  items: [{ skuId: 'beanie', lot: null, qty: 2 }, { skuId: 'mug', lot: null, qty: 1 }], ...p,
});
const override = { leadUserId: 'u-lead', nonce: '0190a000-0000-7000-8000-0000000000aa', proof: 'a'.repeat(64) };
const args = (p: Partial<PackConfirmArgs> = {}): PackConfirmArgs => ({
  orderId: 'o1', toteCode: 'T0401', benchId: 'loc-PACK-01', shipmentId: '0190a000-0000-7000-8000-0000000000ff', cartons: [carton()], ...p,
});
const split = [
  carton({ items: [{ skuId: 'beanie', lot: null, qty: 2 }], weightG: 350 }),
  carton({ cartonId: '0190a000-0000-7000-8000-000000000002', trackingNumber: T2, sscc: S2, items: [{ skuId: 'mug', lot: null, qty: 1 }], weightG: 470 }),
];

describe('applyPackConfirm refusals', () => {
  it.each([
    { name: 'unknown order', state: base({ order: null }), code: ErrorCode.ORDER_NOT_FOUND },
    { name: 'already packed (a carton closed)', state: base({ order: { ...base().order!, status: 'packed' } }), code: ErrorCode.ORDER_ALREADY_PACKED },
    { name: 'already shipped, tote since freed', state: base({ order: { ...base().order!, status: 'shipped' }, tote: null }), code: ErrorCode.ORDER_ALREADY_PACKED },
    { name: 'tote nobody picked', state: base({ tote: { code: 'T0401', status: 'free', waveId: null, benchId: null }, items: [] }), code: ErrorCode.TOTE_NOT_PICKED },
    { name: 'tote still on a cart', state: base({ tote: { code: 'T0401', status: 'on_cart', waveId: 'w3', benchId: null } }), code: ErrorCode.TOTE_NOT_PICKED },
    { name: 'unknown tote', state: base({ tote: null }), code: ErrorCode.TOTE_NOT_PICKED },
    { name: 'order not in this tote', state: base({ items: [] }), code: ErrorCode.ORDER_NOT_IN_TOTE },
    { name: 'on hold', state: base({ order: { ...base().order!, status: 'on_hold' } }), code: ErrorCode.ORDER_ON_HOLD },
    { name: 'a unit left out', state: base(), a: args({ cartons: [carton({ items: [{ skuId: 'beanie', lot: null, qty: 2 }] })] }), code: ErrorCode.PACK_CONTENTS_MISMATCH },
    { name: 'an extra unit', state: base(), a: args({ cartons: [carton({ items: [{ skuId: 'beanie', lot: null, qty: 3 }, { skuId: 'mug', lot: null, qty: 1 }] })] }), code: ErrorCode.PACK_CONTENTS_MISMATCH },
    { name: 'another order\'s item', state: base(), a: args({ cartons: [carton({ items: [{ skuId: 'beanie', lot: null, qty: 2 }, { skuId: 'coffee', lot: null, qty: 1 }] })] }), code: ErrorCode.PACK_CONTENTS_MISMATCH },
    { name: 'wrong lot', state: base(), a: args({ cartons: [carton({ items: [{ skuId: 'beanie', lot: 'L1', qty: 2 }, { skuId: 'mug', lot: null, qty: 1 }] })] }), code: ErrorCode.PACK_CONTENTS_MISMATCH },
    { name: 'unknown box', state: base(), a: args({ cartons: [carton({ boxTypeId: 'box-nope' })] }), code: ErrorCode.BOX_UNKNOWN },
    { name: 'retired box', state: base(), a: args({ cartons: [carton({ boxTypeId: 'box-old' })] }), code: ErrorCode.BOX_UNKNOWN },
    { name: 'bad tracking check digit', state: base(), a: args({ cartons: [carton({ trackingNumber: T1.slice(0, 10) + String((Number(T1[10]) + 1) % 10) + 'US' })] }), code: ErrorCode.BAD_TRACKING_NUMBER },
    { name: 'SSCC of another company', state: base(), a: args({ cartons: [carton({ sscc: sscc({ gs1CompanyPrefix: '0999999', ssccExtension: 3 }, 1) })] }), code: ErrorCode.BAD_SSCC },
    { name: 'SSCC bad check digit', state: base(), a: args({ cartons: [carton({ sscc: S1.slice(0, 17) + String((Number(S1[17]) + 1) % 10) })] }), code: ErrorCode.BAD_SSCC },
    { name: 'tracking number not leased here', state: base({ numbers: { [S1]: 'ok' } }), code: ErrorCode.NUMBER_NOT_LEASED },
    { name: 'SSCC leased to another device', state: base({ numbers: { [T1]: 'ok', [S1]: 'not_leased' } }), code: ErrorCode.NUMBER_NOT_LEASED },
    { name: 'tracking number already on a carton', state: base({ numbers: { [T1]: 'used', [S1]: 'ok' } }), code: ErrorCode.NUMBER_ALREADY_USED },
    { name: 'same SSCC on two cartons', state: base(), a: args({ cartons: [split[0]!, { ...split[1]!, sscc: S1 }] }), code: ErrorCode.NUMBER_ALREADY_USED },
    { name: 'shipment id taken', state: base({ idsTaken: true }), code: ErrorCode.VALIDATION_FAILED },
    { name: 'too heavy, no override', state: base(), a: args({ cartons: [carton({ weightG: 711 })] }), code: ErrorCode.WEIGHT_OUT_OF_TOLERANCE },
    { name: 'too light, no override', state: base(), a: args({ cartons: [carton({ weightG: 609 })] }), code: ErrorCode.WEIGHT_OUT_OF_TOLERANCE },
    { name: 'too heavy, forged override', state: base({ overrideValid: false }), a: args({ cartons: [carton({ weightG: 900 })], override }), code: ErrorCode.OVERRIDE_INVALID },
    { name: 'in tolerance, forged override', state: base({ overrideValid: false }), a: args({ override }), code: ErrorCode.OVERRIDE_INVALID },
  ])('$name -> $code', (c) => {
    const out = applyPackConfirm(c.state, c.a ?? args(), ctx);
    expect(out).toMatchObject({ status: 'rejected', code: c.code });
    expect(out.shipments ?? []).toEqual([]);
    expect(out.movements).toEqual([]);
    expect(out.orderPatches ?? []).toEqual([]);
    expect(out.totePatches ?? []).toEqual([]);
    expect(out.exceptions).toEqual([]);
  });

  it('refuses a cancelled order with an unpack-and-restock task naming the labels already printed', () => {
    const out = applyPackConfirm(base({ order: { ...base().order!, status: 'cancelled' } }), args({ cartons: split }), ctx);
    expect(out).toMatchObject({ status: 'rejected', code: ErrorCode.ORDER_CANCELLED });
    expect(out.shipments ?? []).toEqual([]);
    expect(out.movements).toEqual([]);
    expect(out.sellerEvents ?? []).toEqual([]);
    expect(out.exceptions).toEqual([
      {
        type: 'order_cancelled', waveId: 'w3', taskId: null, locationId: 'loc-PACK-01', skuId: null, qty: 3, orderId: 'o1',
        details: { toteCode: 'T0401', items: [{ skuId: 'beanie', lot: null, qty: 2 }, { skuId: 'mug', lot: null, qty: 1 }], trackingNumbers: [T1, T2] },
      },
    ]);
  });
});

describe('applyPackConfirm applied', () => {
  it.each([
    { name: 'one carton, exact weight', a: args(), state: base(), cartons: 1, override: false, free: false },
    { name: 'weight at the tolerance edge', a: args({ cartons: [carton({ weightG: 710 })] }), state: base(), cartons: 1, override: false, free: false },
    { name: 'two cartons, last order of the tote', a: args({ cartons: split }), state: base({ otherOrders: [{ orderId: 'o2', status: 'packed' }] }), cartons: 2, override: false, free: true },
    { name: 'other order cancelled: tote freed', a: args(), state: base({ otherOrders: [{ orderId: 'o2', status: 'cancelled' }] }), cartons: 1, override: false, free: true },
    { name: 'other order on hold: tote kept', a: args(), state: base({ otherOrders: [{ orderId: 'o2', status: 'on_hold' }] }), cartons: 1, override: false, free: false },
    { name: 'too heavy with a valid override', a: args({ cartons: [carton({ weightG: 900 })], override }), state: base({ overrideValid: true }), cartons: 1, override: true, free: false },
    { name: 'valid override not needed: not recorded', a: args({ override }), state: base({ overrideValid: true, otherOrders: [] }), cartons: 1, override: false, free: true },
  ])('$name', (c) => {
    const out = applyPackConfirm(c.state, c.a, ctx);
    expect(out.status).toBe('applied');
    const ship = out.shipments![0]!;
    expect(ship).toMatchObject({ id: c.a.shipmentId, orderId: 'o1', carrier: 'UPS', service: 'UPS Ground', packedBy: 'u-packer', benchId: 'loc-PACK-01' });
    expect(ship.cartons.map((x) => x.seq)).toEqual(Array.from({ length: c.cartons }, (_, i) => i + 1));
    expect(ship.overrideBy).toBe(c.override ? 'u-lead' : null);
    expect(ship.overrideNonce).toBe(c.override ? override.nonce : null);
    expect(out.orderPatches).toEqual([{ id: 'o1', patch: { status: 'packed' } }]);
    // Units leave the tote and enter the cartons, by SSCC; nothing else moves.
    const net = (code: string) => out.movements.filter((m) => m.containerCode === code).reduce((n, m) => n + m.delta, 0);
    expect(net('T0401')).toBe(-3);
    expect(c.a.cartons.reduce((n, x) => n + net(x.sscc), 0)).toBe(3);
    expect(out.movements.every((m) => m.reason === 'pack' && m.locationId === null)).toBe(true);
    expect(out.sellerEvents).toEqual([
      {
        sellerId: 'seller-1', type: 'order.packed',
        payload: expect.objectContaining({ orderRef: 'SO-1', cartons: c.a.cartons.map((x) => ({ trackingNumber: x.trackingNumber, sscc: x.sscc, weightG: x.weightG })) }),
      },
    ]);
    expect(out.exceptions.map((e) => e.type)).toEqual(c.override ? ['weight_override'] : []);
    expect(out.totePatches ?? []).toEqual(c.free ? [{ code: 'T0401', patch: { status: 'free', locationId: null, waveId: null } }] : []);
  });

  it('records what the lead overrode: measured, expected and tolerance per carton', () => {
    const out = applyPackConfirm(base({ overrideValid: true }), args({ cartons: [carton({ weightG: 900 })], override }), ctx);
    expect(out.exceptions[0]).toMatchObject({ orderId: 'o1', details: { leadUserId: 'u-lead', cartons: [{ measuredG: 900, expectedG: 660, toleranceG: 50 }] } });
    expect(out.shipments![0]!.cartons[0]!.expectedWeightG).toBe(660);
  });
});

describe('contentsMatch', () => {
  it('sums cartons by SKU and lot', () => {
    expect(contentsMatch(base().items, split)).toBe(true);
    expect(contentsMatch(base().items, [split[0]!])).toBe(false);
    expect(contentsMatch([], [])).toBe(true);
  });
});

describe('applyPackMissing', () => {
  const miss = (p: Partial<PackMissingArgs> = {}): PackMissingArgs => ({ orderId: 'o1', toteCode: 'T0401', benchId: 'loc-PACK-01', skuId: 'mug', lot: null, qty: 1, ...p });
  it.each([
    { name: 'unknown order', state: base({ order: null }), a: miss(), code: ErrorCode.ORDER_NOT_FOUND },
    { name: 'not in the tote', state: base({ items: [] }), a: miss(), code: ErrorCode.ORDER_NOT_IN_TOTE },
    { name: 'already packed', state: base({ order: { ...base().order!, status: 'packed' } }), a: miss(), code: ErrorCode.ORDER_ALREADY_PACKED },
    { name: 'a SKU the order has not here', state: base(), a: miss({ skuId: 'coffee' }), code: ErrorCode.ITEM_NOT_IN_TOTE },
    { name: 'more than the tote holds', state: base(), a: miss({ qty: 2 }), code: ErrorCode.ITEM_NOT_IN_TOTE },
  ])('$name -> $code', (c) => {
    const out = applyPackMissing(c.state, c.a, ctx);
    expect(out).toMatchObject({ status: 'rejected', code: c.code });
    expect(out.orderPatches ?? []).toEqual([]);
    expect(out.exceptions).toEqual([]);
  });

  it('refuses a cancelled order with the restock task', () => {
    const out = applyPackMissing(base({ order: { ...base().order!, status: 'cancelled' } }), miss(), ctx);
    expect(out).toMatchObject({ status: 'rejected', code: ErrorCode.ORDER_CANCELLED });
    expect(out.exceptions.map((e) => e.type)).toEqual(['order_cancelled']);
  });

  it('puts the order on hold, tells the lead and the seller, moves nothing', () => {
    const out = applyPackMissing(base(), miss(), ctx);
    expect(out.status).toBe('applied');
    expect(out.orderPatches).toEqual([{ id: 'o1', patch: { status: 'on_hold' } }]);
    expect(out.exceptions).toEqual([
      { type: 'missing_at_pack', waveId: 'w3', taskId: null, locationId: 'loc-PACK-01', skuId: 'mug', qty: 1, orderId: 'o1', details: { toteCode: 'T0401', lot: null } },
    ]);
    expect(out.sellerEvents).toEqual([{ sellerId: 'seller-1', type: 'order.on_hold', payload: expect.objectContaining({ orderRef: 'SO-1' }) }]);
    expect(out.movements).toEqual([]);
    expect(out.totePatches ?? []).toEqual([]);
  });

  it('a second missing unit of an order on hold adds the exception only', () => {
    const out = applyPackMissing(base({ order: { ...base().order!, status: 'on_hold' } }), miss({ skuId: 'beanie' }), ctx);
    expect(out.status).toBe('applied');
    expect(out.exceptions).toHaveLength(1);
    expect(out.orderPatches ?? []).toEqual([]);
    expect(out.sellerEvents ?? []).toEqual([]);
  });
});

describe('numberStates', () => {
  const leases = [
    { id: 'l1', kind: 'tracking' as const, first: 1, last: 50 },
    { id: 'l2', kind: 'sscc' as const, first: 1, last: 50 },
  ];
  it.each([
    { name: 'in the leases, unused', c: { trackingNumber: T1, sscc: S1 }, used: [], want: { [T1]: 'ok', [S1]: 'ok' } },
    { name: 'already on a carton', c: { trackingNumber: T1, sscc: S1 }, used: [S1], want: { [T1]: 'ok', [S1]: 'used' } },
    { name: 'beyond the leases', c: { trackingNumber: trackingNumber(config, 51), sscc: sscc(config, 51) }, used: [], want: { [trackingNumber(config, 51)]: 'not_leased', [sscc(config, 51)]: 'not_leased' } },
    { name: 'another prefix, same serial', c: { trackingNumber: trackingNumber({ trackingPrefix: 'ZZ', trackingSuffix: 'US' }, 1), sscc: S1 }, used: [], want: { [trackingNumber({ trackingPrefix: 'ZZ', trackingSuffix: 'US' }, 1)]: 'not_leased', [S1]: 'ok' } },
    { name: 'a tracking serial is not an SSCC lease', c: { trackingNumber: T1, sscc: S1 }, used: [], leases: [leases[0]!], want: { [T1]: 'ok', [S1]: 'not_leased' } },
  ])('$name', (c) => {
    expect(numberStates(config, c.leases ?? leases, new Set(c.used), [c.c])).toEqual(c.want);
  });
});
