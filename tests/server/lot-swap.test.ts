import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LOT_SKU } from '../../src/server/db/seed-cluster';
import type { PullResponse } from '../../src/domain/sync';
import { BACKENDS } from './helpers/backends';
import { Device, PAT, startHarness, type Harness } from './helpers/harness';

const DAY = 86_400_000;
const inDays = (n: number) => new Date(Date.now() + n * DAY).toISOString().slice(0, 10);

describe.each(BACKENDS)('lot swap and bin stock on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(kind);
  });
  afterAll(async () => h?.close());

  const db = () => h.db.db;
  /** A lot-tracked task of the cluster demo wave, and its bin. */
  async function lotTask() {
    const t = await db().selectFrom('pick_tasks').innerJoin('waves', 'waves.id', 'pick_tasks.wave_id').selectAll('pick_tasks')
      .where('waves.code', '=', 'W-0002').where('pick_tasks.sku_id', '=', DEMO_LOT_SKU.id).executeTakeFirstOrThrow();
    return { ...t, qty: Number(t.qty) };
  }
  async function addLot(locationId: string, lot: string, expiry: string, qty: number) {
    await db().insertInto('stock_ledger').values({
      id: `test-${lot}`, warehouse_id: 'wh-fc1', location_id: locationId, container_code: null, sku_id: DEMO_LOT_SKU.id,
      lot, expiry, delta: qty, reason: 'adjust', mutation_id: null, created_at: new Date().toISOString(),
    }).execute();
  }
  const confirm = (t: { id: string; wave_id: string }, qty: number, tote: string, lot?: string) =>
    ({ waveId: t.wave_id, taskId: t.id, qty, toteCode: tote, assignmentEpoch: 1, ...(lot ? { lot } : {}) });
  const pull = async (d: Device, cursor: number) => (await d.get(`/api/sync/pull?cursor=${cursor}`)).json() as PullResponse;

  it('refuses a lot that expires later than the allocated one, and a lot the bin does not hold', async () => {
    const t = await lotTask();
    const before = await db().selectFrom('pick_tasks').selectAll().where('id', '=', t.id).executeTakeFirstOrThrow();
    await addLot(t.location_id, 'LLATE9', inDays(900), 5);
    const d = await Device.signIn(h.app, 'U1001', PAT);
    const late = d.command('pick.confirm', confirm(t, 1, 'T0301', 'LLATE9'), { argsVersion: 2 });
    const none = d.command('pick.confirm', confirm(t, 1, 'T0301', 'NOPE'), { argsVersion: 2 });
    const r = await d.push([late, none]);
    expect(r.results.map((x) => [x.status, x.code])).toEqual([['rejected', 'LOT_EXPIRES_LATER'], ['rejected', 'LOT_UNKNOWN']]);
    const after = await db().selectFrom('pick_tasks').selectAll().where('id', '=', t.id).executeTakeFirstOrThrow();
    expect([after.lot, Number(after.picked_qty)]).toEqual([before.lot, Number(before.picked_qty)]);
    expect(await db().selectFrom('stock_ledger').select('id').where('mutation_id', 'in', [late.id, none.id]).execute()).toEqual([]);
  });

  it('pulls the bin stock of the SKUs in the open waves of the signed-in user, then only what changed', async () => {
    const t = await lotTask();
    const d = await Device.signIn(h.app, 'U1001', PAT);
    const first = await pull(d, 0);
    const lots = first.changes.stock.filter((s) => s.skuId === DEMO_LOT_SKU.id);
    expect(lots.length).toBeGreaterThanOrEqual(3);
    const mine = lots.find((s) => s.locationId === t.location_id && s.lot === t.lot)!;
    expect(mine).toMatchObject({ expiry: t.expiry, version: first.cursor });
    expect(mine.qty).toBeGreaterThan(0);
    // Nothing moved: an incremental pull sends no stock.
    expect((await pull(d, first.cursor)).changes.stock).toEqual([]);

    const m = d.command('pick.confirm', confirm(t, 1, 'T0301'), { argsVersion: 1 });
    expect((await d.push([m])).results[0]!.status).toBe('applied');
    const next = await pull(d, first.cursor);
    const moved = next.changes.stock.find((s) => s.id === mine.id)!;
    expect(moved.qty).toBe(mine.qty - 1);
    expect(moved.version).toBeGreaterThan(first.cursor);
    // A user with no open wave gets no stock (receivers, returns clerks and leads get every bin: inventory tests).
    const paco = await Device.signIn(h.app, 'U2001', 'u-2001');
    expect((await pull(paco, 0)).changes.stock).toEqual([]);
  });

  it('takes a lot that expires no later from the same bin: the task and the ledger follow it', async () => {
    const t = await lotTask();
    await addLot(t.location_id, 'LSWAP1', inDays(100), 5);
    const d = await Device.signIn(h.app, 'U1001', PAT);
    const m = d.command('pick.confirm', confirm(t, 1, 'T0301', 'lswap1'), { argsVersion: 2 });
    expect((await d.push([m])).results[0]).toMatchObject({ status: 'applied' });
    const after = await db().selectFrom('pick_tasks').selectAll().where('id', '=', t.id).executeTakeFirstOrThrow();
    expect([after.lot, after.expiry]).toEqual(['LSWAP1', inDays(100)]);
    const rows = await db().selectFrom('stock_ledger').selectAll().where('mutation_id', '=', m.id).execute();
    expect(rows.map((r) => [r.location_id, r.container_code, r.lot, Number(r.delta)]).sort()).toEqual(
      [[t.location_id, null, 'LSWAP1', -1], [null, 'T0301', 'LSWAP1', 1]].sort(),
    );
  });

  it('an undo of a pick made before the swap puts back the lot that pick took', async () => {
    const t = await lotTask();
    const first = await db().selectFrom('mutations').select(['id', 'args']).where('wave_id', '=', t.wave_id)
      .where('name', '=', 'pick.confirm').where('status', '=', 'applied').orderBy('version').executeTakeFirstOrThrow();
    const took = await db().selectFrom('stock_ledger').select(['lot', 'expiry']).where('mutation_id', '=', first.id)
      .where('container_code', 'is not', null).executeTakeFirstOrThrow();
    expect(took.lot).not.toBe(t.lot); // the task has the swapped lot by now
    const d = await Device.signIn(h.app, 'U1001', PAT);
    const undo = d.command('pick.undo', { waveId: t.wave_id, taskId: t.id, mutationIdToUndo: first.id, qty: 1, toteCode: 'T0301', assignmentEpoch: 1 });
    expect((await d.push([undo])).results[0]).toMatchObject({ status: 'applied' });
    const rows = await db().selectFrom('stock_ledger').selectAll().where('mutation_id', '=', undo.id).execute();
    expect(rows.map((r) => [r.lot, r.expiry])).toEqual([[took.lot, took.expiry], [took.lot, took.expiry]]);
  });
});
