import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../errors';
import type { PickTask, Wave } from '../model';
import { applyConflictResolve } from './resolve';
import { applyPickSkip } from './skip';

const ctx = { userId: 'u-pat', mutationId: 'm-1', now: '2026-11-24T10:00:00.000Z' };
const wave: Wave = {
  id: 'w1', code: 'W-1', status: 'picking', kind: 'single', assignedUserId: 'u-pat', assignmentEpoch: 1,
  releasedAt: null, completedAt: null, version: 1,
};
const task = (id: string, p: Partial<PickTask> = {}): PickTask => ({
  id, waveId: 'w1', orderId: 'o1', orderLineId: `l-${id}`, orderRef: 'R', skuId: 's1', locationId: 'b1', walkSeq: 1, qty: 2,
  pickedQty: 0, status: 'open', toteCode: null, pickedBy: null, lot: null, expiry: null, skippedAt: null, version: 1, ...p,
});

describe('applyPickSkip', () => {
  const tasks = [task('t1'), task('t2', { skippedAt: 4 }), task('t3', { status: 'picked', pickedQty: 2 })];
  it.each([
    { name: 'marks the stop with the wave\'s next ordinal', ids: ['t1'], w: wave, patches: [['t1', 5]] },
    { name: 'gives no mark to a closed task', ids: ['t1', 't3'], w: wave, patches: [['t1', 5]] },
    { name: 'refuses an unknown task', ids: ['t9'], w: wave, code: ErrorCode.TASK_NOT_FOUND },
    { name: 'refuses a finished wave', ids: ['t1'], w: { ...wave, status: 'done' as const }, code: ErrorCode.WAVE_CLOSED },
    { name: 'refuses another wave', ids: ['t1'], w: null, code: ErrorCode.WAVE_NOT_FOUND },
  ])('$name', ({ ids, w, patches, code }) => {
    const out = applyPickSkip({ wave: w, tasks }, { waveId: 'w1', taskIds: ids, assignmentEpoch: 1 }, ctx);
    if (code) return expect(out).toMatchObject({ status: 'rejected', code });
    expect(out.status).toBe('applied');
    expect(out.taskPatches.map((p) => [p.id, p.patch.skippedAt])).toEqual(patches);
  });
});

describe('applyConflictResolve', () => {
  it.each([
    { name: 'resolves the open exceptions', known: true, cardId: 'conflict-m0', exc: [{ id: 'x1', status: 'open' as const }, { id: 'x2', status: 'resolved' as const }], ids: ['x1'] },
    { name: 'succeeds without change when already resolved', known: true, cardId: 'conflict-m0', exc: [{ id: 'x2', status: 'resolved' as const }], ids: undefined },
    { name: 'refuses an unknown mutation', known: false, cardId: 'conflict-m0', exc: [], code: ErrorCode.NOT_FOUND },
    { name: 'refuses a card id of another shape', known: true, cardId: 'm0', exc: [], code: ErrorCode.NOT_FOUND },
  ])('$name', ({ known, cardId, exc, ids, code }) => {
    const out = applyConflictResolve({ mutationKnown: known, exceptions: exc }, { cardId }, ctx);
    if (code) return expect(out).toMatchObject({ status: 'rejected', code });
    expect(out).toMatchObject({ status: 'applied' });
    expect(out.resolveExceptionIds).toEqual(ids);
  });
});
