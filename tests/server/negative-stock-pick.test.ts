import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReleasedWave } from '../../src/server/services/fixtures';
import { BACKENDS } from './helpers/backends';
import { Device, PAT, pickArgs, startHarness, type Harness } from './helpers/harness';

/**
 * DESIGN.md section 4: a scan is never refused for stock. A pick that takes a bin below
 * its ledger balance is applied, and the bin below zero raises a negative_stock
 * exception and a blind count task, once per bin and SKU while that exception is open.
 */
describe.each(BACKENDS)('a pick beyond the bin\'s stock on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(kind);
  });
  afterAll(async () => h?.close());
  const db = () => h.db.db;

  let waves = 0;
  /** A one-line wave of `qty` for Pat whose bin holds exactly `held` units (by an adjust row). */
  async function lineWithStock(qty: number, held: number) {
    waves += 1;
    const { waveId, taskIds } = await createReleasedWave(db(), { code: `W-NEGP${waves}`, assignedUserId: PAT, tasks: 1, qty });
    const t = await db().selectFrom('pick_tasks').selectAll().where('id', '=', taskIds[0]!).executeTakeFirstOrThrow();
    // Each test gets a bin of its own: earlier tests' open exceptions would otherwise mute it.
    const bin = await db().selectFrom('locations').select(['id', 'warehouse_id']).where('type', '=', 'pick_face')
      .where('id', 'not in', (await db().selectFrom('stock_ledger').select('location_id').where('reason', '=', 'adjust')
        .where('location_id', 'is not', null).execute()).map((r) => r.location_id!).concat(['-']))
      .orderBy('walk_seq').executeTakeFirstOrThrow();
    await db().updateTable('pick_tasks').set({ location_id: bin.id }).where('id', '=', t.id).execute();
    const sku = await db().selectFrom('skus').selectAll().where('id', '=', t.sku_id).executeTakeFirstOrThrow();
    const now = await balance(bin.id, t.sku_id);
    await db().insertInto('stock_ledger').values({
      id: `test-negp-${waves}`, warehouse_id: bin.warehouse_id, location_id: bin.id, container_code: null, sku_id: t.sku_id,
      lot: Number(sku.lot_tracked) ? (t.lot ?? 'LTEST') : null, expiry: Number(sku.expiry_tracked) ? (t.expiry ?? '2099-01-01') : null,
      delta: held - now, reason: 'adjust', mutation_id: null, created_at: new Date().toISOString(),
    }).execute();
    expect(await balance(bin.id, t.sku_id)).toBe(held);
    return { waveId, taskId: t.id, locationId: bin.id, skuId: t.sku_id };
  }
  async function balance(locationId: string, skuId: string) {
    const r = await db().selectFrom('stock_ledger').select((eb) => eb.fn.sum<number>('delta').as('b'))
      .where('location_id', '=', locationId).where('sku_id', '=', skuId).executeTakeFirst();
    return Number(r?.b ?? 0);
  }
  const negatives = (locationId: string) =>
    db().selectFrom('exceptions').selectAll().where('type', '=', 'negative_stock').where('location_id', '=', locationId).execute();
  const counts = (locationId: string) =>
    db().selectFrom('count_tasks').selectAll().where('location_id', '=', locationId).orderBy('reason').execute();

  const cases = [
    { name: 'a confirm of 5 from a bin holding 2', qty: 5, held: 2, cmd: 'pick.confirm', taken: 5, countReasons: ['negative_stock'] },
    { name: 'a confirm of 3 from an empty bin', qty: 3, held: 0, cmd: 'pick.confirm', taken: 3, countReasons: ['negative_stock'] },
    // The short's own count task and the negative one: both ask for a blind count of the bin.
    { name: 'a short finding 4 of 6 in a bin holding 1', qty: 6, held: 1, cmd: 'pick.short', taken: 4, countReasons: ['negative_stock', 'short_pick'] },
  ];

  it.each(cases)('$name: applied, one negative_stock exception at the new balance and a count task', async (c) => {
    const line = await lineWithStock(c.qty, c.held);
    const d = await Device.signIn(h.app, 'U1001', PAT);
    const args = c.cmd === 'pick.confirm'
      ? pickArgs(line.taskId, c.taken, 'T0950', 1, line.waveId)
      : { waveId: line.waveId, taskId: line.taskId, foundQty: c.taken, toteCode: 'T0951', assignmentEpoch: 1 };
    const m = d.command(c.cmd, args);
    expect((await d.push([m])).results[0]).toMatchObject({ status: 'applied' });
    expect(await balance(line.locationId, line.skuId)).toBe(c.held - c.taken);
    const ex = await negatives(line.locationId);
    expect(ex.map((e) => [e.sku_id, Number(e.qty), e.status])).toEqual([[line.skuId, c.held - c.taken, 'open']]);
    const ct = await counts(line.locationId);
    expect(ct.map((x) => [x.reason, x.sku_id, x.status])).toEqual(c.countReasons.map((r) => [r, line.skuId, 'open']));
    // The exception is visible to the lead's handheld on pull.
    const lead = await Device.signIn(h.app, 'U5001', 'u-5001');
    const pulled = (await lead.get('/api/sync/pull?cursor=0&limit=5000')).json() as { changes: { exceptions: { id: string }[] } };
    expect(pulled.changes.exceptions.some((e) => e.id === ex[0]!.id)).toBe(true);
  });

  it('raises it once per bin and SKU while open, for a batch of picks or a later one', async () => {
    const line = await lineWithStock(8, 2);
    const d = await Device.signIn(h.app, 'U1001', PAT);
    // Two picks in one batch: 2 (down to 0, fine) then 3 (down to -3).
    const r = await d.push([
      d.command('pick.confirm', pickArgs(line.taskId, 2, 'T0960', 1, line.waveId)),
      d.command('pick.confirm', pickArgs(line.taskId, 3, 'T0960', 1, line.waveId)),
    ]);
    expect(r.results.map((x) => x.status)).toEqual(['applied', 'applied']);
    expect((await negatives(line.locationId)).map((e) => Number(e.qty))).toEqual([-3]);
    // A later pick from the same bin deepens the hole but the lead already has the card.
    await d.push([d.command('pick.confirm', pickArgs(line.taskId, 3, 'T0960', 1, line.waveId))]);
    expect(await balance(line.locationId, line.skuId)).toBe(-6);
    expect((await negatives(line.locationId)).map((e) => Number(e.qty))).toEqual([-3]);
    expect((await counts(line.locationId)).map((x) => x.reason)).toEqual(['negative_stock']);
  });

  it('undoing the pick that went below zero puts the units back without a second exception', async () => {
    const line = await lineWithStock(4, 1);
    const d = await Device.signIn(h.app, 'U1001', PAT);
    const confirm = d.command('pick.confirm', pickArgs(line.taskId, 4, 'T0970', 1, line.waveId));
    await d.push([confirm]);
    const undo = d.command('pick.undo', {
      waveId: line.waveId, taskId: line.taskId, mutationIdToUndo: confirm.id, qty: 4, toteCode: 'T0970', assignmentEpoch: 1,
    });
    expect((await d.push([undo])).results[0]).toMatchObject({ status: 'applied' });
    expect(await balance(line.locationId, line.skuId)).toBe(1);
    expect((await negatives(line.locationId)).map((e) => Number(e.qty))).toEqual([-3]);
  });
});
