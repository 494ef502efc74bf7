import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { cardIdFor } from '../../domain/picking/conflict-card';
import type { WarehouseException } from '../../domain/model';
import { openConflictCards, selectCards, type ConflictSources } from './conflicts';
import { db, type ConflictRow, type OutboxRow } from './db';
import { applyPullPage, storePushRejections } from './server-state';
import { emptyPull, freshDb } from './test-db';

const confirmArgs = (qty: number, toteCode = 'T7') => ({ waveId: 'w1', taskId: 't1', qty, toteCode, assignmentEpoch: 1 });
const row = (id: string, code: string, p: Partial<ConflictRow> = {}): ConflictRow => ({
  id, seq: Number(id.replace(/\D/g, '')) || 1, name: 'pick.confirm', args: confirmArgs(2), code, status: 'rejected',
  userId: 'u1', otherUserId: null, createdAt: '2026-11-24T10:00:00.000Z', resolvedAt: null, ...p,
});
const exc = (mutationId: string, type: WarehouseException['type'], qty: number) => ({
  mutationId, type, waveId: 'w1', taskId: 't1', locationId: 'l1', skuId: 's1', qty,
});
const resolve = (mutationId: string) => ({ name: 'conflict.resolve', args: { cardId: cardIdFor(mutationId) } });
const sources = (p: Partial<ConflictSources>): ConflictSources => ({
  rows: [], resolving: [], exceptions: [],
  skus: new Map([['s1', 'Blue Mug']]), bins: new Map([['l1', 'A-03-2-B']]),
  tasks: new Map([['t1', { skuId: 's1', locationId: 'l1' }]]), users: new Map([['u2', 'Ben']]),
  ...p,
});

describe('selectCards', () => {
  const cases: { name: string; src: Partial<ConflictSources>; expected: { id: string; kind: string; params: object }[] }[] = [
    { name: 'a line already picked becomes a put-back card with the tote and the other picker',
      src: { rows: [row('m1', 'LINE_ALREADY_PICKED', { otherUserId: 'u2' })], exceptions: [exc('m1', 'line_already_picked', 2)] },
      expected: [{ id: 'conflict-m1', kind: 'put_back', params: { count: 2, sku: 'Blue Mug', bin: 'A-03-2-B', tote: 'T7', picker: 'Ben' } }] },
    { name: 'a line already picked waits for its exception (nothing to say where yet)',
      src: { rows: [row('m1', 'LINE_ALREADY_PICKED')] }, expected: [] },
    { name: 'an exception of another mutation is not used',
      src: { rows: [row('m1', 'LINE_ALREADY_PICKED')], exceptions: [exc('m9', 'line_already_picked', 2)] }, expected: [] },
    { name: 'an applied pick noted WAVE_REASSIGNED',
      src: { rows: [row('m2', 'WAVE_REASSIGNED', { status: 'applied' })], exceptions: [exc('m2', 'stale_assignment', 2)] },
      expected: [{ id: 'conflict-m2', kind: 'wave_reassigned', params: { count: 2, bin: 'A-03-2-B' } }] },
    { name: 'a negative stock note counts what the pick moved',
      src: { rows: [row('m3', 'NEGATIVE_STOCK', { status: 'applied', args: confirmArgs(3) })], exceptions: [exc('m3', 'negative_stock', 1)] },
      expected: [{ id: 'conflict-m3', kind: 'negative_stock', params: { count: 3 } }] },
    { name: 'a refusal with no card (validation) is left to the sync panel',
      src: { rows: [row('m4', 'VALIDATION_FAILED')] }, expected: [] },
    { name: 'resolved on the device: hidden',
      src: { rows: [row('m1', 'WAVE_CLOSED', { resolvedAt: '2026-11-24T10:05:00.000Z' })] }, expected: [] },
    { name: 'conflict.resolve still in the outbox: hidden; others stay, oldest first',
      src: { rows: [row('m6', 'WAVE_CLOSED'), row('m1', 'WAVE_CLOSED'), row('m5', 'WAVE_CLOSED')], resolving: [resolve('m5'), { name: 'pick.confirm', args: { cardId: cardIdFor('m1') } }] },
      expected: [{ id: 'conflict-m1', kind: 'put_back', params: { count: 2 } }, { id: 'conflict-m6', kind: 'put_back', params: { count: 2 } }] },
    { name: 'names not pulled yet fall back to ids',
      src: { rows: [row('m1', 'WAVE_CLOSED')], skus: new Map(), bins: new Map() },
      expected: [{ id: 'conflict-m1', kind: 'put_back', params: { sku: 's1', bin: 'l1' } }] },
  ];
  it.each(cases)('$name', ({ src, expected }) => {
    const cards = selectCards(sources(src));
    expect(cards.map((c) => ({ id: c.id, kind: c.kind, params: c.params }))).toMatchObject(expected);
    expect(cards).toHaveLength(expected.length);
  });
});

