import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { PickTask, Wave } from '../../domain/model';
import { replay } from '../../domain/replay';
import type { PullResponse } from '../../domain/sync';
import { db } from './db';
import { getMeta, setMeta } from './meta';
import { enqueue, markAcked } from './outbox';
import { applyPullPage } from './server-state';
import { WAVE, emptyPull, freshDb, makeTask } from './test-db';
import { prepareView, rebuildView } from './view';

const confirm = (taskId: string, qty: number, toteCode: string, waveId = 'w1') =>
  enqueue('pick.confirm', { waveId, taskId, qty, toteCode, assignmentEpoch: 1 });
const short = (taskId: string, foundQty: number, toteCode: string | null) =>
  enqueue('pick.short', { waveId: 'w1', taskId, foundQty, toteCode, assignmentEpoch: 1 });
const W2: Wave = { ...WAVE, id: 'w2', code: 'W-2', version: 1 };
const w2Task = (id: string, extra: Partial<PickTask> = {}) => makeTask(id, 1, `o-${id}`, { waveId: 'w2', ...extra });

function pull(changes: Partial<PullResponse['changes']>, over: Partial<PullResponse> = {}): PullResponse {
  return emptyPull({ ...over, changes: { ...emptyPull().changes, ...changes } });
}
const final = { final: true, userId: 'u1' };

/** The view must always equal the server rows with the whole outbox replayed on top. */
async function expectViewIsReplay() {
  const d = db();
  const [waves, tasks, outbox, vWaves, vTasks] = await Promise.all([
    d.srvWaves.toArray(),
    d.srvTasks.toArray(),
    d.outbox.orderBy('seq').toArray(),
    d.waves.toArray(),
    d.tasks.toArray(),
  ]);
  const want = replay({ waves, tasks }, outbox);
  expect(vWaves).toEqual(want.waves);
  expect(vTasks).toEqual(want.tasks);
}

/** Counts the view rows written, to show a refresh stays within what changed. */
function countWrites() {
  const n = { tasks: 0, waves: 0 };
  const onTask = () => void n.tasks++;
  const onWave = () => void n.waves++;
  db().tasks.hook('creating', onTask);
  db().tasks.hook('updating', onTask);
  db().waves.hook('creating', onWave);
  db().waves.hook('updating', onWave);
  return n;
}

beforeEach(async () => {
  await freshDb();
  await db().srvWaves.put(W2);
  await db().srvTasks.bulkPut([w2Task('u1'), w2Task('u2'), w2Task('u3')]);
  await rebuildView();
});

type Step = () => Promise<unknown>;
/** A step that leaves the view behind on purpose (writes under the view's feet). */
const unchecked = (step: Step): Step & { unchecked: true } => Object.assign(step, { unchecked: true as const });
const t = (id: string, qty: number, order: string, extra: Partial<PickTask> = {}) => makeTask(id, qty, order, { version: 5, ...extra });

