import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoardStatsResponse } from '../../src/domain/board/stats';
import { createReleasedWave } from '../../src/server/services/fixtures';
import { BACKENDS } from './helpers/backends';
import { Device, LEE, PAT, PILAR, pickArgs, startHarness, type Harness } from './helpers/harness';

const MIN = 60_000;

describe.each(BACKENDS)("the lead's board figures on %s", (kind) => {
  let h: Harness;
  let lead: Device;
  const t0 = Date.now();
  const ago = (minutes: number) => new Date(t0 - minutes * MIN).toISOString();
  const db = () => h.db.db;
  const stats = async (query = 'hours=1', who = lead) => {
    const r = await who.get(`/api/board/stats?${query}`);
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as BoardStatsResponse;
  };

  beforeAll(async () => {
    h = await startHarness(kind);
    lead = await Device.signIn(h.app, 'U5001', LEE);
    const patWave = await createReleasedWave(db(), { code: 'W-BRD1', assignedUserId: PAT, tasks: 3, qty: 2 });
    const pilarWave = await createReleasedWave(db(), { code: 'W-BRD2', assignedUserId: PILAR, tasks: 3, qty: 1 });
    const pat = await Device.signIn(h.app, 'U1001', PAT);
    const pilar = await Device.signIn(h.app, 'U1002', PILAR);
    const [a, b, c] = patWave.taskIds as [string, string, string];
    const pick = (d: Device, task: string, qty: number, minutesAgo: number, waveId: string) =>
      d.command('pick.confirm', pickArgs(task, qty, 'T0901', 1, waveId), { createdAt: ago(minutesAgo) });
    // Done two hours ago, offline: outside a one-hour board, inside a three-hour one.
    const early = pick(pat, a, 1, 120, patWave.waveId);
    const first = pick(pat, a, 1, 50, patWave.waveId);
    const second = pick(pat, b, 2, 48, patWave.waveId);
    // A task that does not exist: the server refuses it (a wrong pick).
    const refused = pick(pat, 'task-nope', 1, 47, patWave.waveId);
    const third = pick(pat, c, 2, 20, patWave.waveId);
    const undo = pat.command(
      'pick.undo',
      { waveId: patWave.waveId, taskId: c, mutationIdToUndo: third.id, qty: 2, toteCode: 'T0901', assignmentEpoch: 1 },
      { createdAt: ago(19) },
    );
    const pushed = await pat.push([early, first, second, refused, third, undo]);
    expect(pushed.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied', 'rejected', 'applied', 'applied']);
    const [x, y] = pilarWave.taskIds as [string, string];
    await pilar.push([pick(pilar, x, 1, 40, pilarWave.waveId), pick(pilar, y, 1, 10, pilarWave.waveId)]);

    // Pat's wave went to the floor 90 minutes ago and its order shipped 30 minutes ago.
    await db().updateTable('waves').set({ released_at: ago(90) }).where('id', '=', patWave.waveId).execute();
    const order = await db().selectFrom('pick_tasks').select('order_id').where('id', '=', a).executeTakeFirstOrThrow();
    await db().updateTable('orders').set({ status: 'shipped', shipped_at: ago(30) }).where('id', '=', order.order_id).execute();
  });
  afterAll(async () => h?.close());

  it("gives each picker's units, lines, rates and idle time over the last hour", async () => {
    const body = await stats('hours=1&bucketMinutes=30&idleMinutes=5');
    expect(body.window).toMatchObject({ hours: 1, bucketMinutes: 30, idleMinutes: 5 });
    const pat = body.people.find((p) => p.userId === PAT)!;
    const pilar = body.people.find((p) => p.userId === PILAR)!;
    // 1 + 2 + 2 units (the undone pick still took a scan); gaps 2 and 28 minutes: 28 idle.
    expect(pat).toMatchObject({ name: expect.any(String), units: 5, lines: 3, unitsPerHour: 5, linesPerHour: 3, idleMinutes: 28 });
    expect(pat.sinceLastMinutes).toBeGreaterThanOrEqual(20);
    expect(pilar).toMatchObject({ units: 2, lines: 2, unitsPerHour: 2, idleMinutes: 30 });
    // Buckets: the window starts an hour ago; 50, 48, 40 minutes ago in the first, 20 and 10 in the second.
    expect(pat.flows.map((f) => [f.flow, f.buckets.map((b) => b.units)])).toEqual([['pick', [3, 2]]]);
    const floorPick = body.flows.find((f) => f.flow === 'pick')!;
    expect(floorPick).toMatchObject({ units: 7, lines: 5 });
    expect(floorPick.buckets.map((b) => [b.units, b.unitsPerHour])).toEqual([[4, 8], [3, 6]]);
  });

  it('counts refused and undone picks per 100 pick lines', async () => {
    const body = await stats();
    expect(body.accuracy.people.find((p) => p.userId === PAT)).toMatchObject({ lines: 3, rejected: 1, undone: 1, shorts: 0, wrongPer100Lines: 66.7 });
    expect(body.accuracy.people.find((p) => p.userId === PILAR)).toMatchObject({ lines: 2, rejected: 0, undone: 0, wrongPer100Lines: 0 });
    expect(body.accuracy.floor).toMatchObject({ lines: 5, rejected: 1, undone: 1, wrongPer100Lines: 40 });
  });

  it('measures order cycle time from wave release to shipping', async () => {
    const body = await stats();
    const mine = body.cycle.orders.filter((o) => o.externalId?.startsWith('W-BRD1'));
    expect(mine).toHaveLength(1);
    expect(mine[0]!.cycleMinutes).toBeCloseTo(60, 0);
    expect(body.cycle.count).toBe(body.cycle.orders.length);
    expect(body.cycle.p50Minutes).not.toBeNull();
  });

  it('a longer window takes in the work done earlier', async () => {
    const body = await stats('hours=3');
    expect(body.people.find((p) => p.userId === PAT)).toMatchObject({ units: 6, lines: 4 });
  });

  it("another warehouse's work never shows", async () => {
    const before = await stats();
    const now = new Date().toISOString();
    await db().insertInto('warehouses').values({ id: 'wh-board-2', code: 'FC9', name: 'Elsewhere', version: 1, created_at: now }).execute();
    await db()
      .insertInto('devices')
      .values({ id: 'dev-board-2', warehouse_id: 'wh-board-2', user_id: PAT, name: null, app_version: null, last_seen: now, last_seq: 1, created_at: now })
      .execute();
    const args = JSON.stringify({ waveId: 'w', taskId: 't', qty: 50, toteCode: 'T1', assignmentEpoch: 1 });
    await db()
      .insertInto('mutations')
      .values({ id: 'm-board-2', device_id: 'dev-board-2', seq: 1, name: 'pick.confirm', args, args_version: 2, user_id: PAT, status: 'applied', code: null, message: null, result: '{}', version: 1, created_at: ago(5), received_at: now, wave_id: null })
      .execute();
    const after = await stats();
    const totals = (b: BoardStatsResponse) => b.flows.map((f) => [f.flow, f.units, f.lines, f.buckets.map((x) => x.units)]);
    expect(totals(after)).toEqual(totals(before));
    expect(after.people.find((p) => p.userId === PAT)).toMatchObject({ units: 5, lines: 3 });
  });

  it('answers leads and admins only', async () => {
    const admin = await Device.signIn(h.app, 'U9001', 'u-9001');
    expect((await admin.get('/api/board/stats')).statusCode).toBe(200);
    for (const [badge, id] of [['U1001', PAT], ['U2001', 'u-2001'], ['U3001', 'u-3001'], ['U4001', 'u-4001']] as const) {
      const d = await Device.signIn(h.app, badge, id);
      const r = await d.get('/api/board/stats');
      expect(r.statusCode, badge).toBe(403);
      expect(r.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
    }
    expect((await h.app.inject({ method: 'GET', url: '/api/board/stats' })).statusCode).toBe(401);
  });

  it('is in the OpenAPI description with its query parameters', async () => {
    const doc = (await h.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, { get?: { parameters?: { name: string }[]; responses?: Record<string, unknown> } }>;
    };
    const op = doc.paths['/api/board/stats']?.get;
    expect(op?.parameters?.map((p) => p.name)).toEqual(['hours', 'bucketMinutes', 'idleMinutes']);
    expect(Object.keys(op?.responses ?? {})).toEqual(expect.arrayContaining(['200', '400', '401', '403']));
  });

  it.each(['hours=0', 'hours=25', 'hours=eight', 'hours=1.5', 'bucketMinutes=7', 'idleMinutes=0', 'since=yesterday'])('refuses a bad query: %s', async (q) => {
    const r = await lead.get(`/api/board/stats?${q}`);
    expect(r.statusCode).toBe(400);
    expect(r.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
  });
});
