import { describe, expect, it } from 'vitest';
import { parseCommand } from '../commands';
import { ErrorCode } from '../errors';
import { applyReplenishConfirm, type ReplenishConfirmArgs, type ReplenishConfirmState } from './confirm';

const ctx = { userId: 'u1', mutationId: 'm1', now: '2026-01-01T00:00:00.000Z' };
const task = { id: 't1', status: 'open' as const, locationId: 'face', skuId: 'S1', fromLocationId: 'res', lot: 'L1', expiry: '2027-01-01', doneBy: null };
const state = (over: Partial<ReplenishConfirmState> = {}): ReplenishConfirmState => ({
  task, from: { id: 'res', type: 'reserve' }, to: { id: 'face', type: 'pick_face' }, ...over,
});
const args = (over: Partial<ReplenishConfirmArgs> = {}): ReplenishConfirmArgs => ({ taskId: 't1', fromLocationId: 'res', toLocationId: 'face', lot: 'L1', qty: 12, ...over });

describe('applyReplenishConfirm', () => {
  const refusals: [string, ReplenishConfirmState, ReplenishConfirmArgs, string][] = [
    ['unknown task', state({ task: null }), args(), ErrorCode.REPLENISH_TASK_NOT_FOUND],
    ['cancelled task', state({ task: { ...task, status: 'cancelled' } }), args(), ErrorCode.REPLENISH_TASK_NOT_FOUND],
    ['done by someone else', state({ task: { ...task, status: 'done', doneBy: 'u2' } }), args(), ErrorCode.REPLENISH_TASK_DONE],
    ['unknown face', state({ to: null }), args(), ErrorCode.LOCATION_NOT_FOUND],
    ['another face', state({ to: { id: 'other', type: 'pick_face' } }), args({ toLocationId: 'other' }), ErrorCode.REPLENISH_WRONG_FACE],
    ['unknown from-bin', state({ from: null }), args(), ErrorCode.LOCATION_NOT_FOUND],
    ['from a pick face', state({ from: { id: 'f2', type: 'pick_face' } }), args({ fromLocationId: 'f2' }), ErrorCode.REPLENISH_FROM_NOT_RESERVE],
  ];
  for (const [name, s, a, code] of refusals) {
    it(`refuses: ${name}`, () => {
      const o = applyReplenishConfirm(s, a, ctx);
      expect(o.status).toBe('rejected');
      expect(o.status === 'rejected' && o.code).toBe(code);
      expect(o.movements).toEqual([]);
    });
  }

  it('done elsewhere: who did it, and a count of the face, never a second move', () => {
    const o = applyReplenishConfirm(state({ task: { ...task, status: 'done', doneBy: 'u2' } }), args(), ctx);
    expect(o.otherUserId).toBe('u2');
    expect(o.replenish).toEqual({ countFace: { locationId: 'face', skuId: 'S1' } });
  });

  const applied: [string, ReplenishConfirmState, ReplenishConfirmArgs, { from: string; lot: string | null; expiry: string | null }][] = [
    ['the suggested bin and lot', state(), args(), { from: 'res', lot: 'L1', expiry: '2027-01-01' }],
    ['another reserve bin', state({ from: { id: 'res2', type: 'reserve' } }), args({ fromLocationId: 'res2' }), { from: 'res2', lot: 'L1', expiry: '2027-01-01' }],
    ['another lot: its expiry unknown', state(), args({ lot: 'L9' }), { from: 'res', lot: 'L9', expiry: null }],
    ['a no_stock task someone filled anyway', state({ task: { ...task, status: 'no_stock', fromLocationId: null } }), args(), { from: 'res', lot: 'L1', expiry: '2027-01-01' }],
  ];
  for (const [name, s, a, want] of applied) {
    it(`moves: ${name}`, () => {
      const o = applyReplenishConfirm(s, a, ctx);
      expect(o.status).toBe('applied');
      expect(o.movements).toEqual([
        { locationId: want.from, containerCode: null, skuId: 'S1', lot: want.lot, expiry: want.expiry, delta: -12, reason: 'replenish' },
        { locationId: 'face', containerCode: null, skuId: 'S1', lot: want.lot, expiry: want.expiry, delta: 12, reason: 'replenish' },
      ]);
      expect(o.replenish?.done).toEqual({ id: 't1', qty: 12, fromLocationId: want.from, doneBy: 'u1', at: ctx.now });
    });
  }
});

describe('replenish.confirm arguments', () => {
  const cases: [string, unknown, boolean][] = [
    ['ok', args(), true],
    ['no lot', args({ lot: null }), true],
    ['zero', args({ qty: 0 }), false],
    ['fraction', args({ qty: 1.5 }), false],
    ['hostile id', args({ taskId: "t1'; drop table x;--" }), false],
    ['extra', { ...args(), x: 1 }, false],
  ];
  for (const [name, a, ok] of cases) it(name, () => expect(parseCommand('replenish.confirm', 1, a).ok).toBe(ok));
});
