import { describe, expect, it } from 'vitest';
import type { PickTask, Wave } from '../model';
import { ErrorCode } from '../errors';
import { applyPickConfirm, applyPickShort, remainingQty, type PickState } from './pick';

const ctx = { userId: 'u-pat', mutationId: 'm-1', now: '2026-11-24T10:00:00.000Z' };

function wave(p: Partial<Wave> = {}): Wave {
  return {
    id: 'w1', code: 'W-0001', status: 'released', kind: 'single', assignedUserId: 'u-pat', assignmentEpoch: 1,
    releasedAt: null, completedAt: null, version: 1, ...p,
  };
}
function task(id: string, p: Partial<PickTask> = {}): PickTask {
  return {
    id, waveId: 'w1', orderId: `o-${id}`, orderLineId: `l-${id}`, orderRef: `ORD-${id}`, skuId: `s-${id}`,
    locationId: `loc-${id}`, walkSeq: 1, qty: 3, pickedQty: 0, status: 'open', toteCode: null,
    pickedBy: null, lot: null, expiry: null, skippedAt: null, version: 1, ...p,
  };
}
const state = (tasks: PickTask[], w: Wave | null = wave()): PickState => ({ wave: w, tasks });
const confirm = (p: Partial<Parameters<typeof applyPickConfirm>[1]> = {}) => ({
  waveId: 'w1', taskId: 't1', qty: 3, toteCode: 'T0001', assignmentEpoch: 1, ...p,
});

describe('applyPickConfirm', () => {
  const cases: {
    name: string; st: PickState; args: ReturnType<typeof confirm>;
    status: 'applied' | 'rejected'; code?: string; picked?: number; taskStatus?: string;
    waveStatus?: string | null; exceptions?: string[]; movedQty?: number;
  }[] = [
    { name: 'full pick of one of two tasks starts the wave', st: state([task('t1'), task('t2')]), args: confirm(),
      status: 'applied', picked: 3, taskStatus: 'picked', waveStatus: 'picking', exceptions: [], movedQty: 3 },
    { name: 'partial pick keeps the task open', st: state([task('t1'), task('t2')]), args: confirm({ qty: 1 }),
      status: 'applied', picked: 1, taskStatus: 'open', waveStatus: 'picking', exceptions: [], movedQty: 1 },
    { name: 'last task completes the wave', st: state([task('t1'), task('t2', { status: 'short', pickedQty: 1 })], wave({ status: 'picking' })),
      args: confirm(), status: 'applied', picked: 3, taskStatus: 'picked', waveStatus: 'done', exceptions: [], movedQty: 3 },
    { name: 'over-pick applies the open quantity and asks for the rest back', st: state([task('t1', { pickedQty: 2 }), task('t2')], wave({ status: 'picking' })),
      args: confirm({ qty: 3 }), status: 'applied', code: ErrorCode.OVER_PICK, picked: 3, taskStatus: 'picked', waveStatus: null,
      exceptions: ['line_already_picked'], movedQty: 1 },
    { name: 'line already picked is refused with a put-back exception', st: state([task('t1', { status: 'picked', pickedQty: 3 })]),
      args: confirm({ qty: 2 }), status: 'rejected', code: ErrorCode.LINE_ALREADY_PICKED, exceptions: ['line_already_picked'], movedQty: 0 },
    { name: 'stale epoch on an open line is accepted and reported', st: state([task('t1'), task('t2')], wave({ assignmentEpoch: 2, assignedUserId: 'u-sam' })),
      args: confirm({ assignmentEpoch: 1 }), status: 'applied', code: ErrorCode.WAVE_REASSIGNED, picked: 3, taskStatus: 'picked', waveStatus: 'picking',
      exceptions: ['stale_assignment'], movedQty: 3 },
    { name: 'a wave given back to the picker needs no report', st: state([task('t1'), task('t2')], wave({ assignmentEpoch: 3 })),
      args: confirm({ assignmentEpoch: 1 }), status: 'applied', picked: 3, taskStatus: 'picked', waveStatus: 'picking', exceptions: [], movedQty: 3 },
    { name: 'unknown task', st: state([task('t2')]), args: confirm(), status: 'rejected', code: ErrorCode.TASK_NOT_FOUND, exceptions: [], movedQty: 0 },
    { name: 'unknown wave', st: state([task('t1')], null), args: confirm(), status: 'rejected', code: ErrorCode.WAVE_NOT_FOUND, exceptions: [], movedQty: 0 },
    { name: 'cancelled wave', st: state([task('t1')], wave({ status: 'cancelled' })), args: confirm(), status: 'rejected', code: ErrorCode.WAVE_CLOSED, exceptions: [], movedQty: 0 },
    { name: 'tote holding another order', st: state([task('t1'), task('t2', { toteCode: 'T0001', pickedQty: 1 })]), args: confirm(),
      status: 'rejected', code: ErrorCode.TOTE_IN_USE, exceptions: [], movedQty: 0 },
    { name: 'same order may reuse its tote', st: state([task('t1', { orderId: 'o1' }), task('t2', { orderId: 'o1', toteCode: 'T0001', pickedQty: 1 })]),
      args: confirm(), status: 'applied', picked: 3, taskStatus: 'picked', waveStatus: 'picking', exceptions: [], movedQty: 3 },
  ];

  it.each(cases)('$name', (c) => {
    const out = applyPickConfirm(c.st, c.args, ctx);
    expect(out.status).toBe(c.status);
    if (out.status === 'rejected') expect(out.code).toBe(c.code);
    else expect(out.note).toBe(c.code);
    expect(out.exceptions.map((e) => e.type)).toEqual(c.exceptions);
    const moved = out.movements.filter((m) => m.delta > 0).reduce((s, m) => s + m.delta, 0);
    expect(moved).toBe(c.movedQty);
    // Movements always balance: what leaves the bin arrives in the tote.
    expect(out.movements.reduce((s, m) => s + m.delta, 0)).toBe(0);
    if (c.status === 'applied') {
      const patch = out.taskPatches[0]!.patch;
      expect(patch.pickedQty).toBe(c.picked);
      expect(patch.status).toBe(c.taskStatus);
      expect(patch.pickedBy).toBe(ctx.userId);
      expect(out.wavePatch?.patch.status ?? null).toBe(c.waveStatus);
    } else {
      expect(out.taskPatches).toEqual([]);
      expect(out.wavePatch).toBeNull();
    }
  });

  it('puts the bin on the outgoing movement and the tote on the incoming one', () => {
    const out = applyPickConfirm(state([task('t1')]), confirm({ qty: 2 }), ctx);
    expect(out.movements).toEqual([
      expect.objectContaining({ locationId: 'loc-t1', containerCode: null, delta: -2, skuId: 's-t1' }),
      expect.objectContaining({ locationId: null, containerCode: 'T0001', delta: 2, skuId: 's-t1' }),
    ]);
  });
});

