import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zplEscape } from '../../src/domain/labels';
import { PACK_DEMO } from '../../src/server/db/seed-pack';
import { BACKENDS } from './helpers/backends';
import { Device, type Harness } from './helpers/harness';
import { confirmArgs, orderStatus, PACO, Serials } from './helpers/pack';
import { DOCK_CODE } from './helpers/shipment-fixture';
import { caller, codeOf, startPrinter, startShippingHarness, type Call } from './helpers/shipping-harness';

const [ONE, TWO, SINGLE] = PACK_DEMO.orders;

/**
 * The whole hand-off on shipments made by pack.confirm itself (not the fixture): labels
 * printed from what the bench pushed, a cancelled order refused at the bench, the
 * cartons scanned at the dock, and the seller feed telling packed then shipped.
 */
describe.each(BACKENDS)('bench to dock on %s', (kind) => {
  let h: Harness;
  let bench: Device;
  let serials: Serials;
  let lead: Call;
  let packer: Call;
  beforeAll(async () => {
    h = await startShippingHarness(kind);
    bench = await Device.signIn(h.app, 'U2001', PACO);
    serials = await Serials.lease(bench);
    [lead, packer] = await Promise.all([caller(h.app, 'U5001'), caller(h.app, 'U2001')]);
  });
  afterAll(async () => h?.close());

  it('packs, prints, refuses the cancelled order, manifests and ships once', async () => {
    const n1 = serials.next();
    const args1 = confirmArgs(ONE, n1);
    expect((await bench.push([bench.command('pack.confirm', args1)])).results[0]).toMatchObject({ status: 'applied' });

    // Cancelled upstream between pick and pack: the bench's confirm is refused.
    expect((await lead('POST', `/api/orders/${TWO.id}/cancel`)).json()).toMatchObject({ status: 'cancelled', voidedShipmentId: null });
    expect((await bench.push([bench.command('pack.confirm', confirmArgs(TWO, serials.next()))])).results[0]).toMatchObject({ status: 'rejected', code: 'ORDER_CANCELLED' });

    const n3 = serials.next();
    expect((await bench.push([bench.command('pack.confirm', confirmArgs(SINGLE, n3, { boxCode: 'BOX-S2' }))])).results[0]).toMatchObject({ status: 'applied' });

    const printer = await startPrinter();
    try {
      expect((await lead('PUT', `/api/locations/${PACK_DEMO.benchId}/printer`, { host: printer.host })).statusCode).toBe(200);
      const r = await packer('POST', '/api/print/labels', { shipmentId: args1.shipmentId, benchId: PACK_DEMO.benchId });
      expect(r.json()).toMatchObject({ printed: 1 });
      const zpl = await printer.nextJob();
      const shipTo = JSON.parse((await h.db.db.selectFrom('orders').select('ship_to').where('id', '=', ONE.id).executeTakeFirstOrThrow()).ship_to) as { name: string };
      expect(zpl).toContain(n1.trackingNumber);
      expect(zpl).toContain(`>;>800${n1.sscc}`);
      expect(zpl).toContain(`^FD${zplEscape(shipTo.name)}^FS`);
    } finally {
      await printer.close();
    }

    const m = ((await packer('POST', '/api/manifests', { carrier: 'UPS', dockCode: DOCK_CODE })).json() as { manifest: { id: string } }).manifest;
    expect((await packer('POST', `/api/manifests/${m.id}/cartons`, { scan: `]C100${n1.sscc}` })).statusCode).toBe(201);
    const fedex = await packer('POST', `/api/manifests/${m.id}/cartons`, { scan: n3.trackingNumber });
    expect(codeOf(fedex)).toBe('CARRIER_MISMATCH');
    const closed = await packer('POST', `/api/manifests/${m.id}/close`);
    expect(closed.json()).toMatchObject({ shippedOrders: [ONE.id] });
    expect([await orderStatus(h, ONE.id), await orderStatus(h, TWO.id), await orderStatus(h, SINGLE.id)]).toEqual(['shipped', 'cancelled', 'packed']);
    expect(codeOf(await packer('POST', `/api/manifests/${m.id}/close`))).toBe('MANIFEST_CLOSED');

    const feed = (await lead('GET', `/api/seller-events?sellerId=${ONE.sellerId}`)).json() as { events: { type: string; payload: { orderId: string; trackingNumbers?: string[] } }[] };
    const mine = feed.events.filter((e) => e.payload.orderId === ONE.id);
    expect(mine.map((e) => e.type)).toEqual(['order.packed', 'order.shipped']);
    expect(mine[1]!.payload.trackingNumbers).toEqual([n1.trackingNumber]);
  });
});
