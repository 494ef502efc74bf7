import { describe, expect, it } from 'vitest';
import {
  QUARANTINE_ALL,
  RETURN_GRADES,
  dispositionFor,
  gradeReturn,
  returnGradedSellerEvent,
  returnRulesOf,
  type GradeInput,
  type ReturnDisposition,
  type ReturnGrade,
} from './returns';

describe('dispositionFor with the seeded sellers', () => {
  // The sellers' rules JSON as seeded (server/db/seed-catalogue.ts; the domain may not import it).
  const SEEDED: Record<string, unknown> = {
    LUMA: { returns: 'restock_if_sealed', label: 'zpl', lotExpiry: 'fefo' },
    NORD: { returns: 'inspect', label: 'pdf', lotExpiry: 'none' },
    BEAN: { returns: 'dispose', label: 'zpl', lotExpiry: 'fefo' },
  };
  const rulesOf = (code: string) => SEEDED[code];
  const table: { seller: string; grade: ReturnGrade; sealed: boolean; want: ReturnDisposition }[] = [
    { seller: 'LUMA', grade: 'sellable', sealed: true, want: 'restock' },
    { seller: 'LUMA', grade: 'sellable', sealed: false, want: 'quarantine' },
    { seller: 'LUMA', grade: 'damaged', sealed: true, want: 'dispose' },
    { seller: 'LUMA', grade: 'defective', sealed: true, want: 'return_to_seller' },
    { seller: 'LUMA', grade: 'missing_parts', sealed: false, want: 'return_to_seller' },
    { seller: 'LUMA', grade: 'wrong_item', sealed: true, want: 'quarantine' },
    { seller: 'NORD', grade: 'sellable', sealed: false, want: 'restock' },
    { seller: 'NORD', grade: 'damaged', sealed: true, want: 'quarantine' },
    { seller: 'NORD', grade: 'defective', sealed: true, want: 'quarantine' },
    { seller: 'NORD', grade: 'missing_parts', sealed: true, want: 'quarantine' },
    { seller: 'NORD', grade: 'wrong_item', sealed: true, want: 'quarantine' },
    { seller: 'BEAN', grade: 'sellable', sealed: true, want: 'dispose' },
    { seller: 'BEAN', grade: 'damaged', sealed: true, want: 'dispose' },
    { seller: 'BEAN', grade: 'defective', sealed: true, want: 'dispose' },
    { seller: 'BEAN', grade: 'missing_parts', sealed: true, want: 'dispose' },
    { seller: 'BEAN', grade: 'wrong_item', sealed: true, want: 'quarantine' },
  ];
  for (const c of table) {
    it(`${c.seller} ${c.grade}${c.sealed ? ' sealed' : ' opened'} -> ${c.want}`, () => {
      const r = dispositionFor(c.grade, rulesOf(c.seller), { sealed: c.sealed });
      expect(r.disposition).toBe(c.want);
      expect(r.putawayTask).toBe(c.want === 'restock');
    });
  }

  it('holds each disposition in the right kind of bin', () => {
    expect(dispositionFor('sellable', { returns: 'inspect' }).holdAt).toBeNull();
    expect(dispositionFor('damaged', { returns: 'inspect' }).holdAt).toBe('returns');
    expect(dispositionFor('defective', { returns: 'restock_if_sealed' }).holdAt).toBe('returns');
    expect(dispositionFor('damaged', { returns: 'dispose' }).holdAt).toBe('damaged');
  });
});

describe('returnRulesOf', () => {
  const table: { name: string; rules: unknown; want: Partial<Record<ReturnGrade, ReturnDisposition>>; sealedOnly?: boolean }[] = [
    { name: 'no rules', rules: undefined, want: QUARANTINE_ALL.byGrade },
    { name: 'null', rules: null, want: QUARANTINE_ALL.byGrade },
    { name: 'a string', rules: 'dispose', want: QUARANTINE_ALL.byGrade },
    { name: 'an unknown preset', rules: { returns: 'burn' }, want: QUARANTINE_ALL.byGrade },
    { name: 'a prototype key as preset', rules: { returns: 'toString' }, want: QUARANTINE_ALL.byGrade },
    { name: 'a preset in the wrong case', rules: { returns: 'DISPOSE' }, want: QUARANTINE_ALL.byGrade },
    { name: 'a number', rules: { returns: 7 }, want: QUARANTINE_ALL.byGrade },
    {
      name: 'a custom table',
      rules: { returns: { sellable: 'restock', damaged: 'return_to_seller', restockOnlySealed: true } },
      want: { sellable: 'restock', damaged: 'return_to_seller', defective: 'quarantine', missing_parts: 'quarantine', wrong_item: 'quarantine' },
      sealedOnly: true,
    },
    {
      name: 'a custom table with hostile values',
      rules: JSON.parse('{"returns":{"sellable":"restock; DROP TABLE","damaged":{"x":1},"__proto__":{"defective":"dispose"},"restockOnlySealed":"yes"}}'),
      want: QUARANTINE_ALL.byGrade,
      sealedOnly: false,
    },
  ];
  for (const c of table) {
    it(c.name, () => {
      const r = returnRulesOf(c.rules);
      expect(r.byGrade).toEqual(c.want);
      expect(r.restockOnlySealed).toBe(c.sealedOnly ?? false);
    });
  }

  it('an unknown grade at run time is quarantined', () => {
    expect(dispositionFor('junk' as ReturnGrade, { returns: 'dispose' }).disposition).toBe('quarantine');
  });
});

