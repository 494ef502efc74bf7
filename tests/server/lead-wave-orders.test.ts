import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planningOrderId, planningOrderRef, seedPlanningDemoIfMissing } from '../../src/server/db/seed-planning';
import type { WaveOrdersResponse } from '../../src/server/routes/lead-wave-orders';
import { BACKENDS } from './helpers/backends';
import { Device, digest, login, PAT, pickArgs, PILAR, startHarness, tasksOf, type Harness } from './helpers/harness';

describe.each(BACKENDS)("a wave's orders for the lead on %s", (kind) => {
  let h: Harness;
  let lead: string;
  let waveId: string;
  beforeAll(async () => {
    h = await startHarness(kind);
    expect(await seedPlanningDemoIfMissing(h.db.db)).toBe(true);
    lead = await login(h.app, 'U5001', 'dev-lead');
    const r = await post('/api/waves/release', { waves: [{ mode: 'multi', orderIds: [planningOrderId(3), planningOrderId(4)] }] });
    expect(r.statusCode, r.body).toBe(201);
    waveId = (r.json() as { waves: { id: string }[] }).waves[0]!.id;
  });
  afterAll(async () => h?.close());
  const post = (url: string, payload: unknown, token = lead) =>
    h.app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${token}` }, payload: payload as object });
  const get = (url: string, token = lead) => h.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
  const orders = async () => {
    const r = await get(`/api/waves/${waveId}/orders`);
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as WaveOrdersResponse;
  };

  it('refuses others and bad ids, and writes nothing', async () => {
    const picker = await login(h.app, 'U1001', 'dev-pat-o');
    const before = await digest(h);
    expect((await get(`/api/waves/${waveId}/orders`, picker)).json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect((await h.app.inject({ method: 'GET', url: `/api/waves/${waveId}/orders` })).statusCode).toBe(401);
    const nope = await get('/api/waves/wave-nope/orders');
    expect([nope.statusCode, nope.json().error.code]).toEqual([404, 'WAVE_NOT_FOUND']);
    const bad = await get(`/api/waves/${'x'.repeat(70)}/orders`);
    expect([bad.statusCode, bad.json().error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(await digest(h)).toBe(before);
  });

  it('lists the orders by ref with their lines, and follows picks, a split wave, holds, priorities and cancels', async () => {
    const first = await orders();
    expect(first.orders.map((o) => o.orderRef)).toEqual([planningOrderRef(3), planningOrderRef(4)]);
    expect(first.orders[0]).toMatchObject({ status: 'released', priority: 'normal', onHold: false, holdReason: null });
    expect(first.orders[0]!.lines.map((l) => [l.lineNo, l.skuCode, l.qty, l.pickedQty, l.cancelled])).toEqual([
      [1, 'LUMA-0040', 2, 0, false],
      [2, 'LUMA-0041', 1, 0, false],
      [3, 'LUMA-0042', 1, 0, false],
    ]);

    // Pat picks one line; the rest goes to Pilar, the picked line to the split wave: still counted.
    expect((await post(`/api/waves/${waveId}/assign`, { userId: PAT })).statusCode).toBe(200);
    const pat = await Device.signIn(h.app, 'U1001', PAT);
    const task = (await tasksOf(h, waveId)).find((t) => t.order_id === planningOrderId(3) && Number(t.qty) === 1)!;
    const res = await pat.push([pat.command('pick.confirm', pickArgs(task.id, 1, 'T0150', 1, waveId))]);
    expect(res.results[0]!.status).toBe('applied');
    expect((await post(`/api/waves/${waveId}/reassign`, { userId: PILAR, scope: 'remaining' })).statusCode).toBe(200);
    const after = await orders();
    const line = after.orders[0]!.lines.find((l) => l.skuId === task.sku_id)!;
    expect(line.pickedQty).toBe(1);

    expect((await post(`/api/orders/${planningOrderId(4)}/hold`, { hold: true, reason: 'address check' })).statusCode).toBe(200);
    expect((await post(`/api/orders/${planningOrderId(3)}/priority`, { priority: 'urgent' })).statusCode).toBe(200);
    expect((await post(`/api/orders/${planningOrderId(3)}/cancel-lines`, { lineNos: [1] })).statusCode).toBe(200);
    const last = await orders();
    expect(last.orders[0]).toMatchObject({ priority: 'urgent', onHold: false });
    expect(last.orders[0]!.lines.map((l) => l.cancelled)).toEqual([true, false, false]);
    expect(last.orders[1]).toMatchObject({ status: 'on_hold', onHold: true, holdReason: 'address check' });
  });

  it('is in the OpenAPI description', async () => {
    const doc = (await h.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, { get?: { responses: Record<string, unknown> } }> };
    expect(Object.keys(doc.paths['/api/waves/{id}/orders']?.get?.responses ?? {})).toEqual(['200', '400', '401', '403', '404']);
  });
});
