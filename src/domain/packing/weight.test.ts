import { describe, expect, it } from 'vitest';
import { carrierOf, checkWeight, expectedWeightG, weightToleranceG, type WeightCheck } from './weight';

const config = { weightTolerancePct: 5, weightToleranceMinG: 50 };

describe('expectedWeightG', () => {
  it.each([
    { name: 'items times quantity plus tare', items: [{ weightG: 350, qty: 3 }, { weightG: 60, qty: 2 }], tareG: 250, expected: 1_420 },
    { name: 'an empty box weighs its tare', items: [], tareG: 120, expected: 120 },
    { name: 'no tare', items: [{ weightG: 500, qty: 1 }], tareG: 0, expected: 500 },
  ])('$name', ({ items, tareG, expected }) => {
    expect(expectedWeightG(items, { tareG })).toBe(expected);
  });
});

describe('weightToleranceG', () => {
  it.each([
    { expectedG: 200, toleranceG: 50, why: '5% is 10 g, the 50 g floor wins' },
    { expectedG: 1_000, toleranceG: 50, why: '5% equals the floor' },
    { expectedG: 2_000, toleranceG: 100, why: '5% wins' },
    { expectedG: 1_010, toleranceG: 51, why: '50.5 g rounds to 51' },
    { expectedG: 0, toleranceG: 50, why: 'nothing expected still allows the floor' },
  ])('$expectedG g -> $toleranceG g ($why)', ({ expectedG, toleranceG }) => {
    expect(weightToleranceG(expectedG, config)).toBe(toleranceG);
  });

  it('follows the configured share and floor', () => {
    expect(weightToleranceG(2_000, { weightTolerancePct: 10, weightToleranceMinG: 0 })).toBe(200);
    expect(weightToleranceG(2_000, { weightTolerancePct: 0, weightToleranceMinG: 30 })).toBe(30);
  });
});

describe('checkWeight', () => {
  it.each<{ name: string; measuredG: number; expectedG: number; result: WeightCheck }>([
    { name: 'exact', measuredG: 2_000, expectedG: 2_000, result: { ok: true, expectedG: 2_000, diffG: 0, toleranceG: 100 } },
    { name: 'heavy by exactly the tolerance passes', measuredG: 2_100, expectedG: 2_000, result: { ok: true, expectedG: 2_000, diffG: 100, toleranceG: 100 } },
    { name: 'light by exactly the tolerance passes', measuredG: 1_900, expectedG: 2_000, result: { ok: true, expectedG: 2_000, diffG: -100, toleranceG: 100 } },
    {
      name: 'one gram too heavy',
      measuredG: 2_101,
      expectedG: 2_000,
      result: { ok: false, reason: 'out_of_tolerance', expectedG: 2_000, diffG: 101, toleranceG: 100 },
    },
    {
      name: 'one gram too light',
      measuredG: 1_899,
      expectedG: 2_000,
      result: { ok: false, reason: 'out_of_tolerance', expectedG: 2_000, diffG: -101, toleranceG: 100 },
    },
    { name: 'small parcel within the 50 g floor', measuredG: 250, expectedG: 200, result: { ok: true, expectedG: 200, diffG: 50, toleranceG: 50 } },
    {
      name: 'small parcel beyond the floor (a missing item)',
      measuredG: 140,
      expectedG: 200,
      result: { ok: false, reason: 'out_of_tolerance', expectedG: 200, diffG: -60, toleranceG: 50 },
    },
    { name: 'zero', measuredG: 0, expectedG: 200, result: { ok: false, reason: 'not_positive', expectedG: 200, diffG: -200, toleranceG: 50 } },
    { name: 'negative', measuredG: -30, expectedG: 200, result: { ok: false, reason: 'not_positive', expectedG: 200, diffG: -230, toleranceG: 50 } },
    {
      name: 'zero even when within tolerance of a tiny expectation',
      measuredG: 0,
      expectedG: 20,
      result: { ok: false, reason: 'not_positive', expectedG: 20, diffG: -20, toleranceG: 50 },
    },
  ])('$name', ({ measuredG, expectedG, result }) => {
    expect(checkWeight(measuredG, expectedG, config)).toEqual(result);
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])('a measurement of %s is not positive', (measuredG) => {
    const r = checkWeight(measuredG, 200, config);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toBe('not_positive');
  });
});

describe('carrierOf', () => {
  it.each([
    { service: 'UPS Ground', carrier: 'UPS' },
    { service: 'DHL Express Worldwide', carrier: 'DHL' },
    { service: '  FedEx   2Day ', carrier: 'FedEx' },
    { service: 'USPS\tPriority Mail', carrier: 'USPS' },
    { service: 'USPS', carrier: 'USPS' },
  ])('$service -> $carrier', ({ service, carrier }) => {
    expect(carrierOf(service)).toBe(carrier);
  });

  it('keeps services of one carrier on one pallet and others apart', () => {
    expect(carrierOf('UPS Ground')).toBe(carrierOf('UPS Next Day Air'));
    expect(carrierOf('UPS Ground')).not.toBe(carrierOf('USPS Ground Advantage'));
  });
});
