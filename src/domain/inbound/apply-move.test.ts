import { describe, expect, it } from 'vitest';
import { PutawayConfirmArgs, StockMoveArgs, type Outcome } from '../commands';
import { ErrorCode } from '../errors';
import type { HeldBalance } from '../inventory/move';
import { applyPutawayConfirm, applyStockMove, type PutawayConfirmState, type StockMoveState } from './apply-move';

const CTX = { userId: 'u-3001', mutationId: 'm-9', now: '2026-11-24T11:00:00.000Z' };
type Task = NonNullable<PutawayConfirmState['task']>;
const TASK: Task = {
  id: 'm-7:putaway:1', status: 'open', qty: 5, skuId: 'milk', lot: 'L1', expiry: '2027-01-31', condition: 'ok',
  fromLocationId: 'RCV', suggestedLocationId: 'FACE',
};
const FACE = { id: 'FACE', type: 'pick_face' } as const;
const R1 = { id: 'R1', type: 'reserve' } as const;
const put = (over: Partial<PutawayConfirmArgs> = {}) => PutawayConfirmArgs.parse({ taskId: TASK.id, toLocationId: 'FACE', qty: 5, ...over });
const brief = (o: Outcome) => o.movements.map((m) => [m.locationId, m.delta, m.lot, m.expiry, m.reason]);

describe('applyPutawayConfirm', () => {
  const ok: [name: string, st: PutawayConfirmState, a: PutawayConfirmArgs, moved: unknown[], patch: object][] = [
    ['all units into the suggested bin', { task: TASK, to: FACE }, put(), [['RCV', -5, 'L1', '2027-01-31', 'putaway'], ['FACE', 5, 'L1', '2027-01-31', 'putaway']],
      { movedQty: 5, openQty: 0, status: 'done', toLocationId: 'FACE', reason: null, doneBy: 'u-3001', at: CTX.now }],
    ['fewer units leave the rest open', { task: TASK, to: FACE }, put({ qty: 2 }), [['RCV', -2, 'L1', '2027-01-31', 'putaway'], ['FACE', 2, 'L1', '2027-01-31', 'putaway']],
      { movedQty: 2, openQty: 3, status: 'open' }],
    ['another bin with a reason', { task: TASK, to: R1 }, put({ toLocationId: 'R1', reason: 'full' }), [['RCV', -5, 'L1', '2027-01-31', 'putaway'], ['R1', 5, 'L1', '2027-01-31', 'putaway']],
      { status: 'done', toLocationId: 'R1', reason: 'full' }],
    ['no suggestion: any storage bin, no reason', { task: { ...TASK, suggestedLocationId: null }, to: R1 }, put({ toLocationId: 'R1' }), [['RCV', -5, 'L1', '2027-01-31', 'putaway'], ['R1', 5, 'L1', '2027-01-31', 'putaway']],
      { status: 'done', reason: null }],
    ['a task this device made before seeing the suggestion: its bin, no reason', { task: TASK, to: R1, suggestionUnseen: true }, put({ toLocationId: 'R1' }), [['RCV', -5, 'L1', '2027-01-31', 'putaway'], ['R1', 5, 'L1', '2027-01-31', 'putaway']],
      { status: 'done', toLocationId: 'R1', reason: null }],
    ['a task this device made, another bin with a reason: the reason is kept', { task: TASK, to: R1, suggestionUnseen: true }, put({ toLocationId: 'R1', reason: 'closer' }), [['RCV', -5, 'L1', '2027-01-31', 'putaway'], ['R1', 5, 'L1', '2027-01-31', 'putaway']],
      { status: 'done', reason: 'closer' }],
    ['damaged units into the damaged bin', { task: { ...TASK, condition: 'damaged', suggestedLocationId: 'DMG' }, to: { id: 'DMG', type: 'damaged' } }, put({ toLocationId: 'DMG', qty: 1 }),
      [['RCV', -1, 'L1', '2027-01-31', 'putaway'], ['DMG', 1, 'L1', '2027-01-31', 'putaway']], { status: 'open', openQty: 4 }],
  ];
  it.each(ok)('%s', (_name, st, a, moved, patch) => {
    const o = applyPutawayConfirm(st, a, CTX);
    expect(o.status).toBe('applied');
    expect(brief(o)).toEqual(moved);
    expect(o.receiving!.putawayPatches).toEqual([expect.objectContaining({ id: TASK.id, ...patch })]);
  });

  const refusals: [name: string, st: PutawayConfirmState, a: PutawayConfirmArgs, code: ErrorCode][] = [
    ['an unknown task', { task: null, to: FACE }, put(), ErrorCode.PUTAWAY_TASK_NOT_FOUND],
    ['state for another task', { task: { ...TASK, id: 'other' }, to: FACE }, put(), ErrorCode.PUTAWAY_TASK_NOT_FOUND],
    ['a done task', { task: { ...TASK, status: 'done' }, to: FACE }, put(), ErrorCode.PUTAWAY_TASK_DONE],
    ['an unknown bin', { task: TASK, to: null }, put(), ErrorCode.LOCATION_NOT_FOUND],
    ['another bin without a reason', { task: TASK, to: R1 }, put({ toLocationId: 'R1' }), ErrorCode.PUTAWAY_REASON_REQUIRED],
    ['a pack bench', { task: TASK, to: { id: 'P', type: 'pack_bench' } }, put({ toLocationId: 'P', reason: 'other' }), ErrorCode.NOT_A_STORAGE_LOCATION],
    ['back onto a dock', { task: TASK, to: { id: 'RCV', type: 'receiving_dock' } }, put({ toLocationId: 'RCV', reason: 'other' }), ErrorCode.NOT_A_STORAGE_LOCATION],
    ['damaged units into a pick face', { task: { ...TASK, condition: 'damaged' }, to: FACE }, put(), ErrorCode.NOT_A_DAMAGED_LOCATION],
    ['a task this device made, into a pack bench', { task: TASK, to: { id: 'P', type: 'pack_bench' }, suggestionUnseen: true }, put({ toLocationId: 'P' }), ErrorCode.NOT_A_STORAGE_LOCATION],
    ['more than the task holds', { task: TASK, to: FACE }, put({ qty: 6 }), ErrorCode.PUTAWAY_QTY_OVER],
    ['more than a partly done task still holds', { task: { ...TASK, qty: 2 }, to: FACE }, put({ qty: 3 }), ErrorCode.PUTAWAY_QTY_OVER],
  ];
  it.each(refusals)('refuses %s', (_name, st, a, code) => {
    const o = applyPutawayConfirm(st, a, CTX);
    expect(o).toMatchObject({ status: 'rejected', code, movements: [] });
    expect(o.receiving).toBeUndefined();
  });
});

