import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MutationResult, PullResponse } from '../../src/domain/sync';
import { createReleasedWave } from '../../src/server/services/fixtures';
import { BACKENDS } from './helpers/backends';
import { Device, PAT, PILAR, pickArgs, startHarness, type Harness } from './helpers/harness';

/**
 * Two handhelds scanning the same line at the same moment (DESIGN.md section 4: the
 * line already picked by someone else). Both pushes are in flight together; the server
 * must apply the units once and ask the loser to put theirs back, naming the winner.
 */
describe.each(BACKENDS)('two devices racing on one line on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(kind);
  });
  afterAll(async () => h?.close());
  const db = () => h.db.db;

  let waves = 0;
  /** A fresh one-line wave of `qty` units assigned to Pat, with `already` picked by Pat first. */
  async function line(qty: number, already: number) {
    waves += 1;
    const { waveId, taskIds } = await createReleasedWave(db(), { code: `W-RACE${waves}`, assignedUserId: PAT, tasks: 1, qty });
    const taskId = taskIds[0]!;
    if (already > 0) {
      const first = await Device.signIn(h.app, 'U1001', PAT);
      const r = await first.push([first.command('pick.confirm', pickArgs(taskId, already, `T09${waves}0`, 1, waveId))]);
      expect(r.results[0]).toMatchObject({ status: 'applied' });
    }
    const task = await db().selectFrom('pick_tasks').selectAll().where('id', '=', taskId).executeTakeFirstOrThrow();
    return { waveId, task, toteA: `T09${waves}1`, toteB: `T09${waves}2` };
  }
  const ledgerOf = (mutationId: string) =>
    db().selectFrom('stock_ledger').select(['location_id', 'container_code', 'delta', 'reason'])
      .where('mutation_id', '=', mutationId).execute()
      .then((rows) => rows.map((r) => [r.location_id, r.container_code, Number(r.delta), r.reason]).sort());
  const exceptionsOf = (mutationId: string) =>
    db().selectFrom('exceptions').select(['type', 'qty', 'raised_by', 'location_id', 'status'])
      .where('mutation_id', '=', mutationId).orderBy('type').execute()
      .then((rows) => rows.map((e) => [e.type, Number(e.qty), e.raised_by, e.location_id, e.status]));
  const binTaken = async (locationId: string, skuId: string, waveId: string) => {
    const ids = (await db().selectFrom('mutations').select('id').where('wave_id', '=', waveId).execute()).map((m) => m.id);
    const rows = await db().selectFrom('stock_ledger').select('delta').where('location_id', '=', locationId)
      .where('sku_id', '=', skuId).where('mutation_id', 'in', ids).execute();
    return -rows.reduce((n, r) => n + Number(r.delta), 0);
  };

  const races = [
    { name: 'two pickers, the line\'s last 2 of 5', qty: 5, already: 3, second: { badge: 'U1002', user: PILAR } },
    { name: 'two pickers, all 4 of a fresh line', qty: 4, already: 0, second: { badge: 'U1002', user: PILAR } },
    { name: 'one picker on two handhelds, the last 1 of 3', qty: 3, already: 2, second: { badge: 'U1001', user: PAT } },
  ];

  it.each(races)('$name: applied once, the other put back naming the winner', async ({ qty, already, second }) => {
    const { waveId, task, toteA, toteB } = await line(qty, already);
    const open = qty - already;
    const a = await Device.signIn(h.app, 'U1001', PAT);
    const b = await Device.signIn(h.app, second.badge, second.user);
    const ma = a.command('pick.confirm', pickArgs(task.id, open, toteA, 1, waveId));
    const mb = b.command('pick.confirm', pickArgs(task.id, open, toteB, 1, waveId));
    const [ra, rb] = await Promise.all([a.push([ma]), b.push([mb])]);
    const results: { dev: Device; m: typeof ma; r: MutationResult; tote: string }[] = [
      { dev: a, m: ma, r: ra.results[0]!, tote: toteA },
      { dev: b, m: mb, r: rb.results[0]!, tote: toteB },
    ];
    const winners = results.filter((x) => x.r.status === 'applied');
    const losers = results.filter((x) => x.r.status === 'rejected');
    expect([winners.length, losers.length]).toEqual([1, 1]);
    const [win, lose] = [winners[0]!, losers[0]!];
    const sameUser = win.dev.userId === lose.dev.userId;
    expect(lose.r).toMatchObject({ code: 'LINE_ALREADY_PICKED' });
    // A picker racing themself has nobody else to name.
    expect(lose.r.otherUserId ?? null).toBe(sameUser ? null : win.dev.userId);
    expect(await exceptionsOf(lose.m.id)).toEqual([['line_already_picked', open, lose.dev.userId, task.location_id, 'open']]);
    expect(await ledgerOf(lose.m.id)).toEqual([]);
    expect(await ledgerOf(win.m.id)).toEqual(
      [[task.location_id, null, -open, 'pick'], [null, win.tote, open, 'pick']].sort(),
    );
    // Pilar is not the assignee: if she won, the lead hears of it; Pat winning is plain.
    expect(await exceptionsOf(win.m.id)).toEqual(
      win.dev.userId === PAT ? [] : [['stale_assignment', open, PILAR, task.location_id, 'open']],
    );
    const after = await db().selectFrom('pick_tasks').selectAll().where('id', '=', task.id).executeTakeFirstOrThrow();
    expect([after.status, Number(after.picked_qty), after.picked_by, after.tote_code]).toEqual(['picked', qty, win.dev.userId, win.tote]);
    expect(await binTaken(task.location_id, task.sku_id, waveId)).toBe(qty);
    const wave = await db().selectFrom('waves').select('status').where('id', '=', waveId).executeTakeFirstOrThrow();
    expect(wave.status).toBe('done');
    // The loser's device learns the refusal and whom it names on pull too.
    const pulled = (await lose.dev.get('/api/sync/pull?cursor=0&limit=5000')).json() as PullResponse;
    expect(pulled.rejections.find((x) => x.id === lose.m.id)).toMatchObject({ code: 'LINE_ALREADY_PICKED' });
  });

  it('both take part of the open quantity: the second is capped, noted OVER_PICK and asked to put the surplus back', async () => {
    const { waveId, task, toteA, toteB } = await line(5, 0);
    const a = await Device.signIn(h.app, 'U1001', PAT);
    const b = await Device.signIn(h.app, 'U1001', PAT);
    const ma = a.command('pick.confirm', pickArgs(task.id, 3, toteA, 1, waveId));
    const mb = b.command('pick.confirm', pickArgs(task.id, 3, toteB, 1, waveId));
    const [ra, rb] = await Promise.all([a.push([ma]), b.push([mb])]);
    const both = [
      { m: ma, r: ra.results[0]!, tote: toteA },
      { m: mb, r: rb.results[0]!, tote: toteB },
    ];
    expect(both.map((x) => x.r.status)).toEqual(['applied', 'applied']);
    const over = both.filter((x) => x.r.code === 'OVER_PICK');
    expect(over).toHaveLength(1);
    const first = both.find((x) => x !== over[0])!;
    expect(first.r.code).toBeUndefined();
    expect(await ledgerOf(first.m.id)).toEqual([[task.location_id, null, -3, 'pick'], [null, first.tote, 3, 'pick']].sort());
    // Only the 2 still open move; the third unit goes back to the bin.
    expect(await ledgerOf(over[0]!.m.id)).toEqual([[task.location_id, null, -2, 'pick'], [null, over[0]!.tote, 2, 'pick']].sort());
    expect(await exceptionsOf(over[0]!.m.id)).toEqual([['line_already_picked', 1, PAT, task.location_id, 'open']]);
    expect(await exceptionsOf(first.m.id)).toEqual([]);
    const after = await db().selectFrom('pick_tasks').selectAll().where('id', '=', task.id).executeTakeFirstOrThrow();
    expect([after.status, Number(after.picked_qty)]).toEqual(['picked', 5]);
    expect(await binTaken(task.location_id, task.sku_id, waveId)).toBe(5);
  });

  it('a third device scanning the finished line later is refused like the race\'s loser', async () => {
    const { waveId, task, toteA } = await line(2, 2);
    const pilar = await Device.signIn(h.app, 'U1002', PILAR);
    const late = pilar.command('pick.confirm', pickArgs(task.id, 2, toteA, 1, waveId));
    expect((await pilar.push([late])).results[0]).toMatchObject({ status: 'rejected', code: 'LINE_ALREADY_PICKED', otherUserId: PAT });
    expect(await ledgerOf(late.id)).toEqual([]);
    expect(await binTaken(task.location_id, task.sku_id, waveId)).toBe(2);
  });
});
