import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../errors';
import type { PickTask, Wave } from '../model';
import { applyWaveDropoff, dropoffLocationError, waveToteCodes, type DropoffLocation } from './dropoff';
import { parseCommand } from './index';

const ctx = { userId: 'u1', mutationId: 'm', now: '2026-11-24T10:00:00.000Z' };
const w = (p: Partial<Wave> = {}): Wave => ({
  id: 'w1', code: 'W-1', status: 'done', kind: 'cluster', assignedUserId: 'u1', assignmentEpoch: 1,
  releasedAt: null, completedAt: null, version: 1, ...p,
});
const task = (id: string, p: Partial<PickTask> = {}): PickTask => ({
  id, waveId: 'w1', orderId: 'o1', orderLineId: `l-${id}`, orderRef: 'R1', skuId: 's1', locationId: 'bin', walkSeq: 10,
  qty: 2, pickedQty: 2, status: 'picked', toteCode: 'T1', pickedBy: 'u1', lot: null, expiry: null, skippedAt: null, version: 1, ...p,
});
const bench: DropoffLocation = { id: 'loc-PACK-01', code: 'PACK-01', type: 'pack_bench' };
const doneTasks = [
  task('a'),
  task('b', { orderId: 'o2', toteCode: 'T2' }),
  task('c', { orderId: 'o2', toteCode: 'T2', status: 'short', pickedQty: 1 }),
  // Short with nothing found: no units, so its tote (none) is not dropped.
  task('d', { orderId: 'o3', toteCode: null, status: 'short', pickedQty: 0 }),
];
const args = { waveId: 'w1', locationCode: 'PACK-01', assignmentEpoch: 1 };

describe('applyWaveDropoff', () => {
  it.each([
    { name: 'done wave at a bench', wave: w(), tasks: doneTasks, loc: bench, totes: ['T1', 'T2'] },
    { name: 'a task still open', wave: w({ status: 'picking' }), tasks: [...doneTasks, task('e', { status: 'open', pickedQty: 0 })], loc: bench, code: ErrorCode.WAVE_NOT_DONE },
    { name: 'a bin, not a bench', wave: w(), tasks: doneTasks, loc: { id: 'loc-A', code: 'A01-01-1', type: 'pick_face' as const }, code: ErrorCode.NOT_A_PACK_BENCH },
    { name: 'unknown label', wave: w(), tasks: doneTasks, loc: null, code: ErrorCode.NOT_A_PACK_BENCH },
    { name: 'missing wave', wave: null, tasks: [], loc: bench, code: ErrorCode.WAVE_NOT_FOUND },
    { name: 'cancelled wave', wave: w({ status: 'cancelled' }), tasks: doneTasks, loc: bench, code: ErrorCode.WAVE_CLOSED },
    { name: 'repeat: applied, nothing changes', wave: w({ droppedAt: '2026-11-24T09:00:00.000Z', dropoffLocationId: 'loc-PACK-02' }), tasks: doneTasks, loc: bench, totes: [] },
    { name: 'repeat at a bin: still a repeat', wave: w({ droppedAt: '2026-11-24T09:00:00.000Z', dropoffLocationId: 'loc-PACK-02' }), tasks: doneTasks, loc: null, totes: [] },
  ])('$name', (c) => {
    const out = applyWaveDropoff({ wave: c.wave, tasks: c.tasks, location: c.loc }, args, ctx);
    if (c.code) {
      expect(out).toMatchObject({ status: 'rejected', code: c.code });
      expect(out.wavePatch).toBeNull();
      expect(out.totePatches ?? []).toEqual([]);
      return;
    }
    expect(out.status).toBe('applied');
    expect((out.totePatches ?? []).map((t) => t.code)).toEqual(c.totes);
    for (const t of out.totePatches ?? []) expect(t.patch).toEqual({ status: 'awaiting_packing', locationId: bench.id, waveId: 'w1' });
    // No stock moves: the units stay in their totes.
    expect(out.movements).toEqual([]);
    if (c.totes?.length) expect(out.wavePatch).toEqual({ id: 'w1', patch: { droppedAt: ctx.now, dropoffLocationId: bench.id } });
    else expect(out.wavePatch).toBeNull();
    // Orders with units in the totes become picked, only from a pre-pick status; o3 got nothing.
    const picked = (out.orderPatches ?? []).map((o) => [o.id, o.patch.status, [...(o.from ?? [])]]);
    if (c.totes?.length) expect(picked).toEqual(['o1', 'o2'].map((id) => [id, 'picked', ['received', 'allocated', 'released', 'picking']]));
    else expect(picked).toEqual([]);
  });
});

describe('dropoffLocationError', () => {
  it.each([
    { loc: bench, code: null },
    { loc: { id: 'x', code: 'RCV-01', type: 'receiving_dock' as const }, code: ErrorCode.NOT_A_PACK_BENCH },
    { loc: undefined, code: ErrorCode.NOT_A_PACK_BENCH },
  ])('$loc.code', (c) => expect(dropoffLocationError(c.loc)).toBe(c.code));
});

describe('waveToteCodes', () => {
  it('lists each tote holding units once', () => expect(waveToteCodes(doneTasks)).toEqual(['T1', 'T2']));
});

describe('wave.dropoff arguments', () => {
  it.each([
    { name: 'by code', a: args, ok: true },
    { name: 'by id', a: { waveId: 'w1', locationId: 'loc-PACK-01', assignmentEpoch: 1 }, ok: true },
    { name: 'neither', a: { waveId: 'w1', assignmentEpoch: 1 }, ok: false },
    { name: 'blank code', a: { ...args, locationCode: '  ' }, ok: false },
    { name: 'extra field', a: { ...args, toteCode: 'T1' }, ok: false },
  ])('$name', (c) => expect(parseCommand('wave.dropoff', 1, c.a).ok).toBe(c.ok));
});
