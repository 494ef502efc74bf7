import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from './helpers/backends';
import { login, startHarness, type Harness } from './helpers/harness';
import { packShipment } from './helpers/shipment-fixture';
import { asSeller, counts, orderBody, sellerFixtures, type SellerFixture } from './seller-orders-helpers';

interface View {
  id: string;
  externalId: string;
  status: string;
  lines: { lineNo: number; sku: string; qty: number }[];
  cartons: { seq: number; trackingNumber: string; carrier: string; shipped: boolean }[];
  packedAt: string | null;
  shippedAt: string | null;
  alreadyCancelled?: boolean;
}

describe.each(BACKENDS)("sellers' orders on %s", (kind) => {
  let h: Harness;
  let a: SellerFixture;
  let b: SellerFixture;
  beforeAll(async () => {
    h = await startHarness(kind);
    [a, b] = await sellerFixtures(h.app, h.db.db, await login(h.app, 'U9001', 'dev-admin'));
  });
  afterAll(async () => h?.close());

  const create = (key: string, payload: unknown) => h.app.inject({ method: 'POST', url: '/api/seller/v1/orders', headers: asSeller(key), payload: payload as object });
  const get = (key: string, url: string) => h.app.inject({ method: 'GET', url, headers: asSeller(key) });
  const cancel = (key: string, id: string) => h.app.inject({ method: 'POST', url: `/api/seller/v1/orders/${encodeURIComponent(id)}/cancel`, headers: asSeller(key) });

  it('creates a real order, reads it by both ids, and cancels it (twice is fine)', async () => {
    const body = orderBody(a.skus);
    const before = await counts(h.db.db);
    const r = await create(a.key, body);
    expect(r.statusCode).toBe(201);
    const made = r.json() as View;
    expect(made).toMatchObject({ externalId: body.externalId, status: 'received', shipBy: '2026-12-01T17:00:00.000Z', carrierService: 'UPS Ground', cartons: [] });
    expect(made.lines).toEqual([
      { lineNo: 1, sku: a.skus[0], qty: 1 },
      { lineNo: 2, sku: a.skus[1], qty: 2 },
    ]);
    const after = await counts(h.db.db);
    expect(after).toMatchObject({ orders: before.orders + 1, lines: before.lines + 2 });
    expect(after.version).toBeGreaterThan(before.version);
    // An ordinary order row: the floor's tables, the seller's SKU ids, the pull's version.
    const row = await h.db.db.selectFrom('orders').selectAll().where('id', '=', made.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ seller_id: a.sellerId, warehouse_id: 'wh-fc1', status: 'received', carrier_service: 'UPS Ground' });
    expect(Number(row.version)).toBe(after.version);
    expect(JSON.parse(row.ship_to)).toMatchObject({ name: 'Ada Lovelace', region: 'OR', country: 'US' });

    expect((await get(a.key, `/api/seller/v1/orders/${made.id}`)).json()).toEqual(made);
    expect((await get(a.key, `/api/seller/v1/orders?externalId=${encodeURIComponent(body.externalId)}`)).json()).toEqual(made);

    const c1 = await cancel(a.key, made.id);
    expect(c1.statusCode).toBe(200);
    expect(c1.json()).toMatchObject({ id: made.id, status: 'cancelled', alreadyCancelled: false });
    const c2 = await cancel(a.key, made.id);
    expect(c2.statusCode).toBe(200);
    expect(c2.json()).toMatchObject({ id: made.id, status: 'cancelled', alreadyCancelled: true });
    expect(((await get(a.key, `/api/seller/v1/orders/${made.id}`)).json() as View).status).toBe('cancelled');
  });

  it('the same request again is the same order (200); a changed one is 409 and changes nothing', async () => {
    const body = orderBody(a.skus);
    const first = await create(a.key, body);
    expect(first.statusCode).toBe(201);
    // Same request, spelt differently: another time notation, keys in another order, padded text.
    const again = await create(a.key, { ...body, shipBy: '2026-12-01T17:00:00.000+00:00', shipTo: { ...body.shipTo, name: ' Ada Lovelace ' } });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    const blankLine2 = await create(a.key, { ...body, shipTo: { ...body.shipTo, line2: '' } });
    expect(blankLine2.statusCode).toBe(200);
    expect(blankLine2.json()).toEqual(first.json());
    const before = await counts(h.db.db);
    for (const changed of [
      { ...body, lines: [{ sku: a.skus[0], qty: 3 }] },
      { ...body, carrierService: 'DHL eCommerce' },
      { ...body, shipTo: { ...body.shipTo, city: 'Salem' } },
      { ...body, shipBy: '2026-12-02T17:00:00Z' },
    ]) {
      const r = await create(a.key, changed);
      expect(r.statusCode).toBe(409);
      expect(r.json()).toMatchObject({ error: { code: 'ORDER_EXTERNAL_ID_CONFLICT' } });
    }
    expect(await counts(h.db.db)).toEqual(before);
    expect((await get(a.key, `/api/seller/v1/orders/${(first.json() as View).id}`)).json()).toEqual(first.json());
    // A seeded order's external id is taken by an order the API did not make: a conflict, not a repeat.
    const seeded = await h.db.db.selectFrom('orders').select('external_id').where('seller_id', '=', a.sellerId).where('request_hash', 'is', null).executeTakeFirstOrThrow();
    expect((await create(a.key, orderBody(a.skus, seeded.external_id))).statusCode).toBe(409);
  });

  it('ten concurrent copies of one request make exactly one order', async () => {
    const body = orderBody(a.skus);
    const rs = await Promise.all(Array.from({ length: 10 }, () => create(a.key, body)));
    expect(rs.map((r) => r.statusCode).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    const ids = new Set(rs.map((r) => (r.json() as View).id));
    expect(ids.size).toBe(1);
    const rows = await h.db.db.selectFrom('orders').select('id').where('seller_id', '=', a.sellerId).where('external_id', '=', body.externalId).execute();
    expect(rows).toHaveLength(1);
    const lines = await h.db.db.selectFrom('order_lines').select('id').where('order_id', '=', rows[0]!.id).execute();
    expect(lines).toHaveLength(2);
  });

  it('concurrent requests with one external id but different contents: one order, the rest 200 or 409', async () => {
    const one = orderBody(a.skus);
    const other = { ...one, lines: [{ sku: a.skus[2]!, qty: 7 }] };
    const rs = await Promise.all(Array.from({ length: 10 }, (_, i) => create(a.key, i % 2 ? other : one)));
    const codes = rs.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(1);
    expect(codes.every((c) => [200, 201, 409].includes(c))).toBe(true);
    const winner = rs.find((r) => r.statusCode === 201)!.json() as View;
    for (const r of rs.filter((x) => x.statusCode === 200)) expect((r.json() as View).id).toBe(winner.id);
    const rows = await h.db.db.selectFrom('orders').select('id').where('seller_id', '=', a.sellerId).where('external_id', '=', one.externalId).execute();
    expect(rows.map((r) => r.id)).toEqual([winner.id]);
  });

  it('the same external id from two sellers is two orders', async () => {
    const ext = `SHARED-${Date.now()}`;
    const ra = await create(a.key, orderBody(a.skus, ext));
    const rb = await create(b.key, orderBody(b.skus, ext));
    expect([ra.statusCode, rb.statusCode]).toEqual([201, 201]);
    expect((ra.json() as View).id).not.toBe((rb.json() as View).id);
  });

  it("another seller's SKU or an unknown one is 422 naming the line; nothing written", async () => {
    const before = await counts(h.db.db);
    const foreign = orderBody(a.skus);
    foreign.lines.push({ sku: b.skus[0]!, qty: 1 });
    const r = await create(a.key, foreign);
    expect(r.statusCode).toBe(422);
    expect(r.json()).toMatchObject({ error: { code: 'ORDER_LINE_SKU_UNKNOWN', details: [{ line: 3, sku: b.skus[0] }] } });
    const unknown = orderBody(['NO-SUCH-SKU', a.skus[0]!]);
    const u = await create(a.key, unknown);
    expect(u.statusCode).toBe(422);
    expect(u.json()).toMatchObject({ error: { code: 'ORDER_LINE_SKU_UNKNOWN', details: [{ line: 1, sku: 'NO-SUCH-SKU' }] } });
    expect(await counts(h.db.db)).toEqual(before);
    // The refused external id is still free.
    expect((await get(a.key, `/api/seller/v1/orders?externalId=${foreign.externalId}`)).statusCode).toBe(404);
  });

  it('tracking numbers per carton once packed and shipped; a seller cannot cancel what has shipped', async () => {
    const packedOne = (await create(a.key, orderBody(a.skus))).json() as View;
    const fx = await packShipment(h.db.db, { orderId: packedOne.id, cartons: 2 });
    const packed = (await get(a.key, `/api/seller/v1/orders/${packedOne.id}`)).json() as View;
    expect(packed.status).toBe('packed');
    expect(packed.packedAt).not.toBeNull();
    expect(packed.cartons).toEqual(fx.cartons.map((c, i) => ({ seq: i + 1, trackingNumber: c.trackingNumber, carrier: 'UPS', shipped: false })));

    const shippedAt = new Date().toISOString();
    await h.db.db.updateTable('shipments').set({ status: 'shipped', shipped_at: shippedAt }).where('id', '=', fx.shipmentId).execute();
    await h.db.db.updateTable('orders').set({ status: 'shipped', shipped_at: shippedAt }).where('id', '=', packedOne.id).execute();
    const shipped = (await get(a.key, `/api/seller/v1/orders/${packedOne.id}`)).json() as View;
    expect(shipped).toMatchObject({ status: 'shipped', shippedAt });
    expect(shipped.cartons.every((c) => c.shipped)).toBe(true);
    const before = await counts(h.db.db);
    const r = await cancel(a.key, packedOne.id);
    expect(r.statusCode).toBe(409);
    expect(r.json()).toMatchObject({ error: { code: 'ORDER_ALREADY_SHIPPED' } });
    expect(await counts(h.db.db)).toEqual(before);
  });

  it('cancelling a packed order voids its labels and gives the warehouse the cartons to unpack', async () => {
    const o = (await create(a.key, orderBody(a.skus))).json() as View;
    const fx = await packShipment(h.db.db, { orderId: o.id });
    const r = await cancel(a.key, o.id);
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ status: 'cancelled', cartons: [], alreadyCancelled: false });
    const s = await h.db.db.selectFrom('shipments').select('status').where('id', '=', fx.shipmentId).executeTakeFirstOrThrow();
    expect(s.status).toBe('voided');
    const ex = await h.db.db.selectFrom('exceptions').select(['type', 'raised_by']).where('order_id', '=', o.id).execute();
    expect(ex).toEqual([{ type: 'order_cancelled', raised_by: expect.stringMatching(/^seller-key:/) as unknown }]);
  });
});
