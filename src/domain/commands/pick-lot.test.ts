import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../errors';
import type { PickTask, Wave } from '../model';
import { applyPickConfirm, type PickConfirmState } from './pick';
import { parseCommand } from './index';

const wave: Wave = { id: 'w1', code: 'W-1', status: 'picking', kind: 'single', assignedUserId: 'u1', assignmentEpoch: 1, releasedAt: null, completedAt: null, version: 1 } as Wave;
const task: PickTask = {
  id: 't1', waveId: 'w1', orderId: 'o1', orderLineId: 'l1', orderRef: 'R1', skuId: 's1', locationId: 'bin1', walkSeq: 1,
  qty: 3, pickedQty: 0, status: 'open', toteCode: null, pickedBy: null, lot: 'LA', expiry: '2030-06-01', skippedAt: null, version: 1,
};
const ctx = { userId: 'u1', mutationId: 'm1', now: '2030-01-01T10:00:00.000Z' };
const args = (lot?: string | null) => ({ waveId: 'w1', taskId: 't1', qty: 1, toteCode: 'T1', assignmentEpoch: 1, ...(lot !== undefined ? { lot } : {}) });
const state = (lotStock: PickConfirmState['lotStock']): PickConfirmState => ({ wave, tasks: [task], lotStock, today: '2030-01-01' });

describe('pick.confirm with a lot', () => {
  const cases: { name: string; lot?: string | null; stock: PickConfirmState['lotStock']; code?: ErrorCode; moved: string; expiry?: string | null }[] = [
    { name: 'no lot: the allocated one', stock: null, moved: 'LA' },
    { name: 'null lot: the allocated one', lot: null, stock: null, moved: 'LA' },
    { name: 'the allocated lot in other case', lot: 'la', stock: null, moved: 'LA' },
    { name: 'a lot expiring sooner, outside shelf life', lot: 'lb', stock: { lot: 'LB', expiry: '2030-05-01', available: 4 }, moved: 'LB', expiry: '2030-05-01' },
    { name: 'a lot expiring later', lot: 'LC', stock: { lot: 'LC', expiry: '2031-01-01', available: 4 }, code: ErrorCode.LOT_EXPIRES_LATER, moved: '' },
    { name: 'a lot inside the shelf-life window', lot: 'LD', stock: { lot: 'LD', expiry: '2030-01-10', available: 4 }, code: ErrorCode.LOT_INSIDE_SHELF_LIFE, moved: '' },
    { name: 'a lot the bin does not hold', lot: 'LE', stock: null, code: ErrorCode.LOT_UNKNOWN, moved: '' },
    { name: 'a lot the bin has none left of', lot: 'LF', stock: { lot: 'LF', expiry: '2030-05-01', available: 0 }, code: ErrorCode.LOT_UNKNOWN, moved: '' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const out = applyPickConfirm(state(c.stock), args(c.lot), ctx);
      if (c.code) {
        expect(out).toMatchObject({ status: 'rejected', code: c.code, movements: [], taskPatches: [] });
        return;
      }
      expect(out.status).toBe('applied');
      expect(out.movements.map((m) => m.lot)).toEqual([c.moved, c.moved]);
      const patch = out.taskPatches[0]!.patch;
      if (c.moved === 'LA') expect(patch.lot).toBeUndefined();
      else expect([patch.lot, patch.expiry]).toEqual([c.moved, c.expiry]);
    });
  }

  it('accepts argsVersion 1 (no lot) and 2', () => {
    const v1 = { waveId: 'w1', taskId: 't1', qty: 1, toteCode: 'T1', assignmentEpoch: 1 };
    expect(parseCommand('pick.confirm', 1, v1)).toMatchObject({ ok: true, args: { ...v1, lot: null } });
    expect(parseCommand('pick.confirm', 1, { ...v1, lot: 'X' })).toMatchObject({ ok: true, args: { lot: null } });
    expect(parseCommand('pick.confirm', 2, { ...v1, lot: 'LB' })).toMatchObject({ ok: true, args: { lot: 'LB' } });
  });
});
