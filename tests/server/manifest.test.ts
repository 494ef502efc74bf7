import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalCarrier } from '../../src/server/services/carrier';
import { BACKENDS } from './helpers/backends';
import { digest, type Harness } from './helpers/harness';
import { pdfText } from './helpers/pdf-text';
import { DOCK_CODE, foreignWarehouse, FOREIGN, freeOrders, packShipment, type FixtureShipment } from './helpers/shipment-fixture';
import { caller, codeOf, startShippingHarness, type Call } from './helpers/shipping-harness';

interface Manifest {
  id: string;
  code: string;
  status: string;
  cartonCount: number;
}

/** The shipping dock: cartons scanned onto a carrier's manifest, and closing it ships their orders exactly once. */
describe.each(BACKENDS)('dock manifests on %s', (kind) => {
  let h: Harness;
  let packer: Call;
  let lead: Call;
  let picker: Call;
  let ups: FixtureShipment[];
  let usps: FixtureShipment;
  let foreign: FixtureShipment;
  beforeAll(async () => {
    h = await startShippingHarness(kind);
    [packer, lead, picker] = await Promise.all([caller(h.app, 'U2001'), caller(h.app, 'U5001'), caller(h.app, 'U1001')]);
    const ids = await freeOrders(h.db.db, 4);
    ups = [
      await packShipment(h.db.db, { orderId: ids[0]!, carrierService: 'UPS Ground', cartons: 2 }),
      await packShipment(h.db.db, { orderId: ids[1]!, carrierService: 'UPS 2nd Day Air', cartons: 1 }),
      await packShipment(h.db.db, { orderId: ids[2]!, carrierService: 'UPS Ground', cartons: 1 }),
    ];
    usps = await packShipment(h.db.db, { orderId: ids[3]!, carrierService: 'USPS Priority Mail', cartons: 1 });
    foreign = await foreignWarehouse(h.db.db);
  });
  afterAll(async () => h?.close());

  const open = async (carrier = 'UPS', call: Call = packer): Promise<Manifest> => {
    const r = await call('POST', '/api/manifests', { carrier, dockCode: DOCK_CODE });
    expect(r.statusCode, r.body).toBe(201);
    return (r.json() as { manifest: Manifest }).manifest;
  };
  const scan = (m: Manifest, value: string) => packer('POST', `/api/manifests/${m.id}/cartons`, { scan: value });
  const close = (m: Manifest, call: Call = packer) => call('POST', `/api/manifests/${m.id}/close`);
  const events = async () => h.db.db.selectFrom('seller_events').selectAll().orderBy('version').execute();

  it('opens a manifest only at a shipping dock, with a code per carrier', async () => {
    const snapshot = await digest(h);
    const bench = await packer('POST', '/api/manifests', { carrier: 'UPS', dockCode: 'PACK-01' });
    expect([bench.statusCode, codeOf(bench)]).toEqual([422, 'NOT_A_SHIPPING_DOCK']);
    expect(codeOf(await packer('POST', '/api/manifests', { carrier: 'UPS', dockCode: FOREIGN.dockCode }))).toBe('NOT_A_SHIPPING_DOCK');
    expect(codeOf(await picker('POST', '/api/manifests', { carrier: 'UPS', dockCode: DOCK_CODE }))).toBe('FORBIDDEN');
    for (const body of [{ carrier: '', dockCode: DOCK_CODE }, { carrier: 'U\u0000PS', dockCode: DOCK_CODE }, { carrier: '<script>', dockCode: DOCK_CODE }, { carrier: 'UPS' }, { carrier: 'UPS', dockCode: DOCK_CODE, x: 1 }]) {
      const r = await packer('POST', '/api/manifests', body);
      expect(r.statusCode, JSON.stringify(body)).toBe(400);
    }
    expect(await digest(h)).toBe(snapshot);
    const a = await open('UPS');
    const b = await open('UPS', lead);
    expect(a).toMatchObject({ status: 'open', cartonCount: 0, carrier: 'UPS', dockCode: DOCK_CODE });
    expect([a.code, b.code]).toEqual(['M-UPS-1', 'M-UPS-2']);
    const list = (await packer('GET', '/api/manifests?status=open')).json() as { manifests: Manifest[] };
    expect(list.manifests.map((m) => m.id).sort()).toEqual([a.id, b.id].sort());
    expect(codeOf(await packer('GET', '/api/manifests?status=bogus'))).toBe('VALIDATION_FAILED');
  });

  it('takes SSCCs in every scanned form and tracking numbers; refuses the wrong carrier, a repeat, a stranger and a misread', async () => {
    const m = await open('UPS');
    const [s0, s1] = [ups[0]!.cartons[0]!, ups[0]!.cartons[1]!];
    const r1 = await scan(m, `]C100${s0.sscc}`);
    expect(r1.statusCode, r1.body).toBe(201);
    expect(r1.json()).toMatchObject({ manifest: { cartonCount: 1 }, carton: { id: s0.id, trackingNumber: s0.trackingNumber } });
    expect((await scan(m, `(00)${s1.sscc}`)).statusCode).toBe(201);
    expect((await scan(m, ups[1]!.cartons[0]!.trackingNumber.toLowerCase())).statusCode).toBe(201);

    const snapshot = await digest(h);
    const wrong = await scan(m, usps.cartons[0]!.sscc);
    expect([wrong.statusCode, codeOf(wrong)]).toEqual([409, 'CARRIER_MISMATCH']);
    const again = await scan(m, `00${s0.sscc}`);
    expect([again.statusCode, codeOf(again)]).toEqual([409, 'CARTON_ALREADY_MANIFESTED']);
    const elsewhere = await open('UPS');
    const other = await scan(elsewhere, s1.trackingNumber);
    expect(codeOf(other)).toBe('CARTON_ALREADY_MANIFESTED');
    expect((other.json() as { error: { details: { manifestId: string } } }).error.details.manifestId).toBe(m.id);
    const stranger = await scan(m, foreign.cartons[0]!.sscc);
    expect([stranger.statusCode, codeOf(stranger)]).toEqual([404, 'CARTON_UNKNOWN']);
    expect(codeOf(await scan(m, '123456789012345675'))).toMatch(/CARTON_UNKNOWN|BAD_SSCC/);
    const misread = s0.sscc.slice(0, 17) + String((Number(s0.sscc[17]) + 1) % 10);
    expect(codeOf(await scan(m, misread))).toBe('BAD_SSCC');
    expect(codeOf(await scan(m, "' or 1=1 --"))).toBe('CARTON_UNKNOWN');
    expect(codeOf(await scan(m, ''))).toBe('VALIDATION_FAILED');
    expect(codeOf(await scan(m, 'x'.repeat(65)))).toBe('VALIDATION_FAILED');
    const foreignManifest = await packer('POST', `/api/manifests/${FOREIGN.manifestId}/cartons`, { scan: s0.sscc });
    expect([foreignManifest.statusCode, codeOf(foreignManifest)]).toEqual([404, 'MANIFEST_NOT_FOUND']);
    const after = await digest(h);
    // Only the new empty manifest was written.
    expect(after).not.toBe(snapshot);
    const rows = await h.db.db.selectFrom('cartons').select(['id', 'manifest_id']).where('manifest_id', 'is not', null).orderBy('id').execute();
    expect(rows.map((r) => r.manifest_id)).toEqual([m.id, m.id, m.id]);

    // Off again (wrong pallet), then back on.
    const off = await packer('DELETE', `/api/manifests/${m.id}/cartons/${s1.id}`);
    expect(off.json()).toMatchObject({ manifest: { cartonCount: 2 } });
    expect(codeOf(await packer('DELETE', `/api/manifests/${m.id}/cartons/${s1.id}`))).toBe('CARTON_UNKNOWN');
    expect((await scan(m, s1.sscc)).statusCode).toBe(201);
    const detail = (await packer('GET', `/api/manifests/${m.id}`)).json() as { manifest: Manifest; cartons: { id: string }[] };
    expect(detail.cartons.map((c) => c.id).sort()).toEqual([s0.id, s1.id, ups[1]!.cartons[0]!.id].sort());
    expect(codeOf(await packer('GET', `/api/manifests/${FOREIGN.manifestId}`))).toBe('MANIFEST_NOT_FOUND');
  });

  it('closes once: orders and shipments shipped, one order.shipped event per order with its tracking numbers', async () => {
    const list = (await packer('GET', '/api/manifests?status=open')).json() as { manifests: Manifest[] };
    const m = list.manifests.find((x) => x.cartonCount === 3)!;
    const empty = list.manifests.find((x) => x.cartonCount === 0)!;
    const snapshot = await digest(h);
    expect(codeOf(await close(empty))).toBe('MANIFEST_EMPTY');
    expect(codeOf(await close(m, picker))).toBe('FORBIDDEN');
    expect(codeOf(await packer('POST', `/api/manifests/${FOREIGN.manifestId}/close`))).toBe('MANIFEST_NOT_FOUND');
    expect(await digest(h)).toBe(snapshot);

    const r = await close(m);
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json() as { manifest: Manifest; shippedOrders: string[] };
    expect(body.manifest.status).toBe('closed');
    expect(body.shippedOrders.sort()).toEqual([ups[0]!.orderId, ups[1]!.orderId].sort());

    const orders = await h.db.db.selectFrom('orders').select(['id', 'status', 'shipped_at']).where('id', 'in', [ups[0]!.orderId, ups[1]!.orderId, ups[2]!.orderId]).orderBy('id').execute();
    const byId = new Map(orders.map((o) => [o.id, o]));
    expect(byId.get(ups[0]!.orderId)).toMatchObject({ status: 'shipped' });
    expect(byId.get(ups[0]!.orderId)!.shipped_at).not.toBeNull();
    expect(byId.get(ups[2]!.orderId)).toMatchObject({ status: 'packed', shipped_at: null });
    const shipments = await h.db.db.selectFrom('shipments').select(['id', 'status']).where('id', 'in', [ups[0]!.shipmentId, ups[1]!.shipmentId]).execute();
    expect(shipments.map((s) => s.status)).toEqual(['shipped', 'shipped']);

    const ev = await events();
    expect(ev.map((e) => e.type)).toEqual(['order.shipped', 'order.shipped']);
    const first = ev.map((e) => JSON.parse(e.payload) as { orderId: string; trackingNumbers: string[] }).find((p) => p.orderId === ups[0]!.orderId)!;
    expect(first.trackingNumbers).toEqual(ups[0]!.cartons.map((c) => c.trackingNumber));
    expect(new Set(ev.map((e) => Number(e.version))).size).toBe(2);

    const twice = await close(m);
    expect([twice.statusCode, codeOf(twice)]).toEqual([409, 'MANIFEST_CLOSED']);
    expect(codeOf(await scan(m, ups[2]!.cartons[0]!.sscc))).toBe('MANIFEST_CLOSED');
    expect(codeOf(await packer('DELETE', `/api/manifests/${m.id}/cartons/${ups[0]!.cartons[0]!.id}`))).toBe('MANIFEST_CLOSED');
    expect(await events()).toHaveLength(2);

    const pdf = await packer('GET', `/api/manifests/${m.id}/manifest.pdf`);
    expect([pdf.statusCode, pdf.headers['content-type']]).toEqual([200, 'application/pdf']);
    const text = await pdfText(pdf.rawPayload);
    expect(text).toContain(body.manifest.code);
    for (const c of [...ups[0]!.cartons, ...ups[1]!.cartons]) expect(text).toContain(c.trackingNumber);
    expect((await packer('GET', `/api/manifests/${FOREIGN.manifestId}/manifest.pdf`)).statusCode).toBe(404);
  });

  it('concurrent closes of one manifest ship its order once and raise one event', async () => {
    const m = await open('UPS');
    expect((await scan(m, ups[2]!.cartons[0]!.sscc)).statusCode).toBe(201);
    const before = (await events()).length;
    const results = await Promise.all([close(m), close(m, lead), close(m), close(m, lead)]);
    const statuses = results.map((r) => r.statusCode).sort();
    expect(statuses).toEqual([200, 409, 409, 409]);
    for (const r of results.filter((x) => x.statusCode === 409)) expect(codeOf(r)).toBe('MANIFEST_CLOSED');
    const ev = await events();
    expect(ev).toHaveLength(before + 1);
    expect(JSON.parse(ev.at(-1)!.payload)).toMatchObject({ orderId: ups[2]!.orderId, manifestId: m.id });
  });

  it('an order with a carton left behind ships when its last carton\'s pallet closes, with every tracking number', async () => {
    const [id] = await freeOrders(h.db.db, 1);
    const s = await packShipment(h.db.db, { orderId: id!, carrierService: 'DHL eCommerce', cartons: 2 });
    const first = await open('DHL');
    await scan(first, s.cartons[0]!.sscc);
    expect((await close(first)).json()).toMatchObject({ shippedOrders: [] });
    const order = () => h.db.db.selectFrom('orders').select('status').where('id', '=', id!).executeTakeFirstOrThrow();
    expect((await order()).status).toBe('packed');
    const second = await open('DHL');
    await scan(second, s.cartons[1]!.sscc);
    expect((await close(second)).json()).toMatchObject({ shippedOrders: [id] });
    expect((await order()).status).toBe('shipped');
    const ev = (await events()).filter((e) => (JSON.parse(e.payload) as { orderId: string }).orderId === id);
    expect(ev).toHaveLength(1);
    expect(JSON.parse(ev[0]!.payload)).toMatchObject({ manifestId: second.id, trackingNumbers: s.cartons.map((c) => c.trackingNumber) });
  });

  it('serves the seller event feed by version with a cursor (leads only)', async () => {
    const all = (await lead('GET', '/api/seller-events?after=0')).json() as { events: { version: number; sellerId: string; payload: { orderId: string } }[]; next: number; more: boolean };
    expect(all.events).toHaveLength(4);
    expect(all.more).toBe(false);
    const page1 = (await lead('GET', '/api/seller-events?after=0&limit=3')).json() as typeof all;
    expect([page1.events.length, page1.more]).toEqual([3, true]);
    const page2 = (await lead('GET', `/api/seller-events?after=${page1.next}&limit=3`)).json() as typeof all;
    expect([...page1.events, ...page2.events].map((e) => e.version)).toEqual(all.events.map((e) => e.version));
    expect(page2.more).toBe(false);
    const seller = all.events[0]!.sellerId;
    const mine = (await lead('GET', `/api/seller-events?sellerId=${seller}`)).json() as typeof all;
    expect(mine.events.every((e) => e.sellerId === seller)).toBe(true);
    expect(codeOf(await packer('GET', '/api/seller-events'))).toBe('FORBIDDEN');
    for (const q of ['after=-1', 'after=abc', 'after=99999999999', 'limit=0', 'sellerId=%00', 'bogus=1']) {
      expect(codeOf(await lead('GET', `/api/seller-events?${q}`)), q).toBe('VALIDATION_FAILED');
    }
  });
});

