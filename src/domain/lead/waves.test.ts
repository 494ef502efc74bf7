import { describe, expect, it } from 'vitest';
import { decideAssign, decideReassign } from './waves';

const wave = (over: Partial<{ status: 'planned' | 'released' | 'picking' | 'done' | 'cancelled'; assignedUserId: string | null; assignmentEpoch: number }> = {}) => ({
  id: 'w1',
  code: 'W-0001',
  status: 'released' as const,
  assignedUserId: null as string | null,
  assignmentEpoch: 0,
  ...over,
});
const picker = { id: 'u-b', roles: ['picker'] };
const packer = { id: 'u-p', roles: ['packer'] };
const admin = { id: 'u-9', roles: ['admin'] };
const task = (id: string, status: 'open' | 'picked' | 'short', pickedQty = 0) => ({ id, status, qty: 2, pickedQty });

describe('decideAssign', () => {
  it.each([
    ['no wave', null, picker, 'WAVE_NOT_FOUND', 404],
    ['done wave', wave({ status: 'done' }), picker, 'WAVE_CLOSED', 409],
    ['cancelled wave', wave({ status: 'cancelled' }), picker, 'WAVE_CLOSED', 409],
    ['assigned already', wave({ assignedUserId: 'u-a', assignmentEpoch: 1 }), picker, 'WAVE_ALREADY_ASSIGNED', 409],
    ['no user', wave(), null, 'USER_NOT_FOUND', 404],
    ['a packer', wave(), packer, 'NOT_A_PICKER', 409],
    ['an admin without the picker role', wave(), admin, 'NOT_A_PICKER', 409],
  ] as const)('refuses: %s', (_, w, u, code, status) => {
    expect(decideAssign(w, 'w1', u, 'x')).toMatchObject({ ok: false, code, status });
  });

  it.each([
    ['released', wave(), 1],
    ['planned', wave({ status: 'planned' }), 1],
    ['released after an earlier assignment was taken back', wave({ assignmentEpoch: 3 }), 4],
  ] as const)('assigns a %s wave, bumping the epoch', (_, w, epoch) => {
    expect(decideAssign(w, 'w1', picker, 'u-b')).toEqual({ ok: true, assignedUserId: 'u-b', assignmentEpoch: epoch });
  });
});

describe('decideReassign', () => {
  const held = wave({ status: 'picking', assignedUserId: 'u-a', assignmentEpoch: 2 });
  const tasks = [task('t1', 'picked', 2), task('t2', 'short', 1), task('t3', 'open', 1), task('t4', 'open')];
  it.each([
    ['no wave', null, tasks, picker, 'WAVE_NOT_FOUND'],
    ['done wave', wave({ status: 'done', assignedUserId: 'u-a' }), tasks, picker, 'WAVE_CLOSED'],
    ['nobody holds it', wave(), tasks, picker, 'WAVE_NOT_ASSIGNED'],
    ['unknown user', held, tasks, null, 'USER_NOT_FOUND'],
    ['a packer', held, tasks, packer, 'NOT_A_PICKER'],
    ['the same picker', held, tasks, { id: 'u-a', roles: ['picker'] }, 'ALREADY_ASSIGNEE'],
    ['nothing open', held, [task('t1', 'picked', 2)], picker, 'WAVE_NOTHING_OPEN'],
  ] as const)('refuses: %s', (_, w, ts, u, code) => {
    expect(decideReassign(w, 'w1', ts, u, 'x', 'wave')).toMatchObject({ ok: false, code });
  });

  it.each([
    ['wave', [] as string[]],
    ['remaining', ['t1', 't2']],
  ] as const)('scope %s: epoch bumped, open tasks to the new picker, finished ones split off', (scope, split) => {
    expect(decideReassign(held, 'w1', tasks, picker, 'u-b', scope)).toEqual({
      ok: true,
      assignedUserId: 'u-b',
      previousUserId: 'u-a',
      assignmentEpoch: 3,
      splitTaskIds: split,
      // A partly picked open line stays open: the new picker finishes it.
      openTaskIds: ['t3', 't4'],
    });
  });
});
