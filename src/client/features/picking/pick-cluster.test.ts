import { describe, expect, it } from 'vitest';
import type { Location, PickTask, Sku, Wave } from '../../../domain/model';
import { planSlots, type CartSlot } from '../../../domain/picking/cart';
import { buildStops } from '../../../domain/picking/walk';
import { normaliseScan } from '../../../domain/scan/normalise';
import { scanIntoCart } from './cart-flow';
import { startFlow, stepFlow, type FlowContext, type FlowEvent, type FlowResult, type FlowState } from './pick-flow';

const wave: Wave = { id: 'w2', code: 'W-2', status: 'picking', kind: 'cluster', assignedUserId: 'u1', assignmentEpoch: 2, releasedAt: null, completedAt: null, version: 1 };
const location: Location = { id: 'l1', code: 'B02-01-1', zone: 'B', type: 'pick_face', aisle: 2, bay: 1, level: 1, walkSeq: 20, capacity: null, version: 1 };
const sku: Sku = {
  id: 's1', sellerId: 'x', code: 'MILK-0001', name: 'Milk', lengthMm: 1, widthMm: 1, heightMm: 1, weightG: 1, casePackQty: 4,
  lotTracked: true, expiryTracked: true, lowStockThreshold: 0, version: 1,
  barcodes: [
    { value: '05012345678900', kind: 'gtin', packQty: 1 },
    { value: '15012345678907', kind: 'case', packQty: 4 },
  ],
};
const task = (id: string, orderId: string, qty: number, over: Partial<PickTask> = {}): PickTask => ({
  id, waveId: 'w2', orderId, orderLineId: `${id}-l`, orderRef: `R-${orderId}`, skuId: 's1', locationId: 'l1', walkSeq: 20,
  qty, pickedQty: 0, status: 'open', toteCode: null, pickedBy: null, lot: null, expiry: null, skippedAt: null, version: 1, ...over,
});
const tasks = [task('t1', 'o1', 2), task('t2', 'o2', 1), task('t3', 'o3', 3)];
const cart: CartSlot[] = [
  { slot: 1, orderId: 'o1', toteCode: 'T0001' },
  { slot: 2, orderId: 'o2', toteCode: 'T0002' },
  { slot: 3, orderId: 'o3', toteCode: 'T0003' },
];
const stop = buildStops(tasks, cart)[0]!;
const ctx = (over: Partial<FlowContext> = {}): FlowContext => ({ wave, task: tasks[0]!, location, sku, waveTasks: tasks, stop, cart, ...over });
const scan = (raw: string, tote: string | null = null): FlowEvent => ({ type: 'scan', scan: normaliseScan({ source: 'wedge', raw, at: 0 }), tote });

function run(events: FlowEvent[], c = ctx()): { state: FlowState; results: FlowResult[]; last: FlowResult } {
  let state = startFlow(stop.key);
  const results: FlowResult[] = [];
  for (const ev of events) {
    const r = stepFlow(state, ev, c);
    results.push(r);
    state = r.state;
  }
  return { state, results, last: results[results.length - 1]! };
}
const taskOf = (r: FlowResult) => r.commands.map((c) => ('taskId' in c.args ? c.args.taskId : null));
const allUnits = [scan('B02-01-1'), ...Array.from({ length: 6 }, () => scan('MILK-0001'))];

describe('cart setup', () => {
  const slots = planSlots(['o3', 'o1', 'o2', 'o1']);
  it.each<{ name: string; slots: CartSlot[]; raw: string; tote: string | null; inUse?: [string, string][]; key: string; changed: boolean }>([
    { name: 'a known tote fills the lowest empty slot', slots, raw: 'T0001', tote: 'T0001', key: 'pickingScreen.slot-loaded', changed: true },
    { name: 'an unknown tote is refused', slots, raw: 'X1', tote: null, key: 'pick.err.UNKNOWN_TOTE', changed: false },
    { name: 'a tote already in another slot is refused', slots: [{ ...slots[0]!, toteCode: 'T0001' }, ...slots.slice(1)], raw: 'T0001', tote: 'T0001', key: 'errors.TOTE_ALREADY_ON_CART', changed: false },
    { name: 'a tote holding another order is refused', slots, raw: 'T0009', tote: 'T0009', inUse: [['T0009', 'o2']], key: 'pick.err.TOTE_IN_USE', changed: false },
    { name: 'an SSCC is not a tote', slots, raw: ']C100106141411234567897', tote: null, key: 'errors.EXPECTED_TOTE', changed: false },
    { name: 'the last slot filled says the cart is ready', slots: slots.map((s, i) => (i < 2 ? { ...s, toteCode: `T000${i + 1}` } : s)), raw: 'T0003', tote: 'T0003', key: 'pickingCart.cart-ready', changed: true },
  ])('$name', ({ slots: s, raw, tote, inUse, key, changed }) => {
    const r = scanIntoCart(s, normaliseScan({ source: 'wedge', raw, at: 0 }), tote, new Map(inUse ?? []));
    expect(r.feedback.key).toBe(key);
    expect(r.changed).toBe(changed);
    if (!changed) expect(r.slots).toEqual(s);
    else expect(r.slots.find((x) => x.toteCode === tote)?.slot).toBe(s.find((x) => x.toteCode === null)!.slot);
  });
});

