import { describe, expect, it } from 'vitest';
import { EXCEPTION_TYPES } from '../model';
import { ALLOWED_ACTIONS, allowedActions, EXCEPTION_ACTIONS, ExceptionActionBody, ExceptionListQuery } from './actions';
import { planExceptionAction, type ActionState, type ExceptionView, type TaskView } from './plan';

const task = (p: Partial<TaskView> = {}): TaskView => ({
  id: 't1', waveId: 'w1', orderLineId: 'l1', skuId: 's1', status: 'short', qty: 4, pickedQty: 2, toteCode: 'T1', lot: null, locationId: 'bin-a', ...p,
});
const shortPick = (p: Partial<ExceptionView> = {}): ExceptionView => ({
  id: 'x1', type: 'short_pick', status: 'open', qty: 2, locationId: 'bin-a', skuId: 's1', orderId: 'o1', taskId: 't1', toteCode: null, lot: null, ...p,
});
const missing = (p: Partial<ExceptionView> = {}): ExceptionView => ({
  id: 'x2', type: 'missing_at_pack', status: 'open', qty: 1, locationId: 'bench', skuId: 's1', orderId: 'o1', taskId: null, toteCode: 'T1', lot: null, ...p,
});
const state = (p: Partial<ActionState> = {}): ActionState => ({
  order: { id: 'o1', ref: 'SO-1', status: 'picking', heldFromStatus: null },
  lines: [{ id: 'l1', lineNo: 1, cancelledAt: null }, { id: 'l2', lineNo: 2, cancelledAt: null }],
  tasks: [task()],
  wave: { id: 'w1', code: 'W-0001', status: 'picking', droppedAt: null },
  otherOpenMissing: 0,
  openCount: null,
  counter: null,
  stock: [],
  sku: { lotTracked: false, expiryTracked: false },
  today: '2026-11-25',
  ...p,
});
const bin = (locationId: string, available: number, walkSeq = 10) => ({ locationId, walkSeq, locationType: 'reserve' as const, lot: null, expiry: null, available });
const body = (b: unknown) => ExceptionActionBody.parse(b);

describe('allowed actions per exception type', () => {
  it.each(EXCEPTION_TYPES.map((t) => [t]))('%s has resolve and only known actions', (t) => {
    expect(ALLOWED_ACTIONS[t]).toContain('resolve');
    for (const a of ALLOWED_ACTIONS[t]) expect(EXCEPTION_ACTIONS).toContain(a);
  });
  it.each([
    ['short_pick', ['reallocate', 'accept_short', 'cancel_line', 'assign_count', 'resolve']],
    ['missing_at_pack', ['accept_short', 'assign_count', 'resolve']],
    ['negative_stock', ['assign_count', 'resolve']],
    ['damaged_stock', ['assign_count', 'resolve']],
    ['weight_override', ['resolve']],
    ['stale_assignment', ['resolve']],
    ['some_future_type', ['resolve']],
  ])('%s offers %j', (t, want) => expect(allowedActions(t)).toEqual(want));
});

describe('action bodies', () => {
  it.each([
    [{ action: 'resolve', note: 'checked' }, true],
    [{ action: 'resolve' }, false],
    [{ action: 'resolve', note: '   ' }, false],
    [{ action: 'resolve', note: 'x'.repeat(501) }, false],
    [{ action: 'assign_count' }, true],
    [{ action: 'assign_count', userId: 'user-u1001' }, true],
    [{ action: 'assign_count', userId: '' }, false],
    [{ action: 'assign_count', userId: 'a b' }, false],
    [{ action: 'reallocate', extra: 1 }, false],
    [{ action: 'accept_short', note: 'ok' }, true],
    [{ action: 'cancel_line' }, true],
    [{ action: 'explode' }, false],
    [{}, false],
    [null, false],
  ])('%j valid: %s', (b, valid) => expect(ExceptionActionBody.safeParse(b).success).toBe(valid));

  it.each([
    [{}, { status: 'open', limit: 200 }],
    [{ status: 'handled', type: 'short_pick,damaged_stock', limit: '20' }, { status: 'handled', type: ['short_pick', 'damaged_stock'], limit: 20 }],
    [{ type: 'nope' }, null],
    [{ type: '' }, null],
    [{ status: 'closed' }, null],
    [{ limit: '0' }, null],
    [{ limit: '501' }, null],
    [{ other: '1' }, null],
  ])('list query %j', (q, want) => {
    const r = ExceptionListQuery.safeParse(q);
    if (want === null) expect(r.success).toBe(false);
    else expect(r.success && r.data).toEqual(want);
  });
});

