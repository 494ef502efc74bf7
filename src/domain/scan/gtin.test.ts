import { describe, expect, it } from 'vitest';
import { gs1CheckDigit, hasValidCheckDigit, toGtin14, upcEToUpcA } from './gtin';

describe('GTIN check digits and padding', () => {
  it.each([
    ['400638133393', 1], // EAN-13 4006381333931
    ['03600029145', 2], // UPC-A 036000291452
    ['9638507', 4], // EAN-8 96385074
    ['0001234560001', 2], // GTIN-14 00012345600012
    ['10614141123456789', 7], // SSCC 106141411234567897
    ['061414100001', 2], // GLN 0614141000012
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
