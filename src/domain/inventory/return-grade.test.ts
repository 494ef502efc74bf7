import { describe, expect, it } from 'vitest';
import { ReturnGradeArgs } from '../commands/inbound';
import { applyReturnGrade, type ReturnGradeState } from './return-grade';

const ctx = { userId: 'u-4001', mutationId: 'm-1', now: '2026-11-25T10:00:00.000Z' };
const RID = '0193b7a0-0000-7000-8000-000000000001';

const state = (p: Partial<ReturnGradeState> = {}): ReturnGradeState => ({
  order: {
    orderId: 'ord-1', ref: 'SO-1', sellerId: 'seller-a', status: 'shipped',
    lines: [{ skuId: 'sku-a', lot: null, qty: 3 }, { skuId: 'sku-b', lot: 'L1', qty: 1 }],
    returned: [{ skuId: 'sku-a', qty: 1 }],
  },
  location: { id: 'loc-RET-01', type: 'returns' },
  sellerRules: { returns: 'restock_if_sealed' },
  returnExists: false,
  skuExists: (s) => s.startsWith('sku-'),
  expiryOf: (s, lot) => (s === 'sku-b' && lot === 'L1' ? '2027-06-30' : null),
  suggest: (s) => (s === 'sku-a' ? 'loc-A-01' : null),
  ...p,
});

const unit = (p: Record<string, unknown> = {}) => ({ skuId: 'sku-a', qty: 1, grade: 'sellable', reason: 'changed mind', sealed: true, ...p });
const args = (units: Record<string, unknown>[], p: Record<string, unknown> = {}) =>
  ReturnGradeArgs.parse({ returnId: RID, orderId: 'ord-1', locationId: 'loc-RET-01', scannedRef: 'SO-1', units, ...p });

describe('applyReturnGrade refusals', () => {
  it.each([
    { name: 'unknown order', s: { order: null }, units: [unit()], code: 'ORDER_NOT_FOUND' },
    { name: 'order not shipped', s: { order: { ...state().order!, status: 'picked' } }, units: [unit()], code: 'ORDER_NOT_SHIPPED' },
    { name: 'unknown location', s: { location: null }, units: [unit()], code: 'LOCATION_NOT_FOUND' },
    { name: 'not a returns bench', s: { location: { id: 'loc-A-01', type: 'pick_face' } }, units: [unit()], code: 'NOT_A_RETURNS_LOCATION' },
    { name: 'return graded already', s: { returnExists: true }, units: [unit()], code: 'RETURN_ALREADY_GRADED' },
    { name: 'SKU not on order', s: {}, units: [unit({ skuId: 'sku-z' })], code: 'RETURN_SKU_NOT_ON_ORDER' },
    { name: 'more than shipped minus returned', s: {}, units: [unit({ qty: 3 })], code: 'RETURN_QTY_OVER' },
    { name: 'over across units', s: {}, units: [unit({ qty: 1 }), unit({ qty: 2, grade: 'damaged' })], code: 'RETURN_QTY_OVER' },
    { name: 'unknown found SKU', s: {}, units: [unit({ grade: 'wrong_item', foundSkuId: 'nope' })], code: 'SKU_NOT_FOUND' },
  ])('$name: $code', ({ s, units, code }) => {
    const o = applyReturnGrade(state(s as Partial<ReturnGradeState>), args(units), ctx);
    expect(o).toMatchObject({ status: 'rejected', code, movements: [] });
    expect(o.inventory).toBeUndefined();
  });
});