describe('gradeReturn', () => {
  const base: GradeInput = {
    orderId: 'o-1', orderRef: 'LUMA-1001', sellerId: 'seller-luma', skuId: 'sku-1', qty: 1, grade: 'damaged',
    reason: 'Crushed box', photoIds: ['p1', 'p2', 'p1'], scannedRef: 'LX12345678GB', gradedBy: 'u-4001', gradedAt: '2026-11-24T10:00:00Z',
  };
  const LUMA = { returns: 'restock_if_sealed' };
  const refusals: { name: string; patch: Partial<GradeInput>; code: string }[] = [
    { name: 'an unknown grade', patch: { grade: 'meh' }, code: 'RETURN_GRADE_UNKNOWN' },
    { name: 'a grade that is not text', patch: { grade: ['sellable'] }, code: 'RETURN_GRADE_UNKNOWN' },
    { name: 'a grade with spaces', patch: { grade: ' sellable' }, code: 'RETURN_GRADE_UNKNOWN' },
    { name: 'zero units', patch: { qty: 0 }, code: 'QTY_NOT_POSITIVE' },
    { name: 'negative units', patch: { qty: -1 }, code: 'QTY_NOT_POSITIVE' },
    { name: 'a fraction', patch: { qty: 0.5 }, code: 'QTY_NOT_A_NUMBER' },
    { name: 'a quantity as text', patch: { qty: '1' }, code: 'QTY_NOT_A_NUMBER' },
    { name: 'infinity', patch: { qty: Number.POSITIVE_INFINITY }, code: 'QTY_NOT_A_NUMBER' },
    { name: 'no reason', patch: { reason: undefined }, code: 'RETURN_REASON_REQUIRED' },
    { name: 'a blank reason', patch: { reason: ' \t\n ' }, code: 'RETURN_REASON_REQUIRED' },
    { name: 'a reason that is not text', patch: { reason: 42 }, code: 'RETURN_REASON_REQUIRED' },
    { name: 'a very long reason', patch: { reason: 'x'.repeat(501) }, code: 'VALIDATION_FAILED' },
  ];
  for (const c of refusals) {
    it(`refuses ${c.name}`, () => {
      expect(gradeReturn({ ...base, ...c.patch }, LUMA)).toEqual({ ok: false, code: c.code });
    });
  }

  it('builds the event a seller decides a refund on', () => {
    const r = gradeReturn(base, LUMA);
    expect(r).toEqual({
      ok: true,
      outcome: { disposition: 'dispose', putawayTask: false, holdAt: 'damaged' },
      event: {
        type: 'return.graded', orderId: 'o-1', orderRef: 'LUMA-1001', sellerId: 'seller-luma', skuId: 'sku-1', foundSkuId: null,
        qty: 1, grade: 'damaged', reason: 'Crushed box', sealed: false, disposition: 'dispose', photoIds: ['p1', 'p2'],
        scannedRef: 'LX12345678GB', gradedBy: 'u-4001', gradedAt: '2026-11-24T10:00:00Z',
      },
    });
  });

  it('keeps hostile text as text, without control characters', () => {
    const r = gradeReturn({ ...base, reason: '  <img src=x onerror=alert(1)>\u0000\u001b[31m  ' }, LUMA);
    expect(r.ok && r.event.reason).toBe('<img src=x onerror=alert(1)>  [31m');
  });

  it('records the found SKU only for a wrong item', () => {
    const wrong = gradeReturn({ ...base, grade: 'wrong_item', foundSkuId: 'sku-9' }, LUMA);
    const right = gradeReturn({ ...base, grade: 'sellable', foundSkuId: 'sku-9', sealed: true }, LUMA);
    expect(wrong.ok && [wrong.event.foundSkuId, wrong.event.disposition]).toEqual(['sku-9', 'quarantine']);
    expect(right.ok && [right.event.foundSkuId, right.event.disposition, right.outcome.putawayTask]).toEqual([null, 'restock', true]);
  });

  it('puts the event on the seller feed without repeating the seller in the payload', () => {
    const r = gradeReturn(base, LUMA);
    if (!r.ok) throw new Error(r.code);
    const fe = returnGradedSellerEvent(r.event);
    expect([fe.sellerId, fe.type, fe.payload.grade, fe.payload.disposition, fe.payload.photoIds]).toEqual(['seller-luma', 'return.graded', 'damaged', 'dispose', ['p1', 'p2']]);
    expect(Object.keys(fe.payload)).not.toContain('sellerId');
    expect(Object.keys(fe.payload)).not.toContain('type');
  });

  it('every grade is accepted with a reason', () => {
    for (const grade of RETURN_GRADES) expect(gradeReturn({ ...base, grade }, LUMA).ok).toBe(true);
  });
});
