import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../errors';
import { gs1CheckDigit } from '../scan/gtin';
import { closeReceipt, type CloseContext } from './close-receipt';
import type { Asn, Discrepancy, Receipt, ReceiptLine } from './types';

const sscc = (body17: string) => body17 + gs1CheckDigit(body17);
const C1 = sscc('10614141000000001');
const C2 = sscc('10614141000000002');

const ASN: Asn = {
  id: 'asn-1',
  sellerId: 's1',
  reference: 'ASN-1001',
  status: 'receiving',
  lines: [
    { skuId: 'mug', qty: 10, lot: null, expiry: null },
    { skuId: 'milk', qty: 5, lot: 'L1', expiry: '2027-03-31' },
    { skuId: 'tea', qty: 4, lot: null, expiry: null },
  ],
  cartons: [
    { sscc: C1, contents: [{ skuId: 'mug', qty: 6, lot: null, expiry: null }] },
    { sscc: C2 },
  ],
};
const line = (skuId: string, qty: number, extra: Partial<ReceiptLine> = {}): ReceiptLine => ({
  skuId,
  lot: null,
  expiry: null,
  qty,
  cartonSscc: null,
  condition: 'ok',
  reason: null,
  photoIds: [],
  ...extra,
});
const MILK = { lot: 'L1', expiry: '2027-03-31' };
const LINES: ReceiptLine[] = [
  line('mug', 6, { cartonSscc: C1 }),
  line('mug', 5),
  line('milk', 4, MILK),
  line('milk', 1, { ...MILK, condition: 'damaged', reason: 'Leaking', photoIds: ['ph-1', 'ph-2'] }),
  line('chair', 2, { cartonSscc: C2 }),
];
const receipt = (over: Partial<Receipt> = {}): Receipt => ({ id: 'rc-1', asnId: 'asn-1', sellerId: 's1', status: 'open', lines: LINES, notes: [], ...over });
const CTX: CloseContext = { mutationId: 'm-42', dockLocationId: 'loc-dock', now: '2026-11-24T10:00:00.000Z' };

type Brief = [kind: Discrepancy['kind'], skuId: string | null, expected: number, received: number, qty: number];
const brief = (ds: Discrepancy[]): Brief[] => ds.map((d) => [d.kind, d.skuId, d.expectedQty, d.receivedQty, d.qty]);

