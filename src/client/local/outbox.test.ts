import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { ToteDb, db, setDatabase } from './db';
import { enqueue, markAcked, rebuildView } from './outbox';
import { pendingBatch, pendingCount } from './queries';
import { applyPullPage, storePushRejections } from './server-state';
import { WAVE, emptyPull, freshDb, makeTask } from './test-db';

const confirm = (taskId: string, qty: number, toteCode: string) =>
  enqueue('pick.confirm', { waveId: 'w1', taskId, qty, toteCode, assignmentEpoch: 1 });

beforeEach(async () => {
  await freshDb();
});

describe('enqueue', () => {
  it('writes the outbox row and the optimistic effect together', async () => {
    const res = await confirm('t1', 1, 'T0001');
    expect(res).toMatchObject({ ok: true, seq: 1, outcome: { status: 'applied' } });
    const [row] = await db().outbox.toArray();
    expect(row).toMatchObject({ seq: 1, deviceId: 'dev-1', userId: 'u1', name: 'pick.confirm', argsVersion: 2, status: 'pending' });
    expect(row!.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await db().tasks.get('t1')).toMatchObject({ status: 'picked', pickedQty: 1, toteCode: 'T0001' });
    // Server rows are never touched by a local command.
    expect(await db().srvTasks.get('t1')).toMatchObject({ status: 'open', pickedQty: 0 });
  });

  it('refuses invalid arguments and writes nothing', async () => {
    const res = await enqueue('pick.confirm', { waveId: 'w1', taskId: 't1', qty: 0, toteCode: 'T1', assignmentEpoch: 1 });
    expect(res).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
    expect(await db().outbox.count()).toBe(0);
  });

  it('refuses, writing nothing and using no seq, when the rule gives a code the caller refuses', async () => {
    await confirm('t1', 1, 'T0001');
    const res = await enqueue('pick.confirm', { waveId: 'w1', taskId: 't2', qty: 1, toteCode: 'T0001', assignmentEpoch: 1 }, { refuse: ['TOTE_IN_USE'] });
    expect(res).toMatchObject({ ok: false, code: 'TOTE_IN_USE', refused: true });
    expect(await db().outbox.count()).toBe(1);
    expect(await db().tasks.get('t2')).toMatchObject({ status: 'open', pickedQty: 0, toteCode: null });
    expect(await confirm('t2', 1, 'T0002')).toMatchObject({ ok: true, seq: 2 });
    // Without the option the same refusal is still a recorded fact.
    expect(await confirm('t3', 1, 'T0001')).toMatchObject({ ok: true, seq: 3, outcome: { status: 'rejected', code: 'TOTE_IN_USE' } });
  });

  it('reports STORAGE_FAILED, and saves nothing, when the database cannot be written', async () => {
    db().close({ disableAutoOpen: true });
    const res = await confirm('t1', 1, 'T0001');
    expect(res).toMatchObject({ ok: false, code: 'STORAGE_FAILED' });
  });
});

describe('seq allocation', () => {
  it('is gap-free under concurrent enqueues', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => confirm('t2', 1, `T${i}`)));
    const seqs = results.map((r) => (r.ok ? r.seq : -1)).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect((await db().outbox.orderBy('seq').keys()).length).toBe(20);
  });

  it('continues after a reload of the database', async () => {
    await confirm('t2', 1, 'T1');
    await confirm('t2', 1, 'T1');
    const name = db().name;
    db().close();
    setDatabase(new ToteDb(name)); // a new page load over the same IndexedDB
    const res = await confirm('t2', 1, 'T1');
    expect(res).toMatchObject({ ok: true, seq: 3 });
  });
});

describe('outbox and replay reconciliation', () => {
  it('drops commands the server holds and keeps replaying the rest', async () => {
    await confirm('t1', 1, 'T0001');
    await confirm('t2', 2, 'T0002');
    expect(await pendingCount()).toBe(2);
    await markAcked(1);
    expect(await pendingCount()).toBe(1);
    expect((await pendingBatch(200)).map((r) => r.seq)).toEqual([2]);

    // The pull reflects command 1 and says the server has seq 1.
    await applyPullPage(
      emptyPull({ lastSeq: 1, changes: { ...emptyPull().changes, tasks: [makeTask('t1', 1, 'o1', { status: 'picked', pickedQty: 1, toteCode: 'T0001', pickedBy: 'u1', version: 2 })] } }),
      { final: true, userId: 'u1' },
    );
    expect((await db().outbox.toArray()).map((r) => r.seq)).toEqual([2]);
    expect(await db().tasks.get('t1')).toMatchObject({ status: 'picked', pickedQty: 1 });
    expect(await db().tasks.get('t2')).toMatchObject({ status: 'open', pickedQty: 2 }); // still pending, still shown
  });

  it('keeps acked commands in the view until the pull that reflects them (restart in between)', async () => {
    await confirm('t1', 1, 'T0001');
    await markAcked(1);
    await rebuildView(); // e.g. the app restarted after the push, before the pull
    expect(await db().tasks.get('t1')).toMatchObject({ status: 'picked' });
    expect(await pendingCount()).toBe(0);
  });

  it("removes a rejected command's optimistic effect on rebuild and keeps the rejection", async () => {
    const res = await confirm('t3', 2, 'T0003');
    expect(await db().tasks.get('t3')).toMatchObject({ status: 'picked', toteCode: 'T0003' });
    const id = (await db().outbox.get(1))!.id;
    await storePushRejections([{ id, seq: 1, status: 'rejected', code: 'LINE_ALREADY_PICKED', message: 'already picked' }]);
    await markAcked(1);
    // Someone else picked it: the server row says so.
    await applyPullPage(
      emptyPull({ lastSeq: 1, changes: { ...emptyPull().changes, tasks: [makeTask('t3', 2, 'o3', { status: 'picked', pickedQty: 2, toteCode: 'T0099', pickedBy: 'u2', version: 5 })] } }),
      { final: true, userId: 'u1' },
    );
    expect(res.ok).toBe(true);
    expect(await db().outbox.count()).toBe(0);
    expect(await db().tasks.get('t3')).toMatchObject({ toteCode: 'T0099', pickedBy: 'u2' });
    expect(await db().rejections.toArray()).toMatchObject([{ id, seq: 1, name: 'pick.confirm', code: 'LINE_ALREADY_PICKED' }]);
  });

  it('rebuilds only on the last page of a pull', async () => {
    await applyPullPage(emptyPull({ hasMore: true, changes: { ...emptyPull().changes, waves: [{ ...WAVE, status: 'cancelled', version: 9 }] } }), { final: false, userId: 'u1' });
    expect((await db().waves.get('w1'))!.status).toBe('released');
    await applyPullPage(emptyPull({ cursor: 2 }), { final: true, userId: 'u1' });
    expect((await db().waves.get('w1'))!.status).toBe('cancelled');
  });
});
