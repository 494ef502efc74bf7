import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../errors';
import { gs1CheckDigit, toGtin14 } from '../scan/gtin';
import { normaliseScan, type ScanResult } from '../scan/normalise';
import { findAsn, receiveScan, type ReceiveFlag, type ReceiveInput, type ReceiveSku, type ReceiveState } from './receive';
import type { Asn, ReceiptLine } from './types';

const TODAY = new Date(Date.UTC(2026, 10, 24));
const gtin = (body12: string) => toGtin14(body12 + gs1CheckDigit(body12))!;
const sscc = (body17: string) => body17 + gs1CheckDigit(body17);
const MUG = gtin('061414100001');
const MUG6 = gtin('161414100001');
const MILK = gtin('061414100002');
const TEA = gtin('061414100003');
const CHAIR = gtin('061414100004');
const THEIRS = gtin('061414100005');
const NOBODY = gtin('061414100009');
const C1 = sscc('10614141000000001');
const C2 = sscc('10614141000000002');
const C3 = sscc('10614141000000003');
const STRANGER = sscc('10614141000000009');
const GS = '\u001d';

const sku = (id: string, g: string, lotTracked = false, expiryTracked = false, sellerId = 's1'): ReceiveSku => ({
  id,
  sellerId,
  code: id.toUpperCase(),
  barcodes: [{ value: g, kind: 'gtin', packQty: 1 }],
  lotTracked,
  expiryTracked,
});
const CATALOGUE: ReceiveSku[] = [
  { ...sku('mug', MUG), barcodes: [{ value: MUG, kind: 'gtin', packQty: 1 }, { value: MUG6, kind: 'case', packQty: 6 }] },
  sku('milk', MILK, true, true),
  sku('tea', TEA, true),
  sku('chair', CHAIR),
  sku('theirs', THEIRS, false, false, 's2'),
];

const ASN: Pick<Asn, 'lines' | 'cartons' | 'status'> = {
  status: 'receiving',
  lines: [
    { skuId: 'mug', qty: 10, lot: null, expiry: null },
    { skuId: 'milk', qty: 5, lot: 'L1', expiry: '2027-03-31' },
    { skuId: 'tea', qty: 4, lot: null, expiry: null },
  ],
  cartons: [
    {
      sscc: C1,
      contents: [
        { skuId: 'mug', qty: 6, lot: null, expiry: null },
        { skuId: 'milk', qty: 5, lot: 'L1', expiry: '2027-03-31' },
      ],
    },
    { sscc: C2 },
    // Tea is lot-tracked and the seller left the lot out: it must be opened.
    { sscc: C3, contents: [{ skuId: 'tea', qty: 4, lot: null, expiry: null }] },
  ],
};

const state = (over: Partial<ReceiveState> = {}): ReceiveState => ({
  sellerId: 's1',
  asn: ASN,
  rules: { trusted: true, minShelfLifeDays: 30 },
  catalogue: CATALOGUE,
  lines: [],
  today: TODAY,
  ...over,
});
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
const read = (raw: string): ScanResult => normaliseScan({ source: 'camera', raw, at: 0 }, { today: TODAY });
const dm = (g: string, lot?: string, yymmdd?: string) => read(`]d201${g}${lot ? `10${lot}${GS}` : ''}${yymmdd ? `17${yymmdd}` : ''}`);
const unit = (scan: ScanResult, extra: Omit<ReceiveInput, 'scan'> = {}): ReceiveInput => ({ scan, ...extra });

type Want =
  | { ok: true; kind?: 'units' | 'carton'; lines: Partial<ReceiptLine>[]; flags?: ReceiveFlag[]; progress?: [number | null, string, number, number][] }
  | { ok: false; code?: ErrorCode; needs?: 'lot' | 'expiry'; sscc?: string };

