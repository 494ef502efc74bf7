import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ReplenishTask } from '../../domain/replenish/types';
import { db } from './db';
import { inventoryDb } from './lookup-fixture';
import { confirmReplenishment, openReplenishments } from './replenish-store';
import { applyPullPage } from './server-state';
import { emptyPull } from './test-db';

const task = (id: string, over: Partial<ReplenishTask> = {}): ReplenishTask => ({
  id, locationId: 'l-a1', skuId: 's-mug', fromLocationId: 'l-r1', lot: null, expiry: null, qty: 12, status: 'open',
  minQty: 5, maxQty: 20, createdAt: '2026-01-01T00:00:00Z', version: 2, ...over,
});
const pull = (tasks: ReplenishTask[], lastSeq = 0) => applyPullPage(emptyPull({ cursor: 3, lastSeq, replenish: { tasks } }), { final: true, userId: 'u1' });
const args = (over = {}) => ({ taskId: 'rt-1', fromLocationId: 'l-r1', toLocationId: 'l-a1', lot: null, qty: 12, ...over });

beforeEach(async () => {
  await inventoryDb(['receiver']);
});

describe('replenishment on the device', () => {
  it('a pull replaces the open tasks whole', async () => {
    await pull([task('rt-1'), task('rt-2', { locationId: 'l-a2', skuId: 's-pan' })]);
    expect((await openReplenishments()).map((t) => [t.id, t.faceCode, t.fromCode, t.skuCode])).toEqual([
      ['rt-1', 'A-01-01', 'R-01-01', 'MUG-1'],
      ['rt-2', 'A-01-02', 'R-01-01', 'PAN-1'],
    ]);
    await pull([task('rt-2', { locationId: 'l-a2', skuId: 's-pan' })]);
    expect((await openReplenishments()).map((t) => t.id)).toEqual(['rt-2']);
  });

  it('a confirm closes the task here at once, through a reload and the pull that follows the push', async () => {
    await pull([task('rt-1')]);
    const refusals: [object, string][] = [
      [args({ taskId: 'nope' }), 'REPLENISH_TASK_NOT_FOUND'],
      [args({ toLocationId: 'l-a2' }), 'REPLENISH_WRONG_FACE'],
      [args({ fromLocationId: 'l-a2' }), 'REPLENISH_FROM_NOT_RESERVE'],
      [args({ fromLocationId: 'l-nowhere' }), 'LOCATION_NOT_FOUND'],
      [args({ qty: 0 }), 'VALIDATION_FAILED'],
    ];
    for (const [a, code] of refusals) expect(await confirmReplenishment(a as never)).toMatchObject({ ok: false, code });
    expect(await db().outbox.count()).toBe(0);
    const r = await confirmReplenishment(args());
    expect(r).toMatchObject({ ok: true, seq: 1 });
    expect(await openReplenishments()).toEqual([]);
    // Twice from this device: refused before anything is written.
    expect(await confirmReplenishment(args())).toMatchObject({ ok: false, code: 'REPLENISH_TASK_DONE' });
    expect(await db().outbox.count()).toBe(1);
    // A pull before the push still lists the task: the pending confirm keeps it closed.
    await pull([task('rt-1')]);
    expect(await openReplenishments()).toEqual([]);
    // The pull after the push: the server no longer lists it and the command is forgotten.
    await pull([], 1);
    expect(await db().outbox.count()).toBe(0);
    expect(await openReplenishments()).toEqual([]);
  });
});
