import { describe, expect, it } from 'vitest';
import type { Location, PickTask, Sku, Wave } from '../../../domain/model';
import { normaliseScan } from '../../../domain/scan/normalise';
import { startFlow, stepFlow, type Feedback, type FlowContext, type FlowState } from './pick-flow';

const wave: Wave = { id: 'w1', code: 'W-1', status: 'picking', kind: 'single', assignedUserId: 'u1', assignmentEpoch: 3, releasedAt: null, completedAt: null, version: 1 };
const location: Location = { id: 'l1', code: 'A01-03-2', zone: 'A', type: 'pick_face', aisle: 1, bay: 3, level: 2, walkSeq: 10, capacity: null, version: 1 };
const sku: Sku = {
  id: 's1', sellerId: 'x', code: 'LUMA-0007', name: 'Lamp', lengthMm: 1, widthMm: 1, heightMm: 1, weightG: 1, casePackQty: 6,
  lotTracked: false, expiryTracked: false, lowStockThreshold: 0, version: 1,
  barcodes: [
    { value: '05012345678900', kind: 'gtin', packQty: 1 },
    { value: '15012345678907', kind: 'case', packQty: 6 },
  ],
};
const task = (over: Partial<PickTask> = {}): PickTask => ({
  id: 't1', waveId: 'w1', orderId: 'o1', orderLineId: 'ol1', orderRef: 'R-1', skuId: 's1', locationId: 'l1', walkSeq: 10,
  qty: 3, pickedQty: 0, status: 'open', toteCode: null, pickedBy: null,
  lot: null, expiry: null, skippedAt: null, version: 1, ...over,
});
const other = task({ id: 't9', orderId: 'o2', status: 'picked', pickedQty: 1, qty: 1, toteCode: 'T0009' });
const ctx = (t = task()): FlowContext => ({ wave, task: t, location, sku, waveTasks: [t, other] });
const scan = (raw: string, tote: string | null = null) => ({ type: 'scan' as const, scan: normaliseScan({ source: 'wedge', raw, at: 0 }), tote });

function run(events: ReturnType<typeof scan>[], c = ctx()) {
  let state: FlowState = startFlow(c.task.id);
  const results = [];
  for (const ev of events) {
    const r = stepFlow(state, ev, c);
    results.push(r);
    state = r.state;
  }
  return { state, results, last: results[results.length - 1]! };
}

describe('pick flow', () => {
  it('wrong bin: error, same state, nothing recorded', () => {
    const s0 = startFlow('t1');
    const r = stepFlow(s0, scan('A01-03-3'), ctx());
    expect(r.feedback).toMatchObject({ kind: 'error', code: 'WRONG_BIN', params: { bin: 'A01-03-2' } });
    expect(r.state).toBe(s0);
    expect(r.command).toBeNull();
  });

  it('an item scanned before the bin counts as a wrong bin', () => {
    expect(stepFlow(startFlow('t1'), scan('5012345678900'), ctx()).feedback).toMatchObject({ code: 'WRONG_BIN' });
  });

  it('wrong item: error, units unchanged, nothing recorded', () => {
    const { state, last } = run([scan('a01-03-2'), scan('LUMA-0008')]);
    expect(last.feedback).toMatchObject({ kind: 'error', code: 'WRONG_ITEM', params: { sku: 'LUMA-0007' } });
    expect(state).toMatchObject({ step: 'item', units: 0 });
    expect(last.command).toBeNull();
  });

  it('counts units per scan in any GTIN form and the SKU code, then asks for a tote', () => {
    const { state } = run([scan('A01-03-2'), scan('5012345678900'), scan(']E05012345678900'), scan('LUMA-0007')]);
    expect(state).toMatchObject({ step: 'tote', units: 3 });
  });

  it('refuses an over-scan (a case of 6 for 3 open) without adding units', () => {
    const { state, last } = run([scan('A01-03-2'), scan('15012345678907')]);
    expect(last.feedback).toMatchObject({ code: 'OVER_PICK', params: { open: 3 } });
    expect(state).toMatchObject({ step: 'item', units: 0 });
  });

  it('a typed quantity fills the line', () => {
    const afterBin = run([scan('A01-03-2')]).state;
    const r = stepFlow(afterBin, { type: 'qty', qty: 3 }, ctx());
    expect(r.state).toMatchObject({ step: 'tote', units: 3 });
    expect(stepFlow(afterBin, { type: 'qty', qty: 4 }, ctx()).feedback).toMatchObject({ code: 'OVER_PICK' });
  });

  it('unknown tote and a tote holding another order are refused; nothing recorded', () => {
    const atTote = run([scan('A01-03-2'), scan('LUMA-0007'), scan('LUMA-0007'), scan('LUMA-0007')]).state;
    const unknown = stepFlow(atTote, scan('T9999', null), ctx());
    expect(unknown.feedback).toMatchObject({ code: 'UNKNOWN_TOTE' });
    expect(unknown.command).toBeNull();
    const busy = stepFlow(atTote, scan('T0009', 'T0009'), ctx());
    expect(busy.feedback).toMatchObject({ code: 'TOTE_IN_USE' });
    expect(busy.command).toBeNull();
    expect(busy.state).toBe(atTote);
  });

  it('a good tote yields pick.confirm with the wave epoch', () => {
    const atTote = run([scan('A01-03-2'), scan('LUMA-0007'), scan('LUMA-0007'), scan('LUMA-0007')]).state;
    const r = stepFlow(atTote, scan('T0001', 'T0001'), ctx());
    expect(r.command).toEqual({ name: 'pick.confirm', args: { waveId: 'w1', taskId: 't1', qty: 3, toteCode: 'T0001', assignmentEpoch: 3 } });
    expect(r.feedback?.kind).toBe('success');
  });

  it('short: 0 found records at once; some found asks for a tote', () => {
    const s = stepFlow(startFlow('t1'), { type: 'short' }, ctx()).state;
    expect(s.step).toBe('short-qty');
    expect(stepFlow(s, { type: 'short-qty', found: 3 }, ctx()).feedback).toMatchObject({ code: 'SHORT_RANGE' });
    const zero = stepFlow(s, { type: 'short-qty', found: 0 }, ctx());
    expect(zero.command).toEqual({ name: 'pick.short', args: { waveId: 'w1', taskId: 't1', foundQty: 0, toteCode: null, assignmentEpoch: 3 } });
    const two = stepFlow(s, { type: 'short-qty', found: 2 }, ctx());
    expect(two.state).toMatchObject({ step: 'short-tote', found: 2 });
    expect(two.command).toBeNull();
    const done = stepFlow(two.state, scan('T0002', 'T0002'), ctx());
    expect(done.command).toEqual({ name: 'pick.short', args: { waveId: 'w1', taskId: 't1', foundQty: 2, toteCode: 'T0002', assignmentEpoch: 3 } });
  });
});