describe('refusals every action shares', () => {
  it.each([
    ['unknown', null, { action: 'resolve', note: 'n' }, 404, 'EXCEPTION_NOT_FOUND'],
    ['handled', shortPick({ status: 'resolved' }), { action: 'resolve', note: 'n' }, 409, 'EXCEPTION_ALREADY_HANDLED'],
    ['not for the type', shortPick({ type: 'weight_override' }), { action: 'assign_count' }, 409, 'EXCEPTION_ACTION_NOT_ALLOWED'],
    ['no re-pick at pack', missing(), { action: 'reallocate' }, 409, 'EXCEPTION_ACTION_NOT_ALLOWED'],
  ] as const)('%s', (_n, ex, b, status, code) => {
    expect(planExceptionAction(ex, 'x1', body(b), state())).toMatchObject({ ok: false, status, code });
  });

  it.each([
    ['cancelled', 'ORDER_CANCELLED'],
    ['packed', 'ORDER_ALREADY_PACKED'],
    ['shipped', 'ORDER_ALREADY_SHIPPED'],
  ])('an order %s refuses accept_short, cancel_line and reallocate with %s', (status, code) => {
    const s = state({ order: { id: 'o1', ref: 'SO-1', status, heldFromStatus: null }, stock: [bin('bin-b', 9)] });
    for (const action of ['accept_short', 'cancel_line', 'reallocate']) {
      expect(planExceptionAction(shortPick(), 'x1', body({ action }), s)).toMatchObject({ ok: false, status: 409, code });
    }
  });

  it('a cancelled line or no line refuses the order actions', () => {
    const cancelled = state({ lines: [{ id: 'l1', lineNo: 1, cancelledAt: '2026-11-25T00:00:00Z' }] });
    expect(planExceptionAction(shortPick(), 'x1', body({ action: 'accept_short' }), cancelled)).toMatchObject({ code: 'LINE_CANCELLED' });
    expect(planExceptionAction(shortPick({ taskId: 'gone' }), 'x1', body({ action: 'accept_short' }), state())).toMatchObject({ code: 'EXCEPTION_NO_ORDER_LINE' });
    expect(planExceptionAction(shortPick(), 'x1', body({ action: 'cancel_line' }), state({ order: null }))).toMatchObject({ code: 'EXCEPTION_NO_ORDER_LINE' });
  });
});

describe('resolve', () => {
  it.each([
    ['a short pick changes nothing else', shortPick(), state(), null],
    ['missing at pack releases the pack hold', missing(), state({ order: { id: 'o1', ref: 'SO-1', status: 'on_hold', heldFromStatus: null } }), 'o1'],
    ['not while another missing item holds it', missing(), state({ order: { id: 'o1', ref: 'SO-1', status: 'on_hold', heldFromStatus: null }, otherOpenMissing: 1 }), null],
    ['never a lead hold', missing(), state({ order: { id: 'o1', ref: 'SO-1', status: 'on_hold', heldFromStatus: 'picked' } }), null],
  ])('%s', (_n, ex, s, release) => {
    expect(planExceptionAction(ex, ex.id, body({ action: 'resolve', note: 'found it' }), s)).toEqual({ ok: true, plan: { action: 'resolve', releaseHoldOrderId: release } });
  });
});

describe('assign_count', () => {
  it.each([
    ['new count of the bin and SKU', shortPick(), {}, {}, { existingCountId: null, locationId: 'bin-a', skuId: 's1', assignTo: null }],
    ['for a named counter', shortPick(), { userId: 'u2' }, { counter: { id: 'u2', roles: ['packer'] } }, { assignTo: 'u2' }],
    ['reuses the open count', shortPick({ type: 'negative_stock' }), {}, { openCount: { id: 'c9', assignedTo: 'u3' } }, { existingCountId: 'c9', assignTo: 'u3' }],
    ['missing at pack counts the pick bin', missing(), {}, {}, { locationId: 'bin-a', skuId: 's1' }],
  ])('%s', (_n, ex, params, s, want) => {
    const r = planExceptionAction(ex, ex.id, body({ action: 'assign_count', ...params }), state(s));
    expect(r).toMatchObject({ ok: true, plan: { action: 'assign_count', ...want } });
  });
  it.each([
    ['unknown user', shortPick(), { userId: 'u9' }, {}, 404, 'USER_NOT_FOUND'],
    ['an admin-less office role cannot count', shortPick(), { userId: 'u9' }, { counter: { id: 'u9', roles: [] } }, 409, 'NOT_A_COUNTER'],
    ['no bin', shortPick({ type: 'undo_refused', locationId: null }), {}, {}, 409, 'EXCEPTION_NO_BIN'],
    ['missing item not in the tote', missing({ toteCode: 'T9' }), {}, {}, 409, 'EXCEPTION_NO_BIN'],
  ])('%s', (_n, ex, params, s, status, code) => {
    expect(planExceptionAction(ex, ex.id, body({ action: 'assign_count', ...params }), state(s))).toMatchObject({ ok: false, status, code });
  });
});

