import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PullResponse } from '../../src/domain/sync';
import { cardIdFor } from '../../src/domain/picking/conflict-card';
import { BACKENDS } from './helpers/backends';
import { Device, LEE, PAT, PILAR, pickArgs, startHarness, tasksOf, WAVE_ID, type Harness } from './helpers/harness';

describe.each(BACKENDS)('picking commands on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(kind);
  });
  afterAll(async () => h?.close());

  const task = async (id: string) => h.db.db.selectFrom('pick_tasks').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const undoArgs = (taskId: string, mutationIdToUndo: string, qty: number, toteCode: string) => ({
    waveId: WAVE_ID, taskId, mutationIdToUndo, qty, toteCode, assignmentEpoch: 1,
  });

  it('undoes a pick with negating ledger rows, reopens the line and refuses a second undo', async () => {
    const d = await Device.signIn(h.app, 'U1001', PAT);
    const t = (await tasksOf(h))[0]!;
    const confirm = d.command('pick.confirm', pickArgs(t.id, t.qty, 'T0401'));
    expect((await d.push([confirm])).results[0]!.status).toBe('applied');
    const undo = d.command('pick.undo', undoArgs(t.id, confirm.id, t.qty, 'T0401'));
    expect((await d.push([undo])).results[0]).toMatchObject({ status: 'applied' });
    const rows = await h.db.db.selectFrom('stock_ledger').selectAll().where('mutation_id', '=', undo.id).execute();
    expect(rows.map((r) => [r.reason, r.location_id, r.container_code, Number(r.delta)]).sort()).toEqual(
      [['pick_undo', null, 'T0401', -t.qty], ['pick_undo', t.location_id, null, t.qty]].sort(),
    );
    const after = await task(t.id);
    expect([after.status, Number(after.picked_qty), after.tote_code, after.picked_by]).toEqual(['open', 0, null, null]);
    // The undo is its own mutation: the audit trail names the confirm it negates.
    const audit = await h.db.db.selectFrom('mutations').select(['name', 'args', 'status']).where('id', '=', undo.id).executeTakeFirstOrThrow();
    expect([audit.name, audit.status, JSON.parse(audit.args).mutationIdToUndo]).toEqual(['pick.undo', 'applied', confirm.id]);
    const again = await d.push([d.command('pick.undo', undoArgs(t.id, confirm.id, t.qty, 'T0401'))]);
    expect(again.results[0]).toMatchObject({ status: 'rejected', code: 'ALREADY_UNDONE' });
  });

  it('undoes a confirm pushed in the same batch, once', async () => {
    const d = await Device.signIn(h.app, 'U1001', PAT);
    const t = (await tasksOf(h)).filter((x) => x.status === 'open')[1]!;
    const confirm = d.command('pick.confirm', pickArgs(t.id, t.qty, 'T0402'));
    const r = await d.push([
      confirm,
      d.command('pick.undo', undoArgs(t.id, confirm.id, t.qty, 'T0402')),
      d.command('pick.undo', undoArgs(t.id, confirm.id, t.qty, 'T0402')),
    ]);
    expect(r.results.map((x) => x.code ?? x.status)).toEqual(['applied', 'applied', 'ALREADY_UNDONE']);
    expect(Number((await task(t.id)).picked_qty)).toBe(0);
  });

  it('refuses an undo of someone else\'s confirm and tells the lead', async () => {
    const pat = await Device.signIn(h.app, 'U1001', PAT);
    const pilar = await Device.signIn(h.app, 'U1002', PILAR);
    const t = (await tasksOf(h)).filter((x) => x.status === 'open')[2]!;
    const confirm = pat.command('pick.confirm', pickArgs(t.id, t.qty, 'T0403'));
    await pat.push([confirm]);
    const undo = pilar.command('pick.undo', undoArgs(t.id, confirm.id, t.qty, 'T0403'));
    expect((await pilar.push([undo])).results[0]).toMatchObject({ status: 'rejected', code: 'UNDO_NOT_YOURS' });
    const ex = await h.db.db.selectFrom('exceptions').select(['type', 'qty']).where('mutation_id', '=', undo.id).execute();
    expect(ex.map((e) => [e.type, Number(e.qty)])).toEqual([['undo_refused', t.qty]]);
  });

  it('skips a stop with the wave\'s next ordinal and sends the marks in pull', async () => {
    const d = await Device.signIn(h.app, 'U1001', PAT);
    const open = (await tasksOf(h)).filter((x) => x.status === 'open');
    const [a, b] = [open[3]!, open[4]!];
    const r = await d.push([
      d.command('pick.skip', { waveId: WAVE_ID, taskIds: [a.id], assignmentEpoch: 1 }),
      d.command('pick.skip', { waveId: WAVE_ID, taskIds: [b.id], assignmentEpoch: 1 }),
      d.command('pick.skip', { waveId: WAVE_ID, taskIds: ['task-nope'], assignmentEpoch: 1 }),
    ]);
    expect(r.results.map((x) => x.code ?? x.status)).toEqual(['applied', 'applied', 'TASK_NOT_FOUND']);
    expect([(await task(a.id)).skipped_at, (await task(b.id)).skipped_at].map(Number)).toEqual([1, 2]);
    // A device that skipped the same stop meanwhile gets the server's number.
    const again = await d.push([d.command('pick.skip', { waveId: WAVE_ID, taskIds: [a.id], assignmentEpoch: 1 })]);
    expect(again.results[0]!.status).toBe('applied');
    expect(Number((await task(a.id)).skipped_at)).toBe(3);
    const pulled = (await d.get('/api/sync/pull?cursor=0&limit=5000')).json() as PullResponse;
    expect(pulled.changes.tasks.find((x) => x.id === a.id)).toMatchObject({ skippedAt: 3, lot: null, expiry: null });
    expect(pulled.changes.waves.find((w) => w.id === WAVE_ID)).toMatchObject({ kind: 'single' });
  });

  it('resolves the exceptions of a card\'s mutation, and succeeds again without change', async () => {
    const a = await Device.signIn(h.app, 'U1001', PAT);
    const b = await Device.signIn(h.app, 'U1002', PILAR);
    const t = (await tasksOf(h)).filter((x) => x.status === 'open')[5]!;
    await a.push([a.command('pick.confirm', pickArgs(t.id, t.qty, 'T0405'))]);
    const late = b.command('pick.confirm', pickArgs(t.id, t.qty, 'T0406'));
    expect((await b.push([late])).results[0]).toMatchObject({ status: 'rejected', code: 'LINE_ALREADY_PICKED' });
    const exc = () => h.db.db.selectFrom('exceptions').selectAll().where('mutation_id', '=', late.id).execute();
    expect((await exc()).map((e) => e.status)).toEqual(['open']);
    const done = b.command('conflict.resolve', { cardId: cardIdFor(late.id) });
    expect((await b.push([done])).results[0]!.status).toBe('applied');
    const [resolved] = await exc();
    expect([resolved!.status, resolved!.resolved_at !== null]).toEqual(['resolved', true]);
    const m = await h.db.db.selectFrom('mutations').select('version').where('id', '=', done.id).executeTakeFirstOrThrow();
    expect(Number(resolved!.version)).toBe(Number(m.version));
    const twice = await b.push([
      b.command('conflict.resolve', { cardId: cardIdFor(late.id) }),
      b.command('conflict.resolve', { cardId: 'conflict-nope' }),
    ]);
    expect(twice.results.map((x) => x.code ?? x.status)).toEqual(['applied', 'NOT_FOUND']);
    expect((await exc())[0]!.version).toBe(resolved!.version);
  });

  // Last: it reassigns the demo wave.
  it('accepts a stale-epoch pick after reassignment and names the people on each side', async () => {
    const pat = await Device.signIn(h.app, 'U1001', PAT);
    const pilar = await Device.signIn(h.app, 'U1002', PILAR);
    const lead = await Device.signIn(h.app, 'U5001', LEE);
    expect((await lead.push([lead.command('wave.assign', { waveId: WAVE_ID, userId: PILAR })])).results[0]!.status).toBe('applied');
    const t = (await tasksOf(h)).filter((x) => x.status === 'open')[6]!;
    // Pat was offline: his device still knows epoch 1.
    const stale = pat.command('pick.confirm', pickArgs(t.id, t.qty, 'T0407', 1));
    expect((await pat.push([stale])).results[0]).toMatchObject({ status: 'applied', code: 'WAVE_REASSIGNED', otherUserId: PILAR });
    const ex = await h.db.db.selectFrom('exceptions').select(['type', 'raised_by']).where('mutation_id', '=', stale.id).execute();
    expect(ex.map((e) => [e.type, e.raised_by])).toEqual([['stale_assignment', PAT]]);
    expect((await task(t.id)).picked_by).toBe(PAT);
    // Pilar, with the current epoch, scans the same line: the units go back, and her card names Pat.
    const late = pilar.command('pick.confirm', pickArgs(t.id, t.qty, 'T0408', 2));
    expect((await pilar.push([late])).results[0]).toMatchObject({ status: 'rejected', code: 'LINE_ALREADY_PICKED', otherUserId: PAT });
    const back = await h.db.db.selectFrom('exceptions').select(['type', 'qty']).where('mutation_id', '=', late.id).execute();
    expect(back.map((e) => [e.type, Number(e.qty)])).toEqual([['line_already_picked', t.qty]]);
    const pulled = (await pilar.get('/api/sync/pull?cursor=0&limit=5000')).json() as PullResponse;
    expect(pulled.rejections.find((r) => r.id === late.id)).toMatchObject({ code: 'LINE_ALREADY_PICKED', otherUserId: PAT });
  });
});
