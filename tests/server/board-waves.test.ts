import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoardStatsResponse } from '../../src/domain/board/stats';
import type { BoardWavesResponse } from '../../src/domain/board/waves';
import { createReleasedWave } from '../../src/server/services/fixtures';
import { BACKENDS } from './helpers/backends';
import { Device, LEE, PAT, PILAR, pickArgs, startHarness, type Harness } from './helpers/harness';

const MIN = 60_000;

describe.each(BACKENDS)("the lead's board waves on %s", (kind) => {
  let h: Harness;
  let lead: Device;
  const t0 = Date.now();
  const ago = (minutes: number) => new Date(t0 - minutes * MIN).toISOString();
  const db = () => h.db.db;
  const ids: Record<string, string> = {};
  const board = async (query = '', who = lead) => {
    const r = await who.get(`/api/board/waves${query}`);
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as BoardWavesResponse;
  };
  const wave = (b: BoardWavesResponse, code: string) => b.waves.find((w) => w.code === code);

  beforeAll(async () => {
    h = await startHarness(kind);
    lead = await Device.signIn(h.app, 'U5001', LEE);
    // Pat picks 5 of 8 lines of W-BW1 over the last 50 minutes: 6 lines an hour.
    const one = await createReleasedWave(db(), { code: 'W-BW1', assignedUserId: PAT, tasks: 8, qty: 2 });
    const two = await createReleasedWave(db(), { code: 'W-BW2', assignedUserId: PAT, tasks: 2, qty: 1 });
    const unassigned = await createReleasedWave(db(), { code: 'W-BW3', assignedUserId: null, tasks: 3, qty: 1 });
    const pilars = await createReleasedWave(db(), { code: 'W-BW4', assignedUserId: PILAR, tasks: 6, qty: 1 });
    const done = await createReleasedWave(db(), { code: 'W-BW5', assignedUserId: PILAR, tasks: 1, qty: 1 });
    const old = await createReleasedWave(db(), { code: 'W-BW6', assignedUserId: PILAR, tasks: 1, qty: 1 });
    Object.assign(ids, { one: one.waveId, two: two.waveId, unassigned: unassigned.waveId, pilars: pilars.waveId });
    // Released before the demo's own waves, so they come first in Pat's queue.
    await db().updateTable('waves').set({ released_at: ago(120) }).where('id', '=', one.waveId).execute();
    await db().updateTable('waves').set({ released_at: ago(100) }).where('id', '=', two.waveId).execute();
    await db().updateTable('waves').set({ status: 'done', completed_at: ago(30), dropped_at: ago(20) }).where('id', '=', done.waveId).execute();
    await db().updateTable('waves').set({ status: 'done', completed_at: ago(600) }).where('id', '=', old.waveId).execute();

    const pat = await Device.signIn(h.app, 'U1001', PAT);
    const tasks = await db().selectFrom('pick_tasks').select(['id', 'order_id']).where('wave_id', '=', one.waveId).orderBy('walk_seq').orderBy('id').execute();
    const tote = (orderId: string) => `T09${String(tasks.findIndex((t) => t.order_id === orderId)).padStart(2, '0')}`;
    const picks = [50, 40, 30, 20, 10].map((m, i) =>
      pat.command('pick.confirm', pickArgs(tasks[i]!.id, 2, tote(tasks[i]!.order_id), 1, one.waveId), { createdAt: ago(m) }),
    );
    const pushed = await pat.push(picks);
    expect(pushed.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied', 'applied', 'applied']);
  });
  afterAll(async () => h?.close());

  it('lists open waves and the ones finished this shift, with progress, in groups', async () => {
    const b = await board();
    expect(wave(b, 'W-BW1')).toMatchObject({ group: 'picking', status: 'picking', lines: 8, linesDone: 5, units: 16, unitsPicked: 10, shorts: 0, orders: 2, assignee: { id: PAT, name: expect.any(String) } });
    expect(Date.parse(wave(b, 'W-BW1')!.startedAt!)).toBe(Date.parse(ago(50)));
    expect(wave(b, 'W-BW3')).toMatchObject({ group: 'released', assignee: null, linesDone: 0, lines: 3 });
    expect(wave(b, 'W-BW5')).toMatchObject({ group: 'dropped', status: 'done' });
    expect(wave(b, 'W-BW6')).toBeUndefined();
    expect(wave(await board('?hours=12'), 'W-BW6')).toMatchObject({ group: 'picked' });
    expect(b.waves.map((w) => w.group)).toEqual([...b.waves.map((w) => w.group)].sort((x, y) => ['picking', 'released', 'picked', 'dropped'].indexOf(x) - ['picking', 'released', 'picked', 'dropped'].indexOf(y)));
  });

  it("estimates each wave's finish from its picker's own rate, then the floor's", async () => {
    const b = await board();
    expect(b.floor).toEqual({ linesPerHour: 6, pickers: 1 });
    // 3 lines left at 6 an hour: 30 minutes; W-BW2 waits behind them: (3 + 2) lines, 50 minutes.
    const one = wave(b, 'W-BW1')!.eta;
    expect(one).toMatchObject({ basis: 'picker', linesPerHour: 6, remainingMinutes: 30, linesAhead: 0 });
    expect(Date.parse(one.finishAt!) - Date.parse(b.now)).toBe(30 * MIN);
    expect(wave(b, 'W-BW2')!.eta).toMatchObject({ basis: 'picker', linesAhead: 3, remainingMinutes: 20 });
    expect(Date.parse(wave(b, 'W-BW2')!.eta.finishAt!) - Date.parse(b.now)).toBe(50 * MIN);
    // Pilar has not picked: the floor's rate. Nobody holds W-BW3: work, no finish.
    expect(wave(b, 'W-BW4')!.eta).toMatchObject({ basis: 'floor', linesPerHour: 6, remainingMinutes: 60 });
    expect(wave(b, 'W-BW3')!.eta).toMatchObject({ basis: 'unassigned', remainingMinutes: 30, finishAt: null });
    expect(wave(b, 'W-BW5')!.eta).toMatchObject({ basis: 'done', finishAt: null });
  });

  it('with a look-back too short for five lines, there is no estimate yet', async () => {
    const b = await board('?rateMinutes=15');
    expect(b.floor.linesPerHour).toBeNull();
    expect(wave(b, 'W-BW1')!.eta).toMatchObject({ basis: 'none', finishAt: null, remainingMinutes: null });
  });

  it("gives each person's current task, rate and last action", async () => {
    const b = await board();
    const pat = b.people.find((p) => p.userId === PAT)!;
    expect(pat).toMatchObject({ current: { waveId: ids.one, code: 'W-BW1', status: 'picking', linesDone: 5, lines: 8 }, recentLines: 5, linesPerHour: 6 });
    expect(pat.queuedWaves).toBeGreaterThanOrEqual(1);
    expect(pat.lastAction).toMatchObject({ name: 'pick.confirm', waveCode: 'W-BW1' });
    expect(Date.parse(pat.lastAction!.at)).toBe(Date.parse(ago(10)));
    const pilar = b.people.find((p) => p.userId === PILAR)!;
    expect(pilar).toMatchObject({ current: { code: 'W-BW4', status: 'released' }, linesPerHour: null, lastAction: null });
  });

  it("another warehouse's waves and work never show", async () => {
    const now = new Date().toISOString();
    await db().insertInto('warehouses').values({ id: 'wh-bw-2', code: 'FC8', name: 'Elsewhere', version: 1, created_at: now }).execute();
    await db()
      .insertInto('waves')
      .values({ id: 'wave-elsewhere', warehouse_id: 'wh-bw-2', code: 'W-ELSE', status: 'picking', kind: 'single', assigned_user_id: PAT, assignment_epoch: 1, released_at: now, completed_at: null, dropped_at: null, dropoff_location_id: null, version: 1 })
      .execute();
    await db()
      .insertInto('devices')
      .values({ id: 'dev-bw-2', warehouse_id: 'wh-bw-2', user_id: PAT, name: null, app_version: null, last_seen: now, last_seq: 1, created_at: now })
      .execute();
    await db()
      .insertInto('mutations')
      .values({ id: 'm-bw-2', device_id: 'dev-bw-2', seq: 1, name: 'pick.confirm', args: '{}', args_version: 1, user_id: PAT, status: 'applied', code: null, message: null, result: '{}', version: 1, created_at: ago(1), received_at: now, wave_id: 'wave-elsewhere' })
      .execute();
    const b = await board();
    expect(wave(b, 'W-ELSE')).toBeUndefined();
    expect(b.people.find((p) => p.userId === PAT)!.lastAction).toMatchObject({ waveCode: 'W-BW1' });
  });

  it("gives the shift's figures without per-person buckets, except the one asked for", async () => {
    const get = async (q: string) => {
      const r = await lead.get(`/api/board/summary?${q}`);
      expect(r.statusCode, r.body).toBe(200);
      return r.json() as BoardStatsResponse;
    };
    const full = (await lead.get('/api/board/stats?hours=1')).json() as BoardStatsResponse;
    const lean = await get('hours=1');
    const pat = (b: BoardStatsResponse) => b.people.find((p) => p.userId === PAT)!;
    expect(pat(full).flows[0]!.buckets).toHaveLength(2);
    expect(pat(lean)).toMatchObject({ units: 10, lines: 5, flows: [{ flow: 'pick', units: 10, buckets: [] }] });
    // Two reads, two "now"s: the bucket edges differ by the milliseconds between them.
    const counts = (b: BoardStatsResponse) => b.flows.map((f) => [f.flow, f.units, f.lines, f.buckets.map((x) => x.units)]);
    expect(counts(lean)).toEqual(counts(full));
    expect(lean.accuracy).toEqual(full.accuracy);
    expect(pat(await get(`hours=1&person=${PAT}`)).flows[0]!.buckets.map((b) => b.units)).toEqual(pat(full).flows[0]!.buckets.map((b) => b.units));
  });

  it.each(['/api/board/waves', '/api/board/summary'])('%s answers leads and admins only', async (url) => {
    const admin = await Device.signIn(h.app, 'U9001', 'u-9001');
    expect((await admin.get(url)).statusCode).toBe(200);
    for (const [badge, id] of [['U1001', PAT], ['U1002', PILAR], ['U2001', 'u-2001'], ['U3001', 'u-3001'], ['U4001', 'u-4001']] as const) {
      const d = await Device.signIn(h.app, badge, id);
      const r = await d.get(url);
      expect(r.statusCode, badge).toBe(403);
      expect(r.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
    }
    expect((await h.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    expect((await h.app.inject({ method: 'GET', url, headers: { authorization: 'Bearer nope' } })).statusCode).toBe(401);
  });

  it('is in the OpenAPI description with its query parameters', async () => {
    const doc = (await h.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, { get?: { parameters?: { name: string }[]; responses?: Record<string, unknown> } }>;
    };
    const op = doc.paths['/api/board/waves']?.get;
    expect(op?.parameters?.map((p) => p.name)).toEqual(['hours', 'rateMinutes']);
    expect(Object.keys(op?.responses ?? {})).toEqual(expect.arrayContaining(['200', '400', '401', '403']));
    const summary = doc.paths['/api/board/summary']?.get;
    expect(summary?.parameters?.map((p) => p.name)).toEqual(['hours', 'bucketMinutes', 'idleMinutes', 'person']);
    expect(Object.keys(summary?.responses ?? {})).toEqual(expect.arrayContaining(['200', '400', '401', '403']));
  });

  it.each([
    ...['hours=0', 'hours=25', 'hours=1.5', 'rateMinutes=10', 'rateMinutes=241', 'rateMinutes=soon', 'since=yesterday'].map((q) => `/api/board/waves?${q}`),
    ...['hours=0', 'bucketMinutes=7', 'idleMinutes=61', 'person=', `person=${'x'.repeat(65)}`, 'rateMinutes=60'].map((q) => `/api/board/summary?${q}`),
  ])('refuses a bad query: %s', async (url) => {
    const r = await lead.get(url);
    expect(r.statusCode).toBe(400);
    expect(r.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
  });
});
