import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PullResponse } from '../../src/domain/sync';
import { VersionClock } from '../../src/server/db/version';
import { BACKENDS } from './helpers/backends';
import { Device, digest, PAT, pickArgs, PILAR, startHarness, tasksOf, WAVE_ID, type Harness } from './helpers/harness';

describe.each(BACKENDS)('sync push on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(kind);
  });
  afterAll(async () => h?.close());

  const ledgerRows = (ids: string[]) =>
    h.db.db.selectFrom('stock_ledger').select(['mutation_id', 'delta']).where('mutation_id', 'in', ids).execute();

  it('applies the same push twice with identical results and one effect', async () => {
    const d = await Device.signIn(h.app, 'U1001', PAT);
    const [t1, t2] = await tasksOf(h);
    const batch = [d.command('pick.confirm', pickArgs(t1!.id, t1!.qty, 'T0101')), d.command('pick.confirm', pickArgs(t2!.id, 1, 'T0101'))];
    // t2 may belong to another order; use its own tote then.
    if (t2!.order_id !== t1!.order_id) (batch[1]!.args as { toteCode: string }).toteCode = 'T0102';
    const first = await d.push(batch);
    expect(first.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    const before = await digest(h);
    const second = await d.push(batch);
    expect(second).toEqual(first);
    expect(await digest(h)).toBe(before);
    const rows = await ledgerRows(batch.map((m) => m.id));
    expect(rows).toHaveLength(4);
    const n = await h.db.db.selectFrom('mutations').select((eb) => eb.fn.countAll<number>().as('n')).where('device_id', '=', d.id).executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(2);
  });

  it('answers a gap with 409 and the expected seq, changing nothing', async () => {
    const d = await Device.signIn(h.app, 'U1001', PAT);
    const [, , t3] = await tasksOf(h);
    await d.push([d.command('pick.short', { waveId: WAVE_ID, taskId: 'no-such-task', foundQty: 0, toteCode: null, assignmentEpoch: 1 })]);
    d.seq += 3;
    const before = await digest(h);
    const r = await d.pushRaw([d.command('pick.confirm', pickArgs(t3!.id, 1, 'T0103'))]);
    expect(r.statusCode).toBe(409);
    expect(r.json()).toMatchObject({ error: { code: 'SEQ_GAP', details: { expectedSeq: 2 } } });
    expect(await digest(h)).toBe(before);
  });

  it('stores a refusal as a result, advances lastSeq and reports it in pull', async () => {
    const d = await Device.signIn(h.app, 'U1001', PAT);
    const res = await d.push([d.command('pick.confirm', pickArgs('task-nope', 1, 'T0104'))]);
    expect(res.lastSeq).toBe(1);
    expect(res.results[0]).toMatchObject({ status: 'rejected', code: 'TASK_NOT_FOUND' });
    const pulled = (await d.get('/api/sync/pull?cursor=0&limit=5000')).json() as PullResponse;
    expect(pulled.lastSeq).toBe(1);
    expect(pulled.rejections.map((r) => r.code)).toEqual(['TASK_NOT_FOUND']);
    const next = await d.push([d.command('wave.assign', { waveId: WAVE_ID, userId: PILAR })]);
    expect(next.lastSeq).toBe(2);
    expect(next.results[0]).toMatchObject({ status: 'rejected', code: 'FORBIDDEN' });
  });

  it('refuses the whole batch when a command is unknown or malformed', async () => {
    const d = await Device.signIn(h.app, 'U1001', PAT);
    const before = await digest(h);
    const bad = await d.pushRaw([d.command('pick.confirm', pickArgs('x', 1, 'T0105')), d.command('pick.teleport', {})]);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('UNKNOWN_COMMAND');
    d.seq = 0;
    const invalid = await d.pushRaw([d.command('pick.confirm', { ...pickArgs('x', 1, 'T0105'), qty: -3 })]);
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error.code).toBe('VALIDATION_FAILED');
    expect(await digest(h)).toBe(before);
  });

  it('refuses commands in the name of a user who never signed in on the device', async () => {
    const d = await Device.signIn(h.app, 'U1001', PAT);
    d.userId = PILAR;
    const res = await d.push([d.command('pick.confirm', pickArgs('x', 1, 'T0106'))]);
    expect(res.results[0]).toMatchObject({ status: 'rejected', code: 'FORBIDDEN' });
    // Once Pilar signs in on the same handheld, Pat's queued commands still sync as Pat's.
    const pilarToken = (await Device.signIn(h.app, 'U1002', PILAR, d.id)).token;
    d.token = pilarToken;
    d.userId = PAT;
    const later = await d.push([d.command('pick.confirm', pickArgs('x', 1, 'T0106'))]);
    expect(later.results[0]).toMatchObject({ status: 'rejected', code: 'TASK_NOT_FOUND' });
  });

  it('refuses a batch that reuses a recorded mutation id under a new seq', async () => {
    const d = await Device.signIn(h.app, 'U1001', PAT);
    const first = d.command('pick.confirm', pickArgs('task-none', 1, 'T0110'));
    await d.push([first]);
    const before = await digest(h);
    const r = await d.pushRaw([d.command('pick.confirm', pickArgs('task-none', 1, 'T0110'), { id: first.id })]);
    expect(r.statusCode).toBe(400);
    expect(r.json().error.code).toBe('VALIDATION_FAILED');
    expect(await digest(h)).toBe(before);
  });

  it('answers 403 when the push names another device than the session', async () => {
    const d = await Device.signIn(h.app, 'U1001', PAT);
    const r = await d.pushRaw([], { deviceId: 'someone-else' });
    expect(r.statusCode).toBe(403);
    expect(r.json().error.code).toBe('DEVICE_MISMATCH');
  });

  it('answers 503 on a database fault and advances nothing', async () => {
    const d = await Device.signIn(h.app, 'U1001', PAT);
    const open = (await tasksOf(h)).find((t) => t.status === 'open')!;
    const before = await digest(h);
    await h.db.db.schema.alterTable('stock_ledger').renameTo('stock_ledger_away').execute();
    let r;
    try {
      r = await d.pushRaw([d.command('pick.confirm', pickArgs(open.id, 1, 'T0107'))]);
    } finally {
      await h.db.db.schema.alterTable('stock_ledger_away').renameTo('stock_ledger').execute();
    }
    expect(r.statusCode).toBe(503);
    expect(r.json().error.code).toBe('TRANSIENT');
    expect(await digest(h)).toBe(before);
    // The failed batch's in-memory wave state must not survive: the retry applies normally.
    const retry = await d.push([{ ...d.command('pick.confirm', pickArgs(open.id, 1, 'T0107')), seq: d.seq - 1 }]);
    expect(retry.results[0]).toMatchObject({ status: 'applied' });
  });

  it('notices wave changes made outside this process before reusing cached wave state', async () => {
    const d = await Device.signIn(h.app, 'U1001', PAT);
    const open = (await tasksOf(h)).filter((t) => t.status === 'open');
    const [a, b] = [open[0]!, open[1]!];
    await d.push([d.command('pick.confirm', pickArgs(a.id, 1, 'T0108'))]);
    // Another server on the same database closes task b, stamping a new version.
    await h.db.db.transaction().execute(async (trx) => {
      const clock = await VersionClock.begin(trx);
      await trx.updateTable('pick_tasks').set({ status: 'short', picked_by: 'u-1002', version: clock.tick() }).where('id', '=', b.id).execute();
      await clock.finish(trx);
    });
    const r = await d.push([d.command('pick.confirm', pickArgs(b.id, 1, 'T0109'))]);
    expect(r.results[0]).toMatchObject({ status: 'rejected', code: 'LINE_ALREADY_PICKED' });
  });
});

