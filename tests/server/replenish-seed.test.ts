import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PullResponse } from '../../src/domain/sync';
import { DEMO_REPLENISH_TASK, seedReplenishDemoIfMissing } from '../../src/server/db/seed-replenish';
import { withReplenish } from '../../src/server/services/replenish-schema';
import { BACKENDS } from './helpers/backends';
import { Device, PAT, pickArgs, startHarness, type Harness } from './helpers/harness';

/** The demo's replenishment: one to do at once, and one that W-0001's first pick raises. */
describe.each(BACKENDS)('replenishment demo on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(kind);
  });
  afterAll(async () => h?.close());
  const rdb = () => withReplenish(h.db.db);

  it('seeds once: a receiver pulls an open replenishment, and the first W-0001 pick raises another', async () => {
    expect(await seedReplenishDemoIfMissing(h.db.db)).toBe(true);
    expect(await seedReplenishDemoIfMissing(h.db.db)).toBe(false);
    const limits = await rdb().selectFrom('pick_face_limits').selectAll().execute();
    expect(limits).toHaveLength(2);
    const rita = await Device.signIn(h.app, 'U3001', 'u-3001');
    const pulled = (await rita.get('/api/sync/pull?cursor=0&limit=5000')).json() as PullResponse;
    const task = pulled.replenish!.tasks.find((t) => t.id === DEMO_REPLENISH_TASK)!;
    expect(task).toMatchObject({ status: 'open' });
    expect(task.qty).toBeGreaterThan(0);
    expect(task.fromLocationId).toMatch(/^loc-C/);

    const first = await h.db.db.selectFrom('pick_tasks').selectAll().where('wave_id', '=', 'wave-W-0001')
      .where('location_id', 'in', limits.map((l) => l.location_id)).executeTakeFirstOrThrow();
    const pat = await Device.signIn(h.app, 'U1001', PAT);
    expect((await pat.push([pat.command('pick.confirm', pickArgs(first.id, first.qty, 'T0151'))])).results[0]!.status).toBe('applied');
    const raised = await rdb().selectFrom('replenishment_tasks').selectAll().where('location_id', '=', first.location_id).execute();
    expect(raised.map((r) => r.status)).toEqual(['open']);
    const events = await h.db.db.selectFrom('seller_events').selectAll().where('type', '=', 'stock.low').execute();
    expect(events).toHaveLength(1);
  });
});
