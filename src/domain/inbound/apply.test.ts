import { describe, expect, it } from 'vitest';
import { ReceiptCloseArgs, type Outcome } from '../commands';
import { ErrorCode } from '../errors';
import { gs1CheckDigit } from '../scan/gtin';
import type { PutawayLocation } from '../inventory/putaway';
import { applyReceiptClose, suggestDestinations, type ReceiptCloseState } from './apply';
import type { Asn, ReceiptLine } from './types';

const sscc = (body17: string) => body17 + gs1CheckDigit(body17);
const C1 = sscc('10614141000000001');
const C2 = sscc('10614141000000002');
const RID = '018f2f9e-1c2b-7c3d-8e4f-a1b2c3d4e5f6';
const CTX = { userId: 'u-3001', mutationId: 'm-7', now: '2026-11-24T10:00:00.000Z' };

const ASN: Asn = {
  id: 'asn-1',
  sellerId: 's1',
  reference: 'ASN-1',
  status: 'announced',
  cartons: [{ sscc: C1, contents: [{ skuId: 'mug', qty: 6, lot: null, expiry: null }] }, { sscc: C2 }],
  lines: [
    { skuId: 'mug', qty: 6, lot: null, expiry: null },
    { skuId: 'milk', qty: 4, lot: 'L1', expiry: '2026-12-01' },
  ],
};
const line = (skuId: string, qty: number, extra: Partial<ReceiptLine> = {}): ReceiptLine => ({
  skuId, lot: null, expiry: null, qty, cartonSscc: null, condition: 'ok', reason: null, photoIds: [], ...extra,
});
const LINES = [
  line('mug', 6, { cartonSscc: C1 }),
  line('milk', 3, { lot: 'L1', expiry: '2026-12-01' }),
  line('milk', 1, { lot: 'L1', expiry: '2026-12-01', condition: 'damaged', reason: 'Leaking', photoIds: ['ph-1'] }),
];
const args = (over: Partial<ReceiptCloseArgs> = {}): ReceiptCloseArgs =>
  ReceiptCloseArgs.parse({ receiptId: RID, asnId: 'asn-1', sellerId: 's1', dockLocationId: 'RCV', lines: LINES, notes: [], ...over });

const loc = (id: string, type: PutawayLocation['type'], walkSeq: number, capacity: number | null = 100): PutawayLocation => ({ id, code: id, zone: 'Z', type, walkSeq, capacity });
const LOCS = [loc('RCV', 'receiving_dock', 0, null), loc('FACE', 'pick_face', 10, 10), loc('R1', 'reserve', 20), loc('R2', 'reserve', 30), loc('DMG', 'damaged', 90, null)];
const state = (over: Partial<ReceiptCloseState> = {}): ReceiptCloseState => ({
  asn: ASN,
  receiptExists: false,
  dock: { id: 'RCV', type: 'receiving_dock' },
  seller: { id: 's1', rules: { trusted: true, minShelfLifeDays: 30 } },
  skus: [{ id: 'mug', sellerId: 's1' }, { id: 'milk', sellerId: 's1' }, { id: 'theirs', sellerId: 's2' }],
  putaway: { locations: LOCS, balances: [{ locationId: 'FACE', skuId: 'mug', qty: 2 }] },
  ...over,
});
const applied = (o: Outcome) => {
  if (o.status !== 'applied') throw new Error(`${o.code}: ${o.message}`);
  return o;
};