describe('accept_short', () => {
  it('a short pick: the line records the units, nothing leaves a tote', () => {
    expect(planExceptionAction(shortPick(), 'x1', body({ action: 'accept_short' }), state())).toEqual({
      ok: true,
      plan: { action: 'accept_short', orderId: 'o1', lineId: 'l1', qty: 2, toteCuts: [], releaseHoldOrderId: null },
    });
  });
  it('missing at pack: the tote tasks give the units back, last first, and the hold is released', () => {
    const s = state({
      order: { id: 'o1', ref: 'SO-1', status: 'on_hold', heldFromStatus: null },
      tasks: [task({ id: 'a', status: 'picked', qty: 2, pickedQty: 2 }), task({ id: 'b', status: 'picked', qty: 1, pickedQty: 1 }), task({ id: 'c', toteCode: 'T2' })],
    });
    const r = planExceptionAction(missing({ qty: 2 }), 'x2', body({ action: 'accept_short' }), s);
    expect(r).toEqual({
      ok: true,
      plan: {
        action: 'accept_short', orderId: 'o1', lineId: 'l1', qty: 2, releaseHoldOrderId: 'o1',
        toteCuts: [
          { taskId: 'b', toteCode: 'T1', skuId: 's1', lot: null, pickedQty: 0, status: 'short', removed: 1 },
          { taskId: 'a', toteCode: 'T1', skuId: 's1', lot: null, pickedQty: 1, status: 'short', removed: 1 },
        ],
      },
    });
  });
  it('missing at pack: more than the tote holds is refused', () => {
    expect(planExceptionAction(missing({ qty: 3 }), 'x2', body({ action: 'accept_short' }), state())).toMatchObject({ ok: false, code: 'ITEM_NOT_IN_TOTE' });
    expect(planExceptionAction(missing({ lot: 'L2' }), 'x2', body({ action: 'accept_short' }), state())).toMatchObject({ ok: false, code: 'EXCEPTION_NO_ORDER_LINE' });
  });
});

describe('cancel_line', () => {
  it.each([
    ['closed short task: the line alone', [task()], { closeTaskIds: [], cancelOrder: false }],
    ['open re-allocated stops close', [task(), task({ id: 't2', status: 'open', pickedQty: 0 })], { closeTaskIds: ['t2'], cancelOrder: false }],
  ])('%s', (_n, tasks, want) => {
    expect(planExceptionAction(shortPick(), 'x1', body({ action: 'cancel_line' }), state({ tasks }))).toMatchObject({
      ok: true, plan: { action: 'cancel_line', orderId: 'o1', lineId: 'l1', lineNo: 1, ...want },
    });
  });
  it('the last line with nothing picked cancels the order', () => {
    const s = state({ lines: [{ id: 'l1', lineNo: 1, cancelledAt: null }], tasks: [task({ pickedQty: 0 })] });
    expect(planExceptionAction(shortPick(), 'x1', body({ action: 'cancel_line' }), s)).toMatchObject({ ok: true, plan: { cancelOrder: true } });
  });
});

describe('reallocate', () => {
  it.each([
    ['same wave while on the cart', { id: 'w1', code: 'W-0001', status: 'picking', droppedAt: null }, { kind: 'same_wave', waveId: 'w1', reopen: false }],
    ['a done wave reopens', { id: 'w1', code: 'W-0001', status: 'done', droppedAt: null }, { kind: 'same_wave', waveId: 'w1', reopen: true }],
    ['dropped at a bench: a new wave', { id: 'w1', code: 'W-0001', status: 'done', droppedAt: '2026-11-25T01:00:00Z' }, { kind: 'new_wave', fromWaveCode: 'W-0001' }],
    ['cancelled wave: a new wave', { id: 'w1', code: 'W-0001', status: 'cancelled', droppedAt: null }, { kind: 'new_wave', fromWaveCode: 'W-0001' }],
  ])('%s', (_n, wave, target) => {
    const s = state({ wave, stock: [bin('bin-a', 50, 1), bin('bin-b', 1, 5), bin('bin-c', 5, 9)] });
    const r = planExceptionAction(shortPick(), 'x1', body({ action: 'reallocate' }), s);
    expect(r).toMatchObject({ ok: true, plan: { action: 'reallocate', orderId: 'o1', lineId: 'l1', skuId: 's1', target } });
    // Never the short bin; one bin holding everything wins.
    if (r.ok && r.plan.action === 'reallocate') expect(r.plan.stops.map((x) => [x.locationId, x.qty])).toEqual([['bin-c', 2]]);
  });
  it('not enough free stock elsewhere is refused with what there is', () => {
    const s = state({ stock: [bin('bin-a', 50), bin('bin-b', 1)] });
    expect(planExceptionAction(shortPick(), 'x1', body({ action: 'reallocate' }), s)).toMatchObject({
      ok: false, status: 409, code: 'REALLOCATE_NO_STOCK', details: { available: 1, needed: 2 },
    });
  });
});