describe('closeReceipt', () => {
  it('posts the received stock into the dock once per SKU, lot and expiry', () => {
    const r = closeReceipt(ASN, receipt(), CTX);
    if (!r.ok) throw new Error(r.code);
    expect(r.movements).toEqual([
      { locationId: 'loc-dock', containerCode: null, skuId: 'chair', lot: null, expiry: null, delta: 2, reason: 'receive' },
      { locationId: 'loc-dock', containerCode: null, skuId: 'milk', lot: 'L1', expiry: '2027-03-31', delta: 5, reason: 'receive' },
      { locationId: 'loc-dock', containerCode: null, skuId: 'mug', lot: null, expiry: null, delta: 11, reason: 'receive' },
    ]);
    const total = (xs: { qty?: number; delta?: number }[]) => xs.reduce((n, x) => n + (x.qty ?? x.delta ?? 0), 0);
    expect(total(r.movements)).toBe(total(LINES));
    expect(total(r.putaway)).toBe(total(LINES));
    expect(r.asnPatch).toEqual({ id: 'asn-1', status: 'closed' });
    expect(r.receiptPatch).toEqual({ id: 'rc-1', status: 'closed' });
  });

  it('makes putaway tasks per SKU and lot; damaged units go to a damaged bin', () => {
    const r = closeReceipt(ASN, receipt(), CTX);
    if (!r.ok) throw new Error(r.code);
    expect(r.putaway.map((p) => [p.id, p.skuId, p.lot, p.qty, p.condition, p.toLocationType, p.fromLocationId])).toEqual([
      ['m-42:putaway:0', 'chair', null, 2, 'ok', null, 'loc-dock'],
      ['m-42:putaway:1', 'milk', 'L1', 1, 'damaged', 'damaged', 'loc-dock'],
      ['m-42:putaway:2', 'milk', 'L1', 4, 'ok', null, 'loc-dock'],
      ['m-42:putaway:3', 'mug', null, 11, 'ok', null, 'loc-dock'],
    ]);
  });

  const discrepancyRows: [name: string, asn: Asn | null, rc: Receipt, want: Brief[]][] = [
    ['over, short, damaged and unexpected', ASN, receipt(), [
      ['over', 'mug', 10, 11, 1],
      ['short', 'tea', 4, 0, 4],
      ['damaged', 'milk', 0, 1, 1],
      ['unexpected_sku', 'chair', 0, 2, 2],
    ]],
    ['exactly as announced: nothing to report', ASN, receipt({ lines: [line('mug', 10), line('milk', 5, MILK), line('tea', 4)] }), []],
    ['every line short', ASN, receipt({ lines: [line('mug', 1)] }), [
      ['short', 'mug', 10, 1, 9],
      ['short', 'milk', 5, 0, 5],
      ['short', 'tea', 4, 0, 4],
    ]],
    ['an announced item in a carton that did not declare it', ASN, receipt({ lines: [line('mug', 10), line('milk', 5, MILK), line('tea', 4, { cartonSscc: C1 })] }), [
      ['wrong_item', 'tea', 0, 4, 4],
    ]],
    ['blind: only damage is a discrepancy', null, receipt({ asnId: null, lines: LINES }), [['damaged', 'milk', 0, 1, 1]]],
  ];
  it.each(discrepancyRows)('discrepancies: %s', (_name, asn, rc, want) => {
    const r = closeReceipt(asn, rc, CTX);
    if (!r.ok) throw new Error(r.code);
    expect(brief(r.discrepancies)).toEqual(want);
    expect(r.discrepancies.map((d) => d.id)).toEqual(want.map((_, i) => `m-42:discrepancy:${i}`));
    expect(r.sellerEvent.payload.discrepancies).toEqual(r.discrepancies);
  });

  it("gives the clerk's reasons and photos to what it derives; a note matching nothing is still sent", () => {
    const notes = [
      { kind: 'short' as const, skuId: 'tea', cartonSscc: null, reason: 'Seller sent 0 of 4', photoIds: [] },
      { kind: 'damaged' as const, skuId: 'milk', cartonSscc: null, reason: 'ignored: the line has one', photoIds: ['ph-2', 'ph-3'] },
      { kind: 'wrong_item' as const, skuId: 'mug', cartonSscc: C2, reason: 'Label says mug, box holds cups', photoIds: ['ph-9'] },
    ];
    const r = closeReceipt(ASN, receipt({ notes }), CTX);
    if (!r.ok) throw new Error(r.code);
    const by = (k: string) => r.discrepancies.filter((d) => d.kind === k);
    expect(by('short')[0]).toMatchObject({ skuId: 'tea', reason: 'Seller sent 0 of 4' });
    expect(by('damaged')[0]).toMatchObject({ reason: 'Leaking', photoIds: ['ph-1', 'ph-2', 'ph-3'] });
    expect(by('wrong_item')).toEqual([expect.objectContaining({ skuId: 'mug', cartonSscc: C2, reason: 'Label says mug, box holds cups', photoIds: ['ph-9'], expectedQty: 10, receivedQty: 11, qty: 0 })]);
    expect(by('over')[0]!.reason).toBeNull();
  });

  it('sends the seller one event with what was received, the discrepancies and short shelf life', () => {
    const r = closeReceipt(ASN, receipt(), { ...CTX, shelfLife: { today: '2027-03-20', minShelfLifeDays: 30 } });
    if (!r.ok) throw new Error(r.code);
    expect(r.sellerEvent).toMatchObject({
      sellerId: 's1',
      type: 'inbound.received',
      payload: {
        receiptId: 'rc-1',
        asnId: 'asn-1',
        closedAt: CTX.now,
        shortShelfLife: [{ skuId: 'milk', lot: 'L1', expiry: '2027-03-31', daysLeft: 11 }],
      },
    });
    expect(r.sellerEvent.payload.received).toHaveLength(4);
  });

  it('derives everything from its inputs: same result twice, and whatever the scan order', () => {
    const a = closeReceipt(ASN, receipt(), CTX);
    const b = closeReceipt(ASN, receipt(), CTX);
    const c = closeReceipt(ASN, receipt({ lines: [...LINES].reverse() }), CTX);
    expect(b).toEqual(a);
    if (!a.ok || !c.ok) throw new Error('refused');
    expect(c.movements).toEqual(a.movements);
    expect(c.putaway).toEqual(a.putaway);
    expect(brief(c.discrepancies)).toEqual(brief(a.discrepancies));
    const other = closeReceipt(ASN, receipt(), { ...CTX, mutationId: 'm-43' });
    if (!other.ok) throw new Error('refused');
    expect(other.putaway[0]!.id).toBe('m-43:putaway:0');
  });

  const hostile = (l: Record<string, unknown>) => receipt({ lines: [l as unknown as ReceiptLine] });
  const refusals: [name: string, asn: Asn | null, rc: Receipt, ctx: CloseContext, code: ErrorCode][] = [
    ['the receipt is already closed', ASN, receipt({ status: 'closed' }), CTX, ErrorCode.RECEIPT_ALREADY_CLOSED],
    ['the ASN is already closed', { ...ASN, status: 'closed' }, receipt(), CTX, ErrorCode.RECEIPT_ALREADY_CLOSED],
    ['a receipt for another ASN', ASN, receipt({ asnId: 'asn-2' }), CTX, ErrorCode.RECEIPT_ASN_MISMATCH],
    ['a blind receipt closed against an ASN', ASN, receipt({ asnId: null }), CTX, ErrorCode.RECEIPT_ASN_MISMATCH],
    ["another seller's ASN", { ...ASN, sellerId: 's2' }, receipt(), CTX, ErrorCode.RECEIPT_SELLER_MISMATCH],
    ['nothing received', ASN, receipt({ lines: [] }), CTX, ErrorCode.RECEIPT_EMPTY],
    ['damage without a photo', ASN, receipt({ lines: [line('mug', 1, { condition: 'damaged', reason: 'Torn' })] }), CTX, ErrorCode.DAMAGE_NEEDS_PHOTO],
    ['damage without a reason', ASN, receipt({ lines: [line('mug', 1, { condition: 'damaged', photoIds: ['ph-1'] })] }), CTX, ErrorCode.DAMAGE_NEEDS_REASON],
    ['a line of zero', ASN, hostile({ ...line('mug', 1), qty: 0 }), CTX, ErrorCode.VALIDATION_FAILED],
    ['a negative line', ASN, hostile({ ...line('mug', 1), qty: -5 }), CTX, ErrorCode.VALIDATION_FAILED],
    ['a fractional line', ASN, hostile({ ...line('mug', 1), qty: 0.5 }), CTX, ErrorCode.VALIDATION_FAILED],
    ['a SKU id with markup', ASN, hostile({ ...line('mug', 1), skuId: '<svg onload=alert(1)>' }), CTX, ErrorCode.VALIDATION_FAILED],
    ['a lot with a control character', ASN, hostile({ ...line('mug', 1), lot: 'L1\u0000' }), CTX, ErrorCode.VALIDATION_FAILED],
    ['an expiry that does not exist', ASN, hostile({ ...line('mug', 1), expiry: '2027-13-01' }), CTX, ErrorCode.VALIDATION_FAILED],
    ['an ASN with a negative line', { ...ASN, lines: [{ skuId: 'mug', qty: -1, lot: null, expiry: null }] }, receipt(), CTX, ErrorCode.VALIDATION_FAILED],
    ['a mutation id with blanks', ASN, receipt(), { ...CTX, mutationId: 'm 1; drop' }, ErrorCode.VALIDATION_FAILED],
    ['no dock location', ASN, receipt(), { ...CTX, dockLocationId: '' }, ErrorCode.VALIDATION_FAILED],
  ];
  it.each(refusals)('refuses: %s', (_name, asn, rc, ctx, code) => {
    expect(closeReceipt(asn, rc, ctx)).toMatchObject({ ok: false, code });
  });
});
