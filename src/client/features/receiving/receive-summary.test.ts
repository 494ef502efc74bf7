import { describe, expect, it } from 'vitest';
import type { ReceiptLine } from '../../../domain/inbound/types';
import { reasonsComplete, summaryOf } from './receive-summary';

const line = (skuId: string, qty: number, over: Partial<ReceiptLine> = {}): ReceiptLine => ({
  skuId, lot: null, expiry: null, qty, cartonSscc: null, condition: 'ok', reason: null, photoIds: [], ...over,
});
const asn = { lines: [{ skuId: 'a', qty: 10, lot: null, expiry: null }, { skuId: 'b', qty: 5, lot: null, expiry: null }] };
const rules = { trusted: false, minShelfLifeDays: 30 };

describe('summaryOf', () => {
  it.each([
    ['exact', [line('a', 10), line('b', 5)], { received: 15, over: 0, short: 0, damaged: 0, unexpected: 0 }, []],
    ['over and short', [line('a', 11), line('b', 2)], { received: 13, over: 1, short: 3 }, [['over', 'a', 1], ['short', 'b', 3]]],
    ['damaged units count as received', [line('a', 9), line('a', 1, { condition: 'damaged' }), line('b', 5)], { received: 15, damaged: 1, short: 0 }, []],
    ['a SKU not on the ASN', [line('a', 10), line('b', 5), line('z', 2)], { unexpected: 2, over: 0 }, []],
    ['nothing of a line', [line('a', 10)], { short: 5 }, [['short', 'b', 5]]],
  ] as const)('%s', (_name, lines, counts, reasons) => {
    const s = summaryOf(asn, lines, rules, '2026-11-25');
    expect(s).toMatchObject(counts);
    expect(s.needReason.map((r) => [r.kind, r.skuId, r.qty])).toEqual(reasons);
  });

  it('a blind receipt has no over, short or unexpected', () => {
    expect(summaryOf(null, [line('z', 3)], rules, '2026-11-25')).toMatchObject({ received: 3, over: 0, short: 0, unexpected: 0, needReason: [] });
  });

  it('flags lines inside the minimum shelf life or expired', () => {
    const s = summaryOf(null, [line('a', 1, { expiry: '2026-12-01' }), line('a', 1, { expiry: '2026-11-01' }), line('a', 1, { expiry: '2027-06-01' })], rules, '2026-11-25');
    expect(s.shelfLife).toBe(2);
  });

  it('Close needs a reason for every over and short SKU', () => {
    const s = summaryOf(asn, [line('a', 11), line('b', 2)], rules, '2026-11-25');
    const note = (kind: 'over' | 'short', skuId: string, reason: string) => ({ kind, skuId, cartonSscc: null, reason, photoIds: [] });
    expect(reasonsComplete(s, [note('over', 'a', 'extra')])).toBe(false);
    expect(reasonsComplete(s, [note('over', 'a', 'extra'), note('short', 'b', ' ')])).toBe(false);
    expect(reasonsComplete(s, [note('over', 'a', 'extra'), note('short', 'b', 'late')])).toBe(true);
  });
});