describe.each(BACKENDS)('conflicts on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(kind);
  });
  afterAll(async () => h?.close());

  it('applies one of two devices picking the same line and records the other as LINE_ALREADY_PICKED', async () => {
    const a = await Device.signIn(h.app, 'U1001', PAT);
    const b = await Device.signIn(h.app, 'U1002', PILAR);
    const t = (await tasksOf(h))[0]!;
    const ra = await a.push([a.command('pick.confirm', pickArgs(t.id, t.qty, 'T0201'))]);
    const rb = await b.push([b.command('pick.confirm', pickArgs(t.id, t.qty, 'T0202'))]);
    expect(ra.results[0]!.status).toBe('applied');
    expect(rb.results[0]).toMatchObject({ status: 'rejected', code: 'LINE_ALREADY_PICKED' });
    const ex = await h.db.db.selectFrom('exceptions').selectAll().where('task_id', '=', t.id).execute();
    expect(ex.map((e) => [e.type, Number(e.qty), e.raised_by])).toEqual([['line_already_picked', t.qty, PILAR]]);
    const task = await h.db.db.selectFrom('pick_tasks').selectAll().where('id', '=', t.id).executeTakeFirstOrThrow();
    expect([task.status, Number(task.picked_qty), task.picked_by, task.tote_code]).toEqual(['picked', t.qty, PAT, 'T0201']);
    const pulled = (await b.get('/api/sync/pull?cursor=0')).json() as PullResponse;
    expect(pulled.changes.exceptions.some((e) => e.taskId === t.id && e.type === 'line_already_picked')).toBe(true);
  });

  it('lets a lead reassign a wave, bumps the epoch, and accepts a stale pick for an open line', async () => {
    const pat = await Device.signIn(h.app, 'U1001', PAT);
    const lead = await Device.signIn(h.app, 'U5001', 'u-5001');
    const denied = await pat.push([pat.command('wave.assign', { waveId: WAVE_ID, userId: PILAR })]);
    expect(denied.results[0]).toMatchObject({ status: 'rejected', code: 'FORBIDDEN' });
    const ok = await lead.push([lead.command('wave.assign', { waveId: WAVE_ID, userId: PILAR })]);
    expect(ok.results[0]!.status).toBe('applied');
    const wave = await h.db.db.selectFrom('waves').selectAll().where('id', '=', WAVE_ID).executeTakeFirstOrThrow();
    expect([wave.assigned_user_id, Number(wave.assignment_epoch)]).toEqual([PILAR, 2]);
    const open = (await tasksOf(h)).filter((t) => t.status === 'open');
    const t = open[open.length - 1]!;
    const stale = await pat.push([pat.command('pick.confirm', pickArgs(t.id, t.qty, 'T0299', 1))]);
    expect(stale.results[0]!.status).toBe('applied');
    const task = await h.db.db.selectFrom('pick_tasks').selectAll().where('id', '=', t.id).executeTakeFirstOrThrow();
    expect(task.picked_by).toBe(PAT);
    const ex = await h.db.db.selectFrom('exceptions').select('type').where('task_id', '=', t.id).execute();
    expect(ex.map((e) => e.type)).toEqual(['stale_assignment']);
  });

  it('lists a wave\'s applied picks for a lead, one per command', async () => {
    const lead = await Device.signIn(h.app, 'U5001', 'u-5001');
    const r = await lead.get(`/api/waves/${WAVE_ID}/picks`);
    expect(r.statusCode).toBe(200);
    const picks = (r.json() as { picks: { mutationId: string; qty: number; userId: string; taskId: string }[] }).picks;
    const applied = await h.db.db.selectFrom('mutations').select('id').where('status', '=', 'applied').where('name', '=', 'pick.confirm').execute();
    expect(picks.map((p) => p.mutationId).sort()).toEqual(applied.map((a) => a.id).sort());
    expect(picks.every((p) => p.qty > 0)).toBe(true);
    const picker = await Device.signIn(h.app, 'U1001', PAT);
    expect((await picker.get(`/api/waves/${WAVE_ID}/picks`)).statusCode).toBe(403);
    expect((await lead.get('/api/waves/nope/picks')).json().error.code).toBe('WAVE_NOT_FOUND');
  });

  it('never refuses a pick for stock: a bin below zero raises an exception and a count task', async () => {
    const { createReleasedWave } = await import('../../src/server/services/fixtures');
    const { waveId, taskIds } = await createReleasedWave(h.db.db, { code: 'W-NEG', assignedUserId: PAT, tasks: 1, qty: 5000 });
    const d = await Device.signIn(h.app, 'U1001', PAT);
    const r = await d.push([d.command('pick.confirm', pickArgs(taskIds[0]!, 5000, 'T0300', 1, waveId))]);
    expect(r.results[0]!.status).toBe('applied');
    const ex = await h.db.db.selectFrom('exceptions').selectAll().where('type', '=', 'negative_stock').execute();
    expect(ex).toHaveLength(1);
    expect(Number(ex[0]!.qty)).toBeLessThan(0);
    const counts = await h.db.db.selectFrom('count_tasks').selectAll().where('location_id', '=', ex[0]!.location_id!).execute();
    expect(counts).toHaveLength(1);
    // The exception and its count task take one version after the command's, and the counter reached it.
    const m = await h.db.db.selectFrom('mutations').select('version').where('id', '=', r.results[0]!.id).executeTakeFirstOrThrow();
    expect(Number(ex[0]!.version)).toBe(Number(m.version) + 1);
    expect(Number(counts[0]!.version)).toBe(Number(ex[0]!.version));
    const { currentVersion } = await import('../../src/server/db/version');
    expect(await currentVersion(h.db.db)).toBe(Number(ex[0]!.version));
  });
});
