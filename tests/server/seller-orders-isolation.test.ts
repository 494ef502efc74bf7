import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isUniqueViolation } from '../../src/server/services/seller-orders';
import { BACKENDS } from './helpers/backends';
import { login, startHarness, type Harness } from './helpers/harness';
import { packShipment } from './helpers/shipment-fixture';
import { asSeller, counts, orderBody, sellerFixtures, type SellerFixture } from './seller-orders-helpers';

type Method = 'GET' | 'POST';
/** Every route of the sellers' orders API that names one order. */
const byOrder = (id: string, ext: string): { method: Method; url: string }[] => [
  { method: 'GET', url: `/api/seller/v1/orders/${encodeURIComponent(id)}` },
  { method: 'GET', url: `/api/seller/v1/orders?externalId=${encodeURIComponent(ext)}` },
  { method: 'POST', url: `/api/seller/v1/orders/${encodeURIComponent(id)}/cancel` },
];

describe.each(BACKENDS)("sellers' orders: isolation and bad input on %s", (kind) => {
  let h: Harness;
  let a: SellerFixture;
  let b: SellerFixture;
  let floorToken: string;
  beforeAll(async () => {
    h = await startHarness(kind);
    [a, b] = await sellerFixtures(h.app, h.db.db, await login(h.app, 'U9001', 'dev-admin'));
    floorToken = await login(h.app, 'U5001', 'dev-lead');
  });
  afterAll(async () => h?.close());

  const create = (key: string, payload: unknown, headers: Record<string, string> = {}) =>
    h.app.inject({ method: 'POST', url: '/api/seller/v1/orders', headers: { ...asSeller(key), ...headers }, payload: payload as string });

  it("every route with another seller's order answers exactly like a missing one, and shows none of it", async () => {
    const theirs = (await create(b.key, orderBody(b.skus))).json() as { id: string; externalId: string };
    const packedTheirs = (await create(b.key, orderBody(b.skus))).json() as { id: string; externalId: string };
    const fx = await packShipment(h.db.db, { orderId: packedTheirs.id });
    const seeded = await h.db.db.selectFrom('orders').select(['id', 'external_id']).where('seller_id', '=', b.sellerId).where('status', '=', 'allocated').executeTakeFirstOrThrow();
    const before = await counts(h.db.db);
    for (const foreign of [theirs, packedTheirs, { id: seeded.id, externalId: seeded.external_id }]) {
      const missing = byOrder(`ord-missing-${foreign.id.slice(-6)}`, `${foreign.externalId}-missing`);
      const routes = byOrder(foreign.id, foreign.externalId);
      for (let i = 0; i < routes.length; i++) {
        const r = await h.app.inject({ ...routes[i]!, headers: asSeller(a.key) });
        const m = await h.app.inject({ ...missing[i]!, headers: asSeller(a.key) });
        expect(r.statusCode, routes[i]!.url).toBe(404);
        expect(m.statusCode).toBe(404);
        expect(r.body).toBe(m.body);
        expect(r.json()).toEqual({ error: { code: 'ORDER_NOT_FOUND', message: 'no such order' } });
        for (const secret of [foreign.id, foreign.externalId, b.sellerId, fx.cartons[0]!.trackingNumber]) expect(r.body).not.toContain(secret);
      }
    }
    expect(await counts(h.db.db)).toEqual(before);
    // And the owner still sees theirs, unchanged and not cancelled.
    const own = await h.app.inject({ method: 'GET', url: `/api/seller/v1/orders/${theirs.id}`, headers: asSeller(b.key) });
    expect(own.json()).toMatchObject({ id: theirs.id, status: 'received' });
  });

  it('a floor session token, no key, or a bad key is 401 on every route', async () => {
    const mine = (await create(a.key, orderBody(a.skus))).json() as { id: string; externalId: string };
    const routes = [{ method: 'POST' as Method, url: '/api/seller/v1/orders' }, ...byOrder(mine.id, mine.externalId)];
    for (const route of routes) {
      for (const headers of [{ authorization: `Bearer ${floorToken}` }, {}, { 'x-api-key': `${a.key}x` }]) {
        const r = await h.app.inject({ ...route, headers, ...(route.method === 'POST' ? { payload: orderBody(a.skus) } : {}) });
        expect(r.statusCode, `${route.method} ${route.url}`).toBe(401);
        expect(r.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
      }
    }
    const still = await h.app.inject({ method: 'GET', url: `/api/seller/v1/orders/${mine.id}`, headers: asSeller(a.key) });
    expect(still.json()).toMatchObject({ status: 'received' });
  });

  it('bad input of every kind is a 4xx with a code and writes nothing', async () => {
    const good = orderBody(a.skus);
    const many = Array.from({ length: 501 }, (_, i) => ({ sku: `X-${i}`, qty: 1 }));
    const bad: unknown[] = [
      '{"externalId": ',
      '[]',
      'null',
      '"text"',
      { ...good, extra: 1 },
      { ...good, externalId: '' },
      { ...good, externalId: 'has space' },
      { ...good, externalId: 'x'.repeat(65) },
      { ...good, externalId: 42 },
      { ...good, lines: [] },
      { ...good, lines: many },
      { ...good, lines: [{ sku: a.skus[0], qty: 0 }] },
      { ...good, lines: [{ sku: a.skus[0], qty: 1.5 }] },
      { ...good, lines: [{ sku: a.skus[0], qty: '1' }] },
      { ...good, lines: [{ sku: a.skus[0], qty: 1, price: 3 }] },
      { ...good, lines: [{ sku: a.skus[0], qty: 1 }, { sku: a.skus[0], qty: 2 }] },
      { ...good, lines: 'all of them' },
      { ...good, shipTo: { ...good.shipTo, name: 'a\u0007b' } },
      { ...good, shipTo: { ...good.shipTo, name: 'evil\u202egnp.exe' } },
      { ...good, shipTo: { ...good.shipTo, name: '   ' } },
      { ...good, shipTo: { ...good.shipTo, name: 'half \ud800 a pair' } },
      { ...good, shipTo: { ...good.shipTo, line2: ' ' } },
      { ...good, shipTo: { ...good.shipTo, city: 'x'.repeat(5000) } },
      { ...good, shipTo: { ...good.shipTo, country: 'usa' } },
      { ...good, shipTo: { ...good.shipTo, postalCode: "1; drop table orders; --" } },
      { ...good, shipTo: { ...good.shipTo, admin: true } },
      { ...good, carrierService: 'Pigeon Post' },
      { ...good, shipBy: 'tomorrow' },
      { ...good, shipBy: '2026-12-01T17:00:00' },
      { ...good, shipBy: '9999-12-01T17:00:00Z' },
      '{"externalId":"x","__proto__":{"admin":true}}',
      `{"externalId":"a\\u0000b"}`,
    ];
    const before = await counts(h.db.db);
    for (const payload of bad) {
      const r = await create(a.key, typeof payload === 'string' ? payload : JSON.stringify(payload), { 'content-type': 'application/json' });
      expect(r.statusCode, JSON.stringify(payload).slice(0, 120)).toBeGreaterThanOrEqual(400);
      expect(r.statusCode).toBeLessThan(500);
      expect((r.json() as { error: { code: string } }).error.code).toMatch(/^[A-Z_]+$/);
    }
    const wrongType = await create(a.key, 'externalId=x', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(wrongType.statusCode).toBe(415);
    const huge = await create(a.key, JSON.stringify({ ...good, pad: 'x'.repeat(1_100_000) }), { 'content-type': 'application/json' });
    expect(huge.statusCode).toBe(413);
    for (const url of ['/api/seller/v1/orders', '/api/seller/v1/orders?externalId=', '/api/seller/v1/orders?externalId=a&x=1', `/api/seller/v1/orders/${'x'.repeat(65)}`, '/api/seller/v1/orders/a%20b']) {
      const r = await h.app.inject({ method: 'GET', url, headers: asSeller(a.key) });
      expect(r.statusCode, url).toBe(400);
      expect(r.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    }
    const mine = (await create(a.key, good)).json() as { id: string };
    const after = await counts(h.db.db);
    const cancelBody = await h.app.inject({ method: 'POST', url: `/api/seller/v1/orders/${mine.id}/cancel`, headers: asSeller(a.key), payload: { reason: 'x' } });
    expect(cancelBody.statusCode).toBe(400);
    expect(await counts(h.db.db)).toEqual(after);
    expect(after.orders).toBe(before.orders + 1);
  });

  it('a unique-key violation is recognised on this database (the backstop for concurrent repeats)', async () => {
    const row = await h.db.db.selectFrom('orders').selectAll().where('seller_id', '=', a.sellerId).executeTakeFirstOrThrow();
    const err = await h.db.db
      .insertInto('orders')
      .values({ ...row, id: `${row.id}-copy` })
      .execute()
      .then(() => null, (e: unknown) => e);
    expect(err).not.toBeNull();
    expect(isUniqueViolation(err)).toBe(true);
    expect(isUniqueViolation(new Error('connection terminated'))).toBe(false);
  });

  it('every route is in the OpenAPI description with the seller key scheme', async () => {
    const doc = (await h.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, { security: unknown }>> };
    const want = { '/api/seller/v1/orders': ['post', 'get'], '/api/seller/v1/orders/{id}': ['get'], '/api/seller/v1/orders/{id}/cancel': ['post'] };
    for (const [path, methods] of Object.entries(want)) {
      for (const m of methods) expect(doc.paths[path]?.[m]?.security, `${m} ${path}`).toEqual([{ sellerKey: [] }, { sellerKeyHeader: [] }]);
    }
  });
});
