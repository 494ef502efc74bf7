import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PullResponse } from '../../src/domain/sync';
import { BACKENDS } from './helpers/backends';
import { Device, digest, startHarness, type Harness } from './helpers/harness';
import { randomUUID } from 'node:crypto';
import { balance, pullAll, RET, shippedOrder, sizes, skusOf } from './helpers/inventory';

describe.each(BACKENDS)('counts on %s', (kind) => {
  let h: Harness;
  /** Storage bins holding a SKU, with their balance, fullest first. */
  let bins: { locationId: string; skuId: string; qty: number }[];
  beforeAll(async () => {
    h = await startHarness(kind);
    const rows = await h.db.db
      .selectFrom('stock_ledger')
      .innerJoin('locations', 'locations.id', 'stock_ledger.location_id')
      .innerJoin('skus', 'skus.id', 'stock_ledger.sku_id')
      .select(['stock_ledger.location_id', 'stock_ledger.sku_id', (eb) => eb.fn.sum<number>('stock_ledger.delta').as('qty')])
      .where('locations.type', 'in', ['pick_face', 'reserve'])
      // Lots make a count one line per lot (domain tests cover them); here one line per bin.
      .where('skus.lot_tracked', '=', 0)
      .groupBy(['stock_ledger.location_id', 'stock_ledger.sku_id'])
      .execute();
    bins = rows
      .map((r) => ({ locationId: r.location_id!, skuId: r.sku_id, qty: Number(r.qty) }))
      .filter((b) => b.qty >= 10)
      .sort((a, b) => b.qty - a.qty || a.locationId.localeCompare(b.locationId) || a.skuId.localeCompare(b.skuId));
    // One bin and SKU per test: distinct bins, so a whole-bin count elsewhere never covers them.
    bins = bins.filter((b, i) => bins.findIndex((x) => x.locationId === b.locationId) === i);
    expect(bins.length).toBeGreaterThanOrEqual(3);
  });
  afterAll(async () => h?.close());

  const lead = () => Device.signIn(h.app, 'U5001', 'u-5001');
  const ask = (d: Device, body: unknown) =>
    h.app.inject({ method: 'POST', url: '/api/count-tasks', headers: { authorization: `Bearer ${d.token}` }, payload: body as object });
  const taskRow = (id: string) => h.db.db.selectFrom('count_tasks').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('a lead asks for a count; others are refused with a code; bad bodies are 400; one open task per bin and SKU', async () => {
    const l = await lead();
    const b = bins[0]!;
    const picker = await Device.signIn(h.app, 'U1001', 'u-1001');
    const before = await sizes(h.db.db);
    const refused = await ask(picker, { locationId: b.locationId });
    expect([refused.statusCode, refused.json().error.code]).toEqual([403, 'FORBIDDEN']);
    for (const body of [{}, { locationId: '' }, { locationId: b.locationId, extra: 1 }, { locationId: 7 }]) {
      const r = await ask(l, body);
      expect([r.statusCode, r.json().error.code]).toEqual([400, 'VALIDATION_FAILED']);
    }
    expect((await ask(l, { locationId: 'loc-NOPE' })).json().error.code).toBe('LOCATION_NOT_FOUND');
    expect((await ask(l, { locationId: b.locationId, skuId: 'sku-nope' })).json().error.code).toBe('SKU_NOT_FOUND');
    expect(await sizes(h.db.db)).toEqual(before);

    const r1 = await ask(l, { locationId: b.locationId, skuId: b.skuId });
    expect(r1.statusCode).toBe(201);
    const task = r1.json().task;
    expect(task).toMatchObject({ locationId: b.locationId, skuId: b.skuId, source: 'lead_request', round: 1, excludeUserIds: [] });
    expect(JSON.stringify(r1.json())).not.toMatch(/expected/i);
    const r2 = await ask(l, { locationId: b.locationId, skuId: b.skuId });
    expect([r2.statusCode, r2.json().created, r2.json().task.id]).toEqual([200, false, task.id]);
    const doc = (await h.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/count-tasks', '/api/count-tasks/periodic', '/api/count-settings']));
    const admin = await Device.signIn(h.app, 'U9001', 'u-9001');
    expect((await ask(admin, { locationId: bins[1]!.locationId, skuId: bins[1]!.skuId })).statusCode).toBe(201);
  });

  it('beyond the threshold nothing posts until a second counter agrees; the first counter may not recount; the variance posts once', async () => {
    const l = await lead();
    const b = bins[2]!;
    const task = (await ask(l, { locationId: b.locationId, skuId: b.skuId })).json().task as { id: string };
    const pat = await Device.signIn(h.app, 'U1001', 'u-1001');
    const paco = await Device.signIn(h.app, 'U2001', 'u-2001');

    // The counter sees the task, blind.
    const seen = (await pullAll(pat)).last.inventory!;
    const view = seen.countTasks.find((t) => t.id === task.id)!;
    expect(view).toMatchObject({ locationId: b.locationId, skuId: b.skuId, round: 1 });
    expect(JSON.stringify(seen.countTasks)).not.toMatch(/expected|counted/i);

    const first = pat.command('count.submit', { countTaskId: task.id, locationId: b.locationId, lines: [{ skuId: b.skuId, qty: b.qty + 5 }] });
    expect((await pat.push([first])).results[0]).toMatchObject({ status: 'applied' });
    expect(await h.db.db.selectFrom('stock_ledger').select('id').where('mutation_id', '=', first.id).execute()).toEqual([]);
    expect(await balance(h.db.db, b.locationId, b.skuId)).toBe(b.qty);
    const t1 = await taskRow(task.id);
    expect([t1.status, Number(t1.expected_qty), Number(t1.counted_qty), t1.counted_by]).toEqual(['recount', b.qty, b.qty + 5, 'u-1001']);
    const t2 = await taskRow(`${first.id}:recount`);
    expect([t2.status, Number(t2.round), t2.chain_id, JSON.parse(t2.exclude_user_ids)]).toEqual(['open', 2, task.id, ['u-1001']]);

    // The recount is not offered to the first counter, and refused if they try.
    expect((await pullAll(pat)).last.inventory!.countTasks.some((t) => t.id === t2.id)).toBe(false);
    const mine = pat.command('count.submit', { countTaskId: t2.id, locationId: b.locationId, lines: [{ skuId: b.skuId, qty: b.qty + 5 }] });
    expect((await pat.push([mine])).results[0]).toMatchObject({ status: 'rejected', code: 'RECOUNT_SAME_COUNTER' });
    expect((await taskRow(t2.id)).status).toBe('open');

    const offered = (await pullAll(paco)).last.inventory!.countTasks.find((t) => t.id === t2.id);
    expect(offered).toMatchObject({ round: 2, excludeUserIds: ['u-1001'] });
    const second = paco.command('count.submit', { countTaskId: t2.id, locationId: b.locationId, lines: [{ skuId: b.skuId, qty: b.qty + 5 }] });
    const r = await paco.push([second]);
    expect(r.results[0]).toMatchObject({ status: 'applied' });
    const rows = await h.db.db.selectFrom('stock_ledger').selectAll().where('mutation_id', '=', second.id).execute();
    expect(rows.map((x) => [x.location_id, x.sku_id, Number(x.delta), x.reason])).toEqual([[b.locationId, b.skuId, 5, 'adjust']]);
    expect(await balance(h.db.db, b.locationId, b.skuId)).toBe(b.qty + 5);
    expect((await taskRow(t2.id)).status).toBe('done');

    // Pushed again: nothing changes. A count of a done task is refused.
    const before = await digest(h);
    expect((await paco.push([second])).results).toEqual(r.results);
    expect(await digest(h)).toBe(before);
    const late = paco.command('count.submit', { countTaskId: t2.id, locationId: b.locationId, lines: [] });
    expect((await paco.push([late])).results[0]).toMatchObject({ status: 'rejected', code: 'COUNT_TASK_CLOSED' });
    expect((await pullAll(paco)).last.inventory!.countTasks.some((t) => t.id === t2.id || t.id === task.id)).toBe(false);
  });

  it('a count within the threshold posts at once; a disagreeing recount asks for a third round', async () => {
    const l = await lead();
    const [b, c] = [bins[3] ?? bins[0]!, bins[4] ?? bins[1]!];
    const paco = await Device.signIn(h.app, 'U2001', 'u-2001');
    const rita = await Device.signIn(h.app, 'U3001', 'u-3001');
    const rosa = await Device.signIn(h.app, 'U4001', 'u-4001');

    // Close any earlier open count of these bins first (the first test's tasks).
    const opened = await Promise.all([b, c].map(async (x) => (await ask(l, { locationId: x.locationId, skuId: x.skuId })).json().task as { id: string }));
    const start = await balance(h.db.db, b.locationId, b.skuId);
    const within = paco.command('count.submit', { countTaskId: opened[0]!.id, locationId: b.locationId, lines: [{ skuId: b.skuId, qty: start - 1 }] });
    // A bin that is not the task's is refused.
    const wrongBin = paco.command('count.submit', { countTaskId: opened[1]!.id, locationId: b.locationId, lines: [] });
    const r = await paco.push([within, wrongBin]);
    expect(r.results.map((x) => x.code ?? x.status)).toEqual(['applied', 'COUNT_WRONG_BIN']);
    const rows = await h.db.db.selectFrom('stock_ledger').select(['delta', 'reason']).where('mutation_id', '=', within.id).execute();
    expect(rows.map((x) => [Number(x.delta), x.reason])).toEqual([[-1, 'adjust']]);
    expect((await taskRow(opened[0]!.id)).status).toBe('done');

    const cStart = await balance(h.db.db, c.locationId, c.skuId);
    const c1 = paco.command('count.submit', { countTaskId: opened[1]!.id, locationId: c.locationId, lines: [{ skuId: c.skuId, qty: 0 }] });
    await paco.push([c1]);
    const c2 = rita.command('count.submit', { countTaskId: `${c1.id}:recount`, locationId: c.locationId, lines: [{ skuId: c.skuId, qty: cStart + 7 }] });
    await rita.push([c2]);
    const round3 = await taskRow(`${c2.id}:recount`);
    expect([Number(round3.round), JSON.parse(round3.exclude_user_ids)]).toEqual([3, ['u-2001', 'u-3001']]);
    // The third counter agrees with the second: that count posts.
    const c3 = rosa.command('count.submit', { countTaskId: round3.id, locationId: c.locationId, lines: [{ skuId: c.skuId, qty: cStart + 7 }] });
    expect((await rosa.push([c3])).results[0]).toMatchObject({ status: 'applied' });
    const posted = await h.db.db.selectFrom('stock_ledger').select(['mutation_id', 'delta']).where('mutation_id', 'in', [c1.id, c2.id, c3.id]).execute();
    expect(posted.map((x) => [x.mutation_id, Number(x.delta)])).toEqual([[c3.id, 7]]);
  });

  it("a count sees the ledger rows of its batch's earlier commands; negative balances come to devices as their source", async () => {
    const l = await lead();
    const [sku] = (await skusOf(h.db.db, 'seller-nord', 1)) as [string];
    const order = await shippedOrder(h.db.db, 'seller-nord', [{ skuId: sku, qty: 2 }]);
    const task = (await ask(l, { locationId: RET, skuId: sku })).json().task as { id: string };
    const rosa = await Device.signIn(h.app, 'U4001', 'u-4001');
    const held = await balance(h.db.db, RET, sku);
    const unit = { skuId: sku, qty: 2, grade: 'defective', reason: 'does not switch on' };
    const graded = rosa.command('return.grade', { returnId: randomUUID(), orderId: order.orderId, locationId: RET, units: [unit] });
    const count = rosa.command('count.submit', { countTaskId: task.id, locationId: RET, lines: [{ skuId: sku, qty: held + 2 }] });
    expect((await rosa.push([graded, count])).results.map((r) => r.status)).toEqual(['applied', 'applied']);
    // The two returned units were expected: no adjustment, the task done.
    expect(await h.db.db.selectFrom('stock_ledger').select('id').where('mutation_id', '=', count.id).execute()).toEqual([]);
    expect([(await taskRow(task.id)).status, Number((await taskRow(task.id)).expected_qty)]).toEqual(['done', held + 2]);

    await h.db.db
      .insertInto('count_tasks')
      .values({ id: 'ct-neg-1', warehouse_id: 'wh-fc1', location_id: bins[0]!.locationId, sku_id: bins[0]!.skuId, reason: 'negative_stock', status: 'open', created_at: new Date().toISOString(), version: 1 })
      .execute();
    const seen = (await pullAll(rosa)).last.inventory!.countTasks.find((t) => t.id === 'ct-neg-1');
    expect(seen).toMatchObject({ source: 'negative_balance', round: 1, skuId: bins[0]!.skuId });
  });

  it("a lead sets the warehouse's threshold: a variance within it then posts at once", async () => {
    const l = await lead();
    const settings = (d: Device, method: 'GET' | 'PUT', body?: unknown) =>
      h.app.inject({ method, url: '/api/count-settings', headers: { authorization: `Bearer ${d.token}` }, ...(body ? { payload: body as object } : {}) });
    expect((await settings(l, 'GET')).json()).toEqual({ threshold: { units: 2, pct: 10 }, periodicEveryDays: 30 });
    const paco = await Device.signIn(h.app, 'U2001', 'u-2001');
    expect((await settings(paco, 'PUT', { recountUnits: 10 })).json().error.code).toBe('FORBIDDEN');
    for (const bad of [{ recountUnits: -1 }, { recountPct: 101 }, { periodicEveryDays: 0 }, { other: 1 }]) {
      expect((await settings(l, 'PUT', bad)).statusCode).toBe(400);
    }
    expect((await settings(l, 'PUT', { recountUnits: 10 })).json()).toEqual({ threshold: { units: 10, pct: 10 }, periodicEveryDays: 30 });
    expect((await settings(l, 'PUT', { recountPct: 100 })).json()).toEqual({ threshold: { units: 10, pct: 100 }, periodicEveryDays: 30 });

    const b = bins[1]!;
    const task = await h.db.db.selectFrom('count_tasks').select('id').where('location_id', '=', b.locationId).where('status', '=', 'open').executeTakeFirstOrThrow();
    const start = await balance(h.db.db, b.locationId, b.skuId);
    const m = paco.command('count.submit', { countTaskId: task.id, locationId: b.locationId, lines: [{ skuId: b.skuId, qty: start + 5 }] });
    expect((await paco.push([m])).results[0]).toMatchObject({ status: 'applied' });
    const rows = await h.db.db.selectFrom('stock_ledger').select(['delta', 'reason']).where('mutation_id', '=', m.id).execute();
    expect(rows.map((x) => [Number(x.delta), x.reason])).toEqual([[5, 'adjust']]);
    // Back to the defaults for the tests after this one.
    await settings(l, 'PUT', { recountUnits: 2, recountPct: 10 });
  });

  it('the periodic schedule creates each due zone once, skipping bins with an open count; leads only', async () => {
    const l = await lead();
    const periodic = (d: Device, body?: unknown) =>
      h.app.inject({ method: 'POST', url: '/api/count-tasks/periodic', headers: { authorization: `Bearer ${d.token}` }, ...(body ? { payload: body as object } : {}) });
    const picker = await Device.signIn(h.app, 'U1001', 'u-1001');
    expect((await periodic(picker)).json().error.code).toBe('FORBIDDEN');
    expect((await periodic(l, { everyDays: 0 })).statusCode).toBe(400);
    const first = (await periodic(l)).json() as { zones: string[]; created: number };
    expect(first.zones.length).toBeGreaterThan(0);
    expect(first.created).toBeGreaterThan(0);
    const open = await h.db.db.selectFrom('count_tasks').select(['location_id', 'sku_id']).where('status', '=', 'open').execute();
    const wholeBins = open.filter((t) => t.sku_id === null).map((t) => t.location_id);
    expect(new Set(wholeBins).size).toBe(wholeBins.length);
    expect(await periodic(l).then((r) => r.json())).toEqual({ zones: [], created: 0 });
    const page = (await pullAll(picker)).last;
    PullResponse.parse(page);
    const all = page.inventory!.countTasks;
    const seen = all.filter((t) => t.source === 'periodic');
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((t) => t.skuId === null && t.round === 1)).toBe(true);
    // A device holds at most 500 open tasks.
    expect(all.length).toBe(Math.min(500, open.length));
  });
});