describe('pick flow: GS1 scans', () => {
  const SSCC = '106141411234567897';
  const atBin = () => startFlow('t1');
  const atItem = () => run([scan('A01-03-2')]).state;
  const atTote = () => run([scan('A01-03-2'), scan('LUMA-0007'), scan('LUMA-0007'), scan('LUMA-0007')]).state;
  const atShortTote = () => stepFlow(stepFlow(startFlow('t1'), { type: 'short' }, ctx()).state, { type: 'short-qty', found: 1 }, ctx()).state;
  const AT = { bin: atBin, item: atItem, tote: atTote, 'short-tote': atShortTote };

  it.each<[name: string, at: keyof typeof AT, raw: string, feedback: Feedback]>([
    ['impossible date at the bin', 'bin', ']C1010501234567890017261332', { kind: 'error', code: 'GS1_BAD_DATE', key: 'errors.GS1_BAD_DATE', params: { text: '010501234567890017261332' } }],
    ['bad EAN check digit at the bin', 'bin', ']E05012345678901', { kind: 'error', code: 'BAD_CHECK_DIGIT', key: 'errors.BAD_CHECK_DIGIT', params: { text: '5012345678901' } }],
    ['SSCC at the bin', 'bin', `]C100${SSCC}`, { kind: 'error', code: 'EXPECTED_BIN', key: 'pick.err.sscc.bin', params: { sscc: SSCC } }],
    ['SSCC at the item', 'item', `]C100${SSCC}`, { kind: 'error', code: 'EXPECTED_ITEM', key: 'pick.err.sscc.item', params: { sscc: SSCC } }],
    ['content GTIN (02) at the item', 'item', ']C10205012345678900', { kind: 'error', code: 'EXPECTED_ITEM', key: 'pick.err.gs1.item' }],
    ['ship-to label at the item', 'item', '(410)0614141000012', { kind: 'error', code: 'EXPECTED_ITEM', key: 'pick.err.gs1.item' }],
    ['bad GTIN check digit at the item', 'item', '5012345678901', { kind: 'error', code: 'BAD_CHECK_DIGIT', key: 'errors.BAD_CHECK_DIGIT', params: { text: '5012345678901' } }],
    ['truncated GS1 at the item', 'item', ']C1010501234567', { kind: 'error', code: 'GS1_TRUNCATED', key: 'errors.GS1_TRUNCATED', params: { text: '010501234567' } }],
    ['SSCC at the tote', 'tote', `]C100${SSCC}`, { kind: 'error', code: 'EXPECTED_TOTE', key: 'pick.err.sscc.tote', params: { sscc: SSCC } }],
    ['GS1 data at the short tote', 'short-tote', ']C1400PO-1', { kind: 'error', code: 'EXPECTED_TOTE', key: 'pick.err.gs1.tote' }],
  ])('%s is refused and nothing is recorded', (_name, at, raw, feedback) => {
    const s0 = AT[at]();
    const r = stepFlow(s0, scan(raw, 'T0001'), ctx());
    expect(r.feedback).toEqual(feedback);
    expect(r.state).toBe(s0);
    expect(r.command).toBeNull();
  });

  it('GS1 data with AI 01 counts as the item, whatever else it holds', () => {
    const { state } = run([scan('A01-03-2'), scan(']C1010501234567890010LOT1'), scan('(01)05012345678900(17)261231')]);
    expect(state).toMatchObject({ step: 'item', units: 2 });
  });

  it('a case GTIN in GS1 form counts its pack', () => {
    const { last } = run([scan('A01-03-2'), scan('(01)15012345678907(10)L1')]);
    expect(last.feedback).toMatchObject({ code: 'OVER_PICK', params: { open: 3 } });
  });
});
