import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planningOrderId, seedPlanningDemoIfMissing } from '../../src/server/db/seed-planning';
import type { WavePreview } from '../../src/server/services/wave-planning';
import { BACKENDS } from './helpers/backends';
import { login, startHarness, type Harness } from './helpers/harness';

const ids = (...ns: number[]) => ns.map(planningOrderId);

describe.each(BACKENDS)('wave planning preview on %s', (kind) => {
  let h: Harness;
  let lead: string;
  let admin: string;
  let picker: string;
  beforeAll(async () => {
    h = await startHarness(kind);
    expect(await seedPlanningDemoIfMissing(h.db.db)).toBe(true);
    lead = await login(h.app, 'U5001', 'dev-lead');
    admin = await login(h.app, 'U9001', 'dev-admin');
    picker = await login(h.app, 'U1001', 'dev-picker');
  });
  afterAll(async () => h?.close());

  const preview = (payload: unknown, token = lead) =>
    h.app.inject({ method: 'POST', url: '/api/waves/preview', headers: { authorization: `Bearer ${token}` }, payload: payload as object });
  const plan = async (payload: unknown, token = lead) => {
    const r = await preview(payload, token);
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as WavePreview;
  };
  /** Everything a preview could write, as counts and the highest version. */
  const footprint = async () => {
    const out: Record<string, number> = {};
    for (const t of ['waves', 'pick_tasks', 'orders', 'order_lines', 'stock_ledger', 'mutations', 'exceptions'] as const) {
      const r = await h.db.db.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      out[t] = Number(r.n);
    }
    const v = await h.db.db.selectFrom('orders').select((eb) => eb.fn.max<number>('version').as('v')).executeTakeFirstOrThrow();
    out.version = Number(v.v);
    return out;
  };

  it('groups the released demo orders by carrier cut-off, earliest first, and reports the one no stock covers', async () => {
    const p = await plan({});
    expect(p.considered).toBe(8);
    // Day 1: USPS 15:00, FedEx 16:30, UPS 17:00; day 2: DHL 14:00, UPS 17:00.
    expect(p.waves.map((w) => w.orderIds)).toEqual([ids(2, 3), ids(4), ids(1, 5), ids(6), ids(7)]);
    expect(p.waves.map((w) => w.groupTime.slice(11, 16))).toEqual(['15:00', '16:30', '17:00', '14:00', '17:00']);
    expect(p.leftOut).toEqual([
      { orderId: planningOrderId(8), ref: 'SO-PLAN-0008', reason: 'no_stock', shortLines: [expect.objectContaining({ skuId: 'sku-NORD-0044', qty: 5000 })] },
    ]);
    const first = p.waves[0]!;
    expect(first).toMatchObject({ seq: 1, mode: 'multi', orders: 2, lines: 4, units: 5, totes: 2, orderRefs: ['SO-PLAN-0002', 'SO-PLAN-0003'] });
    expect(first.zones.length).toBeGreaterThan(0);
    expect(first.walk.stops).toBeGreaterThanOrEqual(1);
    expect(first.walk.seconds).toBeGreaterThan(0);
  });

  it('follows the rules the lead sets: ship-by, single, maxima, zones', async () => {
    const shipBy = await plan({ groupBy: 'ship_by' });
    expect(shipBy.waves.map((w) => w.orderIds)).toEqual([ids(1, 2, 3, 4, 5), ids(6, 7)]);
    const single = await plan({ mode: 'single', groupBy: 'ship_by' });
    expect(single.waves.map((w) => w.orderIds)).toEqual([1, 2, 3, 4, 5, 6, 7].map((n) => ids(n)));
    expect(single.waves.every((w) => w.totes === 1 && w.mode === 'single')).toBe(true);
    const two = await plan({ groupBy: 'ship_by', maxOrders: 2 });
    expect(two.waves.map((w) => w.orderIds)).toEqual([ids(1, 2), ids(3, 4), ids(5), ids(6, 7)]);
    const totes = await plan({ groupBy: 'ship_by', maxTotes: 3 });
    expect(totes.waves.map((w) => w.orderIds)).toEqual([ids(1, 2, 3), ids(4, 5), ids(6, 7)]);
    const units = await plan({ groupBy: 'ship_by', maxUnits: 2 });
    expect(units.waves.map((w) => w.orderIds)).toEqual([ids(2, 4), ids(6)]);
    expect(units.leftOut.filter((l) => l.reason === 'too_large').map((l) => [l.orderId, l.limit])).toEqual(ids(1, 3, 5, 7).map((id) => [id, 'maxUnits']));
    const lines = await plan({ groupBy: 'ship_by', maxLines: 2 });
    expect(lines.leftOut.filter((l) => l.reason === 'too_large').map((l) => [l.orderId, l.limit])).toEqual([[planningOrderId(3), 'maxLines']]);
    expect(lines.waves.every((w) => w.lines <= 2)).toBe(true);
    const nowhere = await plan({ zones: ['ZZ'] });
    expect(nowhere.waves).toEqual([]);
    expect(nowhere.leftOut.filter((l) => l.reason === 'zone_excluded').map((l) => l.orderId).sort()).toEqual(ids(1, 2, 3, 4, 5, 6, 7));
    const everywhere = await plan({ zones: ['A', 'B', 'C'] });
    expect(everywhere.waves).toEqual((await plan({})).waves);
    const perZone = await plan({ zones: 'per_zone', groupBy: 'ship_by' }, admin);
    expect(perZone.waves.every((w) => w.zones.length === 1)).toBe(true);
    const placed = [...perZone.waves.flatMap((w) => w.orderIds), ...perZone.leftOut.map((l) => l.orderId)].sort();
    expect(placed).toEqual(ids(1, 2, 3, 4, 5, 6, 7, 8));
    expect(perZone.leftOut.filter((l) => l.reason === 'multi_zone').length + perZone.waves.reduce((n, w) => n + w.orders, 0)).toBe(7);
  });

  it("plans a lead's urgent order first in a wave of its own, and leaves cancelled lines out", async () => {
    const post = (url: string, payload: unknown) =>
      h.app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${lead}` }, payload: payload as object });
    expect((await post(`/api/orders/${planningOrderId(7)}/priority`, { priority: 'urgent' })).statusCode).toBe(200);
    expect((await post(`/api/orders/${planningOrderId(5)}/priority`, { priority: 'high' })).statusCode).toBe(200);
    const cancelled = await post(`/api/orders/${planningOrderId(3)}/cancel-lines`, { lineNos: [1] });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    const p = await plan({});
    // Urgent (7), then high (5, on its own although 1 shares its cut-off), then the rest by cut-off.
    expect(p.waves.map((w) => w.orderIds)).toEqual([ids(7), ids(5), ids(2, 3), ids(4), ids(1), ids(6)]);
    // SO-PLAN-0003 had 3 lines (4 units); its first line (2 units) is cancelled.
    expect(p.waves[2]).toMatchObject({ lines: 3, units: 3 });
    // Back as they were, for the tests after this one.
    await post(`/api/orders/${planningOrderId(7)}/priority`, { priority: 'normal' });
    await post(`/api/orders/${planningOrderId(5)}/priority`, { priority: 'normal' });
  });

  it('refuses pickers with 403 and bad bodies with 400 and a code; a preview writes nothing', async () => {
    const before = await footprint();
    const denied = await preview({}, picker);
    expect(denied.statusCode).toBe(403);
    expect(denied.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
    const noToken = await h.app.inject({ method: 'POST', url: '/api/waves/preview', payload: {} });
    expect(noToken.statusCode).toBe(401);
    for (const bad of [
      { groupBy: 'weight' },
      { mode: 'batch' },
      { maxOrders: 0 },
      { maxUnits: 1.5 },
      { maxLines: 10_000_000 },
      { maxTotes: '3' },
      { zones: [] },
      { zones: ['x'.repeat(33)] },
      { zones: 'some' },
      { surprise: true },
      [],
    ]) {
      const r = await preview(bad);
      expect(r.statusCode, JSON.stringify(bad)).toBe(400);
      expect(r.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    }
    await plan({ mode: 'single' });
    await plan({ zones: 'per_zone' });
    expect(await footprint()).toEqual(before);
  });

  it('is in the OpenAPI description', async () => {
    const doc = (await h.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, unknown> };
    for (const p of ['/api/waves/preview', '/api/waves/release']) expect(doc.paths).toHaveProperty([p]);
  });
});