describe('applyStockMove', () => {
  const held = (lot: string | null, expiry: string | null, qty: number, locationId = 'A1'): HeldBalance => ({ locationId, skuId: 'mug', lot, expiry, qty });
  const A1 = { id: 'A1', type: 'pick_face' } as const;
  const st = (over: Partial<StockMoveState> = {}): StockMoveState => ({ from: A1, to: R1, sku: { id: 'mug' }, balances: [held('L1', '2027-01-01', 3), held('L1', '2027-06-01', 4)], ...over });
  const mv = (over: Partial<StockMoveArgs> = {}) => StockMoveArgs.parse({ fromLocationId: 'A1', toLocationId: 'R1', skuId: 'mug', lot: 'L1', qty: 5, ...over });

  const ok: [name: string, s: StockMoveState, a: StockMoveArgs, moved: unknown[], note?: ErrorCode][] = [
    ['earliest expiry first, one pair per expiry', st(), mv(), [
      ['A1', -3, 'L1', '2027-01-01', 'move'], ['R1', 3, 'L1', '2027-01-01', 'move'], ['A1', -2, 'L1', '2027-06-01', 'move'], ['R1', 2, 'L1', '2027-06-01', 'move'],
    ]],
    ['more than the ledger holds: still moved, noted, the rest under the lot', st(), mv({ qty: 9 }), [
      ['A1', -3, 'L1', '2027-01-01', 'move'], ['R1', 3, 'L1', '2027-01-01', 'move'], ['A1', -4, 'L1', '2027-06-01', 'move'], ['R1', 4, 'L1', '2027-06-01', 'move'],
      ['A1', -2, 'L1', '2027-01-01', 'move'], ['R1', 2, 'L1', '2027-01-01', 'move'],
    ], ErrorCode.MOVE_NOT_ENOUGH_STOCK],
    ['an empty bin on the ledger: the whole move, no expiry known', st({ balances: [] }), mv({ qty: 2, lot: null }), [
      ['A1', -2, null, null, 'move'], ['R1', 2, null, null, 'move'],
    ], ErrorCode.MOVE_NOT_ENOUGH_STOCK],
  ];
  it.each(ok)('%s', (_name, s, a, moved, note) => {
    const o = applyStockMove(s, a, CTX);
    expect(o.status).toBe('applied');
    expect(brief(o)).toEqual(moved);
    expect(o.movements.reduce((n, m) => n + m.delta, 0)).toBe(0);
    expect(o.status === 'applied' ? o.note : 'x').toBe(note);
  });

  const refusals: [name: string, s: StockMoveState, a: StockMoveArgs, code: ErrorCode][] = [
    ['an unknown from-bin', st({ from: null }), mv(), ErrorCode.LOCATION_NOT_FOUND],
    ['an unknown to-bin', st({ to: null }), mv(), ErrorCode.LOCATION_NOT_FOUND],
    ['an unknown SKU', st({ sku: null }), mv(), ErrorCode.SKU_NOT_FOUND],
    ['the same bin twice', st({ to: A1 }), mv({ toLocationId: 'A1' }), ErrorCode.MOVE_SAME_BIN],
    ['into a pack bench', st({ to: { id: 'P', type: 'pack_bench' } }), mv({ toLocationId: 'P' }), ErrorCode.NOT_A_STORAGE_LOCATION],
    ['into a receiving dock', st({ to: { id: 'RCV', type: 'receiving_dock' } }), mv({ toLocationId: 'RCV' }), ErrorCode.NOT_A_STORAGE_LOCATION],
  ];
  it.each(refusals)('refuses %s', (_name, s, a, code) => {
    expect(applyStockMove(s, a, CTX)).toMatchObject({ status: 'rejected', code, movements: [] });
  });
});
