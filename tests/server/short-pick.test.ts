import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReleasedWave } from '../../src/server/services/fixtures';
import { BACKENDS } from './helpers/backends';
import { Device, PAT, startHarness, type Harness } from './helpers/harness';

describe.each(BACKENDS)('short pick re-allocation on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(kind);
  });
  afterAll(async () => h?.close());

  const db = () => h.db.db;
  const balances = async (skuId: string) =>
    (await db().selectFrom('stock_ledger').select(['location_id', (eb) => eb.fn.sum<number>('delta').as('b')])
      .where('sku_id', '=', skuId).where('location_id', 'is not', null).groupBy('location_id').execute())
      .map((r) => ({ locationId: r.location_id!, balance: Number(r.b) }));
  /** Stock of a lot and expiry good for years when the SKU tracks them. */
  async function adjust(locationId: string, skuId: string, delta: number, tag: string) {
    const sku = await db().selectFrom('skus').selectAll().where('id', '=', skuId).executeTakeFirstOrThrow();
    await db().insertInto('stock_ledger').values({
      id: `test-${tag}-${locationId}`, warehouse_id: sku.warehouse_id, location_id: locationId, container_code: null, sku_id: skuId,
      lot: Number(sku.lot_tracked) ? 'LTEST' : null, expiry: Number(sku.expiry_tracked) ? '2099-01-01' : null,
      delta, reason: 'adjust', mutation_id: null, created_at: new Date().toISOString(),
    }).execute();
  }
  async function shortWave(code: string) {
    const { waveId, taskIds } = await createReleasedWave(db(), { code, assignedUserId: PAT, tasks: 1, qty: 5 });
    const t = await db().selectFrom('pick_tasks').selectAll().where('id', '=', taskIds[0]!).executeTakeFirstOrThrow();
    return { waveId, t };
  }
  const shortArgs = (waveId: string, taskId: string, foundQty: number, toteCode: string | null) =>
    ({ waveId, taskId, foundQty, toteCode, assignmentEpoch: 1 });

  it('counts the short bin and re-allocates the missing units as a new stop in walk order', async () => {
    const { waveId, t } = await shortWave('W-SH1');
    // Another pick face holds plenty of the SKU.
    const other = await db().selectFrom('locations').select(['id', 'walk_seq']).where('type', '=', 'pick_face')
      .where('id', '!=', t.location_id).orderBy('walk_seq', 'desc').executeTakeFirstOrThrow();
    await adjust(other.id, t.sku_id, 50, 'sh1');
    const d = await Device.signIn(h.app, 'U1001', PAT);
    const m = d.command('pick.short', shortArgs(waveId, t.id, 2, 'T0501'));
    expect((await d.push([m])).results[0]!.status).toBe('applied');

    const counts = await db().selectFrom('count_tasks').selectAll().where('id', 'like', `${m.id}:%`).execute();
    expect(counts.map((c) => [c.location_id, c.sku_id, c.reason, c.status])).toEqual([[t.location_id, t.sku_id, 'short_pick', 'open']]);
    const tasks = await db().selectFrom('pick_tasks').selectAll().where('wave_id', '=', waveId).execute();
    const fresh = tasks.filter((x) => x.id !== t.id);
    expect(fresh.reduce((n, x) => n + Number(x.qty), 0)).toBe(3);
    for (const x of fresh) {
      expect([x.order_line_id, x.status, x.location_id === t.location_id]).toEqual([t.order_line_id, 'open', false]);
      const loc = await db().selectFrom('locations').select('walk_seq').where('id', '=', x.location_id).executeTakeFirstOrThrow();
      expect(Number(x.walk_seq)).toBe(Number(loc.walk_seq));
    }
    const orig = tasks.find((x) => x.id === t.id)!;
    expect([orig.status, Number(orig.picked_qty)]).toEqual(['picked', 2]);
    const ex = await db().selectFrom('exceptions').selectAll().where('mutation_id', '=', m.id).execute();
    expect(ex).toEqual([]);
    const wave = await db().selectFrom('waves').select('status').where('id', '=', waveId).executeTakeFirstOrThrow();
    expect(wave.status).toBe('picking');
    // The new stop is pickable like any task.
    const pick = d.command('pick.confirm', { waveId, taskId: fresh[0]!.id, qty: Number(fresh[0]!.qty), toteCode: 'T0501', assignmentEpoch: 1 });
    expect((await d.push([pick])).results[0]!.status).toBe('applied');
  });

  it('raises a short_pick exception for the whole missing quantity when no other bin has stock', async () => {
    const { waveId, t } = await shortWave('W-SH2');
    for (const b of await balances(t.sku_id)) {
      if (b.locationId !== t.location_id && b.balance > 0) await adjust(b.locationId, t.sku_id, -b.balance, 'sh2');
    }
    const d = await Device.signIn(h.app, 'U1001', PAT);
    const m = d.command('pick.short', shortArgs(waveId, t.id, 1, 'T0502'));
    expect((await d.push([m])).results[0]!.status).toBe('applied');
    const tasks = await db().selectFrom('pick_tasks').selectAll().where('wave_id', '=', waveId).execute();
    expect(tasks.map((x) => [x.id, x.status])).toEqual([[t.id, 'short']]);
    const ex = await db().selectFrom('exceptions').selectAll().where('mutation_id', '=', m.id).execute();
    expect(ex.map((e) => [e.type, Number(e.qty), e.location_id])).toEqual([['short_pick', 4, t.location_id]]);
    const counts = await db().selectFrom('count_tasks').select('reason').where('id', 'like', `${m.id}:%`).execute();
    expect(counts.map((c) => c.reason)).toEqual(['short_pick']);
  });

  it('re-allocates what other bins hold net of other open tasks, and only the rest is short', async () => {
    const { waveId, t } = await shortWave('W-SH3');
    for (const b of await balances(t.sku_id)) {
      if (b.locationId !== t.location_id && b.balance > 0) await adjust(b.locationId, t.sku_id, -b.balance, 'sh3');
    }
    const other = await db().selectFrom('locations').select('id').where('type', '=', 'reserve').orderBy('walk_seq').executeTakeFirstOrThrow();
    await adjust(other.id, t.sku_id, 3, 'sh3b');
    // Another open wave already needs 1 of those 3.
    const { waveId: w2 } = await createReleasedWave(db(), { code: 'W-SH3B', assignedUserId: PAT, tasks: 1, qty: 1 });
    await db().updateTable('pick_tasks').set({ location_id: other.id, sku_id: t.sku_id }).where('wave_id', '=', w2).execute();
    const d = await Device.signIn(h.app, 'U1001', PAT);
    const m = d.command('pick.short', shortArgs(waveId, t.id, 0, null));
    expect((await d.push([m])).results[0]!.status).toBe('applied');
    const fresh = await db().selectFrom('pick_tasks').selectAll().where('wave_id', '=', waveId).where('id', '!=', t.id).execute();
    expect(fresh.map((x) => [x.location_id, Number(x.qty)])).toEqual([[other.id, 2]]);
    const ex = await db().selectFrom('exceptions').selectAll().where('mutation_id', '=', m.id).execute();
    expect(ex.map((e) => [e.type, Number(e.qty)])).toEqual([['short_pick', 3]]);
  });
});