describe('receiveScan', () => {
  const rows: [name: string, st: ReceiveState, input: ReceiveInput, want: Want][] = [
    ['a unit on the ASN', state(), unit(read(MUG)), { ok: true, kind: 'units', lines: [{ skuId: 'mug', qty: 1, condition: 'ok' }], flags: [], progress: [[0, 'mug', 10, 1], [1, 'milk', 5, 0], [2, 'tea', 4, 0]] }],
    ['the SKU code typed', state(), unit(read('MUG')), { ok: true, lines: [{ skuId: 'mug', qty: 1 }] }],
    ['a case barcode counts its pack quantity', state(), unit(read(MUG6)), { ok: true, lines: [{ skuId: 'mug', qty: 6 }], flags: [] }],
    ['over the ASN is recorded and flagged', state({ lines: [line('mug', 6)] }), unit(read(MUG6)), { ok: true, lines: [{ qty: 6 }], flags: ['over'], progress: [[0, 'mug', 10, 12], [1, 'milk', 5, 0], [2, 'tea', 4, 0]] }],
    ['exactly the ASN is not over', state({ lines: [line('mug', 9)] }), unit(read(MUG)), { ok: true, lines: [{ qty: 1 }], flags: [] }],
    ['a SKU not on the ASN is recorded as unexpected', state(), unit(read(CHAIR)), { ok: true, lines: [{ skuId: 'chair' }], flags: ['unexpected_sku'], progress: [[0, 'mug', 10, 0], [1, 'milk', 5, 0], [2, 'tea', 4, 0], [null, 'chair', 0, 1]] }],
    ['blind: no ASN, no flags, progress per SKU', state({ asn: null }), unit(read(CHAIR)), { ok: true, lines: [{ skuId: 'chair' }], flags: [], progress: [[null, 'chair', 0, 1]] }],
    ['lot and expiry from a GS1 DataMatrix', state(), unit(dm(MILK, 'L1', '270331')), { ok: true, lines: [{ skuId: 'milk', lot: 'L1', expiry: '2027-03-31' }], flags: [] }],
    ['GS1-128 day 00 expiry is the end of the month', state(), unit(read(`]C101${MILK}10L1${GS}17270300`)), { ok: true, lines: [{ lot: 'L1', expiry: '2027-03-31' }] }],
    ['expiry inside the minimum shelf life is flagged', state(), unit(dm(MILK, 'L1', '261210')), { ok: true, lines: [{ expiry: '2026-12-10' }], flags: ['shelf_life_short'] }],
    ['expired stock is still received, flagged', state(), unit(dm(MILK, 'L1', '261101')), { ok: true, lines: [{ expiry: '2026-11-01' }], flags: ['expired'] }],
    ['a lot the seller did not announce is flagged', state(), unit(dm(MILK, 'L9', '270331')), { ok: true, lines: [{ lot: 'L9' }], flags: ['lot_not_announced'], progress: [[0, 'mug', 10, 0], [1, 'milk', 5, 1], [2, 'tea', 4, 0]] }],
    ['tracked SKU without a lot: ask for it', state(), unit(read(MILK)), { ok: false, needs: 'lot' }],
    ['lot given, expiry missing: ask for it', state(), unit(read(MILK), { lot: 'L1' }), { ok: false, needs: 'expiry' }],
    ['typed lot and typed expiry', state(), unit(read(MILK), { lot: 'L1', expiry: '2027-03-31' }), { ok: true, lines: [{ lot: 'L1', expiry: '2027-03-31' }] }],
    ['typed GS1 date with day 00', state(), unit(read(MILK), { lot: 'L1', expiry: '270200' }), { ok: true, lines: [{ expiry: '2027-02-28' }] }],
    ['the scanned lot wins over a typed one', state(), unit(dm(MILK, 'L1', '270331'), { lot: 'X' }), { ok: true, lines: [{ lot: 'L1' }] }],
    ['lot-only SKU needs no expiry', state(), unit(read(TEA), { lot: 'T1' }), { ok: true, lines: [{ skuId: 'tea', lot: 'T1', expiry: null }] }],
    ['untracked SKU drops a printed lot', state(), unit(dm(MUG, 'ZZ', '270101')), { ok: true, lines: [{ skuId: 'mug', lot: null, expiry: null }] }],
    ['typed lot with a blank', state(), unit(read(TEA), { lot: 'T 1' }), { ok: false, code: ErrorCode.LOT_INVALID }],
    ['typed lot too long', state(), unit(read(TEA), { lot: 'L'.repeat(21) }), { ok: false, code: ErrorCode.LOT_INVALID }],
    ['typed lot with markup', state(), unit(read(TEA), { lot: '<img src=x onerror=alert(1)>' }), { ok: false, code: ErrorCode.LOT_INVALID }],
    ['typed lot with a newline', state(), unit(read(TEA), { lot: 'L1\nL2' }), { ok: false, code: ErrorCode.LOT_INVALID }],
    ['typed expiry that does not exist', state(), unit(read(MILK), { lot: 'L1', expiry: '2027-02-30' }), { ok: false, code: ErrorCode.EXPIRY_INVALID }],
    ['typed expiry in words', state(), unit(read(MILK), { lot: 'L1', expiry: "'; DROP TABLE stock;--" }), { ok: false, code: ErrorCode.EXPIRY_INVALID }],
    ['a counted number of packs', state(), unit(read(MUG6), { count: 3 }), { ok: true, lines: [{ skuId: 'mug', qty: 18 }], flags: ['over'] }],
    ['a count of zero', state(), unit(read(MUG), { count: 0 }), { ok: false, code: ErrorCode.QTY_ZERO }],
    ['a negative count', state(), unit(read(MUG), { count: -2 }), { ok: false, code: ErrorCode.QTY_ZERO }],
    ['a fractional count', state(), unit(read(MUG), { count: 1.5 }), { ok: false, code: ErrorCode.QTY_NOT_A_NUMBER }],
    ['a count that is not a number', state(), unit(read(MUG), { count: Number.NaN }), { ok: false, code: ErrorCode.QTY_NOT_A_NUMBER }],
    ['an infinite count', state(), unit(read(MUG), { count: Number.POSITIVE_INFINITY }), { ok: false, code: ErrorCode.QTY_NOT_A_NUMBER }],
    ['a count past any delivery', state(), unit(read(MUG6), { count: 500_000 }), { ok: false, code: ErrorCode.VALIDATION_FAILED }],
    ['a catalogue pack of zero is refused', state({ catalogue: [{ ...sku('mug', MUG), barcodes: [{ value: MUG, kind: 'case', packQty: 0 }] }] }), unit(read(MUG)), { ok: false, code: ErrorCode.QTY_ZERO }],
    ['a closed blind receipt takes nothing', state({ asn: null, receiptStatus: 'closed' }), unit(read(MUG)), { ok: false, code: ErrorCode.RECEIPT_ALREADY_CLOSED }],
    ['a GTIN the catalogue does not know: refused', state(), unit(read(NOBODY)), { ok: false, code: ErrorCode.UNKNOWN_BARCODE }],
    ['a code the catalogue does not know', state(), unit(read('NO-SUCH-SKU')), { ok: false, code: ErrorCode.UNKNOWN_BARCODE }],
    ['another seller\'s item', state(), unit(read(THEIRS)), { ok: false, code: ErrorCode.SKU_OF_OTHER_SELLER }],
    ['a bad check digit', state(), unit({ kind: 'invalid', code: ErrorCode.BAD_CHECK_DIGIT, text: '1', symbologyId: null }), { ok: false, code: ErrorCode.BAD_CHECK_DIGIT }],
    ['nothing scanned', state(), unit({ kind: 'empty' }), { ok: false, code: ErrorCode.UNKNOWN_BARCODE }],
    ['GS1 data with no item', state(), unit(read(`]C1410${'9501101530003'}`)), { ok: false, code: ErrorCode.UNKNOWN_BARCODE }],
    ['a closed ASN takes nothing', state({ asn: { ...ASN, status: 'closed' } }), unit(read(MUG)), { ok: false, code: ErrorCode.RECEIPT_ALREADY_CLOSED }],
    ['damaged with reason and photo', state(), unit(read(MUG), { condition: 'damaged', reason: 'Crushed corner', photoIds: ['p-1'] }), { ok: true, lines: [{ condition: 'damaged', reason: 'Crushed corner', photoIds: ['p-1'] }] }],
    ['damaged without a photo', state(), unit(read(MUG), { condition: 'damaged', reason: 'Crushed' }), { ok: false, code: ErrorCode.DAMAGE_NEEDS_PHOTO }],
    ['damaged without a reason', state(), unit(read(MUG), { condition: 'damaged', photoIds: ['p-1'] }), { ok: false, code: ErrorCode.DAMAGE_NEEDS_REASON }],
    ['reason with a control character', state(), unit(read(MUG), { condition: 'damaged', reason: 'wet\u0007', photoIds: ['p-1'] }), { ok: false, code: ErrorCode.VALIDATION_FAILED }],
    ['reason with a bidi override', state(), unit(read(MUG), { condition: 'damaged', reason: 'ok\u202Egnp.exe', photoIds: ['p-1'] }), { ok: false, code: ErrorCode.VALIDATION_FAILED }],
    ['reason far too long', state(), unit(read(MUG), { condition: 'damaged', reason: 'x'.repeat(501), photoIds: ['p-1'] }), { ok: false, code: ErrorCode.VALIDATION_FAILED }],
    ['photo id with a path', state(), unit(read(MUG), { condition: 'damaged', reason: 'Wet', photoIds: ['../../etc/passwd'] }), { ok: false, code: ErrorCode.VALIDATION_FAILED }],
    ['unit from an opened carton', state(), unit(read(MUG), { cartonSscc: C2 }), { ok: true, lines: [{ cartonSscc: C2 }], flags: [] }],
    ['an item the carton did not declare', state(), unit(read(TEA), { lot: 'T1', cartonSscc: C1 }), { ok: true, lines: [{ skuId: 'tea' }], flags: ['wrong_item'] }],
    ['carton context that is not an SSCC', state(), unit(read(MUG), { cartonSscc: '123' }), { ok: false, code: ErrorCode.BAD_SSCC }],
    // Cartons.
    ['trusted seller, unopened declared carton: taken whole', state(), unit(read(`]C100${C1}`)), {
      ok: true,
      kind: 'carton',
      lines: [{ skuId: 'mug', qty: 6, cartonSscc: C1 }, { skuId: 'milk', qty: 5, lot: 'L1', expiry: '2027-03-31', cartonSscc: C1 }],
      flags: [],
      progress: [[0, 'mug', 10, 6], [1, 'milk', 5, 5], [2, 'tea', 4, 0]],
    }],
    ['a carton taken whole can be over', state({ lines: [line('mug', 5)] }), unit(read(`]C100${C1}`)), { ok: true, kind: 'carton', lines: [{ qty: 6 }, { qty: 5 }], flags: ['over'] }],
    ['untrusted seller: open it', state({ rules: { trusted: false, minShelfLifeDays: 0 } }), unit(read(`]C100${C1}`)), { ok: false, code: ErrorCode.RECEIVE_OPEN_CARTON, sscc: C1 }],
    ['no declared contents: open it', state(), unit(read(`]C100${C2}`)), { ok: false, code: ErrorCode.RECEIVE_OPEN_CARTON, sscc: C2 }],
    ['declared without the tracked lot: open it', state(), unit(read(`]C100${C3}`)), { ok: false, code: ErrorCode.RECEIVE_OPEN_CARTON, sscc: C3 }],
    ['already opened: scan its units', state({ lines: [line('mug', 1, { cartonSscc: C1 })] }), unit(read(`]C100${C1}`)), { ok: false, code: ErrorCode.RECEIVE_CARTON_ALREADY_RECEIVED, sscc: C1 }],
    ['a carton the ASN does not list', state(), unit(read(`]C100${STRANGER}`)), { ok: false, code: ErrorCode.RECEIVE_CARTON_NOT_EXPECTED, sscc: STRANGER }],
    ['blind: every carton is opened', state({ asn: null }), unit(read(`]C100${C1}`)), { ok: false, code: ErrorCode.RECEIVE_CARTON_NOT_EXPECTED, sscc: C1 }],
  ];

  it.each(rows)('%s', (_name, st, input, want) => {
    const got = receiveScan(st, input);
    if (!want.ok) {
      expect(got).toEqual(want.needs ? { ok: false, needs: want.needs, skuId: expect.any(String) } : { ok: false, code: want.code, ...(want.sscc ? { sscc: want.sscc } : {}) });
      return;
    }
    if (!got.ok) throw new Error(`refused: ${JSON.stringify(got)}`);
    expect(got.lines).toHaveLength(want.lines.length);
    want.lines.forEach((l, i) => expect(got.lines[i]).toMatchObject(l));
    if (want.kind) expect(got.kind).toBe(want.kind);
    if (want.flags) expect([...got.flags].sort()).toEqual([...want.flags].sort());
    if (want.progress) expect(got.progress.map((p) => [p.line, p.skuId, p.expected, p.received])).toEqual(want.progress);
  });

  it('records nothing on a refusal: the state it was given is unchanged', () => {
    const st = state({ lines: [line('mug', 1)] });
    const before = JSON.stringify(st);
    receiveScan(st, unit(read(NOBODY)));
    receiveScan(st, unit(read(MUG)));
    expect(JSON.stringify(st)).toBe(before);
  });
});

describe('findAsn', () => {
  const asns = [
    { id: 'a1', reference: 'ASN-1001', cartons: [{ sscc: C1 }], status: 'announced' as const },
    { id: 'a2', reference: 'ASN-1002', cartons: [{ sscc: C2 }], status: 'announced' as const },
  ];
  const rows: [name: string, scan: ScanResult, want: string | null][] = [
    ['by reference', read('ASN-1002'), 'a2'],
    ['by reference, any case and blanks', read(' asn-1001 '), 'a1'],
    ['by a carton SSCC', read(`]C100${C2}`), 'a2'],
    ['an unknown carton', read(`]C100${STRANGER}`), null],
    ['an item is not an ASN', read(MUG), null],
    ['unknown reference', read('ASN-9'), null],
  ];
  it.each(rows)('%s', (_name, scan, want) => {
    expect(findAsn(asns, scan)?.id ?? null).toBe(want);
  });
});
