import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from './helpers/backends';
import { digest, type Harness } from './helpers/harness';
import { pdfText } from './helpers/pdf-text';
import { BENCH, foreignWarehouse, FOREIGN, freeOrders, packShipment, type FixtureShipment } from './helpers/shipment-fixture';
import { caller, codeOf, refusedHost, startPrinter, startShippingHarness, startSilentPrinter, type Call } from './helpers/shipping-harness';

const TIMEOUT_MS = 1000;
const SHIP_TO = { name: 'Dana Receiver', line1: '12 Elm St', city: 'Boise', region: 'ID', postalCode: '83702', country: 'US' };

/** Printing labels to a raw-TCP (port 9100) printer through the API, and the bench printer setting. */
describe.each(BACKENDS)('label printing on %s', (kind) => {
  let h: Harness;
  let lead: Call;
  let packer: Call;
  let picker: Call;
  let shipment: FixtureShipment;
  let foreign: FixtureShipment;
  beforeAll(async () => {
    h = await startShippingHarness(kind, { printTimeoutMs: TIMEOUT_MS });
    [lead, packer, picker] = await Promise.all([caller(h.app, 'U5001'), caller(h.app, 'U2001'), caller(h.app, 'U1001')]);
    const [orderId] = await freeOrders(h.db.db, 1);
    shipment = await packShipment(h.db.db, { orderId: orderId!, carrierService: 'UPS Ground', shipTo: SHIP_TO, cartons: 2 });
    foreign = await foreignWarehouse(h.db.db);
  });
  afterAll(async () => h?.close());

  const setPrinter = (host: string | null, call: Call = lead, id = BENCH) => call('PUT', `/api/locations/${id}/printer`, { host });
  const print = (body: Record<string, unknown>, call: Call = packer) => call('POST', '/api/print/labels', { shipmentId: shipment.shipmentId, benchId: BENCH, ...body });

  it('sets a bench printer (leads only, pack benches only, sane hosts only) and bumps its version', async () => {
    const before = await h.db.db.selectFrom('locations').select('version').where('id', '=', BENCH).executeTakeFirstOrThrow();
    const ok = await setPrinter('printer-01.local:9100');
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ locationId: BENCH, host: 'printer-01.local:9100' });
    const after = await h.db.db.selectFrom('locations').select(['version', 'printer_host']).where('id', '=', BENCH).executeTakeFirstOrThrow();
    expect(after.printer_host).toBe('printer-01.local:9100');
    expect(Number(after.version)).toBeGreaterThan(Number(before.version));

    const snapshot = await digest(h);
    expect(codeOf(await setPrinter('10.0.0.5', packer))).toBe('FORBIDDEN');
    expect(codeOf(await setPrinter('10.0.0.5', lead, 'loc-SHIP-01'))).toBe('NOT_A_PACK_BENCH');
    expect((await setPrinter('10.0.0.5', lead, FOREIGN.benchId)).statusCode).toBe(404);
    for (const bad of ['a b', 'host:0', 'host:65536', 'host:9100:1', '999.1.1.1', '[::1', 'x;rm -rf', 'pr\u0000inter', '-bad.example', 'a'.repeat(300), '[nothex]:9100']) {
      const r = await setPrinter(bad);
      expect([r.statusCode, codeOf(r)], bad).toEqual([400, 'VALIDATION_FAILED']);
    }
    expect(codeOf(await lead('PUT', `/api/locations/${BENCH}/printer`, { host: 5 }))).toBe('VALIDATION_FAILED');
    expect(codeOf(await lead('PUT', `/api/locations/${BENCH}/printer`, { host: 'x', extra: 1 }))).toBe('VALIDATION_FAILED');
    expect(await digest(h)).toBe(snapshot);
    for (const good of ['[::1]:9100', '192.168.1.20', 'zebra']) expect((await setPrinter(good)).statusCode, good).toBe(200);
  });

  it('prints every carton to the bench printer: the ZPL carries the tracking number, the SSCC with its AI and the ship-to', async () => {
    const printer = await startPrinter();
    try {
      expect((await setPrinter(printer.host)).statusCode).toBe(200);
      const r = await print({});
      expect(r.statusCode).toBe(200);
      expect(r.json()).toEqual({ printed: 2, printer: printer.host });
      const zpl = await printer.nextJob();
      expect(zpl.match(/\^XA/g)).toHaveLength(2);
      for (const c of shipment.cartons) {
        expect(zpl).toContain(c.trackingNumber);
        expect(zpl).toContain(`>;>800${c.sscc}`);
      }
      expect(zpl).toContain('Dana Receiver');
      expect(zpl).toContain('83702');

      // One carton only, by id.
      const one = await print({ cartonId: shipment.cartons[1]!.id });
      expect(one.json()).toMatchObject({ printed: 1 });
      const job = await printer.nextJob();
      expect(job).toContain(shipment.cartons[1]!.trackingNumber);
      expect(job).not.toContain(shipment.cartons[0]!.trackingNumber);
    } finally {
      await printer.close();
    }
  });

  it('a printer that accepts and never answers is PRINTER_TIMEOUT within the timeout, as a 424', async () => {
    const silent = await startSilentPrinter();
    try {
      await setPrinter(silent.host);
      const started = Date.now();
      const r = await print({});
      const elapsed = Date.now() - started;
      expect([r.statusCode, codeOf(r)]).toEqual([424, 'PRINTER_TIMEOUT']);
      expect(silent.connections()).toBe(1);
      // The contract: the packer hears within the timeout (plus scheduling slack), not never.
      expect(elapsed).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
      expect(elapsed).toBeLessThan(TIMEOUT_MS + 2000);
    } finally {
      await silent.close();
    }
  });

  it('a refused connection is PRINTER_UNREACHABLE; no printer is PRINTER_NOT_CONFIGURED; nothing changes', async () => {
    await setPrinter(await refusedHost());
    const snapshot = await digest(h);
    const r = await print({});
    expect([r.statusCode, codeOf(r)]).toEqual([424, 'PRINTER_UNREACHABLE']);
    expect(await digest(h)).toBe(snapshot);
    await setPrinter(null);
    const cleared = await digest(h);
    const none = await print({});
    expect([none.statusCode, codeOf(none)]).toEqual([409, 'PRINTER_NOT_CONFIGURED']);
    expect(await digest(h)).toBe(cleared);
  });

  it('refuses pickers, another warehouse\'s shipment or bench, an unknown carton and hostile ids', async () => {
    const printer = await startPrinter();
    try {
      await setPrinter(printer.host);
      const snapshot = await digest(h);
      expect(codeOf(await print({}, picker))).toBe('FORBIDDEN');
      const other = await print({ shipmentId: foreign.shipmentId });
      expect([other.statusCode, codeOf(other)]).toEqual([404, 'SHIPMENT_NOT_FOUND']);
      const otherBench = await print({ benchId: FOREIGN.benchId });
      expect([otherBench.statusCode, codeOf(otherBench)]).toEqual([404, 'NOT_A_PACK_BENCH']);
      expect(codeOf(await print({ cartonId: foreign.cartons[0]!.id }))).toBe('CARTON_UNKNOWN');
      for (const bad of [{ shipmentId: "x' or 1=1 --" }, { shipmentId: '' }, { shipmentId: 'a'.repeat(65) }, { benchId: 'é' }, { cartonId: 7 }]) {
        const r = await print(bad);
        expect([r.statusCode, codeOf(r)], JSON.stringify(bad)).toEqual([400, 'VALIDATION_FAILED']);
      }
      const unauth = await h.app.inject({ method: 'POST', url: '/api/print/labels', payload: { shipmentId: shipment.shipmentId, benchId: BENCH } });
      expect(unauth.statusCode).toBe(401);
      expect(printer.jobs).toEqual([]);
      expect(await digest(h)).toBe(snapshot);
    } finally {
      await printer.close();
    }
  });

  it('serves the labels as ZPL and PDF for any printer; another warehouse\'s answers 404', async () => {
    const zpl = await packer('GET', `/api/shipments/${shipment.shipmentId}/labels.zpl`);
    expect(zpl.statusCode).toBe(200);
    expect(zpl.body).toContain(`>;>800${shipment.cartons[0]!.sscc}`);
    const pdf = await packer('GET', `/api/shipments/${shipment.shipmentId}/labels.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(pdf.rawPayload);
    for (const c of shipment.cartons) expect(text).toContain(c.trackingNumber);
    expect(text).toContain('Dana Receiver');
    expect(text).toContain('12 Elm St');
    for (const ext of ['zpl', 'pdf']) {
      const r = await packer('GET', `/api/shipments/${foreign.shipmentId}/labels.${ext}`);
      expect([r.statusCode, codeOf(r)]).toEqual([404, 'SHIPMENT_NOT_FOUND']);
      expect(codeOf(await picker('GET', `/api/shipments/${shipment.shipmentId}/labels.${ext}`))).toBe('FORBIDDEN');
    }
  });
});
