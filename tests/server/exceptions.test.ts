import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedReturnsDemoIfMissing } from '../../src/server/db/seed-returns';
import { BACKENDS } from './helpers/backends';
import { Device, digest, LEE, login, PAT, startHarness, type Harness } from './helpers/harness';
import { RET, shippedOrder, skusOf, WH } from './helpers/inventory';
import { closeArgs, DOCK, line, RITA } from './helpers/receiving';

type Item = {
  id: string; type: string; status: string; qty: number; ageSeconds: number; allowedActions: string[];
  sku: { code: string; name: string } | null; location: { id: string; code: string } | null; order: { ref: string } | null;
  wave: { code: string } | null; raisedBy: { id: string; name: string } | null; details: Record<string, unknown> | null;
  handled: { by: { id: string; name: string } | null; action: string | null; note: string | null; at: string | null } | null;
};

/** The lead's exceptions queue: who may use it, what it lists, refusals, races, damaged stock. */
describe.each(BACKENDS)('exceptions queue on %s', (kind) => {
  let h: Harness;
  let lead: string;
  let admin: string;
  beforeAll(async () => {
    h = await startHarness(kind);
    await seedReturnsDemoIfMissing(h.db.db);
    lead = await login(h.app, 'U5001', 'dev-lead-q');
    admin = await login(h.app, 'U9001', 'dev-admin-q');
  });
  afterAll(async () => h?.close());
  const db = () => h.db.db;
  const get = (url: string, token = lead) => h.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
  const act = (id: string, body: unknown, token = lead) =>
    h.app.inject({ method: 'POST', url: `/api/exceptions/${encodeURIComponent(id)}/actions`, headers: { authorization: `Bearer ${token}` }, payload: body as object });
  const list = async (q = '') => {
    const r = await get(`/api/exceptions${q}`);
    expect(r.statusCode, r.body).toBe(200);
    return (r.json() as { exceptions: Item[] }).exceptions;
  };
  let serial = 0;
  async function raise(type: string, p: Record<string, unknown> = {}, warehouseId = WH) {
    serial += 1;
    const id = `ex-q-${serial}`;
    const loc = await db().selectFrom('locations').select('id').where('warehouse_id', '=', WH).where('type', '=', 'pick_face').orderBy('walk_seq').executeTakeFirstOrThrow();
    const sku = await db().selectFrom('skus').select('id').where('warehouse_id', '=', WH).orderBy('id').executeTakeFirstOrThrow();
    await db().insertInto('exceptions').values({
      id, warehouse_id: warehouseId, type, status: 'open', wave_id: null, task_id: null, location_id: loc.id, sku_id: sku.id, qty: 2,
      raised_by: PAT, mutation_id: null, created_at: new Date(Date.UTC(2026, 0, 1, 0, serial)).toISOString(), resolved_at: null, version: 1, ...p,
    }).execute();
    return id;
  }

  it('is for leads and admins only: every other role gets 403 FORBIDDEN and nothing changes', async () => {
    const id = await raise('weight_override');
    for (const [badge, user] of [['U1001', 'picker'], ['U2001', 'packer'], ['U3001', 'receiver'], ['U4001', 'returns']]) {
      const token = await login(h.app, badge!, `dev-${user}-q`);
      const before = await digest(h);
      const g = await get('/api/exceptions', token);
      expect([g.statusCode, g.json().error?.code], user).toEqual([403, 'FORBIDDEN']);
      const p = await act(id, { action: 'resolve', note: 'seen' }, token);
      expect([p.statusCode, p.json().error?.code], user).toEqual([403, 'FORBIDDEN']);
      expect(await digest(h)).toBe(before);
    }
    expect((await h.app.inject({ method: 'GET', url: '/api/exceptions' })).statusCode).toBe(401);
    expect((await get('/api/exceptions', admin)).statusCode).toBe(200);
    const r = await act(id, { action: 'resolve', note: 'admin saw it' }, admin);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ exception: { status: 'handled', handled: { by: { id: 'u-9001' }, action: 'resolve', note: 'admin saw it' } } });
  });

  it('lists open exceptions oldest first with what a card needs; filters by type; handled ones with who, how and when', async () => {
    const a = await raise('negative_stock', { qty: -3 });
    const b = await raise('stale_assignment', { wave_id: 'wave-W-0001' });
    const open = await list();
    const ids = open.map((e) => e.id);
    expect(ids.indexOf(a)).toBeLessThan(ids.indexOf(b));
    const created = open.map((e) => Date.parse((e as unknown as { createdAt: string }).createdAt));
    expect([...created].sort((x, y) => x - y)).toEqual(created);
    const ia = open.find((e) => e.id === a)!;
    expect(ia).toMatchObject({ type: 'negative_stock', status: 'open', qty: -3, allowedActions: ['assign_count', 'resolve'], raisedBy: { id: PAT, name: 'Pat Picker' }, handled: null });
    expect(ia.sku?.code).toBeTruthy();
    expect(ia.sku?.name).toBeTruthy();
    expect(ia.location?.code).toBeTruthy();
    expect(ia.ageSeconds).toBeGreaterThan(0);
    expect(open.find((e) => e.id === b)).toMatchObject({ wave: { code: 'W-0001' }, allowedActions: ['resolve'] });
    expect((await list('?type=stale_assignment')).map((e) => e.type)).toEqual(['stale_assignment']);
    expect(new Set((await list('?type=stale_assignment,negative_stock')).map((e) => e.type))).toEqual(new Set(['stale_assignment', 'negative_stock']));
    expect((await act(a, { action: 'resolve', note: 'counted, fine' })).statusCode).toBe(200);
    expect((await list()).map((e) => e.id)).not.toContain(a);
    const handled = await list('?status=handled');
    expect(handled[0]).toMatchObject({ id: a, status: 'handled', allowedActions: [], handled: { by: { id: LEE, name: 'Lee Lead' }, action: 'resolve', note: 'counted, fine' } });
  });

  it('refuses bad input with 400 VALIDATION_FAILED and an unknown or another warehouse\'s exception with 404; nothing changes', async () => {
    const id = await raise('short_pick');
    await db().insertInto('warehouses').values({ id: 'wh-other', code: 'OTHER', name: 'Other', version: 1, created_at: new Date().toISOString() }).execute();
    const foreign = await raise('weight_override', {}, 'wh-other');
    const override = await raise('weight_override');
    const before = await digest(h);
    for (const bad of [undefined, {}, { action: 'explode' }, { action: 'resolve' }, { action: 'resolve', note: '' }, { action: 'resolve', note: 'x'.repeat(501) },
      { action: 'reallocate', qty: 2 }, { action: 'assign_count', userId: '' }, { action: 'assign_count', userId: 'a b' }, []]) {
      const r = await act(id, bad);
      expect([r.statusCode, r.json().error?.code], JSON.stringify(bad)).toEqual([400, 'VALIDATION_FAILED']);
    }
    for (const q of ['?status=closed', '?type=nope', '?type=', '?limit=0', '?limit=9999', '?limit=x', '?other=1']) {
      const r = await get(`/api/exceptions${q}`);
      expect([r.statusCode, r.json().error?.code], q).toEqual([400, 'VALIDATION_FAILED']);
    }
    const longId = 'x'.repeat(65);
    expect((await act(longId, { action: 'resolve', note: 'n' })).statusCode).toBe(400);
    for (const missing of ['ex-nope', foreign]) {
      const r = await act(missing, { action: 'resolve', note: 'n' });
      expect([r.statusCode, r.json().error?.code], missing).toEqual([404, 'EXCEPTION_NOT_FOUND']);
    }
    expect((await list()).map((e) => e.id)).not.toContain(foreign);
    // A known exception, an action its type does not allow.
    const r = await act(override, { action: 'assign_count' });
    expect([r.statusCode, r.json().error?.code]).toEqual([409, 'EXCEPTION_ACTION_NOT_ALLOWED']);
    expect(await digest(h)).toBe(before);
  });

  it('two leads acting at once: exactly one wins, the other is told it was handled', async () => {
    for (let round = 0; round < 3; round++) {
      const id = await raise('weight_override');
      const admin2 = await login(h.app, 'U9001', `dev-admin-race-${round}`);
      const [x, y] = await Promise.all([act(id, { action: 'resolve', note: 'lead' }), act(id, { action: 'resolve', note: 'admin' }, admin2)]);
      expect([x.statusCode, y.statusCode].sort()).toEqual([200, 409]);
      const loser = x.statusCode === 409 ? x : y;
      expect(loser.json().error.code).toBe('EXCEPTION_ALREADY_HANDLED');
      const row = await db().selectFrom('exceptions').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      const winner = x.statusCode === 200 ? 'lead' : 'admin';
      expect([row.status, row.handled_note]).toEqual(['resolved', winner]);
    }
  });

  it('damaged stock enters the queue: a receipt closed with damaged units, a return graded damaged', async () => {
    const rita = await Device.signIn(h.app, 'U3001', RITA);
    const args = closeArgs({ asnId: null, lines: [line('sku-LUMA-0005', 2, { condition: 'damaged', reason: 'Crushed corner', photoIds: ['ph-x'] })] });
    const m = rita.command('receipt.close', args);
    expect((await rita.push([m])).results[0]!.status, 'receipt.close').toBe('applied');
    const fromReceipt = await db().selectFrom('exceptions').selectAll().where('mutation_id', '=', m.id).execute();
    expect(fromReceipt.map((e) => [e.type, e.location_id, e.sku_id, Number(e.qty), e.raised_by, e.status])).toEqual([['damaged_stock', DOCK, 'sku-LUMA-0005', 2, RITA, 'open']]);
    expect(JSON.parse(fromReceipt[0]!.details!)).toMatchObject({ source: 'receipt', receiptId: args.receiptId, reason: 'Crushed corner', photoIds: ['ph-x'] });

    const [sku] = (await skusOf(db(), 'seller-luma', 1)) as [string];
    const order = await shippedOrder(db(), 'seller-luma', [{ skuId: sku, qty: 2 }]);
    const rosa = await Device.signIn(h.app, 'U4001', 'u-4001');
    const g = rosa.command('return.grade', {
      returnId: randomUUID(), orderId: order.orderId, locationId: RET, scannedRef: order.tracking,
      units: [{ skuId: sku, qty: 1, grade: 'damaged', reason: 'wet box', sealed: false, photoIds: ['ph-r'] }, { skuId: sku, qty: 1, grade: 'sellable', reason: 'did not fit', sealed: true }],
    });
    expect((await rosa.push([g])).results[0]!.status, 'return.grade').toBe('applied');
    const fromReturn = await db().selectFrom('exceptions').selectAll().where('mutation_id', '=', g.id).execute();
    expect(fromReturn.map((e) => [e.type, e.location_id, e.sku_id, Number(e.qty), e.order_id])).toEqual([['damaged_stock', RET, sku, 1, order.orderId]]);
    const items = await list('?type=damaged_stock');
    expect(items.map((e) => e.id)).toEqual([fromReceipt[0]!.id, fromReturn[0]!.id]);
    expect(items[1]).toMatchObject({ order: { ref: order.ref }, allowedActions: ['assign_count', 'resolve'], details: { source: 'return' } });
  });

  it('pokes listening devices after an action, with the action\'s version', async () => {
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
    const poke = /event: poke\ndata: \{"version":(\d+)\}\n\n/;
    const until = async () => {
      while (!poke.test(text)) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`stream ended: ${text}`);
        text += decoder.decode(value);
      }
      return poke.exec(text)!;
    };
    await until();
    text = '';
    const r = await act(await raise('stale_assignment'), { action: 'resolve', note: 'told both pickers' });
    expect(r.statusCode, r.body).toBe(200);
    expect(Number((await until())[1])).toBeGreaterThanOrEqual((r.json() as { version: number }).version);
    ctl.abort();
  });

  it('is in the OpenAPI description', async () => {
    const doc = (await h.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(doc.paths['/api/exceptions']!)).toEqual(['get']);
    expect(Object.keys(doc.paths['/api/exceptions/{id}/actions']!)).toEqual(['post']);
  });
});
