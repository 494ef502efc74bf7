import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReleasedWave } from '../../src/server/services/fixtures';
import { BACKENDS } from './helpers/backends';
import { Device, digest, LEE, login, PAT, pickArgs, startHarness, tasksOf, WAVE_ID, type Harness } from './helpers/harness';

/** Each action of the lead's exceptions queue and what it writes (docs/exceptions.md). */
describe.each(BACKENDS)('exception actions on %s', (kind) => {
  let h: Harness;
  let lead: string;
  let pat: Device;
  beforeAll(async () => {
    h = await startHarness(kind);
    lead = await login(h.app, 'U5001', 'dev-lead-x');
    pat = await Device.signIn(h.app, 'U1001', PAT);
  });
  afterAll(async () => h?.close());
  const db = () => h.db.db;
  const act = (id: string, body: unknown, token = lead) =>
    h.app.inject({ method: 'POST', url: `/api/exceptions/${encodeURIComponent(id)}/actions`, headers: { authorization: `Bearer ${token}` }, payload: body as object });
  const exception = (id: string) => db().selectFrom('exceptions').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const refused = async (id: string, body: unknown, status: number, code: string) => {
    const before = await digest(h);
    const r = await act(id, body);
    expect(r.statusCode, r.body).toBe(status);
    expect(r.json()).toMatchObject({ error: { code } });
    expect(await digest(h)).toBe(before);
  };
  async function addStock(skuId: string, qty: number, tag: string) {
    const bin = await db().selectFrom('locations').select('id').where('type', '=', 'reserve').orderBy('walk_seq', 'desc').executeTakeFirstOrThrow();
    const sku = await db().selectFrom('skus').selectAll().where('id', '=', skuId).executeTakeFirstOrThrow();
    await db().insertInto('stock_ledger').values({
      id: `test-${tag}`, warehouse_id: sku.warehouse_id, location_id: bin.id, container_code: null, sku_id: skuId,
      lot: Number(sku.lot_tracked) ? 'LTEST' : null, expiry: Number(sku.expiry_tracked) ? '2099-01-01' : null,
      delta: qty, reason: 'adjust', mutation_id: null, created_at: new Date().toISOString(),
    }).execute();
    return bin.id;
  }
  /** A one-line wave of more units than the warehouse holds, shorted with none found: a short_pick exception. */
  async function shortPick(code: string) {
    const { waveId, taskIds } = await createReleasedWave(db(), { code, assignedUserId: PAT, tasks: 1, qty: 100_000 });
    const m = pat.command('pick.short', { waveId, taskId: taskIds[0]!, foundQty: 0, toteCode: null, assignmentEpoch: 1 });
    expect((await pat.push([m])).results[0]!.status).toBe('applied');
    const ex = await exception(`${m.id}:x0`);
    expect([ex.type, ex.status]).toEqual(['short_pick', 'open']);
    const task = await db().selectFrom('pick_tasks').selectAll().where('id', '=', taskIds[0]!).executeTakeFirstOrThrow();
    return { waveId, ex, task };
  }

  it('reallocate: refused without free stock; with it, new open tasks in the same wave, the exception handled by the lead', async () => {
    const { waveId, ex, task } = await shortPick('W-EXR');
    await refused(ex.id, { action: 'reallocate' }, 409, 'REALLOCATE_NO_STOCK');
    const bin = await addStock(task.sku_id, Number(ex.qty) + 5, 'exr');
    const r = await act(ex.id, { action: 'reallocate', note: 'reserve restocked' });
    expect(r.statusCode, r.body).toBe(200);
    const out = r.json() as { result: { waveId: string; taskIds: string[]; qty: number; newWave: boolean }; exception: { status: string; handled: { by: { id: string }; action: string; note: string } }; version: number };
    expect(out.result).toMatchObject({ waveId, newWave: false, qty: Number(ex.qty), taskIds: [`${ex.id}:r0`] });
    expect(out.exception).toMatchObject({ status: 'handled', handled: { by: { id: LEE }, action: 'reallocate', note: 'reserve restocked' } });
    const fresh = await db().selectFrom('pick_tasks').selectAll().where('id', '=', `${ex.id}:r0`).executeTakeFirstOrThrow();
    expect([fresh.wave_id, fresh.order_line_id, fresh.location_id, Number(fresh.qty), fresh.status, Number(fresh.version)]).toEqual([
      waveId, task.order_line_id, bin, Number(ex.qty), 'open', out.version,
    ]);
    const after = await exception(ex.id);
    expect([after.status, after.handled_by, after.handled_action, after.handled_note, Number(after.version)]).toEqual(['resolved', LEE, 'reallocate', 'reserve restocked', out.version]);
    expect(after.handled_at).not.toBeNull();
    expect(JSON.parse(after.handled_result!)).toMatchObject({ waveId, taskIds: [`${ex.id}:r0`] });
    expect((await db().selectFrom('waves').select('status').where('id', '=', waveId).executeTakeFirstOrThrow()).status).toBe('picking');
    // The picker's next push picks the new stop (the server's wave cache sees the new task).
    const pick = pat.command('pick.confirm', pickArgs(`${ex.id}:r0`, Number(ex.qty), 'T0170', 1, waveId));
    expect((await pat.push([pick])).results[0]).toMatchObject({ status: 'applied' });
    expect((await db().selectFrom('pick_tasks').select('status').where('id', '=', `${ex.id}:r0`).executeTakeFirstOrThrow()).status).toBe('picked');
    // Handled once: a second action of any kind is refused and writes nothing.
    await refused(ex.id, { action: 'resolve', note: 'again' }, 409, 'EXCEPTION_ALREADY_HANDLED');
    await refused(ex.id, { action: 'reallocate' }, 409, 'EXCEPTION_ALREADY_HANDLED');
  });

  it('reallocate after the totes were dropped at a bench: a new released wave nobody holds', async () => {
    const { waveId, ex, task } = await shortPick('W-EXN');
    await db().updateTable('waves').set({ dropped_at: new Date().toISOString() }).where('id', '=', waveId).execute();
    await addStock(task.sku_id, Number(ex.qty), 'exn');
    const r = await act(ex.id, { action: 'reallocate' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ result: { waveCode: 'W-EXN.R1', waveId: 'wave-W-EXN.R1', newWave: true } });
    const w = await db().selectFrom('waves').selectAll().where('id', '=', 'wave-W-EXN.R1').executeTakeFirstOrThrow();
    expect([w.status, w.assigned_user_id, w.kind]).toEqual(['released', null, 'single']);
    expect((await tasksOf(h, w.id)).map((t) => [t.order_id, t.status, Number(t.qty)])).toEqual([[task.order_id, 'open', Number(ex.qty)]]);
  });

  it('accept_short: the line records the units the order ships without, the seller is told', async () => {
    const { ex, task } = await shortPick('W-EXA');
    const r = await act(ex.id, { action: 'accept_short' });
    expect(r.statusCode, r.body).toBe(200);
    const line = await db().selectFrom('order_lines').selectAll().where('id', '=', task.order_line_id).executeTakeFirstOrThrow();
    expect([Number(line.short_accepted_qty), line.cancelled_at]).toEqual([Number(ex.qty), null]);
    const events = await db().selectFrom('seller_events').selectAll().where('id', '=', `${ex.id}:e0`).execute();
    expect(events.map((e) => [e.type, JSON.parse(e.payload).qty, JSON.parse(e.payload).orderId])).toEqual([['order.short_accepted', Number(ex.qty), task.order_id]]);
    expect((await exception(ex.id)).handled_action).toBe('accept_short');
  });

  it('cancel_line: the line is cancelled, its open stops close, an order with nothing picked is cancelled', async () => {
    const { ex, task } = await shortPick('W-EXC');
    const r = await act(ex.id, { action: 'cancel_line' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ result: { lineNo: 1, orderCancelled: true } });
    const line = await db().selectFrom('order_lines').selectAll().where('id', '=', task.order_line_id).executeTakeFirstOrThrow();
    expect(line.cancelled_at).not.toBeNull();
    const open = await db().selectFrom('pick_tasks').select('id').where('order_line_id', '=', task.order_line_id).where('status', '=', 'open').execute();
    expect(open).toEqual([]);
    expect((await db().selectFrom('orders').select('status').where('id', '=', task.order_id).executeTakeFirstOrThrow()).status).toBe('cancelled');
    expect((await db().selectFrom('seller_events').select('type').where('id', '=', `${ex.id}:e0`).executeTakeFirstOrThrow()).type).toBe('order.line_cancelled');
  });

  it('assign_count: the short bin\'s open count goes to the named user; unknown users are refused', async () => {
    const { ex, task } = await shortPick('W-EXK');
    await refused(ex.id, { action: 'assign_count', userId: 'u-nobody' }, 404, 'USER_NOT_FOUND');
    const r = await act(ex.id, { action: 'assign_count', userId: PAT });
    expect(r.statusCode, r.body).toBe(200);
    const out = r.json() as { result: { countTaskId: string; created: boolean } };
    // The short already made a count of that bin: it is handed over, not doubled.
    expect(out.result.created).toBe(false);
    const c = await db().selectFrom('count_tasks').selectAll().where('id', '=', out.result.countTaskId).executeTakeFirstOrThrow();
    expect([c.location_id, c.sku_id, c.status, c.assigned_to]).toEqual([task.location_id, task.sku_id, 'open', PAT]);
    expect(await db().selectFrom('count_tasks').select('id').where('id', '=', `${ex.id}:count`).execute()).toEqual([]);
  });

  it('assign_count where no count is open makes one', async () => {
    const loc = await db().selectFrom('locations').select('id').where('type', '=', 'reserve').orderBy('walk_seq').executeTakeFirstOrThrow();
    const sku = await db().selectFrom('skus').select(['id', 'warehouse_id']).executeTakeFirstOrThrow();
    await db().insertInto('exceptions').values({
      id: 'ex-neg-1', warehouse_id: sku.warehouse_id, type: 'negative_stock', status: 'open', wave_id: null, task_id: null, location_id: loc.id,
      sku_id: sku.id, qty: -2, raised_by: null, mutation_id: null, created_at: new Date().toISOString(), resolved_at: null, version: 1,
    }).execute();
    await db().deleteFrom('count_tasks').where('location_id', '=', loc.id).execute();
    const r = await act('ex-neg-1', { action: 'assign_count' });
    expect(r.statusCode, r.body).toBe(200);
    const c = await db().selectFrom('count_tasks').selectAll().where('id', '=', 'ex-neg-1:count').executeTakeFirstOrThrow();
    expect([c.location_id, c.sku_id, c.reason, c.status, c.assigned_to]).toEqual([loc.id, sku.id, 'lead_request', 'open', null]);
  });

  it('missing at pack: accept_short takes the units out of the tote and releases the pack hold; resolve of another releases it too', async () => {
    // Two lines of one order when the demo wave has such an order (one tote holds one order).
    const all = await tasksOf(h, WAVE_ID);
    const t1 = all.find((t) => all.filter((x) => x.order_id === t.order_id).length > 1) ?? all[0]!;
    const t2 = all.find((t) => t.order_id === t1.order_id && t.id !== t1.id) ?? t1;
    for (const t of new Set([t1, t2])) {
      const m = pat.command('pick.confirm', pickArgs(t.id, Number(t.qty), 'T0150'));
      expect((await pat.push([m])).results[0]!.status).toBe('applied');
    }
    const wh = (await db().selectFrom('warehouses').select('id').executeTakeFirstOrThrow()).id;
    const missing = (id: string, t: (typeof all)[number]) =>
      db().insertInto('exceptions').values({
        id, warehouse_id: wh, type: 'missing_at_pack', status: 'open', wave_id: WAVE_ID, task_id: null, location_id: 'loc-PACK-01', sku_id: t.sku_id,
        qty: 1, raised_by: 'u-2001', mutation_id: null, created_at: new Date().toISOString(), resolved_at: null, version: 1, order_id: t.order_id,
        details: JSON.stringify({ toteCode: 'T0150', lot: t.lot }),
      }).execute();
    await missing('ex-miss-1', t1);
    if (t2 !== t1) await missing('ex-miss-2', t2);
    await db().updateTable('orders').set({ status: 'on_hold', held_from_status: null }).where('id', '=', t1.order_id).execute();
    await refused('ex-miss-1', { action: 'reallocate' }, 409, 'EXCEPTION_ACTION_NOT_ALLOWED');
    const r = await act('ex-miss-1', { action: 'accept_short', note: 'not on the shelf' });
    expect(r.statusCode, r.body).toBe(200);
    const task = await db().selectFrom('pick_tasks').selectAll().where('id', '=', t1.id).executeTakeFirstOrThrow();
    expect([Number(task.picked_qty), task.status]).toEqual([Number(t1.qty) - 1, 'short']);
    const ledger = await db().selectFrom('stock_ledger').selectAll().where('id', '=', 'ex-miss-1:s0').executeTakeFirstOrThrow();
    expect([ledger.container_code, ledger.location_id, ledger.sku_id, Number(ledger.delta), ledger.reason]).toEqual(['T0150', null, t1.sku_id, -1, 'short_accepted']);
    const line = await db().selectFrom('order_lines').select('short_accepted_qty').where('id', '=', t1.order_line_id).executeTakeFirstOrThrow();
    expect(Number(line.short_accepted_qty)).toBe(1);
    const order = () => db().selectFrom('orders').select('status').where('id', '=', t1.order_id).executeTakeFirstOrThrow();
    if (t2 !== t1) {
      // Another missing item still holds the order; resolving it (found) releases the hold.
      expect((await order()).status).toBe('on_hold');
      await refused('ex-miss-2', { action: 'resolve' }, 400, 'VALIDATION_FAILED');
      expect((await act('ex-miss-2', { action: 'resolve', note: 'found under the tote' })).statusCode).toBe(200);
    }
    expect((await order()).status).toBe('picked');
  });
});