describe('cluster stop', () => {
  it('a merged stop counts units against every order, then asks for each slot\'s tote', () => {
    const { state } = run(allUnits);
    expect(state).toMatchObject({ step: 'tote', units: 6 });
  });

  it('each tote scan confirms its own order, one pick.confirm per task, in any slot order', () => {
    const { state } = run(allUnits);
    const third = stepFlow(state, scan('T0003', 'T0003'), ctx());
    expect(third.commands).toEqual([{ name: 'pick.confirm', args: { waveId: 'w2', taskId: 't3', qty: 3, toteCode: 'T0003', assignmentEpoch: 2 } }]);
    expect(third.state.puts?.map((p) => p.slot)).toEqual([1, 2]);
    const first = stepFlow(third.state, scan('T0001', 'T0001'), ctx());
    expect(taskOf(first)).toEqual(['t1']);
    const second = stepFlow(first.state, scan('T0002', 'T0002'), ctx());
    expect(taskOf(second)).toEqual(['t2']);
    expect(second.state).toMatchObject({ step: 'bin', units: 0, puts: [] });
  });

  it.each<{ name: string; raw: string; tote: string | null; key: string; params: Record<string, unknown> }>([
    { name: 'a tote of another slot', raw: 'T0002', tote: 'T0002', key: 'pickingCart.err.WRONG_TOTE_SLOT', params: { expected: 1, scanned: 2 } },
    { name: 'a tote not on the cart', raw: 'T0042', tote: 'T0042', key: 'pickingCart.err.WRONG_TOTE', params: { expected: 1 } },
  ])('wrong tote ($name): error, nothing recorded, units still in the hand', ({ raw, tote, key, params }) => {
    const { state } = run([scan('B02-01-1'), scan('MILK-0001'), { type: 'qty', qty: 2 }]);
    expect(state).toMatchObject({ step: 'tote', units: 2 });
    const r = stepFlow(state, scan(raw, tote), ctx());
    expect(r.feedback).toMatchObject({ kind: 'error', code: 'WRONG_TOTE', key, params });
    expect(r.commands).toEqual([]);
    expect(r.state).toBe(state);
  });

  it('a partial count fills the slots in order', () => {
    const { state } = run([scan('B02-01-1'), { type: 'qty', qty: 3 }]);
    const r = stepFlow(state, scan('T0001', 'T0001'), ctx());
    expect(r.commands).toEqual([{ name: 'pick.confirm', args: { waveId: 'w2', taskId: 't1', qty: 2, toteCode: 'T0001', assignmentEpoch: 2 } }]);
    expect(r.state.puts).toEqual([{ taskId: 't2', orderId: 'o2', slot: 2, qty: 1, kind: 'confirm' }]);
  });

  it('a short at a merged stop: the slots found are filled, the part-filled line is short, the rest short of nothing', () => {
    const s = run([scan('B02-01-1'), { type: 'short' }, { type: 'short-qty', found: 2 }]).state;
    expect(s).toMatchObject({ step: 'short-tote', found: 2, zeroShorts: ['t2', 't3'] });
    const r = stepFlow(s, scan('T0001', 'T0001'), ctx());
    expect(r.commands).toEqual([
      { name: 'pick.confirm', args: { waveId: 'w2', taskId: 't1', qty: 2, toteCode: 'T0001', assignmentEpoch: 2 } },
      { name: 'pick.short', args: { waveId: 'w2', taskId: 't2', foundQty: 0, toteCode: null, assignmentEpoch: 2 } },
      { name: 'pick.short', args: { waveId: 'w2', taskId: 't3', foundQty: 0, toteCode: null, assignmentEpoch: 2 } },
    ]);
  });
});

describe('typed quantity', () => {
  it.each<{ qty: number | string; code: string | null; units?: number }>([
    { qty: 6, code: null, units: 6 },
    { qty: '4', code: null, units: 4 },
    { qty: 7, code: 'OVER_PICK' },
    { qty: 0, code: 'QTY_ZERO' },
    { qty: '2.5', code: 'QTY_NOT_A_NUMBER' },
  ])('typed $qty at an open stop of 6', ({ qty, code, units }) => {
    const atItem = run([scan('B02-01-1')], ctx({ lot: null })).state;
    const r = stepFlow(atItem, { type: 'qty', qty }, ctx({ lot: null }));
    if (code) {
      expect(r.feedback).toMatchObject({ kind: 'error', code });
      expect(r.state).toBe(atItem);
    } else {
      expect(r.state).toMatchObject({ step: 'tote', units });
    }
  });
});

