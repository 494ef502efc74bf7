import { describe, expect, it } from 'vitest';
import type { PickTask, Wave } from '../model';
import { ErrorCode } from '../errors';
import { applyPickUndo, PickUndoArgs, type PickConfirmation, type PickUndoState } from './undo';

const ctx = { userId: 'u-pat', mutationId: 'm-undo', now: '2026-11-24T10:05:00.000Z' };

function wave(p: Partial<Wave> = {}): Wave {
  return {
    id: 'w1', code: 'W-0001', status: 'picking', kind: 'single', assignedUserId: 'u-pat', assignmentEpoch: 1,
    releasedAt: null, completedAt: null, version: 1, ...p,
  };
}
function task(id: string, p: Partial<PickTask> = {}): PickTask {
  return {
    id, waveId: 'w1', orderId: `o-${id}`, orderLineId: `l-${id}`, orderRef: `ORD-${id}`, skuId: `s-${id}`,
    locationId: `loc-${id}`, walkSeq: 1, qty: 3, pickedQty: 3, status: 'picked', toteCode: 'T1',
    pickedBy: 'u-pat', lot: null, expiry: null, skippedAt: null, version: 2, ...p,
  };
}
const conf = (p: Partial<PickConfirmation> = {}): PickConfirmation => ({
  mutationId: 'm-1', taskId: 't1', qty: 3, toteCode: 'T1', userId: 'u-pat', undone: false, ...p,
});
const st = (p: Partial<PickUndoState> = {}): PickUndoState => ({
  wave: wave(), tasks: [task('t1'), task('t2', { status: 'open', pickedQty: 0, toteCode: null })],
  confirmations: [conf()], toteOffCart: () => false, ...p,
});
const args = (p: Partial<PickUndoArgs> = {}): PickUndoArgs => ({
  waveId: 'w1', taskId: 't1', mutationIdToUndo: 'm-1', qty: 3, toteCode: 'T1', assignmentEpoch: 1, ...p,
});

describe('applyPickUndo refusals', () => {
  it.each([
    { name: 'unknown wave', s: st({ wave: null }), a: args(), code: ErrorCode.WAVE_NOT_FOUND },
    { name: 'unknown task', s: st(), a: args({ taskId: 't9' }), code: ErrorCode.TASK_NOT_FOUND },
    { name: 'no such confirm', s: st(), a: args({ mutationIdToUndo: 'm-9' }), code: ErrorCode.UNDO_NOT_FOUND },
    { name: 'confirm of another task', s: st({ confirmations: [conf({ taskId: 't2' })] }), a: args(), code: ErrorCode.UNDO_NOT_FOUND },
    { name: 'confirm into another tote', s: st(), a: args({ toteCode: 'T2' }), code: ErrorCode.UNDO_NOT_FOUND },
    { name: 'already undone', s: st({ confirmations: [conf({ undone: true })] }), a: args(), code: ErrorCode.ALREADY_UNDONE },
    { name: 'someone else\'s confirm', s: st({ confirmations: [conf({ userId: 'u-ben' })] }), a: args(), code: ErrorCode.UNDO_NOT_YOURS },
    { name: 'different quantity', s: st(), a: args({ qty: 2 }), code: ErrorCode.UNDO_QTY_MISMATCH },
    { name: 'tote left the cart', s: st({ toteOffCart: (t) => t === 'T1' }), a: args(), code: ErrorCode.TOTE_LEFT_CART },
    { name: 'cancelled wave', s: st({ wave: wave({ status: 'cancelled' }) }), a: args(), code: ErrorCode.WAVE_CLOSED },
  ])('$name -> $code, changes nothing', ({ s, a, code }) => {
    const out = applyPickUndo(s, a, ctx);
    expect(out).toEqual({ status: 'rejected', code, message: expect.any(String), taskPatches: [], wavePatch: null, movements: [], exceptions: [] });
  });
});

