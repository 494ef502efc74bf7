import { describe, expect, it } from 'vitest';
import { skuIdsIn, withSkuCodes } from './event-codes';

const codes = new Map([
  ['sku-1', 'MUG-1'],
  ['sku-2', 'TEA-1'],
]);

describe('skuIdsIn', () => {
  it.each([
    ['a flat object', { skuId: 'sku-1', qty: 2 }, ['sku-1']],
    ['nested arrays', { cartons: [{ items: [{ skuId: 'sku-1' }, { skuId: 'sku-2' }] }] }, ['sku-1', 'sku-2']],
    ['repeats once', [{ skuId: 'sku-1' }, { skuId: 'sku-1' }], ['sku-1']],
    ['a null skuId is not an id', { skuId: null }, []],
    ['a number is not an id', { skuId: 7 }, []],
    ['scalars', 'sku-1', []],
    ['a found item of a return', { skuId: 'sku-1', foundSkuId: 'sku-2' }, ['sku-1', 'sku-2']],
    ['a key that only ends like one is not', { notaskuId: 'sku-1', SkuId: 'sku-2' }, []],
    ['null', null, []],
  ])('%s', (_name, payload, want) => {
    expect([...skuIdsIn(payload)].sort()).toEqual(want);
  });
});

describe('withSkuCodes', () => {
  it.each([
    ['adds the code beside the id', { skuId: 'sku-1', qty: 2 }, { skuId: 'sku-1', skuCode: 'MUG-1', qty: 2 }],
    [
      'at any depth',
      { lines: [{ skuId: 'sku-2', lot: 'L1' }], shortShelfLife: [{ skuId: 'sku-1' }] },
      { lines: [{ skuId: 'sku-2', skuCode: 'TEA-1', lot: 'L1' }], shortShelfLife: [{ skuId: 'sku-1', skuCode: 'MUG-1' }] },
    ],
    ['an unknown id gets no code', { skuId: 'sku-9' }, { skuId: 'sku-9' }],
    ['a code already written is kept', { skuId: 'sku-1', skuCode: 'OLD' }, { skuId: 'sku-1', skuCode: 'OLD' }],
    ['payloads without SKUs are unchanged', { orderId: 'o1', trackingNumbers: ['AA1'] }, { orderId: 'o1', trackingNumbers: ['AA1'] }],
    ['null stays null', null, null],
    ['a found item gets its own code', { skuId: 'sku-1', foundSkuId: 'sku-2' }, { skuId: 'sku-1', skuCode: 'MUG-1', foundSkuId: 'sku-2', foundSkuCode: 'TEA-1' }],
    ['a null found item gets nothing', { skuId: 'sku-1', foundSkuId: null }, { skuId: 'sku-1', skuCode: 'MUG-1', foundSkuId: null }],
  ])('%s', (_name, payload, want) => {
    expect(withSkuCodes(payload, codes)).toEqual(want);
  });

  it('does not change the stored payload', () => {
    const stored = { items: [{ skuId: 'sku-1' }] };
    withSkuCodes(stored, codes);
    expect(stored).toEqual({ items: [{ skuId: 'sku-1' }] });
  });
});
