import { describe, expect, it } from 'vitest';
import type { PickTask, Wave } from './model';
import { replay, type ReplayCommand } from './replay';

const wave: Wave = { id: 'w1', code: 'W-1', status: 'released', assignedUserId: 'u1', assignmentEpoch: 1, releasedAt: null, completedAt: null, version: 1 };
const task = (id: string, qty: number, orderId: string): PickTask => ({
  id, waveId: 'w1', orderId, orderLineId: `${id}-l`, orderRef: `R-${orderId}`, skuId: 's1', locationId: 'l1',
  walkSeq: Number(id.slice(1)), qty, pickedQty: 0, status: 'open', toteCode: null, pickedBy: null, version: 1,
});
let seq = 0;
const confirm = (taskId: string, qty: number, tote: string): ReplayCommand => ({
  id: `00000000-0000-7000-8000-00000000000${++seq}`, seq, name: 'pick.confirm', argsVersion: 1, userId: 'u1',
  createdAt: '2025-01-01T00:00:00.000Z', args: { waveId: 'w1', taskId, qty, toteCode: tote, assignmentEpoch: 1 },
});

describe('replay', () => {
  const server = { waves: [wave], tasks: [task('t1', 1, 'o1'), task('t2', 3, 'o2')] };

  it('applies pending commands on top of server rows in seq order', () => {
    const a = confirm('t2', 2, 'T2');
    const b = confirm('t1', 1, 'T1');
    const view = replay(server, [b, a]);
    const byId = new Map(view.tasks.map((t) => [t.id, t]));
    expect(byId.get('t1')).toMatchObject({ status: 'picked', pickedQty: 1, toteCode: 'T1' });
    expect(byId.get('t2')).toMatchObject({ status: 'open', pickedQty: 2 });
    expect(view.waves[0]!.status).toBe('picking');
  });

  it('leaves server rows untouched (the view is always rebuildable)', () => {
    replay(server, [confirm('t1', 1, 'T1')]);
    expect(server.tasks[0]!.status).toBe('open');
  });

  it('gives a command refused by the rules no effect', () => {
    const ok = confirm('t1', 1, 'T1');
    const clash = confirm('t2', 3, 'T1'); // T1 already holds order o1
    const view = replay(server, [ok, clash]);
    expect(view.outcomes.get(clash.id)).toMatchObject({ status: 'rejected', code: 'TOTE_IN_USE' });
    expect(view.tasks.find((t) => t.id === 't2')).toMatchObject({ pickedQty: 0, status: 'open' });
  });

  it('marks the wave done when every task is closed', () => {
    const view = replay(server, [confirm('t1', 1, 'T1'), confirm('t2', 3, 'T2')]);
    expect(view.waves[0]!.status).toBe('done');
  });

  it('ignores commands with no local effect or bad arguments', () => {
    const bad = { ...confirm('t1', 1, 'T1'), args: { nope: true } };
    const view = replay(server, [bad]);
    expect(view.outcomes.get(bad.id)).toBeNull();
    expect(view.tasks.every((t) => t.status === 'open')).toBe(true);
  });
});