describe('applyReceiptClose', () => {
  it('posts the stock at the dock, closes the ASN with its received cartons and makes suggested putaway tasks', () => {
    const o = applied(applyReceiptClose(state(), args(), CTX));
    expect(o.note).toBeUndefined();
    expect(o.movements.map((m) => [m.locationId, m.skuId, m.lot, m.delta, m.reason])).toEqual([
      ['RCV', 'milk', 'L1', 4, 'receive'],
      ['RCV', 'mug', null, 6, 'receive'],
    ]);
    const rc = o.receiving!;
    expect(rc.receipt).toMatchObject({ id: RID, asnId: 'asn-1', sellerId: 's1', dockLocationId: 'RCV', closedBy: 'u-3001', closedAt: CTX.now, note: null });
    expect(rc.receipt!.lines).toHaveLength(3);
    expect(rc.asnPatch).toEqual({ id: 'asn-1', status: 'closed', closedAt: CTX.now, cartonsReceived: [C1] });
    expect(rc.putawayTasks!.map((t) => [t.id, t.skuId, t.qty, t.condition, t.suggestedLocationId, t.receiptId, t.status])).toEqual([
      ['m-7:putaway:0', 'milk', 1, 'damaged', 'DMG', RID, 'open'],
      ['m-7:putaway:1', 'milk', 3, 'ok', 'R1', RID, 'open'],
      // The face holds 2 of 10 and takes the 6 mugs.
      ['m-7:putaway:2', 'mug', 6, 'ok', 'FACE', RID, 'open'],
    ]);
    expect(rc.discrepancies!.map((d) => [d.id, d.kind, d.skuId, d.qty])).toEqual([['m-7:discrepancy:0', 'damaged', 'milk', 1]]);
    expect(o.sellerEvents).toHaveLength(1);
    expect(o.sellerEvents![0]).toMatchObject({
      sellerId: 's1',
      type: 'inbound.received',
      payload: { receiptId: RID, asnId: 'asn-1', shortShelfLife: [{ skuId: 'milk', lot: 'L1', daysLeft: 7 }] },
    });
  });

  it('an ASN another device closed: the units are received blind, flagged, not refused', () => {
    const o = applied(applyReceiptClose(state({ asn: { ...ASN, status: 'closed' } }), args(), CTX));
    expect(o.note).toBe(ErrorCode.ASN_CLOSED_RECEIVED_BLIND);
    expect(o.movements.reduce((n, m) => n + m.delta, 0)).toBe(10);
    expect(o.receiving!.receipt).toMatchObject({ asnId: 'asn-1', note: 'asn_closed_elsewhere' });
    expect(o.receiving!.asnPatch).toBeNull();
    // Blind: only damage is a discrepancy, no "short" against an ASN someone else received.
    expect(o.receiving!.discrepancies!.map((d) => d.kind)).toEqual(['damaged']);
    expect(o.sellerEvents![0]!.payload).toMatchObject({ asnId: null, asnClosedElsewhere: 'asn-1' });
  });

  it('a blind receipt closes no ASN', () => {
    const o = applied(applyReceiptClose(state({ asn: null }), args({ asnId: null }), CTX));
    expect(o.receiving!.asnPatch).toBeNull();
    expect(o.receiving!.receipt!.asnId).toBeNull();
  });

  it('without bins to look at (a device that has not pulled them) the tasks have no suggestion', () => {
    const o = applied(applyReceiptClose(state({ putaway: undefined }), args(), CTX));
    expect(o.receiving!.putawayTasks!.every((t) => t.suggestedLocationId === null)).toBe(true);
  });

  it('with no seller rules there is no shelf-life list', () => {
    const o = applied(applyReceiptClose(state({ seller: { id: 's1', rules: null } }), args(), CTX));
    expect(o.sellerEvents![0]!.payload).toMatchObject({ shortShelfLife: [] });
  });

  const refusals: [name: string, st: ReceiptCloseState, a: ReceiptCloseArgs, code: ErrorCode][] = [
    ['a receipt id seen before', state({ receiptExists: true }), args(), ErrorCode.RECEIPT_ALREADY_CLOSED],
    ['an unknown dock', state({ dock: null }), args(), ErrorCode.LOCATION_NOT_FOUND],
    ['a dock that is a pick face', state({ dock: { id: 'RCV', type: 'pick_face' } }), args(), ErrorCode.NOT_A_RECEIVING_DOCK],
    ['a dock that is a pack bench', state({ dock: { id: 'RCV', type: 'pack_bench' } }), args(), ErrorCode.NOT_A_RECEIVING_DOCK],
    ['an unknown seller', state({ seller: null }), args(), ErrorCode.VALIDATION_FAILED],
    ['an unknown ASN', state({ asn: undefined }), args(), ErrorCode.ASN_NOT_FOUND],
    ['state for another ASN', state(), args({ asnId: 'asn-9' }), ErrorCode.ASN_NOT_FOUND],
    ['an unknown SKU', state(), args({ lines: [line('ghost', 1)] }), ErrorCode.SKU_NOT_FOUND],
    ["another seller's SKU", state(), args({ lines: [line('mug', 1), line('theirs', 1)] }), ErrorCode.SKU_OF_OTHER_SELLER],
    ["another seller's SKU in a note", state(), args({ notes: [{ kind: 'wrong_item', skuId: 'theirs', cartonSscc: null, reason: 'x', photoIds: [] }] }), ErrorCode.SKU_OF_OTHER_SELLER],
    ["another seller's ASN", state({ asn: { ...ASN, sellerId: 's2' } }), args(), ErrorCode.RECEIPT_SELLER_MISMATCH],
    ['damage without a photo', state(), args({ lines: [line('mug', 1, { condition: 'damaged', reason: 'Torn' })] }), ErrorCode.DAMAGE_NEEDS_PHOTO],
  ];
  it.each(refusals)('refuses %s, changing nothing', (_name, st, a, code) => {
    const o = applyReceiptClose(st, a, CTX);
    expect(o).toMatchObject({ status: 'rejected', code, movements: [], exceptions: [] });
    expect(o.receiving).toBeUndefined();
    expect(o.sellerEvents).toBeUndefined();
  });

  it('is deterministic: the device and the server make the same rows', () => {
    expect(applyReceiptClose(state(), args(), CTX)).toEqual(applyReceiptClose(state(), args(), CTX));
  });
});

describe('suggestDestinations', () => {
  const stub = (skuId: string, qty: number, toLocationType: 'damaged' | null = null) => ({ skuId, qty, fromLocationId: 'RCV', toLocationType });
  const rows: [name: string, stubs: ReturnType<typeof stub>[], want: (string | null)[]][] = [
    ['two SKUs with no face get two different empty reserve bins', [stub('a', 5), stub('b', 5)], ['R1', 'R2']],
    ['the face fills up: the rest goes to reserve', [stub('mug', 8), stub('mug', 1)], ['FACE', 'R1']],
    ['damaged units go to the damaged bin', [stub('a', 5, 'damaged')], ['DMG']],
    ['no room anywhere: no suggestion', [stub('a', 500)], [null]],
  ];
  it.each(rows)('%s', (_name, stubs, want) => {
    expect(suggestDestinations(stubs, { locations: LOCS, balances: [{ locationId: 'FACE', skuId: 'mug', qty: 2 }] })).toEqual(want);
  });
});
