import { describe, expect, it } from 'vitest';
import { reallocatedTaskId } from './commands';
import type { PickTask, Wave } from './model';
import type { StockLot } from './picking/allocation';
import { replay, replaySlice, sliceNeeds, type ReplayCommand, type ReplayExtras } from './replay';

const wave: Wave = { id: 'w1', code: 'W-1', status: 'picking', kind: 'single', assignedUserId: 'u1', assignmentEpoch: 1, releasedAt: null, completedAt: null, version: 1 } as Wave;
const task = (id: string, over: Partial<PickTask> = {}): PickTask => ({
  id, waveId: 'w1', orderId: `o-${id}`, orderLineId: `${id}-l`, orderRef: `R-${id}`, skuId: 's1', locationId: `bin-${id}`,
  walkSeq: Number(id.slice(1)) * 10, qty: 3, pickedQty: 0, status: 'open', toteCode: null, pickedBy: null,
  lot: null, expiry: null, skippedAt: null, version: 1, ...over,
});
let n = 0;
const cmd = (name: string, args: Record<string, unknown>): ReplayCommand => {
  n += 1;
  return { id: `m${String(n).padStart(3, '0')}`, seq: n, name, argsVersion: name === 'pick.confirm' ? 2 : 1, userId: 'u1', createdAt: '2030-01-01T08:00:00.000Z', args: { waveId: 'w1', assignmentEpoch: 1, ...args } };
};
const confirm = (taskId: string, qty: number, tote: string, lot?: string) => cmd('pick.confirm', { taskId, qty, toteCode: tote, ...(lot ? { lot } : {}) });
const short = (taskId: string, foundQty: number, tote: string | null) => cmd('pick.short', { taskId, foundQty, toteCode: tote });
const undo = (taskId: string, of: string, qty: number, tote: string) => cmd('pick.undo', { taskId, mutationIdToUndo: of, qty, toteCode: tote });
const skip = (...taskIds: string[]) => cmd('pick.skip', { taskIds });

const lot = (locationId: string, available: number, walkSeq: number, l: string | null = null, expiry: string | null = null): StockLot =>
  ({ locationId, walkSeq, locationType: 'reserve', lot: l, expiry, available });
const stockOf = (lots: StockLot[], tracked = false): ReplayExtras['stock'] => ({
  lots: (skuId) => (skuId === 's1' ? lots : []),
  sku: (skuId) => (skuId === 's1' ? { lotTracked: tracked, expiryTracked: tracked } : null),
});

interface Case {
  name: string;
  tasks: PickTask[];
  cmds: () => ReplayCommand[];
  extras?: ReplayExtras;
  /** Expected outcome codes ('applied' or the refusal code), in seq order. */
  outcomes: string[];
  /** Expected view rows (a subset of fields) by id; null: the row must not exist. */
  rows: Record<string, Partial<PickTask> | null>;
}