// Each case: what happens, in order; after every step the view must equal a full replay.
const cases: { name: string; steps: Step[] }[] = [
  { name: 'local picks only', steps: [() => confirm('t1', 1, 'T1'), () => confirm('t2', 2, 'T2'), () => short('t3', 0, null)] },
  {
    name: 'a pull reflecting acked picks forgets them',
    steps: [
      () => confirm('t1', 1, 'T1'),
      () => confirm('t2', 1, 'T2'),
      () => markAcked(1),
      () => applyPullPage(pull({ tasks: [t('t1', 1, 'o1', { status: 'picked', pickedQty: 1, toteCode: 'T1', pickedBy: 'u1' })] }, { lastSeq: 1 }), final),
    ],
  },
  {
    name: 'someone else picked a line with a pending pick: the pending effect goes',
    steps: [
      () => confirm('t3', 2, 'T3'),
      () => applyPullPage(pull({ tasks: [t('t3', 2, 'o3', { status: 'picked', pickedQty: 2, toteCode: 'T9', pickedBy: 'u2' })] }), final),
    ],
  },
  {
    name: 'a server task takes the tote of a pending pick (tote now in use)',
    steps: [
      () => confirm('t2', 3, 'TX'),
      () => applyPullPage(pull({ tasks: [t('t1', 1, 'o1', { status: 'picked', pickedQty: 1, toteCode: 'TX', pickedBy: 'u2' })] }), final),
    ],
  },
  {
    name: 'an unrelated task and the wave row change under pending picks',
    steps: [
      () => confirm('t1', 1, 'T1'),
      () => applyPullPage(pull({ tasks: [t('t2', 3, 'o2', { pickedQty: 1, toteCode: 'T2', pickedBy: 'u2' })], waves: [{ ...WAVE, assignmentEpoch: 2, version: 6 }] }), final),
    ],
  },
  {
    name: 'the last open task closes the wave on the server while picks are pending',
    steps: [
      () => confirm('t1', 1, 'T1'),
      () => confirm('t2', 3, 'T2'),
      () => applyPullPage(pull({ tasks: [t('t3', 2, 'o3', { status: 'short', pickedQty: 0, pickedBy: 'u2' })] }), final),
    ],
  },
  {
    name: 'a refused command loses its effect once the server holds it',
    steps: [
      () => confirm('t1', 1, 'T1'),
      () => confirm('t2', 3, 'T1'), // refused locally too: T1 holds o1
      () => applyPullPage(pull({ tasks: [t('t1', 1, 'o1', { status: 'picked', pickedQty: 1, toteCode: 'T1', pickedBy: 'u1' })] }, { lastSeq: 2 }), final),
    ],
  },
  {
    name: 'a command the server refused without changing any row loses its effect',
    steps: [() => confirm('t3', 2, 'T3'), () => markAcked(1), () => applyPullPage(pull({}, { lastSeq: 1 }), final)],
  },
  {
    name: 'a pull split over pages refreshes on the last one',
    steps: [
      () => confirm('t1', 1, 'T1'),
      () => applyPullPage(pull({ tasks: [t('t2', 3, 'o2', { status: 'picked', pickedQty: 3, toteCode: 'T2', pickedBy: 'u2' })] }, { hasMore: true, lastSeq: 1 }), { final: false, userId: 'u1' }),
      () => applyPullPage(pull({ tasks: [t('t1', 1, 'o1', { status: 'picked', pickedQty: 1, toteCode: 'T1', pickedBy: 'u1' })], waves: [{ ...W2, status: 'cancelled', version: 7 }] }, { cursor: 2, lastSeq: 1 }), final),
    ],
  },
  {
    name: 'picks in two waves, one wave pulled',
    steps: [
      () => confirm('t1', 1, 'T1'),
      () => confirm('u1', 1, 'T1', 'w2'),
      () => applyPullPage(pull({ tasks: [w2Task('u2', { status: 'picked', pickedQty: 1, toteCode: 'T7', version: 8 })] }), final),
    ],
  },
  {
    name: 'commands queued without their view effect (an old outbox) are refreshed away after the drain',
    steps: [
      unchecked(async () => {
        await db().outbox.add({ id: '00000000-0000-7000-8000-000000000001', deviceId: 'dev-1', seq: 1, name: 'pick.confirm', argsVersion: 1, userId: 'u1',
          args: { waveId: 'w2', taskId: 'u3', qty: 1, toteCode: 'T3', assignmentEpoch: 1 }, createdAt: '2025-01-01T00:00:00.000Z', status: 'pending' });
        await setMeta('nextSeq', 2);
      }),
      () => applyPullPage(pull({ tasks: [w2Task('u3', { status: 'picked', pickedQty: 1, toteCode: 'T3', version: 9 })] }, { lastSeq: 1 }), final),
    ],
  },
];

describe('incremental view refresh equals a full replay', () => {
  for (const c of cases) {
    it(c.name, async () => {
      for (const step of c.steps) {
        await step();
        // Mid-pull the view deliberately lags (the screen never shows half a pull).
        if ((await db().viewDirty.count()) === 0 && !('unchecked' in step)) await expectViewIsReplay();
      }
      expect(await db().viewDirty.count()).toBe(0);
    });
  }
});

describe('refresh cost', () => {
  it('a pull that changes one task writes that task and nothing of the other waves', async () => {
    await confirm('t1', 1, 'T1');
    const n = countWrites();
    await applyPullPage(pull({ tasks: [w2Task('u2', { pickedQty: 0, toteCode: null, version: 3, orderRef: 'R-new' })] }), final);
    expect(n).toEqual({ tasks: 1, waves: 0 });
    await expectViewIsReplay();
  });

  it('a pull with nothing new for the view writes nothing', async () => {
    await confirm('t1', 1, 'T1');
    const n = countWrites();
    await applyPullPage(pull({}, { cursor: 3 }), final);
    expect(n).toEqual({ tasks: 0, waves: 0 });
  });
});

describe('prepareView at start-up', () => {
  it('refreshes the rows a cut-short pull left dirty', async () => {
    await applyPullPage(pull({ tasks: [t('t2', 3, 'o2', { status: 'picked', pickedQty: 3, toteCode: 'T2', pickedBy: 'u2' })] }, { hasMore: true }), { final: false, userId: 'u1' });
    await setMeta('viewBuiltBy', '1.0.0');
    expect(await db().tasks.get('t2')).toMatchObject({ status: 'open' });
    await prepareView('1.0.0'); // e.g. the app was reloaded before the next page
    expect(await db().tasks.get('t2')).toMatchObject({ status: 'picked' });
    expect(await db().viewDirty.count()).toBe(0);
    await expectViewIsReplay();
  });

  it('rebuilds in full once for a new app version', async () => {
    await db().srvTasks.put(t('t1', 1, 'o1', { orderRef: 'R-changed-behind-our-back' }));
    await setMeta('viewBuiltBy', '1.0.0');
    await prepareView('1.0.0');
    expect(await db().tasks.get('t1')).toMatchObject({ orderRef: 'R-o1' });
    await prepareView('1.1.0');
    expect(await db().tasks.get('t1')).toMatchObject({ orderRef: 'R-changed-behind-our-back' });
    expect(await getMeta('viewBuiltBy')).toBe('1.1.0');
  });
});
