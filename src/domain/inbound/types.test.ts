import { describe, expect, it } from 'vitest';
import { gs1CheckDigit } from '../scan/gtin';
import { Asn, DiscrepancyNote, Receipt, ReceiptLine, SellerReceivingRules } from './types';

const SSCC = '10614141000000001' + gs1CheckDigit('10614141000000001');
const okLine = { skuId: 'mug', lot: null, expiry: null, qty: 1, condition: 'ok' };
const okAsn = { id: 'a1', sellerId: 's1', reference: 'ASN-1001', cartons: [{ sscc: SSCC }], lines: [{ skuId: 'mug', qty: 3 }], status: 'announced' };

describe('ReceiptLine', () => {
  const rows: [name: string, input: Record<string, unknown>, ok: boolean][] = [
    ['a plain line', okLine, true],
    ['lot, expiry, carton, damage', { ...okLine, lot: 'L-1/2', expiry: '2028-02-29', cartonSscc: SSCC, condition: 'damaged', reason: 'Wet box', photoIds: ['p1'] }, true],
    ['zero quantity', { ...okLine, qty: 0 }, false],
    ['negative quantity', { ...okLine, qty: -3 }, false],
    ['fractional quantity', { ...okLine, qty: 1.5 }, false],
    ['absurd quantity', { ...okLine, qty: 1e9 }, false],
    ['quantity as text', { ...okLine, qty: '1' }, false],
    ['NaN quantity', { ...okLine, qty: Number.NaN }, false],
    ['lot with a blank', { ...okLine, lot: 'L 1' }, false],
    ['lot of 21 characters', { ...okLine, lot: 'L'.repeat(21) }, false],
    ['empty lot', { ...okLine, lot: '' }, false],
    ['lot with a non-ASCII look-alike', { ...okLine, lot: 'L1\u0406' }, false],
    ['expiry that does not exist', { ...okLine, expiry: '2027-02-29' }, false],
    ['expiry with a time', { ...okLine, expiry: '2027-02-01T00:00Z' }, false],
    ['carton that fails its check digit', { ...okLine, cartonSscc: SSCC.slice(0, 17) + ((Number(SSCC[17]) + 1) % 10) }, false],
    ['unknown condition', { ...okLine, condition: 'broken' }, false],
    ['SKU id with markup', { ...okLine, skuId: '<b>mug</b>' }, false],
    ['SKU id with SQL', { ...okLine, skuId: "mug'; DROP TABLE skus;--" }, false],
    ['reason with a NUL', { ...okLine, reason: 'wet\u0000' }, false],
    ['reason with leading blanks', { ...okLine, reason: '  wet' }, false],
    ['reason with a lone surrogate', { ...okLine, reason: 'wet \uD800' }, false],
    ['reason with emoji is fine', { ...okLine, reason: 'Wet 💧 box, ñ' }, true],
    ['too many photos', { ...okLine, photoIds: Array.from({ length: 21 }, (_, i) => `p${i}`) }, false],
    ['photo id with a slash', { ...okLine, photoIds: ['a/b'] }, false],
  ];
  it.each(rows)('%s', (_name, input, ok) => {
    expect(ReceiptLine.safeParse(input).success).toBe(ok);
  });
});

describe('Asn', () => {
  const rows: [name: string, input: Record<string, unknown>, ok: boolean][] = [
    ['an announced shipment', okAsn, true],
    ['carton with declared contents', { ...okAsn, cartons: [{ sscc: SSCC, contents: [{ skuId: 'mug', qty: 3 }] }] }, true],
    ['no lines', { ...okAsn, lines: [] }, false],
    ['a line of zero', { ...okAsn, lines: [{ skuId: 'mug', qty: 0 }] }, false],
    ['a negative line', { ...okAsn, lines: [{ skuId: 'mug', qty: -1 }] }, false],
    ['carton contents of zero', { ...okAsn, cartons: [{ sscc: SSCC, contents: [{ skuId: 'mug', qty: 0 }] }] }, false],
    ['carton that is not an SSCC', { ...okAsn, cartons: [{ sscc: 'BOX-1' }] }, false],
    ['reference with a blank', { ...okAsn, reference: 'ASN 1' }, false],
    ['reference with markup', { ...okAsn, reference: '<script>' }, false],
    ['reference too long', { ...okAsn, reference: 'A'.repeat(41) }, false],
    ['unknown status', { ...okAsn, status: 'lost' }, false],
  ];
  it.each(rows)('%s', (_name, input, ok) => {
    expect(Asn.safeParse(input).success).toBe(ok);
  });
});

describe('Receipt, notes and seller rules', () => {
  const rows: [name: string, parse: () => boolean, ok: boolean][] = [
    ['blind receipt', () => Receipt.safeParse({ id: 'r1', asnId: null, sellerId: 's1', status: 'open', lines: [okLine] }).success, true],
    ['receipt with a bad line', () => Receipt.safeParse({ id: 'r1', asnId: 'a1', sellerId: 's1', status: 'open', lines: [{ ...okLine, qty: 0 }] }).success, false],
    ['note with a reason', () => DiscrepancyNote.safeParse({ kind: 'short', skuId: 'mug', reason: 'Seller short-shipped' }).success, true],
    ['note without a reason', () => DiscrepancyNote.safeParse({ kind: 'short', skuId: 'mug', reason: '' }).success, false],
    ['note of an unknown kind', () => DiscrepancyNote.safeParse({ kind: 'stolen', skuId: 'mug', reason: 'x' }).success, false],
    ['rules', () => SellerReceivingRules.safeParse({ trusted: true, minShelfLifeDays: 90 }).success, true],
    ['negative shelf life', () => SellerReceivingRules.safeParse({ trusted: true, minShelfLifeDays: -1 }).success, false],
    ['trusted as text', () => SellerReceivingRules.safeParse({ trusted: 'yes', minShelfLifeDays: 0 }).success, false],
  ];
  it.each(rows)('%s', (_name, parse, ok) => {
    expect(parse()).toBe(ok);
  });
});