const lotted = { lot: 'LA', expiry: '2030-06-01' };
const cases: Case[] = [
  {
    name: 'undo of a pending confirm reopens the line and frees the tote',
    tasks: [task('t1'), task('t2')],
    cmds: () => { const c = confirm('t1', 3, 'T1'); return [c, undo('t1', c.id, 3, 'T1')]; },
    outcomes: ['applied', 'applied'],
    rows: { t1: { status: 'open', pickedQty: 0, toteCode: null, pickedBy: null } },
  },
  {
    name: 'a second undo of the same confirm is refused',
    tasks: [task('t1'), task('t2')],
    cmds: () => { const c = confirm('t1', 2, 'T1'); return [c, undo('t1', c.id, 2, 'T1'), undo('t1', c.id, 2, 'T1')]; },
    outcomes: ['applied', 'applied', 'ALREADY_UNDONE'],
    rows: { t1: { status: 'open', pickedQty: 0 } },
  },
  {
    name: 'undo of a confirm the outbox forgot, from the pick log',
    tasks: [task('t1', { pickedQty: 3, status: 'picked', toteCode: 'T1', pickedBy: 'u1' }), task('t2')],
    extras: { loggedConfirms: [{ mutationId: 'old-1', taskId: 't1', qty: 3, toteCode: 'T1' }] },
    cmds: () => [undo('t1', 'old-1', 3, 'T1')],
    outcomes: ['applied'],
    rows: { t1: { status: 'open', pickedQty: 0, toteCode: null } },
  },
  {
    name: 'undo of a confirm the device never saw is refused',
    tasks: [task('t1', { pickedQty: 3, status: 'picked', toteCode: 'T1' }), task('t2')],
    cmds: () => [undo('t1', 'nobody', 3, 'T1')],
    outcomes: ['UNDO_NOT_FOUND'],
    rows: { t1: { status: 'picked', pickedQty: 3 } },
  },
  {
    name: 'skips number their marks after the wave\'s last one',
    tasks: [task('t1', { skippedAt: 4 }), task('t2'), task('t3')],
    cmds: () => [skip('t2'), skip('t3')],
    outcomes: ['applied', 'applied'],
    rows: { t2: { skippedAt: 5 }, t3: { skippedAt: 6 }, t1: { skippedAt: 4 } },
  },
  {
    name: 'a short re-allocated from another bin shows the new stop, named after the mutation',
    tasks: [task('t1'), task('t2')],
    extras: { stock: stockOf([lot('bin-t1', 3, 10), lot('bin-r', 5, 15)]) },
    cmds: () => [short('t1', 1, 'T1')],
    outcomes: ['applied'],
    rows: {
      t1: { status: 'picked', pickedQty: 1 },
      'm{0}:t0': { locationId: 'bin-r', walkSeq: 15, qty: 2, status: 'open', orderLineId: 't1-l', pickedQty: 0 },
    },
  },
  {
    name: 'stock other open tasks still need is not re-allocated: only the rest, the line stays open elsewhere',
    tasks: [task('t1'), task('t2', { locationId: 'bin-r' })],
    extras: { stock: stockOf([lot('bin-r', 4, 15)]) },
    cmds: () => [short('t1', 0, null)],
    outcomes: ['applied'],
    rows: { t1: { status: 'picked' }, 'm{0}:t0': { locationId: 'bin-r', qty: 1 }, 'm{0}:t1': null },
  },
  {
    name: 'a short with nowhere to re-allocate from, or no stock on the device, stays short',
    tasks: [task('t1'), task('t2')],
    cmds: () => [short('t1', 1, 'T1')],
    outcomes: ['applied'],
    rows: { t1: { status: 'short', pickedQty: 1 }, 'm{0}:t0': null },
  },
  {
    name: 'pending picks come off the device\'s stock before a later short re-allocates',
    tasks: [task('t1'), task('t2', { locationId: 'bin-r', qty: 2 }), task('t3')],
    extras: { stock: stockOf([lot('bin-r', 4, 15)]) },
    // t2 picks 2 of bin-r's 4 and is done; t1 short by 3 finds the 2 left.
    cmds: () => [confirm('t2', 2, 'T2'), short('t1', 0, null)],
    outcomes: ['applied', 'applied'],
    rows: { t2: { status: 'picked' }, 'm{1}:t0': { locationId: 'bin-r', qty: 2 } },
  },
  {
    name: 'a lot swap to a lot expiring sooner moves the task\'s lot',
    tasks: [task('t1', lotted), task('t2')],
    extras: { stock: stockOf([lot('bin-t1', 5, 10, 'LB', '2030-05-01')], true) },
    cmds: () => [confirm('t1', 1, 'T1', 'lb')],
    outcomes: ['applied'],
    rows: { t1: { lot: 'LB', expiry: '2030-05-01', pickedQty: 1 } },
  },
  {
    name: 'a lot swap to a later lot, or with no stock known, is refused',
    tasks: [task('t1', lotted), task('t2')],
    extras: { stock: stockOf([lot('bin-t1', 5, 10, 'LC', '2031-01-01')], true) },
    cmds: () => [confirm('t1', 1, 'T1', 'LC'), confirm('t1', 1, 'T1', 'LZ')],
    outcomes: ['LOT_EXPIRES_LATER', 'LOT_UNKNOWN'],
    rows: { t1: { lot: 'LA', pickedQty: 0 } },
  },
];

/** `m{k}` in an expected id: the id of the k-th command of the case. */
const idOf = (key: string, cmds: readonly ReplayCommand[]) => key.replace(/m\{(\d+)\}/, (_, k: string) => cmds[Number(k)]!.id);

describe('optimistic replay of undo, skip, re-allocating short and lot swap', () => {
  for (const c of cases) {
    it(c.name, () => {
      const cmds = c.cmds();
      const out = replay({ waves: [wave], tasks: c.tasks }, cmds, c.extras);
      expect(cmds.map((x) => { const o = out.outcomes.get(x.id)!; return o.status === 'applied' ? 'applied' : o.code; })).toEqual(c.outcomes);
      const byId = new Map(out.tasks.map((t) => [t.id, t]));
      for (const [key, want] of Object.entries(c.rows)) {
        const id = idOf(key, cmds);
        if (want === null) expect(byId.has(id)).toBe(false);
        else expect(byId.get(id)).toMatchObject(want);
      }
      // A slice of the named tasks (and the skipped ones, for a skip) gives the same rows.
      const needs = sliceNeeds(cmds);
      const slice = c.tasks.filter((t) => needs.taskIds.has(t.id) || (needs.skipped && t.skippedAt !== null) || t.status === 'open');
      const part = replaySlice({ wave, tasks: slice }, cmds, c.extras);
      expect(part.outcomes).toEqual(out.outcomes);
      for (const [id, t] of part.tasks) expect(t).toEqual(byId.get(id));
      for (const t of out.tasks) if (!c.tasks.some((x) => x.id === t.id)) expect(part.tasks.get(t.id)).toEqual(t);
    });
  }

  it('names new stops as the server does', () => {
    expect(reallocatedTaskId('abc', 0)).toBe('abc:t0');
  });
});
