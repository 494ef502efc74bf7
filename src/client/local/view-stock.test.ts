import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Location, PickTask } from '../../domain/model';
import { stockKey } from '../../domain/stock';
import type { PullResponse } from '../../domain/sync';
import { db } from './db';
import { enqueue } from './outbox';
import { applyPullPage } from './server-state';
import { emptyPull, freshDb, makeTask } from './test-db';

const loc = (id: string, walkSeq: number, type: Location['type']): Location =>
  ({ id, code: id.toUpperCase(), zone: 'A', type, aisle: null, bay: null, level: null, walkSeq, capacity: null, version: 1 });
const final = { final: true, userId: 'u1' };
const pull = (changes: Partial<PullResponse['changes']>, lastSeq: number) => emptyPull({ lastSeq, cursor: 9, changes: { ...emptyPull().changes, ...changes } });

/** Seeds the device's stock view: l1 (the tasks' bin) empty, reserve l2 with 10. */
async function seedStock() {
  const d = db();
  await d.locations.bulkPut([loc('l1', 1, 'pick_face'), loc('l2', 50, 'reserve')]);
  await d.skus.put({ id: 's1', sellerId: 'x', code: 'S1', name: 'S1', barcodes: [], barcodeValues: ['S1'], lengthMm: 1, widthMm: 1, heightMm: 1, weightG: 1, casePackQty: 1, lotTracked: false, expiryTracked: false, lowStockThreshold: 0, version: 1 });
  await d.stock.bulkPut([
    { id: stockKey('l1', 's1', null, null), locationId: 'l1', skuId: 's1', lot: null, expiry: null, qty: 0, version: 1 },
    { id: stockKey('l2', 's1', null, null), locationId: 'l2', skuId: 's1', lot: null, expiry: null, qty: 10, version: 1 },
  ]);
}

async function shortT2() {
  const r = await enqueue('pick.short', { waveId: 'w1', taskId: 't2', foundQty: 1, toteCode: 'T2', assignmentEpoch: 1 });
  if (!r.ok) throw new Error(r.code);
  const row = (await db().outbox.get(r.seq))!;
  return { seq: r.seq, newId: `${row.id}:t0` };
}

describe('a short pick re-allocated offline', () => {
  beforeEach(async () => {
    await freshDb();
    await seedStock();
  });

  it('shows the new stop at once, from the device stock', async () => {
    const { newId } = await shortT2();
    expect(await db().tasks.get('t2')).toMatchObject({ status: 'picked', pickedQty: 1 });
    expect(await db().tasks.get(newId)).toMatchObject({ locationId: 'l2', walkSeq: 50, qty: 2, status: 'open', orderLineId: 't2-line' });
  });

  const cases: { name: string; server: (newId: string) => PickTask[]; want: (newId: string) => Record<string, Partial<PickTask> | null> }[] = [
    {
      name: 'the server made the same stop: its row replaces the guess, no duplicate',
      server: (id) => [makeTask('t2', 3, 'o2', { status: 'picked', pickedQty: 1, toteCode: 'T2', version: 5 }), makeTask(id, 2, 'o2', { orderLineId: 't2-line', locationId: 'l2', walkSeq: 50, version: 5 })],
      want: (id) => ({ [id]: { version: 5, qty: 2 } }),
    },
    {
      name: 'the server found no stock: the guessed stop goes',
      server: () => [makeTask('t2', 3, 'o2', { status: 'short', pickedQty: 1, toteCode: 'T2', version: 5 })],
      want: (id) => ({ [id]: null, t2: { status: 'short' } }),
    },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const { seq, newId } = await shortT2();
      await applyPullPage(pull({ tasks: c.server(newId) }, seq), final);
      const rows = await db().tasks.where('waveId').equals('w1').toArray();
      expect(rows.filter((t) => t.id === newId).length).toBeLessThanOrEqual(1);
      for (const [id, want] of Object.entries(c.want(newId))) {
        if (want === null) expect(await db().tasks.get(id)).toBeUndefined();
        else expect(await db().tasks.get(id)).toMatchObject(want);
      }
    });
  }
});
