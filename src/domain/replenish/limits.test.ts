import { describe, expect, it } from 'vitest';
import { effectiveLimits, FaceLimitsBody, FILL_FACTOR } from './limits';

describe('effectiveLimits', () => {
  const cases: [string, { minQty: number; maxQty: number } | null, number, ReturnType<typeof effectiveLimits>][] = [
    ['a face row wins', { minQty: 8, maxQty: 30 }, 5, { min: 8, max: 30, source: 'face' }],
    ['no row: the SKU threshold, times the fill factor', null, 5, { min: 5, max: 5 * FILL_FACTOR, source: 'sku' }],
    ['no row, threshold 0: off', null, 0, { min: 0, max: 0, source: 'sku' }],
    ['negative threshold is 0', null, -3, { min: 0, max: 0, source: 'sku' }],
  ];
  for (const [name, row, threshold, want] of cases) it(name, () => expect(effectiveLimits(row, threshold)).toEqual(want));
});

describe('FaceLimitsBody', () => {
  const cases: [string, unknown, boolean][] = [
    ['ok', { minQty: 5, maxQty: 20 }, true],
    ['min 0 (off)', { minQty: 0, maxQty: 1 }, true],
    ['equal', { minQty: 5, maxQty: 5 }, true],
    ['max below min', { minQty: 6, maxQty: 5 }, false],
    ['negative', { minQty: -1, maxQty: 5 }, false],
    ['fraction', { minQty: 1.5, maxQty: 5 }, false],
    ['string', { minQty: '5', maxQty: 5 }, false],
    ['extra field', { minQty: 5, maxQty: 9, x: 1 }, false],
    ['missing', { minQty: 5 }, false],
    ['huge', { minQty: 5, maxQty: 1e9 }, false],
  ];
  for (const [name, body, ok] of cases) it(name, () => expect(FaceLimitsBody.safeParse(body).success).toBe(ok));
});
