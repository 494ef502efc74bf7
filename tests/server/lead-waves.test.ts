import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PullResponse } from '../../src/domain/sync';
import { planningOrderId, seedPlanningDemoIfMissing } from '../../src/server/db/seed-planning';
import { BACKENDS } from './helpers/backends';
import { Device, digest, login, PAT, pickArgs, PILAR, startHarness, tasksOf, WAVE_ID, type Harness } from './helpers/harness';

describe.each(BACKENDS)('lead wave actions on %s', (kind) => {
  let h: Harness;
  let lead: string;
  let released: string;
  beforeAll(async () => {
    h = await startHarness(kind);
    expect(await seedPlanningDemoIfMissing(h.db.db)).toBe(true);
    lead = await login(h.app, 'U5001', 'dev-lead');
    const r = await post('/api/waves/release', { waves: [{ mode: 'multi', orderIds: [planningOrderId(1), planningOrderId(2)] }] });
    expect(r.statusCode, r.body).toBe(201);
    released = (r.json() as { waves: { id: string }[] }).waves[0]!.id;
  });
  afterAll(async () => h?.close());
  const db = () => h.db.db;
  const post = (url: string, payload: unknown, token = lead) =>
    h.app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${token}` }, ...(payload === undefined ? {} : { payload: payload as object }) });
  const wave = (id: string) => db().selectFrom('waves').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const refused = async (url: string, payload: unknown, status: number, code: string, token = lead) => {
    const before = await digest(h);
    const r = await post(url, payload, token);
    expect(r.statusCode, `${url} ${JSON.stringify(payload)}: ${r.body}`).toBe(status);
    expect(r.json()).toMatchObject({ error: { code } });
    expect(await digest(h)).toBe(before);
  };
  const pull = async (d: Device, cursor: number) => (await d.get(`/api/sync/pull?cursor=${cursor}&limit=5000`)).json() as PullResponse;
  const serverVersion = async () => Number((await db().selectFrom('server_version').select('value').executeTakeFirstOrThrow()).value);

  it('refuses every other role, bad bodies, unknown ids and wrong states; nothing is written', async () => {
    const routes: [string, unknown][] = [
      [`/api/waves/${released}/assign`, { userId: PAT }],
      [`/api/waves/${WAVE_ID}/reassign`, { userId: PILAR, scope: 'wave' }],
      ['/api/orders/ord-x/cancel-lines', {}],
      ['/api/orders/ord-x/hold', { hold: true }],
      ['/api/orders/ord-x/priority', { priority: 'high' }],
    ];
    for (const [badge, device] of [['U1001', 'dev-p'], ['U2001', 'dev-k'], ['U3001', 'dev-r']] as const) {
      const token = await login(h.app, badge, device);
      for (const [url, body] of routes) await refused(url, body, 403, 'FORBIDDEN', token);
    }
    for (const [url, body] of routes) {
      const r = await h.app.inject({ method: 'POST', url, payload: body as object });
      expect(r.statusCode).toBe(401);
    }
    for (const bad of [undefined, {}, { userId: '' }, { userId: PAT, extra: 1 }, { userId: 7 }, { userId: 'x'.repeat(65) }]) {
      await refused(`/api/waves/${released}/assign`, bad, 400, 'VALIDATION_FAILED');
    }
    for (const bad of [{ userId: PILAR }, { userId: PILAR, scope: 'half' }, { scope: 'wave' }, { userId: PILAR, scope: 'wave', x: 1 }]) {
      await refused(`/api/waves/${WAVE_ID}/reassign`, bad, 400, 'VALIDATION_FAILED');
    }
    await refused(`/api/waves/${'x'.repeat(70)}/assign`, { userId: PAT }, 400, 'VALIDATION_FAILED');
    await refused('/api/waves/wave-nope/assign', { userId: PAT }, 404, 'WAVE_NOT_FOUND');
    await refused('/api/waves/wave-nope/reassign', { userId: PAT, scope: 'wave' }, 404, 'WAVE_NOT_FOUND');
    await refused(`/api/waves/${released}/assign`, { userId: 'u-nope' }, 404, 'USER_NOT_FOUND');
    await refused(`/api/waves/${released}/assign`, { userId: 'u-2001' }, 409, 'NOT_A_PICKER');
    await refused(`/api/waves/${released}/assign`, { userId: 'u-9001' }, 409, 'NOT_A_PICKER');
    await refused(`/api/waves/${released}/reassign`, { userId: PAT, scope: 'wave' }, 409, 'WAVE_NOT_ASSIGNED');
    await refused(`/api/waves/${WAVE_ID}/assign`, { userId: PILAR }, 409, 'WAVE_ALREADY_ASSIGNED');
    await refused(`/api/waves/${WAVE_ID}/reassign`, { userId: PAT, scope: 'remaining' }, 409, 'ALREADY_ASSIGNEE');
  });

  it('assigns a released wave, then reassigns the whole wave: epoch bumped, both pulls show it', async () => {
    const pat = await Device.signIn(h.app, 'U1001', PAT);
    const pilar = await Device.signIn(h.app, 'U1002', PILAR);
    const v0 = await serverVersion();
    const a = await post(`/api/waves/${released}/assign`, { userId: PAT });
    expect(a.statusCode, a.body).toBe(200);
    expect(a.json()).toMatchObject({ waveId: released, assignedUserId: PAT, assignmentEpoch: 1 });
    expect(await wave(released)).toMatchObject({ assigned_user_id: PAT, status: 'released' });
    const seen = (await pull(pat, v0)).changes.waves.find((w) => w.id === released);
    expect(seen).toMatchObject({ assignedUserId: PAT, assignmentEpoch: 1 });

    const v1 = await serverVersion();
    const r = await post(`/api/waves/${released}/reassign`, { userId: PILAR, scope: 'wave' });
    expect(r.statusCode, r.body).toBe(200);
    const tasks = await tasksOf(h, released);
    expect(r.json()).toMatchObject({ assignedUserId: PILAR, previousUserId: PAT, assignmentEpoch: 2, splitWave: null, openTaskIds: tasks.map((t) => t.id) });
    for (const d of [pat, pilar]) {
      const c = (await pull(d, v1)).changes;
      expect(c.waves.find((w) => w.id === released)).toMatchObject({ assignedUserId: PILAR, assignmentEpoch: 2 });
      expect(c.tasks.filter((t) => t.waveId === released).map((t) => t.id).sort()).toEqual(tasks.map((t) => t.id).sort());
    }
    expect(Number((await wave(released)).version)).toBeGreaterThan(v1);
  });

  it('reassigns the remaining tasks: finished ones stay with the old picker, a stale pick of an open line is accepted and attributed to them, a picked one is refused', async () => {
    const pat = await Device.signIn(h.app, 'U1001', PAT);
    const pilar = await Device.signIn(h.app, 'U1002', PILAR);
    const [t1, t2, t3] = await tasksOf(h);
    const first = await pat.push([pat.command('pick.confirm', pickArgs(t1!.id, Number(t1!.qty), 'T0120'))]);
    expect(first.results[0]!.status).toBe('applied');
    // Picked on Pat's handheld while it was out of reach: pushed only after the reassignment.
    const staleOpen = pat.command('pick.confirm', pickArgs(t2!.id, Number(t2!.qty), 'T0120'));
    const stalePicked = pat.command('pick.confirm', pickArgs(t3!.id, Number(t3!.qty), 'T0120'));

    const v1 = await serverVersion();
    const r = await post(`/api/waves/${WAVE_ID}/reassign`, { userId: PILAR, scope: 'remaining' });
    expect(r.statusCode, r.body).toBe(200);
    const out = r.json() as { assignmentEpoch: number; splitWave: { id: string; code: string; assignedUserId: string; taskIds: string[] }; openTaskIds: string[] };
    expect(out.assignmentEpoch).toBe(2);
    expect(out.splitWave).toMatchObject({ code: 'W-0001.2', assignedUserId: PAT, taskIds: [t1!.id] });
    expect(out.openTaskIds).not.toContain(t1!.id);
    expect(await wave(WAVE_ID)).toMatchObject({ assigned_user_id: PILAR });
    expect(Number((await wave(WAVE_ID)).assignment_epoch)).toBe(2);
    expect(await wave(out.splitWave.id)).toMatchObject({ assigned_user_id: PAT, status: 'done' });
    expect((await tasksOf(h, out.splitWave.id)).map((t) => [t.id, t.picked_by])).toEqual([[t1!.id, PAT]]);
    expect((await tasksOf(h)).every((t) => t.status === 'open')).toBe(true);
    for (const d of [pat, pilar]) {
      const c = (await pull(d, v1)).changes;
      expect(c.waves.find((w) => w.id === WAVE_ID)).toMatchObject({ assignedUserId: PILAR, assignmentEpoch: 2 });
      expect(c.waves.find((w) => w.id === out.splitWave.id)).toMatchObject({ assignedUserId: PAT, status: 'done' });
      expect(c.tasks.find((t) => t.id === t1!.id)).toMatchObject({ waveId: out.splitWave.id, status: 'picked' });
      expect(c.tasks.filter((t) => t.waveId === WAVE_ID).map((t) => t.id).sort()).toEqual([...out.openTaskIds].sort());
    }

    const byPilar = await pilar.push([pilar.command('pick.confirm', pickArgs(t3!.id, Number(t3!.qty), 'T0121', 2))]);
    expect(byPilar.results[0]!.status).toBe('applied');
    const back = await pat.push([staleOpen, stalePicked]);
    expect(back.results.map((x) => [x.status, x.code ?? null])).toEqual([
      // Accepted, with the note that tells Pat the wave is Pilar's now.
      ['applied', 'WAVE_REASSIGNED'],
      ['rejected', 'LINE_ALREADY_PICKED'],
    ]);
    const after = await tasksOf(h);
    expect(after.find((t) => t.id === t2!.id)).toMatchObject({ status: 'picked', picked_by: PAT });
    expect(after.find((t) => t.id === t3!.id)).toMatchObject({ status: 'picked', picked_by: PILAR });
    const ex = await db().selectFrom('exceptions').select(['type', 'raised_by']).where('task_id', '=', t2!.id).execute();
    expect(ex).toContainEqual({ type: 'stale_assignment', raised_by: PAT });
    // Pat drops off the tote of the lines that stayed with him, as for any done wave.
    const drop = await pat.push([pat.command('wave.dropoff', { waveId: out.splitWave.id, locationCode: 'PACK-01', assignmentEpoch: 1 })]);
    expect(drop.results[0]!.status, JSON.stringify(drop.results[0])).toBe('applied');
    expect(await wave(out.splitWave.id)).toMatchObject({ dropoff_location_id: 'loc-PACK-01' });
    expect(await db().selectFrom('totes').select(['status', 'wave_id']).where('code', '=', 'T0120').executeTakeFirstOrThrow()).toEqual({ status: 'awaiting_packing', wave_id: out.splitWave.id });
  });

  it('describes the lead routes in the OpenAPI document', async () => {
    const doc = (await h.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, { post?: unknown }> };
    for (const p of ['/api/waves/{id}/assign', '/api/waves/{id}/reassign', '/api/orders/{id}/cancel-lines', '/api/orders/{id}/hold', '/api/orders/{id}/priority']) {
      expect(doc.paths[p]?.post, p).toBeDefined();
    }
  });

  it('pokes a listening device of the new assignee after a reassignment', async () => {
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    const addr = h.app.server.address();
    const base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
    const pat = await Device.signIn(h.app, 'U1001', PAT);
    const ctl = new AbortController();
    const res = await fetch(`${base}/api/sync/events`, { headers: { authorization: `Bearer ${pat.token}` }, signal: ctl.signal });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    const until = async (re: RegExp) => {
      while (!re.test(text)) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`stream ended: ${text}`);
        text += decoder.decode(value);
      }
      return re.exec(text)!;
    };
    await until(/event: poke\ndata: \{"version":(\d+)\}\n\n/);
    text = '';
    const r = await post(`/api/waves/${released}/reassign`, { userId: PAT, scope: 'wave' });
    expect(r.statusCode, r.body).toBe(200);
    const started = Date.now();
    const poke = await until(/event: poke\ndata: \{"version":(\d+)\}\n\n/);
    expect(Number(poke[1])).toBeGreaterThanOrEqual((r.json() as { version: number }).version);
    expect(Date.now() - started).toBeLessThan(2000);
    ctl.abort();
  });
});
