import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../errors';
import type { Wave } from '../model';
import { applyWaveAssign } from './wave';
import { parseCommand } from './index';

const ctx = { userId: 'u-lead', mutationId: 'm', now: '2026-11-24T10:00:00.000Z' };
const w = (p: Partial<Wave> = {}): Wave => ({
  id: 'w1', code: 'W-1', status: 'released', kind: 'single', assignedUserId: 'a', assignmentEpoch: 3,
  releasedAt: null, completedAt: null, version: 1, ...p,
});

describe('applyWaveAssign', () => {
  it.each([
    { name: 'reassign bumps the epoch', wave: w(), who: { id: 'b', roles: ['picker'] }, status: 'applied', epoch: 4 },
    { name: 'assigning a planned wave releases it', wave: w({ status: 'planned' }), who: { id: 'b', roles: ['picker'] }, status: 'applied', epoch: 4 },
    { name: 'done wave', wave: w({ status: 'done' }), who: { id: 'b', roles: ['picker'] }, status: 'rejected', code: ErrorCode.WAVE_CLOSED },
    { name: 'missing wave', wave: null, who: { id: 'b', roles: ['picker'] }, status: 'rejected', code: ErrorCode.WAVE_NOT_FOUND },
    { name: 'missing user', wave: w(), who: null, status: 'rejected', code: ErrorCode.USER_NOT_FOUND },
    { name: 'a packer cannot be given a wave', wave: w(), who: { id: 'b', roles: ['packer'] }, status: 'rejected', code: ErrorCode.NOT_A_PICKER },
  ])('$name', (c) => {
    const out = applyWaveAssign({ wave: c.wave, assignee: c.who }, { waveId: 'w1', userId: 'b' }, ctx);
    expect(out.status).toBe(c.status);
    if (out.status === 'rejected') expect(out.code).toBe(c.code);
    else {
      expect(out.wavePatch?.patch.assignmentEpoch).toBe(c.epoch);
      expect(out.wavePatch?.patch.assignedUserId).toBe('b');
      if (c.wave?.status === 'planned') expect(out.wavePatch?.patch.status).toBe('released');
    }
  });
});

describe('parseCommand', () => {
  const good = { waveId: 'w1', taskId: 't1', qty: 1, toteCode: 'T0001', assignmentEpoch: 0 };
  it.each([
    { name: 'valid pick', cmd: 'pick.confirm', v: 1, args: good, ok: true },
    { name: 'unknown name', cmd: 'pick.teleport', v: 1, args: good, code: ErrorCode.UNKNOWN_COMMAND },
    { name: 'future args version', cmd: 'pick.confirm', v: 9, args: good, code: ErrorCode.UNSUPPORTED_ARGS_VERSION },
    { name: 'zero quantity', cmd: 'pick.confirm', v: 1, args: { ...good, qty: 0 }, code: ErrorCode.VALIDATION_FAILED },
    { name: 'fractional quantity', cmd: 'pick.confirm', v: 1, args: { ...good, qty: 1.5 }, code: ErrorCode.VALIDATION_FAILED },
    { name: 'string quantity', cmd: 'pick.confirm', v: 1, args: { ...good, qty: '1' }, code: ErrorCode.VALIDATION_FAILED },
    { name: 'extra field', cmd: 'pick.confirm', v: 1, args: { ...good, admin: true }, code: ErrorCode.VALIDATION_FAILED },
    { name: 'args not an object', cmd: 'pick.confirm', v: 1, args: 'DROP TABLE', code: ErrorCode.VALIDATION_FAILED },
    { name: 'blank tote', cmd: 'pick.confirm', v: 1, args: { ...good, toteCode: '   ' }, code: ErrorCode.VALIDATION_FAILED },
    { name: 'short with units but no tote', cmd: 'pick.short', v: 1,
      args: { waveId: 'w1', taskId: 't1', foundQty: 1, toteCode: null, assignmentEpoch: 0 }, code: ErrorCode.VALIDATION_FAILED },
    { name: 'short with nothing found', cmd: 'pick.short', v: 1,
      args: { waveId: 'w1', taskId: 't1', foundQty: 0, toteCode: null, assignmentEpoch: 0 }, ok: true },
  ])('$name', (c) => {
    const r = parseCommand(c.cmd, c.v, c.args);
    if (c.ok) expect(r.ok).toBe(true);
    else expect(r).toMatchObject({ ok: false, code: c.code });
  });
});