describe('applyReturnGrade dispositions (restock_if_sealed)', () => {
  it.each([
    { grade: 'sellable', sealed: true, disposition: 'restock', deltas: [['return', 1]], putaway: 'loc-A-01' },
    { grade: 'sellable', sealed: false, disposition: 'quarantine', deltas: [['return', 1]], putaway: null },
    { grade: 'damaged', sealed: false, disposition: 'dispose', deltas: [['return', 1], ['dispose', -1]], putaway: null },
    { grade: 'defective', sealed: false, disposition: 'return_to_seller', deltas: [['return', 1]], putaway: null },
    { grade: 'missing_parts', sealed: true, disposition: 'return_to_seller', deltas: [['return', 1]], putaway: null },
  ])('$grade sealed=$sealed -> $disposition', ({ grade, sealed, disposition, deltas, putaway }) => {
    const o = applyReturnGrade(state(), args([unit({ grade, sealed })]), ctx);
    expect(o.status).toBe('applied');
    expect(o.movements.map((m) => [m.reason, m.delta])).toEqual(deltas);
    for (const m of o.movements) expect(m).toMatchObject({ locationId: 'loc-RET-01', containerCode: null, skuId: 'sku-a' });
    expect(o.inventory?.returns?.[0]?.lines[0]).toMatchObject({ id: `${RID}:0`, grade, disposition, sealed, qty: 1, gradedBy: 'u-4001' });
    expect(o.inventory?.putawayTasks?.map((p) => p.suggestedLocationId) ?? []).toEqual(putaway === null ? [] : [putaway]);
    expect(o.sellerEvents).toHaveLength(1);
    expect(o.sellerEvents![0]).toMatchObject({ sellerId: 'seller-a', type: 'return.graded', payload: { disposition, grade, returnId: RID, orderRef: 'SO-1' } });
  });

  it('unknown seller rules hold everything in quarantine', () => {
    const o = applyReturnGrade(state({ sellerRules: '{not json' }), args([unit()]), ctx);
    expect(o.inventory?.returns?.[0]?.lines[0]?.disposition).toBe('quarantine');
    expect(o.inventory?.putawayTasks).toEqual([]);
  });
});

describe('applyReturnGrade units', () => {
  it('several units: one line, one event and its own ids each; restock gets a putaway task named after the mutation', () => {
    const o = applyReturnGrade(
      state(),
      args([unit({ qty: 2 }), unit({ skuId: 'sku-b', lot: 'L1', grade: 'defective', photoIds: ['p1', 'p1'] })]),
      ctx,
    );
    expect(o.status).toBe('applied');
    expect(o.inventory?.returns?.[0]).toMatchObject({ id: RID, orderId: 'ord-1', sellerId: 'seller-a', locationId: 'loc-RET-01' });
    expect(o.inventory?.returns?.[0]?.lines.map((l) => l.id)).toEqual([`${RID}:0`, `${RID}:1`]);
    expect(o.inventory?.putawayTasks).toEqual([
      { id: 'm-1:putaway:0', returnId: RID, skuId: 'sku-a', lot: null, expiry: null, qty: 2, fromLocationId: 'loc-RET-01', suggestedLocationId: 'loc-A-01' },
    ]);
    // The returned lot joins its line on the ledger with the expiry the warehouse knows.
    expect(o.movements[1]).toMatchObject({ skuId: 'sku-b', lot: 'L1', expiry: '2027-06-30', delta: 1, reason: 'return' });
    expect(o.sellerEvents!.map((e) => e.payload.photoIds)).toEqual([[], ['p1']]);
  });

  it('a wrong item puts the found SKU on the ledger and does not use up the ordered quantity', () => {
    const o = applyReturnGrade(state(), args([unit({ qty: 2 }), unit({ grade: 'wrong_item', foundSkuId: 'sku-q', qty: 1 })]), ctx);
    expect(o.status).toBe('applied');
    expect(o.movements.map((m) => [m.skuId, m.delta, m.reason])).toEqual([['sku-a', 2, 'return'], ['sku-q', 1, 'return']]);
    expect(o.inventory?.returns?.[0]?.lines[1]).toMatchObject({ grade: 'wrong_item', foundSkuId: 'sku-q', disposition: 'quarantine' });
    expect(o.sellerEvents![1]!.payload).toMatchObject({ foundSkuId: 'sku-q', skuId: 'sku-a' });
  });

  it('an unidentified wrong item stays off the ledger', () => {
    const o = applyReturnGrade(state(), args([unit({ grade: 'wrong_item' })]), ctx);
    expect(o.status).toBe('applied');
    expect(o.movements).toEqual([]);
    expect(o.inventory?.returns?.[0]?.lines[0]?.foundSkuId).toBeNull();
  });

  it('a packed order may come back too; the found SKU of another grade is ignored', () => {
    const o = applyReturnGrade(state({ order: { ...state().order!, status: 'packed' } }), args([unit({ foundSkuId: 'sku-q' })]), ctx);
    expect(o.status).toBe('applied');
    expect(o.inventory?.returns?.[0]?.lines[0]?.foundSkuId).toBeNull();
    expect(o.movements[0]?.skuId).toBe('sku-a');
  });
});
