import { describe, expect, it } from 'vitest';
import type { PickTask, Wave } from './model';
import { commandWaveId, replay, type ReplayCommand } from './replay';

const wave: Wave = {
  id: 'w1', code: 'W-1', status: 'picking', kind: 'single', assignedUserId: 'u1', assignmentEpoch: 1,
  releasedAt: null, completedAt: null, version: 1,
};
const task: PickTask = {
  id: 't1', waveId: 'w1', orderId: 'o1', orderLineId: 'l1', orderRef: 'R1', skuId: 's1', locationId: 'bin', walkSeq: 10,
  qty: 1, pickedQty: 0, status: 'open', toteCode: null, pickedBy: null, lot: null, expiry: null, skippedAt: null, version: 1,
};
let seq = 0;
const cmd = (name: string, args: unknown): ReplayCommand => ({
  id: `m${++seq}`, seq, name, args, argsVersion: 1, userId: 'u1', createdAt: '2026-11-24T10:00:00.000Z',
});
const pick = () => cmd('pick.confirm', { waveId: 'w1', taskId: 't1', qty: 1, toteCode: 'T1', assignmentEpoch: 1 });
const drop = (p: Record<string, unknown> = {}) => cmd('wave.dropoff', { waveId: 'w1', locationId: 'loc-PACK-01', locationCode: 'PACK-01', assignmentEpoch: 1, ...p });

describe('replaying a drop-off on the device', () => {
  it.each([
    { name: 'after the last pick', cmds: () => [pick(), drop()], dropped: 'loc-PACK-01', status: 'applied' },
    { name: 'before the last pick', cmds: () => [drop(), pick()], dropped: null, status: 'rejected' },
    { name: 'named by code only: no local effect', cmds: () => [pick(), drop({ locationId: undefined })], dropped: null, status: 'rejected' },
  ])('$name', (c) => {
    const cmds = c.cmds();
    const out = replay({ waves: [wave], tasks: [task] }, cmds);
    expect(out.waves[0]!.dropoffLocationId ?? null).toBe(c.dropped);
    const d = cmds.find((x) => x.name === 'wave.dropoff')!;
    expect(out.outcomes.get(d.id)?.status).toBe(c.status);
  });

  it('names the wave a drop-off changes', () => {
    expect(commandWaveId(drop())).toBe('w1');
    expect(commandWaveId(pick())).toBe('w1');
    expect(commandWaveId(cmd('conflict.resolve', { cardId: 'x' }))).toBeNull();
  });
});
