import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planningOrderId, seedPlanningDemoIfMissing } from '../../src/server/db/seed-planning';
import { BACKENDS } from './helpers/backends';
import { Device, digest, login, PAT, pickArgs, startHarness, tasksOf, WAVE_ID, type Harness } from './helpers/harness';

describe.each(BACKENDS)('lead order actions on %s', (kind) => {
  let h: Harness;
  let lead: string;
  beforeAll(async () => {
    h = await startHarness(kind);
    expect(await seedPlanningDemoIfMissing(h.db.db)).toBe(true);
    lead = await login(h.app, 'U5001', 'dev-lead');
  });
  afterAll(async () => h?.close());
  const db = () => h.db.db;
  const post = (url: string, payload: unknown, token = lead) =>
    h.app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${token}` }, ...(payload === undefined ? {} : { payload: payload as object }) });
  const order = (id: string) => db().selectFrom('orders').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const refused = async (url: string, payload: unknown, status: number, code: string) => {
    const before = await digest(h);
    const r = await post(url, payload);
    expect(r.statusCode, `${url} ${JSON.stringify(payload)}: ${r.body}`).toBe(status);
    expect(r.json()).toMatchObject({ error: { code } });
    expect(await digest(h)).toBe(before);
  };

  it('refuses bad bodies, unknown orders and lines, and orders past packing; nothing is written', async () => {
    const id = planningOrderId(1);
    for (const bad of [{ lineNos: [] }, { lineNos: [0] }, { lineNos: ['1'] }, { lineNos: [1], x: 1 }, { reason: 'x' }]) {
      await refused(`/api/orders/${id}/cancel-lines`, bad, 400, 'VALIDATION_FAILED');
    }
    for (const bad of [undefined, {}, { hold: 'yes' }, { hold: true, reason: '' }, { hold: true, reason: 'x'.repeat(201) }, { hold: false, x: 1 }]) {
      await refused(`/api/orders/${id}/hold`, bad, 400, 'VALIDATION_FAILED');
    }
    for (const bad of [undefined, {}, { priority: 'highest' }, { priority: 'high', x: 1 }]) {
      await refused(`/api/orders/${id}/priority`, bad, 400, 'VALIDATION_FAILED');
    }
    await refused('/api/orders/ord-nope/cancel-lines', {}, 404, 'ORDER_NOT_FOUND');
    await refused('/api/orders/ord-nope/hold', { hold: true }, 404, 'ORDER_NOT_FOUND');
    await refused('/api/orders/ord-nope/priority', { priority: 'high' }, 404, 'ORDER_NOT_FOUND');
    await refused(`/api/orders/${id}/cancel-lines`, { lineNos: [1, 99] }, 404, 'ORDER_LINE_NOT_FOUND');
    // The demo has no shipped order: one planning order becomes one, as the dock would leave it.
    const shipped = { id: planningOrderId(6) };
    await db().updateTable('orders').set({ status: 'shipped' }).where('id', '=', shipped.id).execute();
    await refused(`/api/orders/${shipped.id}/cancel-lines`, {}, 409, 'ORDER_ALREADY_SHIPPED');
    await refused(`/api/orders/${shipped.id}/hold`, { hold: true }, 409, 'ORDER_ALREADY_SHIPPED');
    await refused(`/api/orders/${shipped.id}/priority`, { priority: 'urgent' }, 409, 'ORDER_ALREADY_SHIPPED');
  });

  it('cancels the remaining lines of an order mid-wave: picked units stay, open tasks close, the order goes on', async () => {
    const tasks = await tasksOf(h);
    const counts = new Map<string, number>();
    for (const t of tasks) counts.set(t.order_id, (counts.get(t.order_id) ?? 0) + 1);
    const orderId = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
    const mine = tasks.filter((t) => t.order_id === orderId);
    expect(mine.length).toBeGreaterThan(1);
    const pat = await Device.signIn(h.app, 'U1001', PAT);
    const picked = mine[0]!;
    expect((await pat.push([pat.command('pick.confirm', pickArgs(picked.id, Number(picked.qty), 'T0120'))])).results[0]!.status).toBe('applied');
    const before = await order(orderId);
    const r = await post(`/api/orders/${orderId}/cancel-lines`, undefined);
    expect(r.statusCode, r.body).toBe(200);
    const out = r.json() as { status: string; closedTaskIds: string[]; cancelledLineNos: number[]; version: number };
    expect(out.status).toBe(before.status);
    expect(out.closedTaskIds.sort()).toEqual(mine.slice(1).map((t) => t.id).sort());
    const after = await tasksOf(h);
    expect(after.find((t) => t.id === picked.id)).toMatchObject({ status: 'picked', picked_by: PAT });
    for (const t of mine.slice(1)) expect(after.find((x) => x.id === t.id)).toMatchObject({ status: 'short', picked_qty: 0 });
    expect(Number(after.find((t) => t.id === mine[1]!.id)!.version)).toBe(out.version);
    // Other orders of the wave are untouched.
    for (const t of after.filter((x) => x.order_id !== orderId && x.id !== picked.id)) expect(t.status).toBe('open');
    const o = await order(orderId);
    expect([o.status, Number(o.version)]).toEqual([before.status, out.version]);
    const lines = await db().selectFrom('order_lines').select(['id', 'line_no', 'cancelled_at']).where('order_id', '=', orderId).execute();
    expect(lines.find((l) => l.id === picked.order_line_id)!.cancelled_at).toBeNull();
    expect(lines.filter((l) => l.cancelled_at !== null).map((l) => Number(l.line_no)).sort()).toEqual([...out.cancelledLineNos].sort());
    await refused(`/api/orders/${orderId}/cancel-lines`, {}, 409, 'ORDER_NOTHING_TO_CANCEL');
    expect((await db().selectFrom('waves').select('status').where('id', '=', WAVE_ID).executeTakeFirstOrThrow()).status).not.toBe('done');
  });

  it('cancels lines of an order not in a wave yet; all of them cancels the order', async () => {
    const one = planningOrderId(3);
    const lines = await db().selectFrom('order_lines').select('line_no').where('order_id', '=', one).orderBy('line_no').execute();
    const r1 = await post(`/api/orders/${one}/cancel-lines`, { lineNos: [Number(lines[0]!.line_no)] });
    expect(r1.statusCode, r1.body).toBe(200);
    expect(r1.json()).toMatchObject({ cancelledLineNos: [Number(lines[0]!.line_no)], closedTaskIds: [], status: lines.length > 1 ? 'released' : 'cancelled' });
    const two = planningOrderId(4);
    const r2 = await post(`/api/orders/${two}/cancel-lines`, {});
    expect(r2.statusCode, r2.body).toBe(200);
    expect(r2.json()).toMatchObject({ status: 'cancelled' });
    expect((await order(two)).status).toBe('cancelled');
    await refused(`/api/orders/${two}/cancel-lines`, {}, 409, 'ORDER_CANCELLED');
  });

  it('holds and releases an order, sets its priority; repeats write nothing', async () => {
    const id = planningOrderId(5);
    const v0 = Number((await order(id)).version);
    const held = await post(`/api/orders/${id}/hold`, { hold: true, reason: 'address check' });
    expect(held.statusCode, held.body).toBe(200);
    expect(held.json()).toMatchObject({ status: 'on_hold', onHold: true, holdReason: 'address check' });
    expect(await order(id)).toMatchObject({ status: 'on_hold', held_from_status: 'released', hold_reason: 'address check' });
    expect(Number((await order(id)).version)).toBeGreaterThan(v0);
    // A held order leaves the planning pool.
    const preview = (await post('/api/waves/preview', {})).json() as { waves: { orderIds: string[] }[] };
    expect(preview.waves.flatMap((w) => w.orderIds)).not.toContain(id);
    let before = await digest(h);
    expect((await post(`/api/orders/${id}/hold`, { hold: true })).json()).toMatchObject({ status: 'on_hold', holdReason: 'address check' });
    expect(await digest(h)).toBe(before);
    const freed = await post(`/api/orders/${id}/hold`, { hold: false });
    expect(freed.json()).toMatchObject({ status: 'released', onHold: false, holdReason: null });
    expect(await order(id)).toMatchObject({ status: 'released', held_from_status: null, hold_reason: null });

    expect((await order(id)).priority).toBe('normal');
    const urgent = await post(`/api/orders/${id}/priority`, { priority: 'urgent' });
    expect(urgent.json()).toMatchObject({ priority: 'urgent' });
    expect((await order(id)).priority).toBe('urgent');
    before = await digest(h);
    expect((await post(`/api/orders/${id}/priority`, { priority: 'urgent' })).statusCode).toBe(200);
    expect(await digest(h)).toBe(before);
    expect((await post(`/api/orders/${id}/priority`, { priority: 'normal' })).json()).toMatchObject({ priority: 'normal' });
  });
});
