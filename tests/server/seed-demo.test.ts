import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLUSTER_WAVE_CODE, DEMO_LOT_SKU, DEMO_SHORT_SKU, seedClusterDemoIfMissing, SPARE_TOTES } from '../../src/server/db/seed-cluster';
import { BACKENDS } from './helpers/backends';
import { Device, digest, PAT, startHarness, type Harness } from './helpers/harness';

describe.each(BACKENDS)('picking demo data on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(kind);
  });
  afterAll(async () => h?.close());
  const db = () => h.db.db;

  it('seeds cluster wave W-0002 of three orders for Pat, a FEFO lot line and a line its bin cannot fill', async () => {
    const wave = await db().selectFrom('waves').selectAll().where('code', '=', CLUSTER_WAVE_CODE).executeTakeFirstOrThrow();
    expect([wave.kind, wave.assigned_user_id, wave.status, Number(wave.assignment_epoch)]).toEqual(['cluster', PAT, 'released', 1]);
    const tasks = await db().selectFrom('pick_tasks').selectAll().where('wave_id', '=', wave.id).orderBy('walk_seq').execute();
    expect(new Set(tasks.map((t) => t.order_id)).size).toBe(3);
    const lot = tasks.find((t) => t.sku_id === DEMO_LOT_SKU.id)!;
    // FEFO skips the lot inside the 30-day shelf life and takes the next one.
    expect(lot.lot).toMatch(/^LL\d{2}02$/);
    expect(lot.expiry! > new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10)).toBe(true);
    const lots = await db().selectFrom('stock_ledger').select(['location_id', 'lot', 'expiry']).where('sku_id', '=', DEMO_LOT_SKU.id).execute();
    expect(new Set(lots.map((l) => l.lot)).size).toBe(2);
    expect(new Set(lots.map((l) => l.location_id)).size).toBe(2);
    const short = tasks.find((t) => t.sku_id === DEMO_SHORT_SKU.id)!;
    const held = await db().selectFrom('stock_ledger').select(['location_id', 'delta']).where('sku_id', '=', DEMO_SHORT_SKU.id).execute();
    const inBin = held.filter((r) => r.location_id === short.location_id).reduce((n, r) => n + Number(r.delta), 0);
    const elsewhere = held.filter((r) => r.location_id !== short.location_id).reduce((n, r) => n + Number(r.delta), 0);
    expect(inBin).toBeLessThan(Number(short.qty));
    expect(elsewhere).toBeGreaterThanOrEqual(Number(short.qty) - inBin);
    const totes = await db().selectFrom('totes').select('code').where('code', 'in', SPARE_TOTES).execute();
    expect(totes).toHaveLength(3);
  });

  it('is seeded once: a second run changes nothing', async () => {
    const before = await digest(h);
    expect(await seedClusterDemoIfMissing(db())).toBe(false);
    expect(await digest(h)).toBe(before);
  });

  it('re-allocates the demo short line from reserve when the picker finds 2 of 4', async () => {
    const wave = await db().selectFrom('waves').select('id').where('code', '=', CLUSTER_WAVE_CODE).executeTakeFirstOrThrow();
    const t = await db().selectFrom('pick_tasks').selectAll().where('wave_id', '=', wave.id).where('sku_id', '=', DEMO_SHORT_SKU.id).executeTakeFirstOrThrow();
    const d = await Device.signIn(h.app, 'U1001', PAT);
    const m = d.command('pick.short', { waveId: wave.id, taskId: t.id, foundQty: 2, toteCode: 'T0301', assignmentEpoch: 1 });
    expect((await d.push([m])).results[0]!.status).toBe('applied');
    const fresh = await db().selectFrom('pick_tasks').selectAll().where('wave_id', '=', wave.id).where('id', 'like', `${m.id}:%`).execute();
    expect(fresh.map((x) => [x.order_line_id, Number(x.qty), x.status])).toEqual([[t.order_line_id, 2, 'open']]);
  });
});