describe('applyPickShort', () => {
  const short = (p: Partial<Parameters<typeof applyPickShort>[1]> = {}) => ({
    waveId: 'w1', taskId: 't1', foundQty: 1, toteCode: 'T0001' as string | null, assignmentEpoch: 1, ...p,
  });
  it.each([
    { name: 'found some: picks them and raises a short for the rest', args: short(), status: 'applied', picked: 1, missing: 2 },
    { name: 'found none: nothing moves, short for all', args: short({ foundQty: 0, toteCode: null }), status: 'applied', picked: 0, missing: 3 },
    { name: 'found everything is not short', args: short({ foundQty: 3 }), status: 'rejected', code: ErrorCode.OVER_PICK },
  ])('$name', (c) => {
    const out = applyPickShort(state([task('t1'), task('t2')]), c.args, ctx);
    expect(out.status).toBe(c.status);
    if (out.status === 'rejected') {
      expect(out.code).toBe(c.code);
      return;
    }
    expect(out.taskPatches[0]!.patch).toMatchObject({ status: 'short', pickedQty: c.picked });
    expect(out.exceptions).toEqual([expect.objectContaining({ type: 'short_pick', qty: c.missing })]);
    expect(out.movements.filter((m) => m.delta > 0).reduce((s, m) => s + m.delta, 0)).toBe(c.picked);
  });

  it('a short on the last open task completes the wave', () => {
    const out = applyPickShort(state([task('t1'), task('t2', { status: 'picked', pickedQty: 3 })]), short({ foundQty: 0, toteCode: null }), ctx);
    expect(out.wavePatch?.patch).toMatchObject({ status: 'done', completedAt: ctx.now });
  });
});

describe('remainingQty', () => {
  it.each([
    [{ qty: 3, pickedQty: 0, status: 'open' as const }, 3],
    [{ qty: 3, pickedQty: 2, status: 'open' as const }, 1],
    [{ qty: 3, pickedQty: 1, status: 'short' as const }, 0],
    [{ qty: 3, pickedQty: 3, status: 'picked' as const }, 0],
  ])('%o -> %i', (t, n) => expect(remainingQty(t)).toBe(n));
});
