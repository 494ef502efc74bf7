import { describe, expect, it } from 'vitest';
import type { PickTask, Wave } from './model';
import { replay, replaySlice, sliceNeeds, type ReplayCommand } from './replay';

const wave: Wave = { id: 'w1', code: 'W-1', status: 'released', kind: 'single', assignedUserId: 'u1', assignmentEpoch: 1, releasedAt: null, completedAt: null, version: 1 };
const task = (id: string, qty: number, orderId: string): PickTask => ({
  id, waveId: 'w1', orderId, orderLineId: `${id}-l`, orderRef: `R-${orderId}`, skuId: 's1', locationId: 'l1',
  walkSeq: Number(id.slice(1)), qty, pickedQty: 0, status: 'open', toteCode: null, pickedBy: null,
  lot: null, expiry: null, skippedAt: null, version: 1,
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

const short = (taskId: string, foundQty: number, tote: string | null): ReplayCommand => ({
  id: `00000000-0000-7000-8000-00000000010${++seq}`, seq, name: 'pick.short', argsVersion: 1, userId: 'u1',
  createdAt: '2025-01-01T00:00:00.000Z', args: { waveId: 'w1', taskId, foundQty, toteCode: tote, assignmentEpoch: 1 },
});

/** What the device's indexed queries return for `sliceNeeds`; `openFrom` picks which open tasks are sampled. */
function sliceOf(tasks: readonly PickTask[], cmds: readonly ReplayCommand[], openFrom: 'first' | 'last') {
  const needs = sliceNeeds(cmds);
  const open = tasks.filter((t) => t.status === 'open');
  const sample = (openFrom === 'first' ? open : [...open].reverse()).slice(0, needs.openSample);
  return [
    ...tasks.filter((t) => needs.taskIds.has(t.id)),
    ...tasks.filter((t) => t.toteCode !== null && needs.toteCodes.has(t.toteCode)),
    ...sample,
  ];
}

describe('replaySlice (incremental view refresh)', () => {
  const eight = Array.from({ length: 8 }, (_, i) => task(`t${i + 1}`, 2, `o${(i % 4) + 1}`));
  const done = (t: PickTask, tote: string): PickTask => ({ ...t, status: 'picked', pickedQty: t.qty, toteCode: tote });
  const cases: { name: string; tasks: PickTask[]; cmds: () => ReplayCommand[] }[] = [
    { name: 'no commands', tasks: eight, cmds: () => [] },
    { name: 'one pick', tasks: eight, cmds: () => [confirm('t3', 2, 'T3')] },
    { name: 'partial then full pick of one task', tasks: eight, cmds: () => [confirm('t2', 1, 'T2'), confirm('t2', 1, 'T2')] },
    { name: 'tote held by an unnamed server task of another order', tasks: [done(eight[0]!, 'TX'), ...eight.slice(1)], cmds: () => [confirm('t2', 2, 'TX')] },
    { name: 'tote held by an unnamed server task of the same order', tasks: [done(eight[0]!, 'TX'), ...eight.slice(1)], cmds: () => [confirm('t5', 2, 'TX')] },
    { name: 'tote taken by an earlier pending command', tasks: eight, cmds: () => [confirm('t1', 2, 'TY'), confirm('t2', 2, 'TY'), confirm('t5', 2, 'TY')] },
    { name: 'line already picked on the server', tasks: [done(eight[0]!, 'TZ'), ...eight.slice(1)], cmds: () => [confirm('t1', 2, 'TZ')] },
    { name: 'last open task closes the wave', tasks: [...eight.slice(0, 7).map((t) => done(t, `T-${t.orderId}`)), eight[7]!], cmds: () => [confirm('t8', 2, 'T-o4')] },
    { name: 'last two open tasks, closed in turn', tasks: [...eight.slice(0, 6).map((t) => done(t, `T-${t.orderId}`)), eight[6]!, eight[7]!], cmds: () => [confirm('t7', 2, 'T-o3'), short('t8', 0, null)] },
    { name: 'short with units into a tote', tasks: eight, cmds: () => [short('t4', 1, 'T4'), confirm('t8', 2, 'T4')] },
    { name: 'refused over-pick of a short', tasks: eight, cmds: () => [short('t4', 2, 'T4')] },
    { name: 'unknown task', tasks: eight, cmds: () => [confirm('t99', 1, 'T9')] },
  ];
  for (const c of cases) {
    for (const openFrom of ['first', 'last'] as const) {
      it(`${c.name} (open sample from the ${openFrom})`, () => {
        const w: Wave = { ...wave, status: c.tasks.some((t) => t.status !== 'open') ? 'picking' : 'released' };
        const cmds = c.cmds();
        const full = replay({ waves: [w], tasks: c.tasks }, cmds);
        const part = replaySlice({ wave: w, tasks: sliceOf(c.tasks, cmds, openFrom) }, cmds);
        expect(part.outcomes).toEqual(full.outcomes);
        expect(part.wave).toEqual(full.waves[0]);
        const named = sliceNeeds(cmds).taskIds;
        for (const t of full.tasks) {
          if (named.has(t.id)) expect(part.tasks.get(t.id)).toEqual(t);
          else expect(t).toEqual(c.tasks.find((x) => x.id === t.id)); // untouched rows stay as the server has them
        }
      });
    }
  }

  it('names tasks and totes of pick commands only', () => {
    const needs = sliceNeeds([confirm('t1', 1, 'T1'), short('t2', 0, null), { ...confirm('t3', 1, 'T3'), name: 'wave.assign' }]);
    expect([...needs.taskIds]).toEqual(['t1', 't2']);
    expect([...needs.toteCodes]).toEqual(['T1']);
    expect(needs.openSample).toBe(3);
  });
});
