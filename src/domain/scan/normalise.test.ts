import { describe, expect, it } from 'vitest';
import { gs1CheckDigit, hasValidCheckDigit, toGtin14, upcEToUpcA } from './gtin';
import { normaliseScan, sameCode, scanMatchesSku } from './normalise';

describe('GTIN check digits and padding', () => {
  it.each([
    ['400638133393', 1], // EAN-13 4006381333931
    ['03600029145', 2], // UPC-A 036000291452
    ['9638507', 4], // EAN-8 96385074
    ['0001234560001', 2], // GTIN-14 00012345600012
  ])('check digit of %s is %i', (body, d) => expect(gs1CheckDigit(body)).toBe(d));

  it.each([
    ['4006381333931', '04006381333931'],
    ['036000291452', '00036000291452'],
    ['96385074', '00000096385074'],
    ['10012345600019', '10012345600019'],
    ['4006381333932', null], // bad check digit
    ['40063813339', null], // 11 digits is no GTIN
    ['ABC', null],
  ])('%s -> %s', (raw, g) => expect(toGtin14(raw)).toBe(g));

  it('expands UPC-E to UPC-A', () => {
    expect(upcEToUpcA('04252614')).toBe('042100005264');
    expect(toGtin14('04252614', { upce: true })).toBe('00042100005264');
    expect(hasValidCheckDigit('042100005264')).toBe(true);
  });
});

describe('normaliseScan', () => {
  const scan = (raw: string, symbologyId?: string) => normaliseScan({ source: 'wedge', raw, at: 0, ...(symbologyId ? { symbologyId } : {}) });
  it.each([
    ['4006381333931', 'gtin', '04006381333931'],
    [']E04006381333931', 'gtin', '04006381333931'],
    [']E004252614', 'gtin', '00042100005264'],
    ['(01)04006381333931(17)261231', 'gtin', '04006381333931'],
    [']C10104006381333931', 'gtin', '04006381333931'],
    [']d2\u001d0104006381333931', 'gtin', '04006381333931'],
    ['A01-03-2', 'code', 'A01-03-2'],
    ['T0001\r\n', 'code', 'T0001'],
    ['4006381333932', 'code', '4006381333932'], // bad check digit is not silently a GTIN
    ['   ', 'empty', undefined],
  ])('%j -> %s', (raw, kind, value) => {
    const r = scan(raw);
    expect(r.kind).toBe(kind);
    if (r.kind === 'gtin') expect(r.gtin14).toBe(value);
    if (r.kind === 'code') expect(r.text).toBe(value);
  });

  it('does not read AI 01 out of a plain Code 128 without a GS1 symbology', () => {
    expect(scan('0104006381333931').kind).toBe('code');
  });

  const sku = {
    code: 'LUMA-0007',
    barcodes: [
      { value: '04006381333931', kind: 'gtin', packQty: 1 },
      { value: '14006381333938', kind: 'case', packQty: 12 },
    ],
  };
  it.each([
    ['4006381333931', 1],
    ['04006381333931', 1],
    ['14006381333938', 12],
    ['luma-0007', 1],
    ['LUMA-0008', null],
    ['4006381333948', null],
  ])('%s matches with pack %s', (raw, pack) => {
    const m = scanMatchesSku(scan(raw), sku);
    expect(m?.packQty ?? null).toBe(pack);
  });

  it('compares bin codes without case or blanks', () => {
    expect(sameCode(' a01-03-2 ', 'A01-03-2')).toBe(true);
    expect(sameCode('A01-03-3', 'A01-03-2')).toBe(false);
  });
});
