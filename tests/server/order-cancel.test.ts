import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CarrierAdapter } from '../../src/server/services/carrier';
import { LocalCarrier } from '../../src/server/services/carrier';
import { BACKENDS } from './helpers/backends';
import { digest, type Harness } from './helpers/harness';
import { DOCK_CODE, foreignWarehouse, FOREIGN, freeOrders, packShipment } from './helpers/shipment-fixture';
import { caller, codeOf, startShippingHarness, type Call } from './helpers/shipping-harness';

/** The local carrier, with a log of what the API asked of it. */
class RecordingCarrier extends LocalCarrier implements CarrierAdapter {
  readonly voids: string[][] = [];
  readonly creates: string[] = [];
  override voidShipment(numbers: string[]) {
    this.voids.push(numbers);
    return super.voidShipment(numbers);
  }
  override createShipment(req: Parameters<LocalCarrier['createShipment']>[0]) {
    this.creates.push(req.shipmentId);
    return super.createShipment(req);
  }
}

/** Upstream cancellations and label voids, before and after a carton leaves the dock. */
describe.each(BACKENDS)('order cancel and shipment void on %s', (kind) => {
  let h: Harness;
  let lead: Call;
  let packer: Call;
  let admin: Call;
  const carrier = new RecordingCarrier();
  beforeAll(async () => {
    h = await startShippingHarness(kind, { carrier });
    [lead, packer, admin] = await Promise.all([caller(h.app, 'U5001'), caller(h.app, 'U2001'), caller(h.app, 'U9001')]);
    await foreignWarehouse(h.db.db);
  });
  afterAll(async () => h?.close());

  const order = (id: string) => h.db.db.selectFrom('orders').select(['status', 'version', 'shipped_at']).where('id', '=', id).executeTakeFirstOrThrow();
  const cancel = (id: string, call: Call = lead, body?: unknown) => call('POST', `/api/orders/${encodeURIComponent(id)}/cancel`, body);

  it('cancels an order not yet packed, once, with a new version and no stock moved', async () => {
    const [id] = await freeOrders(h.db.db, 1);
    const before = await order(id!);
    const ledger = await h.db.db.selectFrom('stock_ledger').select('id').execute();
    const snapshot = await digest(h);
    expect(codeOf(await cancel(id!, packer))).toBe('FORBIDDEN');
    expect(codeOf(await cancel(id!, lead, { reason: 'x'.repeat(201) }))).toBe('VALIDATION_FAILED');
    expect(codeOf(await cancel(id!, lead, { other: 1 }))).toBe('VALIDATION_FAILED');
    expect(await digest(h)).toBe(snapshot);

    const r = await cancel(id!, lead, { reason: 'customer changed their mind' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ id, status: 'cancelled', alreadyCancelled: false, voidedShipmentId: null });
    expect(await h.db.db.selectFrom('exceptions').select('id').where('order_id', '=', id!).execute()).toEqual([]);
    const after = await order(id!);
    expect(after.status).toBe('cancelled');
    expect(Number(after.version)).toBeGreaterThan(Number(before.version));
    expect(await h.db.db.selectFrom('stock_ledger').select('id').execute()).toHaveLength(ledger.length);

    const settled = await digest(h);
    const again = await cancel(id!, admin);
    expect(again.json()).toMatchObject({ status: 'cancelled', alreadyCancelled: true });
    expect(await digest(h)).toBe(settled);
  });

  it('a packed order: its labels are voided with the carrier and its carton comes off the open pallet', async () => {
    const [id] = await freeOrders(h.db.db, 1);
    const s = await packShipment(h.db.db, { orderId: id!, carrierService: 'UPS Ground' });
    const m = (await packer('POST', '/api/manifests', { carrier: 'UPS', dockCode: DOCK_CODE })).json() as { manifest: { id: string } };
    expect((await packer('POST', `/api/manifests/${m.manifest.id}/cartons`, { scan: s.cartons[0]!.sscc })).statusCode).toBe(201);

    const r = await cancel(id!);
    expect(r.json()).toMatchObject({ status: 'cancelled', voidedShipmentId: s.shipmentId });
    expect(carrier.voids.at(-1)).toEqual([s.cartons[0]!.trackingNumber]);
    const shipment = await h.db.db.selectFrom('shipments').select('status').where('id', '=', s.shipmentId).executeTakeFirstOrThrow();
    expect(shipment.status).toBe('voided');
    const carton = await h.db.db.selectFrom('cartons').select('manifest_id').where('id', '=', s.cartons[0]!.id).executeTakeFirstOrThrow();
    expect(carton.manifest_id).toBeNull();
    // The cartons are real: the lead is asked to unpack and restock them at the bench.
    const ex = await h.db.db.selectFrom('exceptions').selectAll().where('order_id', '=', id!).execute();
    expect(ex.map((e) => [e.type, e.status, e.location_id, e.raised_by])).toEqual([['order_cancelled', 'open', 'loc-PACK-01', 'u-5001']]);
    expect(JSON.parse(ex[0]!.details!)).toMatchObject({ trackingNumbers: [s.cartons[0]!.trackingNumber], cartons: [{ sscc: s.cartons[0]!.sscc }] });
    // Scanning it at the dock now says why, and printing its labels is refused.
    expect(codeOf(await packer('POST', `/api/manifests/${m.manifest.id}/cartons`, { scan: s.cartons[0]!.sscc }))).toBe('SHIPMENT_VOIDED');
    expect(codeOf(await packer('GET', `/api/shipments/${s.shipmentId}/labels.zpl`))).toBe('SHIPMENT_VOIDED');
  });

  it('a shipped order cannot be cancelled, nor its shipment voided; unknown and foreign orders are 404', async () => {
    const [id] = await freeOrders(h.db.db, 1);
    const s = await packShipment(h.db.db, { orderId: id!, carrierService: 'USPS Priority Mail' });
    const m = (await packer('POST', '/api/manifests', { carrier: 'USPS', dockCode: DOCK_CODE })).json() as { manifest: { id: string } };
    await packer('POST', `/api/manifests/${m.manifest.id}/cartons`, { scan: s.cartons[0]!.trackingNumber });
    expect((await packer('POST', `/api/manifests/${m.manifest.id}/close`)).statusCode).toBe(200);
    expect(carrier.creates).toContain(s.shipmentId);
    expect((await order(id!)).status).toBe('shipped');

    const snapshot = await digest(h);
    const r = await cancel(id!);
    expect([r.statusCode, codeOf(r)]).toEqual([409, 'ORDER_ALREADY_SHIPPED']);
    const v = await lead('POST', `/api/shipments/${s.shipmentId}/void`);
    expect([v.statusCode, codeOf(v)]).toEqual([409, 'ORDER_ALREADY_SHIPPED']);
    const missing = await cancel('ord-nope');
    expect([missing.statusCode, codeOf(missing)]).toEqual([404, 'ORDER_NOT_FOUND']);
    expect(codeOf(await cancel(FOREIGN.orderId))).toBe('ORDER_NOT_FOUND');
    expect((await cancel('bad id')).statusCode).toBe(400);
    expect(await digest(h)).toBe(snapshot);
  });

  it('voids a packed shipment (leads only), once; a foreign one is 404', async () => {
    const [id] = await freeOrders(h.db.db, 1);
    const s = await packShipment(h.db.db, { orderId: id!, carrierService: 'UPS Ground', cartons: 2 });
    const foreignShipment = await h.db.db.selectFrom('shipments').select('id').where('warehouse_id', '=', FOREIGN.warehouseId).executeTakeFirstOrThrow();
    const snapshot = await digest(h);
    expect(codeOf(await packer('POST', `/api/shipments/${s.shipmentId}/void`))).toBe('FORBIDDEN');
    expect(codeOf(await lead('POST', `/api/shipments/${foreignShipment.id}/void`))).toBe('SHIPMENT_NOT_FOUND');
    expect(await digest(h)).toBe(snapshot);
    const r = await lead('POST', `/api/shipments/${s.shipmentId}/void`);
    expect(r.json()).toEqual({ shipmentId: s.shipmentId, status: 'voided', voided: s.cartons.map((c) => c.trackingNumber) });
    const again = await lead('POST', `/api/shipments/${s.shipmentId}/void`);
    expect(again.json()).toMatchObject({ status: 'voided', voided: [] });
    expect((await order(id!)).status).toBe('packed');
  });
});