describe('conflict rows on the device', () => {
  beforeEach(async () => {
    await freshDb();
    await db().skus.put({ id: 's1', code: 'MUG', name: 'Blue Mug', barcodes: [], barcodeValues: ['MUG'] } as never);
    await db().locations.put({ id: 'l1', code: 'A-03-2-B' } as never);
  });

  const outboxRow = (seq: number, name = 'pick.confirm', args: unknown = confirmArgs(1)): OutboxRow => ({
    id: `00000000-0000-7000-8000-00000000000${seq}`, deviceId: 'dev-1', seq, name, args, argsVersion: 1, userId: 'u1',
    createdAt: '2026-11-24T10:00:00.000Z', status: 'acked',
  });
  const exception = (mutationId: string, qty: number): WarehouseException => ({
    id: `e-${mutationId}`, type: 'line_already_picked', status: 'open', waveId: 'w1', taskId: 't1', locationId: 'l1', skuId: 's1',
    qty, raisedBy: 'u1', mutationId, createdAt: '2026-11-24T10:00:01.000Z', version: 5,
  });

  it('a push refusal keeps the arguments; the card appears once the exception is pulled and outlives the outbox row', async () => {
    const cmd = outboxRow(1);
    await db().outbox.add(cmd);
    await storePushRejections([{ id: cmd.id, seq: 1, status: 'rejected', code: 'LINE_ALREADY_PICKED', message: 'x' }]);
    expect(await openConflictCards()).toEqual([]); // the place comes with the exception
    await applyPullPage(emptyPull({ lastSeq: 1, changes: { ...emptyPull().changes, exceptions: [exception(cmd.id, 1)] } }), { final: true, userId: 'u1' });
    expect(await db().outbox.count()).toBe(0);
    const cards = await openConflictCards();
    expect(cards.map((c) => [c.id, c.params.sku, c.params.bin, c.params.tote, c.params.count])).toEqual([[cardIdFor(cmd.id), 'Blue Mug', 'A-03-2-B', 'T7', 1]]);
  });

  it("a shared handheld shows the signed-in picker's cards only, and none signed out", async () => {
    await db().srvTasks.update('t1', { skuId: 's1', locationId: 'l1' });
    await db().tasks.update('t1', { skuId: 's1', locationId: 'l1' });
    await db().conflicts.bulkPut([
      { id: 'm1', seq: 1, name: 'pick.confirm', args: confirmArgs(1), code: 'WAVE_CLOSED', status: 'rejected', userId: 'u1', otherUserId: null, createdAt: '2026-11-24T10:00:00.000Z', resolvedAt: null },
      { id: 'm2', seq: 2, name: 'pick.confirm', args: confirmArgs(1), code: 'WAVE_CLOSED', status: 'rejected', userId: 'u9', otherUserId: null, createdAt: '2026-11-24T10:00:00.000Z', resolvedAt: null },
    ]);
    expect((await openConflictCards()).map((c) => c.mutationId)).toEqual(['m1']);
    await db().meta.put({ key: 'session', value: null });
    expect(await openConflictCards()).toEqual([]);
  });

  it('an applied command without a note makes no row; a noted one does', async () => {
    await db().outbox.bulkAdd([outboxRow(1), outboxRow(2)]);
    await storePushRejections([
      { id: outboxRow(1).id, seq: 1, status: 'applied' },
      { id: outboxRow(2).id, seq: 2, status: 'applied', code: 'NEGATIVE_STOCK' },
    ]);
    expect((await db().conflicts.toArray()).map((r) => [r.seq, r.status, r.code])).toEqual([[2, 'applied', 'NEGATIVE_STOCK']]);
  });

  it('a refusal only the pull reports (push answer lost) is kept before the outbox row goes', async () => {
    const cmd = outboxRow(1);
    await db().outbox.add(cmd);
    const rejection = { id: cmd.id, seq: 1, name: cmd.name, code: 'LINE_ALREADY_PICKED', message: 'x', createdAt: cmd.createdAt };
    await applyPullPage(emptyPull({ lastSeq: 1, rejections: [rejection], changes: { ...emptyPull().changes, exceptions: [exception(cmd.id, 1)] } }), { final: true, userId: 'u1' });
    expect((await openConflictCards()).map((c) => c.id)).toEqual([cardIdFor(cmd.id)]);
  });

  it('a conflict.resolve held by the server marks the card resolved before the outbox forgets it', async () => {
    const cmd = outboxRow(1);
    await db().outbox.add(cmd);
    await storePushRejections([{ id: cmd.id, seq: 1, status: 'rejected', code: 'WAVE_CLOSED', message: 'x' }]);
    await db().srvTasks.update('t1', { skuId: 's1', locationId: 'l1' });
    await db().tasks.update('t1', { skuId: 's1', locationId: 'l1' });
    expect(await openConflictCards()).toHaveLength(1);
    await db().outbox.add(outboxRow(2, 'conflict.resolve', { cardId: cardIdFor(cmd.id) }));
    expect(await openConflictCards()).toHaveLength(0); // hidden while the command waits
    await applyPullPage(emptyPull({ lastSeq: 2 }), { final: true, userId: 'u1' });
    expect(await db().outbox.count()).toBe(0);
    expect(await openConflictCards()).toHaveLength(0);
    expect((await db().conflicts.get(cmd.id))?.resolvedAt).toEqual(expect.any(String));
  });
});