describe('lot step', () => {
  const lotCtx = ctx({
    lot: { lot: 'L100', expiry: '2027-03-01' },
    binLots: [
      { lot: 'L090', expiry: '2027-02-01', available: 5 },
      { lot: 'L200', expiry: '2027-06-01', available: 5 },
      { lot: 'L050', expiry: '2026-12-01', available: 5 },
    ],
    today: '2026-11-24',
  });
  const atLot = () => run([scan('B02-01-1')], lotCtx).state;

  it.each<{ name: string; raw: string; key: string; step: string; lot?: string; units?: number }>([
    { name: 'the allocated lot label', raw: 'L100', key: 'pickingScreen.lot-ok', step: 'item', lot: 'L100', units: 0 },
    { name: 'a GS1 label with the allocated lot counts a unit too', raw: '(01)05012345678900(17)270301(10)L100', key: 'pick.units', step: 'item', lot: 'L100', units: 1 },
    { name: 'an earlier lot outside shelf life is swapped in', raw: 'L090', key: 'pickingScreen.lot-ok', step: 'item', lot: 'L090' },
    { name: 'a later lot is refused', raw: 'L200', key: 'errors.LOT_EXPIRES_LATER', step: 'lot' },
    { name: 'a lot inside the shelf-life window is refused', raw: 'L050', key: 'errors.LOT_INSIDE_SHELF_LIFE', step: 'lot' },
    { name: 'a lot the bin does not hold is refused', raw: 'L999', key: 'errors.LOT_UNKNOWN', step: 'lot' },
    { name: 'the item without a lot is refused', raw: 'MILK-0001', key: 'pickingScreen.err.LOT_REQUIRED', step: 'lot' },
  ])('$name', ({ raw, key, step, lot, units }) => {
    const s0 = atLot();
    expect(s0.step).toBe('lot');
    const r = stepFlow(s0, scan(raw), lotCtx);
    expect(r.feedback?.key).toBe(key);
    expect(r.state.step).toBe(step);
    expect(r.commands).toEqual([]);
    if (lot) expect(r.state.lot).toBe(lot);
    if (units !== undefined) expect(r.state.units).toBe(units);
    if (step === 'lot') expect(r.state).toBe(s0);
  });

  it.each<{ name: string; lotScan: string; sent: string | undefined; via: 'binLots' | 'location' }>([
    { name: 'a swapped lot is sent on every confirm of the stop', lotScan: 'L090', sent: 'L090', via: 'binLots' },
    { name: 'the screen\'s bin lots (location.lots) judge a swap too', lotScan: 'L090', sent: 'L090', via: 'location' },
    { name: 'the allocated lot is not sent', lotScan: 'l100', sent: undefined, via: 'binLots' },
  ])('$name', ({ lotScan, sent, via }) => {
    const c = via === 'binLots' ? lotCtx : { ...lotCtx, binLots: undefined, location: { ...location, lots: lotCtx.binLots } };
    const units = Array.from({ length: 6 }, () => scan('MILK-0001'));
    const { state } = run([scan('B02-01-1'), scan(lotScan), ...units], c);
    expect(state.step).toBe('tote');
    const cmds = ['T0001', 'T0002', 'T0003'].flatMap((t) => stepFlow(run([scan('B02-01-1'), scan(lotScan), ...units], c).state, scan(t, t), c).commands);
    expect(cmds.map((x) => x.name)).toEqual(['pick.confirm', 'pick.confirm', 'pick.confirm']);
    for (const x of cmds) expect((x.args as { lot?: string }).lot).toBe(sent);
  });

  it('a unit of another lot after the lot was taken is judged again', () => {
    const s = stepFlow(atLot(), scan('L100'), lotCtx).state;
    const r = stepFlow(s, scan('(01)05012345678900(17)270601(10)L200'), lotCtx);
    expect(r.feedback).toMatchObject({ kind: 'error', code: 'LOT_EXPIRES_LATER' });
    expect(r.state).toBe(s);
  });
});

describe('skip', () => {
  it('with nothing in the hand yields pick.skip for every task of the stop', () => {
    const r = stepFlow(run([scan('B02-01-1')]).state, { type: 'skip' }, ctx());
    expect(r.commands).toEqual([{ name: 'pick.skip', args: { waveId: 'w2', taskIds: ['t1', 't2', 't3'], assignmentEpoch: 2 } }]);
    expect(r.state).toMatchObject({ step: 'bin', units: 0 });
  });

  it('with units in the hand is refused', () => {
    const s = run([scan('B02-01-1'), scan('MILK-0001')]).state;
    const r = stepFlow(s, { type: 'skip' }, ctx());
    expect(r.feedback).toMatchObject({ kind: 'error', code: 'SKIP_HOLDING' });
    expect(r.commands).toEqual([]);
  });
});