describe('applyPickUndo', () => {
  type Case = {
    name: string; s: PickUndoState; a: PickUndoArgs;
    patch: Partial<PickTask>; waveStatus: string | null; exceptions: string[];
  };
  const cases: Case[] = [
    { name: 'full confirm undone: line reopens, tote freed', s: st(), a: args(),
      patch: { pickedQty: 0, status: 'open', toteCode: null, pickedBy: null }, waveStatus: null, exceptions: [] },
    { name: 'second of two confirms undone: tote kept for the first', a: args({ mutationIdToUndo: 'm-2', qty: 2 }),
      s: st({ confirmations: [conf({ qty: 1 }), conf({ mutationId: 'm-2', qty: 2 })] }),
      patch: { pickedQty: 1, status: 'open', toteCode: 'T1', pickedBy: 'u-pat' }, waveStatus: null, exceptions: [] },
    { name: 'undo on a finished wave reopens it', a: args(),
      s: st({ wave: wave({ status: 'done', completedAt: '2026-11-24T10:00:00.000Z' }), tasks: [task('t1')] }),
      patch: { pickedQty: 0, status: 'open', toteCode: null, pickedBy: null }, waveStatus: 'picking', exceptions: [] },
    { name: 'undo of a shorted line reopens it', a: args({ qty: 1 }),
      s: st({ tasks: [task('t1', { status: 'short', pickedQty: 1 })], confirmations: [conf({ qty: 1 })] }),
      patch: { pickedQty: 0, status: 'open', toteCode: null, pickedBy: null }, waveStatus: null, exceptions: [] },
    { name: 'undo after the wave was reassigned: accepted, lead told', a: args(), s: st({ wave: wave({ assignmentEpoch: 2, assignedUserId: 'u-ben' }) }),
      patch: { pickedQty: 0, status: 'open', toteCode: null, pickedBy: null }, waveStatus: null, exceptions: ['stale_assignment'] },
  ];
  it.each(cases)('$name', (c) => {
    const out = applyPickUndo(c.s, c.a, ctx);
    expect(out.status).toBe('applied');
    expect(out.taskPatches).toEqual([{ id: 't1', patch: c.patch }]);
    expect(out.wavePatch?.patch.status ?? null).toBe(c.waveStatus);
    expect(out.exceptions.map((e) => e.type)).toEqual(c.exceptions);
    // Negating movements: out of the tote, back into the bin, balanced, never a deletion.
    expect(out.movements).toEqual([
      { locationId: null, containerCode: 'T1', skuId: 's-t1', lot: null, expiry: null, delta: -c.a.qty, reason: 'pick_undo' },
      { locationId: 'loc-t1', containerCode: null, skuId: 's-t1', lot: null, expiry: null, delta: c.a.qty, reason: 'pick_undo' },
    ]);
  });

  it.each([
    { name: 'the confirm\'s own lot, when the task\'s lot was swapped since', stock: { lot: 'LA', expiry: '2030-06-01' }, want: ['LA', '2030-06-01'] },
    { name: 'the task\'s lot when the confirm names none (an older log)', stock: undefined, want: ['LB', '2030-05-01'] },
  ])('puts back $name', ({ stock, want }) => {
    const s = st({ tasks: [task('t1', { lot: 'LB', expiry: '2030-05-01' })], confirmations: [conf(stock ? { stock } : {})] });
    const out = applyPickUndo(s, args(), ctx);
    expect(out.movements.map((m) => [m.lot, m.expiry])).toEqual([want, want]);
  });

  it('records who undid which confirm and when, for the audit trail', () => {
    const out = applyPickUndo(st(), args(), ctx);
    if (out.status !== 'applied') throw new Error(`expected applied, got ${out.code}`);
    expect(out.undone).toBe('m-1');
    expect(out.event).toEqual({
      type: 'pick.undone', mutationId: 'm-undo', negates: 'm-1', userId: 'u-pat', at: ctx.now,
      waveId: 'w1', taskId: 't1', skuId: 's-t1', locationId: 'loc-t1', toteCode: 'T1', qty: 3,
    });
  });
});

describe('PickUndoArgs', () => {
  it.each([
    { name: 'valid', input: args(), ok: true },
    { name: 'zero qty', input: { ...args(), qty: 0 }, ok: false },
    { name: 'missing mutation id', input: { ...args(), mutationIdToUndo: '' }, ok: false },
    { name: 'extra field', input: { ...args(), extra: 1 }, ok: false },
  ])('$name', ({ input, ok }) => expect(PickUndoArgs.safeParse(input).success).toBe(ok));
});
