import { describe, expect, it } from 'vitest';
import type { PickTask, Wave } from '../model';
import type { StockLot } from '../picking/allocation';
import { applyPickShortRealloc, type PickShortState } from './short';

const ctx = { userId: 'u-pat', mutationId: 'm-9', now: '2026-11-24T10:00:00.000Z' };
const wave: Wave = {
  id: 'w1', code: 'W-1', status: 'picking', kind: 'cluster', assignedUserId: 'u-pat', assignmentEpoch: 1,
  releasedAt: null, completedAt: null, version: 1,
};
const task: PickTask = {
  id: 't1', waveId: 'w1', orderId: 'o1', orderLineId: 'l1', orderRef: 'R', skuId: 's1', locationId: 'A05', walkSeq: 5, qty: 6,
  pickedQty: 0, status: 'open', toteCode: null, pickedBy: null, lot: null, expiry: null, skippedAt: null, version: 1,
};
const lot = (locationId: string, available: number, p: Partial<StockLot> = {}): StockLot => ({
  locationId, walkSeq: Number(locationId.slice(1)), locationType: 'pick_face', lot: null, expiry: null, available, ...p,
});
const state = (stock: StockLot[], p: Partial<PickShortState> = {}): PickShortState => ({
  wave, tasks: [task], stock, sku: { lotTracked: false, expiryTracked: false }, today: '2026-11-24', ...p,
});
const args = (foundQty: number) => ({ waveId: 'w1', taskId: 't1', foundQty, toteCode: foundQty > 0 ? 'T1' : null, assignmentEpoch: 1 });

describe('applyPickShortRealloc', () => {
  it.each([
    { name: 'covers the missing units from another bin', stock: [lot('A05', 9), lot('A09', 10)], found: 2,
      stops: ['A09:4@9'], status: 'picked', short: [], wave: null },
    { name: 'reports only what no bin holds', stock: [lot('A09', 1)], found: 2, stops: ['A09:1@9'], status: 'picked', short: [3], wave: null },
    { name: 'a line nobody can supply is short and closes the wave', stock: [], found: 0, stops: [], status: 'short', short: [6], wave: 'done' },
    { name: 'never the lot inside the seller\'s shelf life', stock: [lot('A09', 9, { lot: 'L1', expiry: '2026-12-01' }), lot('A11', 9, { lot: 'L2', expiry: '2027-06-01' })],
      found: 0, sku: { lotTracked: true, expiryTracked: true }, stops: ['A11:6@11'], status: 'picked', short: [], wave: null },
  ])('$name', ({ stock, found, sku, stops, status, short, wave: w }) => {
    const out = applyPickShortRealloc(state(stock, sku ? { sku } : {}), args(found), ctx);
    expect(out.status).toBe('applied');
    expect((out.newTasks ?? []).map((t) => `${t.locationId}:${t.qty}@${t.walkSeq}`)).toEqual(stops);
    expect((out.newTasks ?? []).every((t) => t.orderLineId === 'l1' && t.status === 'open' && t.id.startsWith('m-9:t'))).toBe(true);
    expect(out.taskPatches[0]!.patch.status).toBe(status);
    expect(out.exceptions.filter((e) => e.type === 'short_pick').map((e) => e.qty)).toEqual(short);
    expect(out.countTasks).toEqual([{ locationId: 'A05', skuId: 's1', reason: 'short_pick', taskId: 't1' }]);
    expect(out.wavePatch?.patch.status ?? null).toBe(w);
  });
});
