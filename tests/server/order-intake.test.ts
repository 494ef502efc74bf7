import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WavePreview } from '../../src/server/services/wave-planning';
import { BACKENDS } from './helpers/backends';
import { login, startHarness, type Harness } from './helpers/harness';
import { asSeller, orderBody, sellerFixtures, type SellerFixture } from './seller-orders-helpers';

interface Incoming {
  count: number;
  orders: { id: string; ref: string; seller: string; status: string; lines: number; units: number }[];
}

describe.each(BACKENDS)('releasing incoming orders on %s', (kind) => {
  let h: Harness;
  let lead: string;
  let a: SellerFixture;
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    h = await startHarness(kind);
    lead = await login(h.app, 'U5001', 'dev-lead');
    for (const [role, badge, pin] of [['picker', 'U1001', 'dev-picker'], ['admin', 'U9001', 'dev-admin']] as const) tokens[role] = await login(h.app, badge, pin);
    [a] = await sellerFixtures(h.app, h.db.db, tokens.admin!);
  });
  afterAll(async () => h?.close());

  const as = (token: string) => ({ authorization: `Bearer ${token}` });
  const incoming = async (token = lead) => {
    const r = await h.app.inject({ method: 'GET', url: '/api/orders/incoming', headers: as(token) });
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as Incoming;
  };
  const release = (payload: unknown, token = lead) => h.app.inject({ method: 'POST', url: '/api/orders/release', headers: as(token), payload: payload as object });
  const create = async () => {
    const r = await h.app.inject({ method: 'POST', url: '/api/seller/v1/orders', headers: asSeller(a.key), payload: orderBody(a.skus) });
    expect(r.statusCode, r.body).toBe(201);
    return (r.json() as { id: string }).id;
  };
  const statusOf = async (id: string) => (await h.db.db.selectFrom('orders').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
  const version = async () => Number((await h.db.db.selectFrom('server_version').select('value').executeTakeFirstOrThrow()).value);

  it("lists a seller's new order for the lead and, once released, plans it into a wave", async () => {
    const before = await incoming();
    const id = await create();
    const after = await incoming();
    expect(after.count).toBe(before.count + 1);
    expect(after.orders.find((o) => o.id === id)).toMatchObject({ status: 'received', lines: 2, units: 3 });
    const plannedBefore = (await h.app.inject({ method: 'POST', url: '/api/waves/preview', headers: as(lead), payload: {} })).json() as WavePreview;
    expect(plannedBefore.waves.flatMap((w) => w.orderIds).concat(plannedBefore.leftOut.map((l) => l.orderId))).not.toContain(id);

    const r = await release({ orderIds: [id] });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toEqual({ released: [id], alreadyReleased: [] });
    expect(await statusOf(id)).toBe('released');
    expect((await incoming()).orders.map((o) => o.id)).not.toContain(id);
    const planned = (await h.app.inject({ method: 'POST', url: '/api/waves/preview', headers: as(lead), payload: {} })).json() as WavePreview;
    expect(planned.waves.flatMap((w) => w.orderIds).concat(planned.leftOut.map((l) => l.orderId))).toContain(id);

    // A repeat (an answer lost on the way) changes nothing.
    const v = await version();
    const again = await release({ orderIds: [id] });
    expect(again.json()).toEqual({ released: [], alreadyReleased: [id] });
    expect(await version()).toBe(v);
  });

  it('is all or nothing: unknown orders 404, cancelled or shipped ones 409, bad bodies 400, other roles 403', async () => {
    const fresh = await create();
    const gone = await create();
    const c = await h.app.inject({ method: 'POST', url: `/api/seller/v1/orders/${gone}/cancel`, headers: asSeller(a.key) });
    expect(c.statusCode, c.body).toBe(200);
    const v = await version();
    const refused = async (payload: unknown, status: number, code: string, token = lead) => {
      const r = await release(payload, token);
      expect([r.statusCode, (r.json() as { error: { code: string } }).error.code], JSON.stringify(payload)).toEqual([status, code]);
    };
    await refused({ orderIds: [fresh, 'ord-nope'] }, 404, 'ORDER_NOT_FOUND');
    await refused({ orderIds: [fresh, gone] }, 409, 'ORDER_NOT_RELEASABLE');
    for (const bad of [{}, { orderIds: [] }, { orderIds: [fresh, fresh] }, { orderIds: 'x' }, { orderIds: [fresh], extra: 1 }, { orderIds: Array.from({ length: 1001 }, (_, i) => `o${i}`) }]) {
      await refused(bad, 400, 'VALIDATION_FAILED');
    }
    await refused({ orderIds: [fresh] }, 403, 'FORBIDDEN', tokens.picker!);
    const list = await h.app.inject({ method: 'GET', url: '/api/orders/incoming', headers: as(tokens.picker!) });
    expect(list.statusCode).toBe(403);
    expect((await h.app.inject({ method: 'GET', url: '/api/orders/incoming' })).statusCode).toBe(401);
    expect(await statusOf(fresh)).toBe('received');
    expect(await version()).toBe(v);
    // An admin may release too.
    expect((await release({ orderIds: [fresh] }, tokens.admin!)).statusCode).toBe(200);
  });

  it('is in the OpenAPI description', async () => {
    const doc = (await h.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/orders/incoming', '/api/orders/release']));
  });
});
