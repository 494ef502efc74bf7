import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PullResponse } from '../../src/domain/sync';
import { withReplenish } from '../../src/server/services/replenish-schema';
import { BACKENDS } from './helpers/backends';
import { Device, digest, login, PAT, pickArgs, startHarness, tasksOf, type Harness } from './helpers/harness';

type Feed = { events: { id: string; type: string; payload: Record<string, unknown> }[] };

/**
 * Replenishment on the server: a pick that takes a pick face below its minimum raises one
 * task and one stock.low event, once per crossing; the confirm moves the stock once.
 */
describe.each(BACKENDS)('replenishment on %s', (kind) => {
  let h: Harness;
  let lead: string;
  let admin: string;
  /** The face and SKU the first test set limits for. */
  let limited: { face: string; skuId: string } | null = null;
  beforeAll(async () => {
    h = await startHarness(kind);
    lead = await login(h.app, 'U5001', 'dev-lead');
    admin = await login(h.app, 'U9001', 'dev-admin');
  });
  afterAll(async () => h?.close());
  const db = () => h.db.db;
  const rdb = () => withReplenish(h.db.db);
  const RESERVE = 'loc-C04-09-4';

  const balance = async (locationId: string, skuId: string) => {
    const r = await db().selectFrom('stock_ledger').select((eb) => eb.fn.sum<number>('delta').as('b')).where('location_id', '=', locationId).where('sku_id', '=', skuId).executeTakeFirst();
    return Number(r?.b ?? 0);
  };
  const tasksAt = (locationId: string, skuId: string) => rdb().selectFrom('replenishment_tasks').selectAll().where('location_id', '=', locationId).where('sku_id', '=', skuId).execute();
  const lowEvents = (sellerId: string) => db().selectFrom('seller_events').selectAll().where('type', '=', 'stock.low').where('seller_id', '=', sellerId).execute();
  const req = (method: 'GET' | 'PUT', url: string, token: string, payload?: unknown) =>
    h.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload === undefined ? {} : { payload: payload as object }) });
  const feed = async (sellerId: string) => {
    const key = (await h.app.inject({ method: 'POST', url: '/api/admin/seller-keys', headers: { authorization: `Bearer ${admin}` }, payload: { sellerId, name: 'it' } })).json() as { key: string };
    const r = await h.app.inject({ method: 'GET', url: '/api/seller/v1/events?after=0&limit=1000', headers: { 'x-api-key': key.key } });
    expect(r.statusCode).toBe(200);
    return (r.json() as Feed).events.filter((e) => e.type === 'stock.low');
  };
  /** A W-0001 task of a SKU without lots, its face, SKU and seller. */
  const plainTask = async (skip = 0) => {
    const tasks = await tasksOf(h);
    const skus = await db().selectFrom('skus').select(['id', 'seller_id', 'case_pack_qty', 'code']).where('lot_tracked', '=', 0).execute();
    const plain = new Map(skus.map((s) => [s.id, s]));
    const seen = new Set<string>();
    const ok = tasks.filter((t) => plain.has(t.sku_id) && t.status === 'open' && !seen.has(t.location_id) && seen.add(t.location_id));
    const t = ok[skip]!;
    return { task: t, sku: plain.get(t.sku_id)! };
  };

  it('two picks from one face, in two batches: the first that crosses raises one task and one event, the second nothing', async () => {
    const open = (await tasksOf(h)).filter((t) => t.status === 'open');
    const plain = new Set((await db().selectFrom('skus').select('id').where('lot_tracked', '=', 0).execute()).map((s) => s.id));
    const pair = open.find((t) => plain.has(t.sku_id) && open.filter((o) => o.location_id === t.location_id && o.sku_id === t.sku_id).length >= 2)!;
    expect(pair).toBeDefined();
    const [a, b] = open.filter((o) => o.location_id === pair.location_id && o.sku_id === pair.sku_id);
    const before = await balance(pair.location_id, pair.sku_id);
    expect((await req('PUT', `/api/pick-faces/${pair.location_id}/limits/${pair.sku_id}`, lead, { minQty: before, maxQty: before + 10 })).statusCode).toBe(200);
    const seller = (await db().selectFrom('skus').select('seller_id').where('id', '=', pair.sku_id).executeTakeFirstOrThrow()).seller_id;
    const mine = async () => (await lowEvents(seller)).filter((e) => JSON.parse(e.payload).skuId === pair.sku_id);
    const pat = await Device.signIn(h.app, 'U1001', PAT);
    expect((await pat.push([pat.command('pick.confirm', pickArgs(a!.id, a!.qty, 'T0152'))])).results[0]!.status).toBe('applied');
    expect((await tasksAt(pair.location_id, pair.sku_id)).map((r) => r.status)).toHaveLength(1);
    expect(await mine()).toHaveLength(1);
    expect((await pat.push([pat.command('pick.confirm', pickArgs(b!.id, b!.qty, 'T0153'))])).results[0]!.status).toBe('applied');
    expect(await balance(pair.location_id, pair.sku_id)).toBe(before - a!.qty - b!.qty);
    expect(await tasksAt(pair.location_id, pair.sku_id)).toHaveLength(1);
    expect(await mine()).toHaveLength(1);
  });

  it('a pick below the minimum raises one task and one stock.low; a second pick and a replay do not', async () => {
    const { task, sku } = await plainTask(0);
    const face = task.location_id;
    const before = await balance(face, sku.id);
    // Plenty in one reserve bin, so FEFO (no expiry: most stock first) chooses it.
    await db().insertInto('stock_ledger').values({
      id: 'it-reserve-1', warehouse_id: 'wh-fc1', location_id: RESERVE, container_code: null, sku_id: sku.id, lot: null, expiry: null,
      delta: 1000, reason: 'seed', mutation_id: null, created_at: new Date().toISOString(),
    }).execute();
    const put = await req('PUT', `/api/pick-faces/${face}/limits/${sku.id}`, lead, { minQty: before, maxQty: before + 10 });
    expect(put.statusCode).toBe(200);
    limited = { face, skuId: sku.id };

    const pat = await Device.signIn(h.app, 'U1001', PAT);
    const pick = pat.command('pick.confirm', pickArgs(task.id, task.qty, 'T0150'));
    const first = await pat.push([pick]);
    expect(first.results[0]!.status).toBe('applied');
    const onHand = before - task.qty;
    expect(await balance(face, sku.id)).toBe(onHand);

    const rows = await tasksAt(face, sku.id);
    expect(rows).toHaveLength(1);
    const pack = Math.max(1, Number(sku.case_pack_qty));
    const need = before + 10 - Math.max(0, onHand);
    expect(rows[0]).toMatchObject({ status: 'open', from_location_id: RESERVE, seller_id: sku.seller_id, mutation_id: pick.id });
    expect(Number(rows[0]!.qty)).toBe(Math.ceil(need / pack) * pack);
    expect(Number(rows[0]!.on_hand)).toBe(onHand);
    const events = await lowEvents(sku.seller_id);
    expect(events).toHaveLength(1);
    const faceCode = (await db().selectFrom('locations').select('code').where('id', '=', face).executeTakeFirstOrThrow()).code;
    expect(JSON.parse(events[0]!.payload)).toMatchObject({ skuId: sku.id, skuCode: sku.code, pickFace: faceCode, onHand, minimum: before, replenishment: 'planned' });
    expect(typeof JSON.parse(events[0]!.payload).available).toBe('number');
    // Same transaction: the event carries the batch's version, like the task.
    expect(Number(events[0]!.version)).toBe(Number(rows[0]!.version));

    // The same batch again (a replay): the stored results, nothing new.
    expect((await pat.push([pick])).results).toEqual(first.results);
    // A second movement out of the face while the task is open: no second task or event.
    const rita = await Device.signIn(h.app, 'U3001', 'u-3001');
    const move = rita.command('stock.move', { fromLocationId: face, toLocationId: 'loc-C04-09-3', skuId: sku.id, lot: null, qty: 1 });
    expect((await rita.push([move])).results[0]!.status).toBe('applied');
    expect(await tasksAt(face, sku.id)).toHaveLength(1);
    expect(await lowEvents(sku.seller_id)).toHaveLength(1);

    // The seller sees it in its feed; another seller does not.
    const mine = await feed(sku.seller_id);
    expect(mine.filter((e) => e.payload.skuId === sku.id).map((e) => e.payload.skuCode)).toEqual([sku.code]);
    const ids = new Set(events.map((e) => e.id));
    for (const other of (await db().selectFrom('sellers').select('id').where('id', '!=', sku.seller_id).execute()).map((x) => x.id)) {
      const theirs = await feed(other);
      expect(theirs.filter((e) => ids.has(e.id) || e.payload.skuId === sku.id)).toEqual([]);
      // What they do see is about their own SKUs.
      const own = new Set((await db().selectFrom('skus').select('id').where('seller_id', '=', other).execute()).map((x) => x.id));
      expect(theirs.every((e) => own.has(e.payload.skuId as string))).toBe(true);
    }

    // The lead sees it on the board.
    const board = await req('GET', '/api/replenishments?status=open', lead);
    expect(board.statusCode).toBe(200);
    const listed = (board.json() as { replenishments: { id: string; pickFace: { code: string }; sku: { code: string }; from: { id: string } | null }[] }).replenishments;
    expect(listed.find((r) => r.id === rows[0]!.id)).toMatchObject({ pickFace: { code: faceCode }, sku: { code: sku.code }, from: { id: RESERVE } });

    // It reaches receivers by pull, not pickers.
    const pulled = (await rita.get('/api/sync/pull?cursor=0&limit=5000')).json() as PullResponse;
    expect(pulled.replenish!.tasks.map((t) => t.id)).toContain(rows[0]!.id);
    expect(((await pat.get('/api/sync/pull?cursor=0&limit=5000')).json() as PullResponse).replenish).toBeUndefined();

    // Confirm: stock moves reserve to face once; a duplicate (another device) is refused and asks for a count.
    const faceBefore = await balance(face, sku.id);
    const resBefore = await balance(RESERVE, sku.id);
    const args = { taskId: rows[0]!.id, fromLocationId: RESERVE, toLocationId: face, lot: null, qty: 12 };
    const confirm = rita.command('replenish.confirm', args);
    const done = await rita.push([confirm]);
    expect(done.results[0]!.status).toBe('applied');
    expect(await balance(face, sku.id)).toBe(faceBefore + 12);
    expect(await balance(RESERVE, sku.id)).toBe(resBefore - 12);
    expect((await tasksAt(face, sku.id))[0]).toMatchObject({ status: 'done', done_by: 'u-3001', done_from_location_id: RESERVE });
    expect((await rita.push([confirm])).results).toEqual(done.results);
    const lee = await Device.signIn(h.app, 'U5001', 'u-5001');
    const dup = await lee.push([lee.command('replenish.confirm', args)]);
    expect(dup.results[0]).toMatchObject({ status: 'rejected', code: 'REPLENISH_TASK_DONE', otherUserId: 'u-3001' });
    expect(await balance(face, sku.id)).toBe(faceBefore + 12);
    const counts = await db().selectFrom('count_tasks').selectAll().where('location_id', '=', face).where('reason', '=', 'replenish_conflict').execute();
    expect(counts).toHaveLength(1);
    const after = (await rita.get('/api/sync/pull?cursor=0&limit=5000')).json() as PullResponse;
    expect(after.replenish!.tasks.map((t) => t.id)).not.toContain(rows[0]!.id);
  });

  it('two confirms of one task in one batch move the stock once', async () => {
    const { task, sku } = await plainTask(1);
    const face = task.location_id;
    const before = await balance(face, sku.id);
    await req('PUT', `/api/pick-faces/${face}/limits/${sku.id}`, lead, { minQty: before + 1, maxQty: before + 5 });
    const rita = await Device.signIn(h.app, 'U3001', 'u-3001');
    // Nothing in reserve may be true or not: take from RESERVE whatever the suggestion.
    await rita.push([rita.command('stock.move', { fromLocationId: face, toLocationId: RESERVE, skuId: sku.id, lot: null, qty: 1 })]);
    const [row] = await tasksAt(face, sku.id);
    expect(row).toBeDefined();
    expect(row!.status).toBe('open'); // the unit just moved to RESERVE is reserve stock
    const args = { taskId: row!.id, fromLocationId: RESERVE, toLocationId: face, lot: null, qty: 1 };
    const faceBefore = await balance(face, sku.id);
    const r = await rita.push([rita.command('replenish.confirm', args), rita.command('replenish.confirm', args)]);
    expect(r.results.map((x) => x.code ?? x.status)).toEqual(['applied', 'REPLENISH_TASK_DONE']);
    expect(await balance(face, sku.id)).toBe(faceBefore + 1);
  });

  it('no reserve stock: a no_stock task and the event, raised once', async () => {
    const { task, sku } = await plainTask(2);
    const face = task.location_id;
    // Empty the SKU's reserve bins so nothing can be planned.
    const res = await db()
      .selectFrom('stock_ledger').innerJoin('locations', 'locations.id', 'stock_ledger.location_id')
      .select(['stock_ledger.location_id', (eb) => eb.fn.sum<number>('stock_ledger.delta').as('b')])
      .where('locations.type', '=', 'reserve').where('stock_ledger.sku_id', '=', sku.id).groupBy('stock_ledger.location_id').execute();
    for (const [i, r] of res.entries()) {
      if (Number(r.b) === 0) continue;
      await db().insertInto('stock_ledger').values({
        id: `it-empty-${i}`, warehouse_id: 'wh-fc1', location_id: r.location_id, container_code: null, sku_id: sku.id, lot: null, expiry: null,
        delta: -Number(r.b), reason: 'adjust', mutation_id: null, created_at: new Date().toISOString(),
      }).execute();
    }
    const before = await balance(face, sku.id);
    await req('PUT', `/api/pick-faces/${face}/limits/${sku.id}`, lead, { minQty: before, maxQty: before + 4 });
    const lee = await Device.signIn(h.app, 'U5001', 'u-5001');
    const move = () => lee.command('stock.move', { fromLocationId: face, toLocationId: 'loc-B06-01-3', skuId: sku.id, lot: null, qty: 1 });
    await lee.push([move()]);
    await lee.push([move()]);
    const rows = await tasksAt(face, sku.id);
    expect(rows.map((r) => [r.status, r.from_location_id])).toEqual([['no_stock', null]]);
    const events = (await lowEvents(sku.seller_id)).filter((e) => JSON.parse(e.payload).skuId === sku.id);
    expect(events.map((e) => JSON.parse(e.payload).replenishment)).toEqual(['no_reserve_stock']);
    const active = (await req('GET', '/api/replenishments?status=active', lead)).json() as { replenishments: { id: string; status: string }[] };
    expect(active.replenishments.find((r) => r.id === rows[0]!.id)?.status).toBe('no_stock');
    // Reserve stock arrives (here by a move out of the face): the waiting task is planned, no second event.
    await lee.push([lee.command('stock.move', { fromLocationId: face, toLocationId: RESERVE, skuId: sku.id, lot: null, qty: 1 })]);
    const now = await tasksAt(face, sku.id);
    expect(now.map((r) => [r.status, r.from_location_id, Number(r.qty)])).toEqual([['open', RESERVE, 1]]);
    expect((await lowEvents(sku.seller_id)).filter((e) => JSON.parse(e.payload).skuId === sku.id)).toHaveLength(1);
  });

  it('roles: pickers cannot confirm, read the board or set limits; receivers cannot set limits', async () => {
    const pat = await Device.signIn(h.app, 'U1001', PAT);
    const r = await pat.push([pat.command('replenish.confirm', { taskId: 'x', fromLocationId: RESERVE, toLocationId: 'loc-A01-01-1', lot: null, qty: 1 })]);
    expect(r.results[0]).toMatchObject({ status: 'rejected', code: 'FORBIDDEN' });
    const rita = await login(h.app, 'U3001', 'dev-rita-roles');
    for (const token of [pat.token, rita]) {
      expect((await req('GET', '/api/replenishments', token)).statusCode).toBe(token === rita ? 403 : 403);
      const put = await req('PUT', '/api/pick-faces/loc-A01-01-1/limits/sku-NORD-0001', token, { minQty: 1, maxQty: 2 });
      expect([put.statusCode, (put.json() as { error: { code: string } }).error.code]).toEqual([403, 'FORBIDDEN']);
      expect((await req('GET', '/api/pick-faces/loc-A01-01-1/limits', token)).statusCode).toBe(403);
    }
    expect((await h.app.inject({ method: 'GET', url: '/api/replenishments' })).statusCode).toBe(401);
  });

  it('bad input is a 4xx with a code and changes nothing', async () => {
    const before = await digest(h);
    const limitsBefore = await rdb().selectFrom('pick_face_limits').selectAll().orderBy('location_id').orderBy('sku_id').execute();
    const cases: [string, string, unknown, number, string][] = [
      ['PUT', '/api/pick-faces/loc-A01-01-1/limits/sku-NORD-0001', { minQty: 5, maxQty: 4 }, 400, 'VALIDATION_FAILED'],
      ['PUT', '/api/pick-faces/loc-A01-01-1/limits/sku-NORD-0001', { minQty: -1, maxQty: 4 }, 400, 'VALIDATION_FAILED'],
      ['PUT', '/api/pick-faces/loc-A01-01-1/limits/sku-NORD-0001', { minQty: '1; drop table skus', maxQty: 4 }, 400, 'VALIDATION_FAILED'],
      ['PUT', '/api/pick-faces/loc-A01-01-1/limits/sku-NORD-0001', { minQty: 1, maxQty: 4, extra: '<script>' }, 400, 'VALIDATION_FAILED'],
      ['PUT', '/api/pick-faces/loc-C01-01-1/limits/sku-NORD-0001', { minQty: 1, maxQty: 4 }, 422, 'NOT_A_PICK_FACE'],
      ['PUT', "/api/pick-faces/loc-'or'1'='1/limits/sku-NORD-0001", { minQty: 1, maxQty: 4 }, 404, 'LOCATION_NOT_FOUND'],
      ['PUT', '/api/pick-faces/loc-A01-01-1/limits/sku-NOPE', { minQty: 1, maxQty: 4 }, 404, 'SKU_NOT_FOUND'],
      ['GET', '/api/pick-faces/loc-PACK-01/limits', undefined, 422, 'NOT_A_PICK_FACE'],
      ['GET', '/api/replenishments?status=lost', undefined, 400, 'VALIDATION_FAILED'],
      ['GET', '/api/replenishments?status=open&limit=0', undefined, 400, 'VALIDATION_FAILED'],
      ['GET', '/api/replenishments?nope=1', undefined, 400, 'VALIDATION_FAILED'],
    ];
    for (const [method, url, body, status, code] of cases) {
      const r = await req(method as 'GET' | 'PUT', url, lead, body);
      expect([url, r.statusCode, (r.json() as { error: { code: string } }).error.code]).toEqual([url, status, code]);
    }
    const bad = await h.app.inject({ method: 'PUT', url: '/api/pick-faces/loc-A01-01-1/limits/sku-NORD-0001', headers: { authorization: `Bearer ${lead}`, 'content-type': 'application/json' }, payload: '{"minQty": 1,' });
    expect(bad.statusCode).toBe(400);
    expect(await digest(h)).toBe(before);
    expect(await rdb().selectFrom('pick_face_limits').selectAll().orderBy('location_id').orderBy('sku_id').execute()).toEqual(limitsBefore);
  });

  it('the limits route reads what is set, the SKU threshold otherwise', async () => {
    const r = await req('GET', `/api/pick-faces/${limited!.face}/limits`, lead);
    expect(r.statusCode).toBe(200);
    const body = r.json() as { skus: { skuId: string; source: string; minQty: number }[] };
    expect(body.skus.find((s) => s.skuId === limited!.skuId)).toMatchObject({ source: 'face' });
    expect(body.skus.some((s) => s.source === 'sku') || body.skus.length === 1).toBe(true);
    const empty = await req('GET', '/api/pick-faces/loc-A06-10-3/limits', lead);
    expect(empty.statusCode).toBe(200);
  });
});
