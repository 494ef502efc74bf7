import { describe, expect, it } from 'vitest';
import {
  MAX_TRACKING_SERIAL,
  inLeases,
  isValidSscc,
  isValidTrackingNumber,
  maxSsccSerial,
  s10CheckDigit,
  sscc,
  ssccSerial,
  trackingNumber,
  trackingSerial,
} from './numbers';
import type { NumberLease } from './types';

const trk = { trackingPrefix: 'EE', trackingSuffix: 'GB' };
const gs1 = { gs1CompanyPrefix: '0614141', ssccExtension: 1 };

describe('s10CheckDigit', () => {
  it.each([
    { serial: '12345678', check: 5, why: 'weighted sum 204, 11 - 6' },
    { serial: '47312482', check: 9, why: 'the UPU example AA473124829GB' },
    { serial: '00000001', check: 4, why: 'weighted sum 7' },
    { serial: '00000008', check: 0, why: 'sum mod 11 is 1, so 10 becomes 0' },
    { serial: '00000000', check: 5, why: 'sum mod 11 is 0, so 11 becomes 5' },
  ])('$serial -> $check ($why)', ({ serial, check }) => {
    expect(s10CheckDigit(serial)).toBe(check);
  });

  it.each(['1234567', '123456789', '1234567a', ''])('refuses %j', (serial) => {
    expect(() => s10CheckDigit(serial)).toThrow(RangeError);
  });
});

describe('tracking numbers', () => {
  it.each([
    { serial: 12_345_678, expected: 'EE123456785GB' },
    { serial: 1, expected: 'EE000000014GB' },
    { serial: 0, expected: 'EE000000005GB' },
    { serial: MAX_TRACKING_SERIAL, expected: `EE${'9'.repeat(8)}${s10CheckDigit('99999999')}GB` },
  ])('serial $serial -> $expected and back', ({ serial, expected }) => {
    const value = trackingNumber(trk, serial);
    expect(value).toBe(expected);
    expect(isValidTrackingNumber(value)).toBe(true);
    expect(trackingSerial(value)).toBe(serial);
  });

  it('round-trips a spread of serials', () => {
    for (let serial = 7; serial <= MAX_TRACKING_SERIAL; serial = serial * 3 + 1) {
      expect(trackingSerial(trackingNumber(trk, serial))).toBe(serial);
    }
  });

  it.each([-1, MAX_TRACKING_SERIAL + 1, 1.5, Number.NaN])('refuses serial %s', (serial) => {
    expect(() => trackingNumber(trk, serial)).toThrow(RangeError);
  });

  it.each([
    { value: 'EE123456784GB', why: 'wrong check digit' },
    { value: 'ee123456785gb', why: 'lower case' },
    { value: 'EE12345678GB', why: 'no check digit' },
    { value: 'E123456785GB', why: 'one-letter prefix' },
    { value: 'EE123456785G', why: 'one-letter suffix' },
    { value: ' EE123456785GB', why: 'leading space' },
    { value: '', why: 'empty' },
  ])('$value is not a tracking number ($why)', ({ value }) => {
    expect(isValidTrackingNumber(value)).toBe(false);
    expect(trackingSerial(value)).toBeNull();
  });
});

describe('SSCC', () => {
  it('builds the GS1 example (00)106141411234567897', () => {
    expect(sscc(gs1, 123_456_789)).toBe('106141411234567897');
    expect(isValidSscc('106141411234567897')).toBe(true);
    expect(ssccSerial(gs1, '106141411234567897')).toBe(123_456_789);
  });

  it.each([
    { config: gs1, serial: 0 },
    { config: gs1, serial: 1 },
    { config: gs1, serial: 999_999_999 },
    { config: { gs1CompanyPrefix: '0614141999', ssccExtension: 0 }, serial: 42 },
    { config: { gs1CompanyPrefix: '0614141999', ssccExtension: 9 }, serial: 999_999 },
  ])('round-trips serial $serial with prefix $config.gs1CompanyPrefix', ({ config, serial }) => {
    const value = sscc(config, serial);
    expect(value).toMatch(/^\d{18}$/);
    expect(value.startsWith(`${config.ssccExtension}${config.gs1CompanyPrefix}`)).toBe(true);
    expect(isValidSscc(value)).toBe(true);
    expect(ssccSerial(config, value)).toBe(serial);
  });

  it('carries as many serials as the digits after the prefix allow', () => {
    expect(maxSsccSerial('0614141')).toBe(999_999_999);
    expect(maxSsccSerial('0614141999')).toBe(999_999);
  });

  it.each([-1, 1_000_000_000, 2.5])('refuses serial %s', (serial) => {
    expect(() => sscc(gs1, serial)).toThrow(RangeError);
  });

  it.each([
    { value: '106141411234567898', why: 'wrong check digit' },
    { value: '10614141123456789', why: '17 digits' },
    { value: '1061414112345678970', why: '19 digits' },
    { value: '10614141123456789X', why: 'a letter' },
  ])('$value is not an SSCC ($why)', ({ value }) => {
    expect(isValidSscc(value)).toBe(false);
    expect(ssccSerial(gs1, value)).toBeNull();
  });

  it('is not ours under another company prefix or extension digit', () => {
    const theirs = sscc({ gs1CompanyPrefix: '0614142', ssccExtension: 1 }, 5);
    expect(isValidSscc(theirs)).toBe(true);
    expect(ssccSerial(gs1, theirs)).toBeNull();
    expect(ssccSerial({ ...gs1, ssccExtension: 2 }, sscc(gs1, 5))).toBeNull();
  });
});

describe('inLeases', () => {
  const leases: NumberLease[] = [
    { id: 'a', kind: 'tracking', first: 100, last: 199 },
    { id: 'b', kind: 'tracking', first: 300, last: 300 },
    { id: 'c', kind: 'sscc', first: 150, last: 250 },
  ];
  it.each([
    { kind: 'tracking', serial: 100, expected: true },
    { kind: 'tracking', serial: 199, expected: true },
    { kind: 'tracking', serial: 99, expected: false },
    { kind: 'tracking', serial: 200, expected: false },
    { kind: 'tracking', serial: 300, expected: true },
    { kind: 'tracking', serial: 250, expected: false },
    { kind: 'sscc', serial: 250, expected: true },
    { kind: 'sscc', serial: 120, expected: false },
  ] as const)('$kind $serial -> $expected', ({ kind, serial, expected }) => {
    expect(inLeases(leases, kind, serial)).toBe(expected);
  });

  it('holds nothing without leases', () => {
    expect(inLeases([], 'sscc', 0)).toBe(false);
  });
});
