import { sql } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VersionClock } from '../../src/server/db/version';
import { BACKENDS } from './helpers/backends';
import { Device, login, PAT, pickArgs, startHarness, tasksOf, type Harness } from './helpers/harness';

type StockRow = { sku: string; name: string; onHand: number; allocated: number; available: number };
type Feed = { events: { id: string; type: string; version: number; sellerId?: string; payload: unknown }[]; next: number; more: boolean };

/** The sellers' stock figures against the ledger and open pick tasks; the event feed's cursor under concurrent writes. */
describe.each(BACKENDS)("sellers' stock and event feed on %s", (kind) => {
  let h: Harness;
  let admin: string;
  const keys = new Map<string, string>();
  beforeAll(async () => {
    h = await startHarness(kind);
    admin = await login(h.app, 'U9001', 'dev-admin');
  });
  afterAll(async () => h?.close());

  const keyOf = async (sellerId: string) => {
    if (!keys.has(sellerId)) {
      const r = await h.app.inject({ method: 'POST', url: '/api/admin/seller-keys', headers: { authorization: `Bearer ${admin}` }, payload: { sellerId, name: 'it' } });
      keys.set(sellerId, (r.json() as { key: string }).key);
    }
    return keys.get(sellerId)!;
  };
  const get = async (sellerId: string, url: string) =>
    h.app.inject({ method: 'GET', url: `/api/seller/v1${url}`, headers: { 'x-api-key': await keyOf(sellerId) } });

  /** Every stock row of a seller, paging by SKU code. */
  const allStock = async (sellerId: string, limit: number) => {
    const out: StockRow[] = [];
    let after: string | null = null;
    for (let i = 0; i < 1000; i++) {
      const r = await get(sellerId, `/stock?limit=${limit}${after ? `&after=${after}` : ''}`);
      expect(r.statusCode).toBe(200);
      const page = r.json() as { stock: StockRow[]; next: string | null };
      expect(page.stock.length).toBeLessThanOrEqual(limit);
      out.push(...page.stock);
      if (page.next === null) return out;
      after = page.next;
    }
    throw new Error('stock paging never ended');
  };

  /** The figures straight from the tables: ledger over bins, open pick tasks' remaining units. */
  const expected = async (sellerId: string) => {
    const skus = await h.db.db.selectFrom('skus').select(['id', 'code']).where('seller_id', '=', sellerId).execute();
    const ledger = await h.db.db.selectFrom('stock_ledger').select(['sku_id', 'location_id', 'delta']).execute();
    const tasks = await h.db.db.selectFrom('pick_tasks').select(['sku_id', 'qty', 'picked_qty', 'status']).execute();
    return Object.fromEntries(
      skus.map((s) => {
        const onHand = ledger.filter((l) => l.sku_id === s.id && l.location_id !== null).reduce((n, l) => n + Number(l.delta), 0);
        const allocated = tasks.filter((t) => t.sku_id === s.id && t.status === 'open').reduce((n, t) => n + Number(t.qty) - Number(t.picked_qty), 0);
        return [s.code, { onHand, allocated, available: Math.max(0, onHand - allocated) }];
      }),
    );
  };
  const figures = (rows: StockRow[]) => Object.fromEntries(rows.map((r) => [r.sku, { onHand: r.onHand, allocated: r.allocated, available: r.available }]));

  it('reports on hand, allocated and available per SKU exactly as the ledger and open pick tasks say, over every page', async () => {
    const task = (await tasksOf(h)).find((t) => t.status === 'open')!;
    const sku = await h.db.db.selectFrom('skus').select(['code', 'seller_id']).where('id', '=', task.sku_id).executeTakeFirstOrThrow();
    const seller = sku.seller_id;
    const want = await expected(seller);
    expect(want[sku.code]!.allocated).toBeGreaterThan(0);
    const paged = await allStock(seller, 7);
    expect(paged.map((r) => r.sku)).toEqual(Object.keys(want).sort((a, b) => (a < b ? -1 : 1)));
    expect(figures(paged)).toEqual(want);
    expect(figures(await allStock(seller, 1000))).toEqual(want);

    // A pick moves units from the bin to a tote: on hand and allocated both fall by the picked qty.
    const before = want[sku.code]!;
    const d = await Device.signIn(h.app, 'U1001', PAT);
    const m = d.command('pick.confirm', pickArgs(task.id, Number(task.qty), 'T0491'));
    expect((await d.push([m])).results[0]!.status).toBe('applied');
    const one = (await get(seller, `/stock?sku=${sku.code}`)).json() as { stock: StockRow[]; next: string | null };
    expect(one.next).toBeNull();
    expect(one.stock).toHaveLength(1);
    expect(one.stock[0]).toMatchObject({ sku: sku.code, onHand: before.onHand - Number(task.qty), allocated: before.allocated - Number(task.qty) });
    expect(figures(one.stock)[sku.code]).toEqual((await expected(seller))[sku.code]);

    // Stock received at a bin counts; units on a container (a tote, a packed carton) do not.
    const loc = await h.db.db.selectFrom('locations').select('id').orderBy('id').executeTakeFirstOrThrow();
    const row = { warehouse_id: 'wh-fc1', sku_id: task.sku_id, lot: null, expiry: null, reason: 'adjust', mutation_id: null, created_at: new Date().toISOString() };
    await h.db.db.insertInto('stock_ledger').values([{ ...row, id: uuidv7(), location_id: loc.id, container_code: null, delta: 7 }, { ...row, id: uuidv7(), location_id: null, container_code: 'T0492', delta: 3 }]).execute();
    const after = ((await get(seller, `/stock?sku=${sku.code}`)).json() as { stock: StockRow[] }).stock[0]!;
    expect(after.onHand).toBe(one.stock[0]!.onHand + 7);
  });

  it('filters by SKU code within the seller only, and refuses bad queries with a code', async () => {
    expect(((await get('seller-luma', '/stock?sku=LUMA-0005')).json() as { stock: StockRow[] }).stock.map((r) => r.sku)).toEqual(['LUMA-0005']);
    for (const other of ['NORD-0001', 'BEAN-0001', 'NOPE-0001']) expect(((await get('seller-luma', `/stock?sku=${other}`)).json() as { stock: StockRow[] }).stock).toEqual([]);
    for (const q of ['limit=0', 'limit=1001', 'limit=x', 'sku=a%20b', 'after=%00', 'extra=1']) {
      const r = await get('seller-luma', `/stock?${q}`);
      expect([r.statusCode, (r.json() as { error: { code: string } }).error.code], q).toEqual([400, 'VALIDATION_FAILED']);
    }
    for (const q of ['after=-1', 'after=x', 'limit=0', 'limit=1001', 'sellerId=seller-nord']) {
      const r = await get('seller-luma', `/events?${q}`);
      expect([r.statusCode, (r.json() as { error: { code: string } }).error.code], q).toEqual([400, 'VALIDATION_FAILED']);
    }
  });

  /** One change: n events per seller under one version, as real writers raise them. */
  const writeVersion = (perSeller: Record<string, number>) =>
    h.db.db.transaction().execute(async (trx) => {
      const clock = await VersionClock.begin(trx);
      const v = clock.tick();
      const rows = Object.entries(perSeller).flatMap(([sellerId, n]) =>
        Array.from({ length: n }, (_, i) => ({ id: uuidv7(), warehouse_id: 'wh-fc1', seller_id: sellerId, type: 'test.event', payload: JSON.stringify({ i, v }), created_at: new Date().toISOString(), version: v })),
      );
      if (rows.length) await trx.insertInto('seller_events').values(rows).execute();
      await clock.finish(trx);
    });

  it('a cursor never skips or repeats an event, with events written between and during pages, several in one version', async () => {
    const A = 'seller-luma';
    await writeVersion({ [A]: 5, 'seller-nord': 2 }); // one version larger than a page
    const seen: Feed['events'] = [];
    let cursor = 0;
    const read = async () => {
      const r = await get(A, `/events?after=${cursor}&limit=3`);
      expect(r.statusCode).toBe(200);
      const page = r.json() as Feed;
      const versions = new Set(page.events.map((e) => e.version));
      // A page never ends inside a version: the next page starts after the last one whole.
      if (page.events.length > 0) expect(page.next).toBe(Math.max(...versions));
      seen.push(...page.events);
      cursor = page.next;
      return page;
    };
    await read();
    await writeVersion({ [A]: 2 });
    await read();
    await writeVersion({ 'seller-nord': 3 });
    await writeVersion({ [A]: 1, 'seller-bean': 1 });

    let writing = true;
    const writer = (async () => {
      for (let i = 0; i < 25; i++) await writeVersion({ [A]: (i % 4) + (i % 3 === 0 ? 0 : 1), 'seller-nord': i % 2 });
      writing = false;
    })();
    const reader = (async () => {
      for (let guard = 0; guard < 500; guard++) {
        const done = !writing;
        const page = await read();
        if (done && !page.more) return;
      }
      throw new Error('feed never caught up');
    })();
    await Promise.all([writer, reader]);

    const all = await h.db.db.selectFrom('seller_events').select(['id', 'version']).where('seller_id', '=', A).orderBy('version').orderBy('id').execute();
    expect(seen.map((e) => e.id)).toEqual(all.map((e) => e.id));
    expect(new Set(seen.map((e) => e.id)).size).toBe(seen.length);
    expect(seen.every((e) => e.sellerId === undefined)).toBe(true);
    const others = await h.db.db.selectFrom('seller_events').select('id').where('seller_id', '<>', A).execute();
    expect(others.length).toBeGreaterThan(0);
    const mine = new Set(seen.map((e) => e.id));
    expect(others.some((o) => mine.has(o.id))).toBe(false);

    // Past the end: nothing, the cursor stays, no more.
    const end = (await get(A, `/events?after=${cursor}`)).json() as Feed;
    expect(end).toEqual({ events: [], next: cursor, more: false });
    const versionNow = await sql<{ value: number }>`select value from server_version where id = 1`.execute(h.db.db);
    expect(cursor).toBeLessThanOrEqual(Number(versionNow.rows[0]!.value));
  });
});