describe.each(BACKENDS)('manifest close with a carrier that refuses on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    // Only ZZ...US numbers: the fixture's LT...US cartons are not this carrier's.
    h = await startShippingHarness(kind, { carrier: new LocalCarrier({ trackingPrefix: 'ZZ' }) });
  });
  afterAll(async () => h?.close());

  it('answers 424 with the carrier\'s code and leaves the manifest open and the order packed', async () => {
    const packer = await caller(h.app, 'U2001');
    const [id] = await freeOrders(h.db.db, 1);
    const s = await packShipment(h.db.db, { orderId: id!, carrierService: 'UPS Ground' });
    const m = ((await packer('POST', '/api/manifests', { carrier: 'UPS', dockCode: DOCK_CODE })).json() as { manifest: Manifest }).manifest;
    expect((await packer('POST', `/api/manifests/${m.id}/cartons`, { scan: s.cartons[0]!.sscc })).statusCode).toBe(201);
    const snapshot = await digest(h);
    const r = await packer('POST', `/api/manifests/${m.id}/close`);
    expect([r.statusCode, codeOf(r)]).toEqual([424, 'BAD_TRACKING_NUMBER']);
    expect(await digest(h)).toBe(snapshot);
  });
});

describe.each(BACKENDS)('manifest close racing a scan on %s', (kind) => {
  let h: Harness;
  let lateScan: (() => Promise<void>) | null = null;
  const told: string[][] = [];
  /** Tells the test when the carrier is being called, so a scan can land right then. */
  class RacingCarrier extends LocalCarrier {
    override async createShipment(req: Parameters<LocalCarrier['createShipment']>[0]) {
      told.push(req.cartons.map((c) => c.trackingNumber));
      const scan = lateScan;
      lateScan = null;
      await scan?.();
      return super.createShipment(req);
    }
  }
  beforeAll(async () => {
    h = await startShippingHarness(kind, { carrier: new RacingCarrier() });
  });
  afterAll(async () => h?.close());

  it('a carton scanned on while the carrier is told is told too before the pallet closes', async () => {
    const packer = await caller(h.app, 'U2001');
    const [a, b] = await freeOrders(h.db.db, 2);
    const sa = await packShipment(h.db.db, { orderId: a!, carrierService: 'UPS Ground' });
    const sb = await packShipment(h.db.db, { orderId: b!, carrierService: 'UPS Ground' });
    const m = ((await packer('POST', '/api/manifests', { carrier: 'UPS', dockCode: DOCK_CODE })).json() as { manifest: Manifest }).manifest;
    await packer('POST', `/api/manifests/${m.id}/cartons`, { scan: sa.cartons[0]!.sscc });
    lateScan = async () => {
      expect((await packer('POST', `/api/manifests/${m.id}/cartons`, { scan: sb.cartons[0]!.sscc })).statusCode).toBe(201);
    };
    const r = await packer('POST', `/api/manifests/${m.id}/close`);
    expect(r.statusCode, r.body).toBe(200);
    expect((r.json() as { shippedOrders: string[] }).shippedOrders.sort()).toEqual([a, b].sort());
    expect(told.flat()).toContain(sb.cartons[0]!.trackingNumber);
  });
});
