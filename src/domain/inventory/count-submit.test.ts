import { describe, expect, it } from 'vitest';
import { CountSubmitArgs } from '../commands/inbound';
import { applyCountSubmit, DEFAULT_RECOUNT_THRESHOLD, type CountSubmitState, type CountTaskState } from './count-submit';

const ctx = (userId = 'u-1001', mutationId = 'm-1') => ({ userId, mutationId, now: '2026-11-25T10:00:00.000Z' });
const task = (p: Partial<CountTaskState> = {}): CountTaskState => ({
  id: 'ct-1', locationId: 'loc-A-01', skuId: null, status: 'open', reason: 'lead_request', round: 1, chainId: 'ct-1',
  assignedTo: null, excludeUserIds: [], ...p,
});
const state = (p: Partial<CountSubmitState> = {}): CountSubmitState => ({
  task: task(),
  expected: [{ skuId: 'sku-a', lot: null, expiry: null, qty: 10 }],
  earlier: [],
  threshold: DEFAULT_RECOUNT_THRESHOLD,
  ...p,
});
const args = (lines: { skuId: string; lot?: string | null; qty: number }[], p: Record<string, unknown> = {}) =>
  CountSubmitArgs.parse({ countTaskId: 'ct-1', locationId: 'loc-A-01', lines, ...p });

describe('applyCountSubmit refusals', () => {
  it.each([
    { name: 'unknown task', s: { task: null }, a: args([]), user: 'u-1001', code: 'COUNT_TASK_NOT_FOUND' },
    { name: 'task done', s: { task: task({ status: 'done' }) }, a: args([]), user: 'u-1001', code: 'COUNT_TASK_CLOSED' },
    { name: 'task recounted', s: { task: task({ status: 'recount' }) }, a: args([]), user: 'u-1001', code: 'COUNT_TASK_CLOSED' },
    { name: 'other bin', s: {}, a: args([], { locationId: 'loc-B-01' }), user: 'u-1001', code: 'COUNT_WRONG_BIN' },
    { name: 'same counter (excluded)', s: { task: task({ round: 2, excludeUserIds: ['u-1001'] }) }, a: args([]), user: 'u-1001', code: 'RECOUNT_SAME_COUNTER' },
    {
      name: 'same counter (earlier round)', s: { task: task({ round: 2 }), earlier: [{ countedBy: 'u-1001', lines: [] }] }, a: args([]),
      user: 'u-1001', code: 'RECOUNT_SAME_COUNTER',
    },
    { name: 'assigned to another', s: { task: task({ assignedTo: 'u-2001' }) }, a: args([]), user: 'u-1001', code: 'FORBIDDEN' },
    { name: 'other SKU in a SKU count', s: { task: task({ skuId: 'sku-a' }) }, a: args([{ skuId: 'sku-b', qty: 1 }]), user: 'u-1001', code: 'COUNT_SKU_NOT_IN_TASK' },
  ])('$name: $code', ({ s, a, user, code }) => {
    expect(applyCountSubmit(state(s as Partial<CountSubmitState>), a, ctx(user))).toMatchObject({ status: 'rejected', code, movements: [] });
  });
});

