import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { PutawayTask } from '../../domain/inbound/snapshot';
import { db } from './db';
import { confirmPutaway, openTasks, tasksForScan } from './putaway-store';
import { GTIN, SNAPSHOT, pullInbound, scan } from './receiving-fixture';
import { freshDb } from './test-db';

const task = (id: string, over: Partial<PutawayTask> = {}): PutawayTask => ({
  id, receiptId: 'r1', returnId: null, skuId: 'sku-cream', lot: null, expiry: null, qty: 5, condition: 'ok',
  fromLocationId: 'loc-RCV-01', suggestedLocationId: null, status: 'open', createdAt: '2026-11-25T00:00:00.000Z', ...over,
});

beforeEach(async () => {
  await freshDb();
  await pullInbound({ ...SNAPSHOT, putawayTasks: [task('p1'), task('p2', { skuId: 'sku-serum', lot: 'L1', expiry: '2030-01-31', qty: 2, suggestedLocationId: 'loc-C-02' }), task('p3', { condition: 'damaged', qty: 1 })] });
  // The cream's pick face holds 40 of its 100.
  await db().stock.put({ id: 'x', locationId: 'loc-A-01', skuId: 'sku-cream', lot: null, expiry: null, qty: 40, version: 1 });
});

const byId = async () => new Map((await openTasks()).map((t) => [t.id, t]));

describe('putaway on the device', () => {
  it('suggests the pick face with room, the server\'s bin when it gave one, a damaged bin for damaged units', async () => {
    const t = await byId();
    expect(t.get('p1')?.suggested?.id).toBe('loc-A-01');
    expect(t.get('p2')?.suggested?.id).toBe('loc-C-02');
    expect(t.get('p3')?.suggested?.id).toBe('loc-DMG-01');
  });

  it('finds the task of a scanned item, narrowed by the GS1 lot', async () => {
    const tasks = await openTasks();
    expect((await tasksForScan(scan(GTIN.cream), tasks)).map((t) => t.id)).toEqual(['p1', 'p3']);
    expect((await tasksForScan(scan(`]C101${GTIN.serum}10L1\u001d17300131`), tasks)).map((t) => t.id)).toEqual(['p2']);
    expect(await tasksForScan(scan('NOPE'), tasks)).toEqual([]);
  });

  it('another bin than the suggestion needs a reason; nothing is written without one', async () => {
    expect(await confirmPutaway({ taskId: 'p1', toLocationId: 'loc-C-01', qty: 5, reason: null })).toEqual({ ok: false, code: 'PUTAWAY_REASON_REQUIRED' });
    expect(await db().outbox.count()).toBe(0);
    const r = await confirmPutaway({ taskId: 'p1', toLocationId: 'loc-C-01', qty: 5, reason: 'full' });
    expect(r).toMatchObject({ ok: true, left: 0, args: { taskId: 'p1', toLocationId: 'loc-C-01', qty: 5, reason: 'full' } });
    expect((await byId()).has('p1')).toBe(false);
  });

  it('the suggested bin needs no reason; fewer units leave the rest open; more than left is refused', async () => {
    expect(await confirmPutaway({ taskId: 'p1', toLocationId: 'loc-A-01', qty: 2, reason: null })).toMatchObject({ ok: true, left: 3, args: { reason: null } });
    expect((await byId()).get('p1')?.qty).toBe(3);
    expect(await confirmPutaway({ taskId: 'p1', toLocationId: 'loc-A-01', qty: 4, reason: null })).toEqual({ ok: false, code: 'PUTAWAY_QTY_OVER' });
    expect(await confirmPutaway({ taskId: 'p1', toLocationId: 'loc-A-01', qty: 3, reason: null })).toMatchObject({ ok: true, left: 0 });
    expect(await confirmPutaway({ taskId: 'p1', toLocationId: 'loc-A-01', qty: 1, reason: null })).toEqual({ ok: false, code: 'PUTAWAY_TASK_DONE' });
    expect(await db().outbox.count()).toBe(2);
  });

  it('refuses a dock, an unknown bin or task, and a storage bin for damaged units', async () => {
    expect(await confirmPutaway({ taskId: 'p1', toLocationId: 'loc-RCV-01', qty: 1, reason: 'other' })).toEqual({ ok: false, code: 'NOT_A_STORAGE_LOCATION' });
    expect(await confirmPutaway({ taskId: 'p1', toLocationId: 'loc-NOPE', qty: 1, reason: null })).toEqual({ ok: false, code: 'LOCATION_NOT_FOUND' });
    expect(await confirmPutaway({ taskId: 'nope', toLocationId: 'loc-A-01', qty: 1, reason: null })).toEqual({ ok: false, code: 'PUTAWAY_TASK_NOT_FOUND' });
    expect(await confirmPutaway({ taskId: 'p3', toLocationId: 'loc-C-01', qty: 1, reason: 'other' })).toEqual({ ok: false, code: 'NOT_A_DAMAGED_LOCATION' });
    expect(await confirmPutaway({ taskId: 'p1', toLocationId: 'loc-A-01', qty: 0, reason: null })).toEqual({ ok: false, code: 'QTY_NOT_POSITIVE' });
    expect(await db().outbox.count()).toBe(0);
  });

  it('a pull that reflects the confirm (its outbox row gone, the task done) shows the same list', async () => {
    await confirmPutaway({ taskId: 'p1', toLocationId: 'loc-A-01', qty: 5, reason: null });
    const seq = (await db().outbox.toArray())[0]!.seq;
    await pullInbound({ ...SNAPSHOT, putawayTasks: [task('p2', { skuId: 'sku-serum', lot: 'L1', qty: 2, suggestedLocationId: 'loc-C-02' }), task('p3', { condition: 'damaged', qty: 1 })] }, seq);
    expect(await db().outbox.count()).toBe(0);
    expect([...(await byId()).keys()]).toEqual(['p2', 'p3']);
  });
});
