import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planningOrderId, seedPlanningDemoIfMissing } from '../../src/server/db/seed-planning';
import type { WavePreview } from '../../src/server/services/wave-planning';
import { BACKENDS } from './helpers/backends';
import { login, startHarness, WAVE_ID, type Harness } from './helpers/harness';

describe.each(BACKENDS)('wave release on %s', (kind) => {
  let h: Harness;
  let lead: string;
  let picker: string;
  beforeAll(async () => {
    h = await startHarness(kind);
    expect(await seedPlanningDemoIfMissing(h.db.db)).toBe(true);
    lead = await login(h.app, 'U5001', 'dev-lead');
    picker = await login(h.app, 'U1001', 'dev-picker');
  });
  afterAll(async () => h?.close());
  const db = () => h.db.db;

  const post = (url: string, payload: unknown, token = lead) =>
    h.app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${token}` }, payload: payload as object });
  const release = (payload: unknown, token = lead) => post('/api/waves/release', payload, token);
  const footprint = async () => {
    const out: Record<string, number> = {};
    for (const t of ['waves', 'pick_tasks', 'stock_ledger'] as const) {
      out[t] = Number((await db().selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    }
    out.version = Number((await db().selectFrom('server_version').select('value').executeTakeFirstOrThrow()).value);
    return out;
  };
  const refused = async (payload: unknown, status: number, code: string, token = lead) => {
    const before = await footprint();
    const r = await release(payload, token);
    expect(r.statusCode, r.body).toBe(status);
    expect(r.json()).toMatchObject({ error: { code } });
    expect(await footprint()).toEqual(before);
  };

  it('refuses pickers, bad bodies, unknown orders, orders not released, in a wave or without stock; nothing is written', async () => {
    const one = planningOrderId(1);
    await refused({ waves: [{ mode: 'multi', orderIds: [one] }] }, 403, 'FORBIDDEN', picker);
    for (const bad of [
      {},
      { waves: [] },
      { waves: [{ mode: 'single', orderIds: [one, planningOrderId(2)] }] },
      { waves: [{ mode: 'multi', orderIds: [one] }, { mode: 'multi', orderIds: [one] }] },
      { waves: [{ mode: 'multi', orderIds: [] }] },
      { waves: [{ mode: 'batch', orderIds: [one] }] },
      { waves: [{ mode: 'multi', orderIds: [one], extra: 1 }] },
      { waves: Array.from({ length: 6 }, (_, w) => ({ mode: 'multi', orderIds: Array.from({ length: 200 }, (_, i) => `ord-x-${w}-${i}`) })) },
    ]) {
      await refused(bad, 400, 'VALIDATION_FAILED');
    }
    await refused({ waves: [{ mode: 'multi', orderIds: [one, 'ord-nope'] }] }, 404, 'ORDER_NOT_FOUND');
    const allocated = await db().selectFrom('orders').select('id').where('status', '=', 'allocated').orderBy('id').executeTakeFirstOrThrow();
    await refused({ waves: [{ mode: 'multi', orderIds: [one, allocated.id] }] }, 409, 'ORDER_NOT_RELEASED');
    const inW1 = await db().selectFrom('pick_tasks').select('order_id').where('wave_id', '=', WAVE_ID).executeTakeFirstOrThrow();
    await refused({ waves: [{ mode: 'multi', orderIds: [one, inW1.order_id] }] }, 409, 'ORDER_ALREADY_IN_WAVE');
    await refused({ waves: [{ mode: 'multi', orderIds: [one, planningOrderId(8)] }] }, 409, 'ORDER_NOT_ALLOCATABLE');
  });

  it('releases the previewed waves with their pick tasks, unassigned, in one go; a repeat is a 409', async () => {
    const preview = (await post('/api/waves/preview', { groupBy: 'ship_by', maxOrders: 3 })).json() as WavePreview;
    expect(preview.waves.map((w) => w.orderIds.length)).toEqual([3, 2, 2]);
    // The lead takes the first two as proposed and splits the last into single-order waves.
    const [w1, w2, w3] = preview.waves;
    const proposal = {
      waves: [
        { mode: w1!.mode, orderIds: w1!.orderIds },
        { mode: w2!.mode, orderIds: w2!.orderIds },
        ...w3!.orderIds.map((id) => ({ mode: 'single' as const, orderIds: [id] })),
      ],
    };
    const versionsBefore = await db().selectFrom('orders').select(['id', 'version']).where('id', 'in', proposal.waves.flatMap((w) => w.orderIds)).execute();
    // Two leads releasing the same proposal at once: one wins, the other is told why.
    const both = await Promise.all([release(proposal), release(proposal)]);
    expect(both.map((x) => x.statusCode).sort()).toEqual([201, 409]);
    const lost = both.find((x) => x.statusCode === 409)!;
    expect(lost.json()).toMatchObject({ error: { code: 'ORDER_ALREADY_IN_WAVE' } });
    const r = both.find((x) => x.statusCode === 201)!;
    const out = (r.json() as { waves: { id: string; code: string; kind: string; orderIds: string[]; tasks: number }[] }).waves;
    expect(out.map((w) => w.orderIds)).toEqual(proposal.waves.map((w) => w.orderIds));
    expect(out.map((w) => w.kind)).toEqual(['cluster', 'cluster', 'single', 'single']);
    expect(new Set(out.map((w) => w.code)).size).toBe(4);
    for (const w of out) {
      expect(w.code).toMatch(/^W-\d{4}$/);
      const row = await db().selectFrom('waves').selectAll().where('id', '=', w.id).executeTakeFirstOrThrow();
      expect([row.status, row.kind, row.assigned_user_id, Number(row.assignment_epoch)]).toEqual(['released', w.kind, null, 0]);
      const tasks = await db().selectFrom('pick_tasks').selectAll().where('wave_id', '=', w.id).execute();
      expect(tasks.length).toBe(w.tasks);
      expect(new Set(tasks.map((t) => t.order_id))).toEqual(new Set(w.orderIds));
      expect(tasks.every((t) => t.status === 'open' && Number(t.picked_qty) === 0 && t.tote_code === null)).toBe(true);
      const lines = await db().selectFrom('order_lines').select((eb) => eb.fn.sum<number>('qty').as('units')).where('order_id', 'in', w.orderIds).executeTakeFirstOrThrow();
      expect(tasks.reduce((n, t) => n + Number(t.qty), 0)).toBe(Number(lines.units));
    }
    // A task per bin: at least one per order line.
    expect(out.slice(0, 2).map((w) => w.tasks >= [w1!, w2!][out.indexOf(w)]!.lines)).toEqual([true, true]);
    const versionsAfter = await db().selectFrom('orders').select(['id', 'version']).where('id', 'in', proposal.waves.flatMap((w) => w.orderIds)).execute();
    for (const b of versionsBefore) expect(Number(versionsAfter.find((a) => a.id === b.id)!.version)).toBeGreaterThan(Number(b.version));
    // Released orders leave the planning pool; a repeat is refused and writes nothing.
    const after = (await post('/api/waves/preview', {})).json() as WavePreview;
    expect(after.considered).toBe(1);
    await refused(proposal, 409, 'ORDER_ALREADY_IN_WAVE');
  });
});