describe('applyCountSubmit first count (threshold 2 units and 10 %)', () => {
  it.each([
    { expected: 10, counted: 10, delta: null, status: 'done' },
    { expected: 10, counted: 9, delta: -1, status: 'done' },
    { expected: 10, counted: 11, delta: 1, status: 'done' },
    { expected: 10, counted: 8, delta: null, status: 'recount' },
    { expected: 100, counted: 102, delta: 2, status: 'done' },
    { expected: 100, counted: 97, delta: null, status: 'recount' },
    { expected: 0, counted: 1, delta: null, status: 'recount' },
    { expected: -2, counted: 0, delta: null, status: 'recount' },
  ])('expected $expected counted $counted -> $status', ({ expected, counted, delta, status }) => {
    const o = applyCountSubmit(state({ expected: [{ skuId: 'sku-a', lot: null, expiry: null, qty: expected }] }), args([{ skuId: 'sku-a', qty: counted }]), ctx());
    expect(o.status).toBe('applied');
    expect(o.movements.map((m) => m.delta)).toEqual(delta === null ? [] : [delta]);
    for (const m of o.movements) expect(m).toMatchObject({ locationId: 'loc-A-01', containerCode: null, skuId: 'sku-a', reason: 'adjust' });
    expect(o.inventory?.countTaskPatches?.[0]).toMatchObject({ id: 'ct-1', status, expectedQty: expected, countedQty: counted, countedBy: 'u-1001' });
    if (status === 'recount') {
      expect(o.inventory?.newCountTasks).toEqual([
        { id: 'm-1:recount', locationId: 'loc-A-01', skuId: null, reason: 'lead_request', round: 2, chainId: 'ct-1', excludeUserIds: ['u-1001'] },
      ]);
    } else expect(o.inventory?.newCountTasks).toBeUndefined();
  });

  it('a whole bin: lines not found count 0, each lot on its own line with its expiry; an unexpected SKU is recounted', () => {
    const expected = [
      { skuId: 'sku-a', lot: 'L1', expiry: '2027-01-31', qty: 5 },
      { skuId: 'sku-a', lot: 'L2', expiry: '2027-03-31', qty: 1 },
      { skuId: 'sku-b', lot: null, expiry: null, qty: 0 },
    ];
    const counted = [{ skuId: 'sku-a', lot: 'L1', qty: 3 }, { skuId: 'sku-a', lot: 'L1', qty: 3 }];
    const o = applyCountSubmit(state({ expected, threshold: { units: 2, pct: 100 } }), args(counted), ctx());
    expect(o.movements.map((m) => [m.skuId, m.lot, m.expiry, m.delta])).toEqual([
      ['sku-a', 'L1', '2027-01-31', 1],
      ['sku-a', 'L2', '2027-03-31', -1],
    ]);
    expect(o.inventory?.countTaskPatches?.[0]).toMatchObject({ status: 'done', expectedQty: 6, countedQty: 6 });
    expect(o.inventory?.countTaskPatches?.[0]?.countedLines).toEqual([{ skuId: 'sku-a', lot: 'L1', qty: 6 }]);
    // Nothing of sku-c was expected: any unit of it is beyond every percent.
    const more = applyCountSubmit(state({ expected, threshold: { units: 2, pct: 100 } }), args([...counted, { skuId: 'sku-c', qty: 1 }]), ctx());
    expect(more.movements).toEqual([]);
    expect(more.inventory?.countTaskPatches?.[0]?.status).toBe('recount');
  });

  it('one line beyond the threshold holds back the whole bin', () => {
    const expected = [{ skuId: 'sku-a', lot: null, expiry: null, qty: 10 }, { skuId: 'sku-b', lot: null, expiry: null, qty: 10 }];
    const o = applyCountSubmit(state({ expected }), args([{ skuId: 'sku-a', qty: 9 }, { skuId: 'sku-b', qty: 3 }]), ctx());
    expect(o.movements).toEqual([]);
    expect(o.inventory?.countTaskPatches?.[0]?.status).toBe('recount');
  });
});

describe('applyCountSubmit recounts', () => {
  const round2 = (earlier: number, p: Partial<CountSubmitState> = {}) =>
    state({ task: task({ id: 'ct-2', round: 2, excludeUserIds: ['u-1001'] }), earlier: [{ countedBy: 'u-1001', lines: [{ skuId: 'sku-a', lot: null, qty: earlier }] }], ...p });
  it.each([
    { name: 'agrees with the first count', first: 4, second: 4, delta: -6, status: 'done' },
    { name: 'agrees with the ledger (first counter slipped)', first: 4, second: 10, delta: null, status: 'done' },
    { name: 'agrees with neither', first: 4, second: 6, delta: null, status: 'recount' },
  ])('$name', ({ first, second, delta, status }) => {
    const o = applyCountSubmit(round2(first), args([{ skuId: 'sku-a', qty: second }], { countTaskId: 'ct-2' }), ctx('u-2001', 'm-2'));
    expect(o.status).toBe('applied');
    expect(o.movements.map((m) => m.delta)).toEqual(delta === null ? [] : [delta]);
    expect(o.inventory?.countTaskPatches?.[0]).toMatchObject({ id: 'ct-2', status, countedBy: 'u-2001' });
    if (status === 'recount') {
      expect(o.inventory?.newCountTasks?.[0]).toMatchObject({ id: 'm-2:recount', round: 3, chainId: 'ct-1', excludeUserIds: ['u-1001', 'u-2001'] });
    }
  });

  it('round 3 agreeing with round 1 posts', () => {
    const s = state({
      task: task({ id: 'ct-3', round: 3, excludeUserIds: ['u-1001', 'u-2001'] }),
      earlier: [
        { countedBy: 'u-1001', lines: [{ skuId: 'sku-a', lot: null, qty: 4 }] },
        { countedBy: 'u-2001', lines: [{ skuId: 'sku-a', lot: null, qty: 6 }] },
      ],
    });
    const o = applyCountSubmit(s, args([{ skuId: 'sku-a', qty: 4 }], { countTaskId: 'ct-3' }), ctx('u-5001', 'm-3'));
    expect(o.movements.map((m) => m.delta)).toEqual([-6]);
    expect(o.inventory?.countTaskPatches?.[0]?.status).toBe('done');
  });
});
