import { describe, expect, it } from 'vitest';
import { decideCancelLines, decideHold, decidePriority } from './orders';

const order = (status = 'picking') => ({ id: 'o1', ref: 'SO-1', status });
const lines = [
  { id: 'l1', lineNo: 1, cancelledAt: null },
  { id: 'l2', lineNo: 2, cancelledAt: null },
  { id: 'l3', lineNo: 3, cancelledAt: '2026-01-01T00:00:00Z' },
];
const t = (id: string, line: string, status: 'open' | 'picked' | 'short', pickedQty: number) => ({ id, orderLineId: line, status, pickedQty });

describe('decideCancelLines', () => {
  it.each([
    ['no order', null, [], undefined, 'ORDER_NOT_FOUND'],
    ['cancelled', order('cancelled'), [], undefined, 'ORDER_CANCELLED'],
    ['shipped', order('shipped'), [], undefined, 'ORDER_ALREADY_SHIPPED'],
    ['packed', order('packed'), [], undefined, 'ORDER_ALREADY_PACKED'],
    ['unknown line', order(), [], [1, 9], 'ORDER_LINE_NOT_FOUND'],
    ['everything picked', order(), [t('a', 'l1', 'picked', 2), t('b', 'l2', 'short', 1)], undefined, 'ORDER_NOTHING_TO_CANCEL'],
    ['only a line already cancelled', order(), [t('a', 'l1', 'open', 0)], [3], 'ORDER_NOTHING_TO_CANCEL'],
  ] as const)('refuses: %s', (_, o, tasks, lineNos, code) => {
    expect(decideCancelLines(o, 'o1', lines, tasks, lineNos)).toMatchObject({ ok: false, code });
  });

  it.each([
    ['open tasks of all lines, something picked: the order goes on', [t('a', 'l1', 'picked', 2), t('b', 'l2', 'open', 1), t('c', 'l2', 'open', 0)], undefined, ['b', 'c'], ['l2'], false],
    ['nothing picked, every line gone: the order is cancelled', [t('a', 'l1', 'open', 0), t('b', 'l2', 'open', 0)], undefined, ['a', 'b'], ['l1', 'l2'], true],
    ['one line of two', [t('a', 'l1', 'open', 0), t('b', 'l2', 'open', 0)], [2], ['b'], ['l2'], false],
    ['not in a wave yet: the whole line', [], [1], [], ['l1'], false],
    ['not in a wave yet, all lines', [], undefined, [], ['l1', 'l2'], true],
  ] as const)('%s', (_, tasks, lineNos, close, cancel, cancelOrder) => {
    expect(decideCancelLines(order(), 'o1', lines, tasks, lineNos)).toEqual({ ok: true, closeTaskIds: close, cancelLineIds: cancel, cancelOrder });
  });
});

describe('decideHold', () => {
  const o = (status: string, heldFromStatus: string | null = null) => ({ ...order(status), heldFromStatus });
  it.each([
    ['hold a released order', o('released'), true, { status: 'on_hold', heldFromStatus: 'released', holdReason: 'why' }],
    ['hold again', o('on_hold', 'released'), true, null],
    ['release a lead hold', o('on_hold', 'picking'), false, { status: 'picking', heldFromStatus: null, holdReason: null }],
    ['release an order not held', o('released'), false, null],
  ] as const)('%s', (_, ord, hold, change) => {
    expect(decideHold(ord, 'o1', hold, 'why')).toEqual({ ok: true, change });
  });
  it.each([
    ['missing', null, true, 'ORDER_NOT_FOUND'],
    ['shipped', o('shipped'), true, 'ORDER_ALREADY_SHIPPED'],
    ['held at pack', o('on_hold'), false, 'ORDER_HELD_AT_PACK'],
  ] as const)('refuses: %s', (_, ord, hold, code) => {
    expect(decideHold(ord, 'o1', hold, null)).toMatchObject({ ok: false, code });
  });
});

describe('decidePriority', () => {
  it.each([
    ['raise', 'normal', 'urgent', 'urgent'],
    ['same', 'high', 'high', null],
  ] as const)('%s', (_, from, to, change) => {
    expect(decidePriority({ ...order(), priority: from }, 'o1', to)).toEqual({ ok: true, change });
  });
  it('refuses a cancelled or missing order', () => {
    expect(decidePriority({ ...order('cancelled'), priority: 'normal' }, 'o1', 'high')).toMatchObject({ ok: false, code: 'ORDER_CANCELLED' });
    expect(decidePriority(null, 'o1', 'high')).toMatchObject({ ok: false, code: 'ORDER_NOT_FOUND', status: 404 });
  });
});
