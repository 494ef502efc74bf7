import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PullResponse } from '../../src/domain/sync';
import { BACKENDS } from './helpers/backends';
import { Device, startHarness, type Harness } from './helpers/harness';
import { balances, closeArgs, DOCK, line, receivingDigest, RITA } from './helpers/receiving';

/** putaway.confirm and stock.move on the server, alone and in one batch with the close. */
describe.each(BACKENDS)('putaway and moves on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(kind);
  });
  afterAll(async () => h?.close());
  const db = () => h.db.db;
  const task = (id: string) => db().selectFrom('putaway_tasks').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const blind = (lines: unknown[]) => closeArgs({ asnId: null, lines });
  const SKU = 'sku-LUMA-0002';
  const OTHER_BIN = 'loc-C04-09-4';

  it('moves units from the dock to the bin; fewer leave the rest open; another bin needs a reason; a done task is refused', async () => {
    const d = await Device.signIn(h.app, 'U3001', RITA);
    const seeded = await balances(h, { skuIds: [SKU] });
    const close = d.command('receipt.close', blind([
      line(SKU, 10),
      line(SKU, 2, { condition: 'damaged', reason: 'Wet box', photoIds: ['ph-1'] }),
    ]));
    expect((await d.push([close])).results[0]!.status).toBe('applied');
    const damaged = await task(`${close.id}:putaway:0`);
    const ok = await task(`${close.id}:putaway:1`);
    expect([damaged.condition, Number(damaged.qty), damaged.suggested_location_id]).toEqual(['damaged', 2, 'loc-DMG-01']);
    const bin = ok.suggested_location_id!;
    expect(bin).toMatch(/^loc-[ABC]/);
    expect(bin).not.toBe(OTHER_BIN);

    // Another device puts away: it pulled the tasks with the server's suggestions.
    const e = await Device.signIn(h.app, 'U5001', 'u-5001');
    const put = (taskId: string, toLocationId: string, qty: number, reason: string | null = null) => e.command('putaway.confirm', { taskId, toLocationId, qty, reason });
    const before = await receivingDigest(h);
    const refused = [
      put(ok.id, OTHER_BIN, 4),
      put(ok.id, bin, 11),
      put(ok.id, DOCK, 4, 'other'),
      put(ok.id, 'loc-PACK-01', 4, 'other'),
      put(ok.id, 'loc-NOWHERE', 4, 'other'),
      put('no-such-task', bin, 1),
      put(damaged.id, bin, 2, 'other'),
    ];
    expect((await e.push(refused)).results.map((r) => r.code)).toEqual([
      'PUTAWAY_REASON_REQUIRED', 'PUTAWAY_QTY_OVER', 'NOT_A_STORAGE_LOCATION', 'NOT_A_STORAGE_LOCATION', 'LOCATION_NOT_FOUND', 'PUTAWAY_TASK_NOT_FOUND', 'NOT_A_DAMAGED_LOCATION',
    ]);
    expect(await receivingDigest(h)).toBe(before);

    // The closing device, in a later batch, shelves 1 where it chose: it made the task, no reason asked.
    const own = d.command('putaway.confirm', { taskId: ok.id, toLocationId: OTHER_BIN, qty: 1, reason: null });
    expect((await d.push([own])).results[0]).toMatchObject({ status: 'applied' });
    // Then 4 into the suggested bin, 5 into another with a reason, the damaged 2 into the damaged bin.
    const first = put(ok.id, bin, 4);
    const rest = put(ok.id, OTHER_BIN, 5, 'full');
    const dmg = put(damaged.id, 'loc-DMG-01', 2);
    const r1 = await e.push([first]);
    expect(r1.results[0]!.status).toBe('applied');
    expect(await task(ok.id)).toMatchObject({ status: 'open', to_location_id: bin, reason: null });
    expect(Number((await task(ok.id)).done_qty)).toBe(5);
    const mid = (await d.get('/api/sync/pull?cursor=0&limit=5000')).json() as PullResponse;
    expect(mid.inbound!.putawayTasks.find((t) => t.id === ok.id)).toMatchObject({ qty: 5, status: 'open' });

    expect((await e.push([rest, dmg])).results.map((r) => r.status)).toEqual(['applied', 'applied']);
    expect(await task(ok.id)).toMatchObject({ status: 'done', to_location_id: OTHER_BIN, reason: 'full', done_by: 'u-5001' });
    expect(Number((await task(ok.id)).done_qty)).toBe(10);
    expect((await task(ok.id)).done_at).not.toBeNull();
    const want = { ...seeded };
    for (const [loc, n] of [[bin, 4], [OTHER_BIN, 6], ['loc-DMG-01', 2]] as const) want[`${loc}|${SKU}|`] = (want[`${loc}|${SKU}|`] ?? 0) + n;
    expect(await balances(h, { skuIds: [SKU] })).toEqual(want);
    expect((await balances(h, { locationId: DOCK, skuIds: [SKU] }))).toEqual({});
    const rows = await db().selectFrom('stock_ledger').select(['location_id', 'delta', 'reason']).where('mutation_id', '=', rest.id).orderBy('delta').execute();
    expect(rows.map((x) => [x.location_id, Number(x.delta), x.reason])).toEqual([[DOCK, -5, 'putaway'], [OTHER_BIN, 5, 'putaway']]);

    // Done: refused, and gone from the pull.
    const late = put(ok.id, bin, 1);
    expect((await e.push([late])).results[0]).toMatchObject({ status: 'rejected', code: 'PUTAWAY_TASK_DONE' });
    const after = (await d.get('/api/sync/pull?cursor=0&limit=5000')).json() as PullResponse;
    expect(after.inbound!.putawayTasks.filter((t) => t.receiptId === (close.args as { receiptId: string }).receiptId)).toEqual([]);
  });

  it('a receipt closed and put away in one batch (offline at the dock): the device never saw the suggestion, so no reason is asked', async () => {
    const d = await Device.signIn(h.app, 'U5001', 'u-5001');
    const close = d.command('receipt.close', blind([line('sku-LUMA-0003', 7)]));
    const put = d.command('putaway.confirm', { taskId: `${close.id}:putaway:0`, toLocationId: 'loc-C04-08-4', qty: 7, reason: null });
    const again = d.command('putaway.confirm', { taskId: `${close.id}:putaway:0`, toLocationId: 'loc-C04-08-4', qty: 1, reason: 'closer' });
    const r = await d.push([close, put, again]);
    expect(r.results.map((x) => x.code ?? x.status)).toEqual(['applied', 'applied', 'PUTAWAY_TASK_DONE']);
    expect(await balances(h, { skuIds: ['sku-LUMA-0003'], locationId: 'loc-C04-08-4' })).toEqual({ [`loc-C04-08-4|sku-LUMA-0003|`]: 7 });
    expect(await balances(h, { skuIds: ['sku-LUMA-0003'], locationId: DOCK })).toEqual({});
    const done = await task(`${close.id}:putaway:0`);
    expect(done).toMatchObject({ status: 'done', to_location_id: 'loc-C04-08-4', reason: null });
    // The server had suggested the SKU's pick face, which the device did not know.
    expect(done.suggested_location_id).toBe('loc-A04-08-1');
  });

  it('stock.move: bin to bin; more than the ledger holds is still recorded, with a count for the lead', async () => {
    const d = await Device.signIn(h.app, 'U3001', RITA);
    const from = 'loc-C04-08-4';
    const to = 'loc-C04-07-4';
    const mv = (over: Record<string, unknown>) => d.command('stock.move', { fromLocationId: from, toLocationId: to, skuId: 'sku-LUMA-0003', lot: null, qty: 3, ...over });
    const before = await receivingDigest(h);
    const bad = [mv({ toLocationId: from }), mv({ toLocationId: 'loc-PACK-01' }), mv({ toLocationId: DOCK }), mv({ skuId: 'sku-NOPE' }), mv({ fromLocationId: 'loc-NOWHERE' })];
    expect((await d.push(bad)).results.map((x) => x.code)).toEqual(['MOVE_SAME_BIN', 'NOT_A_STORAGE_LOCATION', 'NOT_A_STORAGE_LOCATION', 'SKU_NOT_FOUND', 'LOCATION_NOT_FOUND']);
    expect(await receivingDigest(h)).toBe(before);

    const three = mv({});
    const tooMany = mv({ qty: 6 });
    const r = await d.push([three, tooMany]);
    expect(r.results.map((x) => x.code ?? x.status)).toEqual(['applied', 'MOVE_NOT_ENOUGH_STOCK']);
    expect(r.results[1]!.status).toBe('applied');
    const held = await balances(h, { skuIds: ['sku-LUMA-0003'] });
    expect([held[`${from}|sku-LUMA-0003|`], held[`${to}|sku-LUMA-0003|`]]).toEqual([-2, 9]);
    const neg = await db().selectFrom('exceptions').selectAll().where('type', '=', 'negative_stock').where('location_id', '=', from).execute();
    expect(neg.map((e) => [e.sku_id, Number(e.qty)])).toEqual([['sku-LUMA-0003', -2]]);
    expect(await db().selectFrom('count_tasks').select('id').where('location_id', '=', from).execute()).toHaveLength(1);
    const rows = await db().selectFrom('stock_ledger').select('reason').where('mutation_id', 'in', [three.id, tooMany.id]).execute();
    expect(rows.every((x) => x.reason === 'move')).toBe(true);

    // A picker does not move stock.
    const picker = await Device.signIn(h.app, 'U1001', 'u-1001');
    expect((await picker.push([picker.command('stock.move', { fromLocationId: to, toLocationId: from, skuId: 'sku-LUMA-0003', lot: null, qty: 1 })])).results[0]).toMatchObject({ code: 'FORBIDDEN' });
  });
});
