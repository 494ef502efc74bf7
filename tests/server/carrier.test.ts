import { describe, expect, it } from 'vitest';
import { trackingNumber } from '../../src/domain/packing/numbers';
import { buildOpenApi } from '../../src/server/routes/openapi';
import { CarrierError, LocalCarrier } from '../../src/server/services/carrier';
import { parseCartonScan } from '../../src/server/services/manifest-scan';
import { parsePrinterHost, printTimeoutFromEnv } from '../../src/server/services/printer';

const ADDRESS = { name: 'A', line1: 'B', city: 'C', region: 'D', postalCode: '1', country: 'US' };

describe('LocalCarrier', () => {
  const carrier = new LocalCarrier({ trackingPrefix: 'LT', trackingSuffix: 'US', firstSerial: 1000, lastSerial: 1999 });

  it('issues S10 numbers with a check digit from its range only', () => {
    expect(carrier.issue(1000)).toBe(trackingNumber({ trackingPrefix: 'LT', trackingSuffix: 'US' }, 1000));
    expect(() => carrier.issue(999)).toThrow(RangeError);
    expect(() => carrier.issue(2000)).toThrow(RangeError);
    expect(() => new LocalCarrier({ firstSerial: 5, lastSerial: 4 })).toThrow(RangeError);
  });

  it('rates by the weight table', async () => {
    expect(await carrier.rate({ service: 'UPS Ground', weightG: 500, shipTo: ADDRESS })).toEqual({ amountCents: 495, currency: 'USD', service: 'UPS Ground' });
    expect((await carrier.rate({ service: 'UPS Ground', weightG: 501, shipTo: ADDRESS })).amountCents).toBe(695);
    await expect(carrier.rate({ service: 'x', weightG: 0, shipTo: ADDRESS })).rejects.toMatchObject({ code: 'WEIGHT_NOT_POSITIVE' });
    await expect(carrier.rate({ service: 'x', weightG: 30_001, shipTo: ADDRESS })).rejects.toBeInstanceOf(CarrierError);
  });

  it('accepts leased numbers with a valid check digit, refuses others and voided ones', async () => {
    const good = carrier.issue(1500);
    const carton = (t: string) => ({ shipmentId: 's1', service: 'UPS Ground', shipTo: ADDRESS, cartons: [{ trackingNumber: t, sscc: '000000000000000000', weightG: 100 }] });
    expect(await carrier.createShipment(carton(good))).toEqual({ trackingNumbers: [good] });
    const badCheck = good.slice(0, 10) + String((Number(good[10]) + 1) % 10) + good.slice(11);
    await expect(carrier.createShipment(carton(badCheck))).rejects.toMatchObject({ code: 'BAD_TRACKING_NUMBER' });
    await expect(carrier.createShipment(carton(trackingNumber({ trackingPrefix: 'LT', trackingSuffix: 'US' }, 5000)))).rejects.toMatchObject({ code: 'BAD_TRACKING_NUMBER' });
    await expect(carrier.createShipment(carton(trackingNumber({ trackingPrefix: 'ZZ', trackingSuffix: 'US' }, 1500)))).rejects.toMatchObject({ code: 'BAD_TRACKING_NUMBER' });
    await carrier.voidShipment([good]);
    await expect(carrier.createShipment(carton(good))).rejects.toMatchObject({ code: 'BAD_TRACKING_NUMBER' });
  });
});

describe('printer host', () => {
  it.each([
    ['zebra', { host: 'zebra', port: 9100 }],
    ['printer-01.dock.local:6101', { host: 'printer-01.dock.local', port: 6101 }],
    ['192.168.0.9', { host: '192.168.0.9', port: 9100 }],
    ['[fe80::1]:9100', { host: 'fe80::1', port: 9100 }],
    ['[::1]', { host: '::1', port: 9100 }],
  ])('%s', (text, want) => expect(parsePrinterHost(text)).toEqual(want));

  it.each(['', ' zebra', 'a b', 'host:', 'host:0', 'host:65536', 'host:+1', '1.2.3', '256.1.1.1', '::1', '[::g]', 'a..b', '-a', 'a_b', 'http://x', 'x/y'])('refuses %j', (text) => {
    expect(parsePrinterHost(text)).toBeNull();
  });
});

describe('dock scans', () => {
  const sscc = '106141411234567897';
  it.each([sscc, `00${sscc}`, `(00)${sscc}`, `]C100${sscc}`, `]C1(00)${sscc}`, ` ${sscc}\u001d`])('reads the SSCC in %j', (text) => {
    expect(parseCartonScan(text)).toEqual({ kind: 'sscc', value: sscc });
  });
  it('reads a tracking number in either case, refuses misreads and strangers', () => {
    const t = trackingNumber({ trackingPrefix: 'LT', trackingSuffix: 'US' }, 42);
    expect(parseCartonScan(t.toLowerCase())).toEqual({ kind: 'tracking', value: t });
    expect(() => parseCartonScan('106141411234567890')).toThrow(expect.objectContaining({ code: 'BAD_SSCC' }));
    expect(() => parseCartonScan(t.slice(0, 10) + String((Number(t[10]) + 1) % 10) + t.slice(11))).toThrow(expect.objectContaining({ code: 'BAD_TRACKING_NUMBER' }));
    expect(() => parseCartonScan('hello')).toThrow(expect.objectContaining({ code: 'CARTON_UNKNOWN' }));
  });
});

describe('OpenAPI', () => {
  it('documents the printing, dock, cancel and seller feed routes', () => {
    const paths = Object.keys(buildOpenApi().paths);
    for (const p of ['/api/print/labels', '/api/locations/{id}/printer', '/api/manifests/{id}/close', '/api/orders/{id}/cancel', '/api/shipments/{id}/void', '/api/seller-events']) {
      expect(paths).toContain(p);
    }
  });
});

describe('print timeout setting', () => {
  it.each([
    [undefined, 5000],
    ['1500', 1500],
    ['0', 5000],
    ['-3', 5000],
    ['abc', 5000],
    ['1.5', 5000],
    ['600000', 5000],
  ])('PRINT_TIMEOUT_MS=%s gives %i ms', (value, want) => expect(printTimeoutFromEnv(value)).toBe(want));
});
