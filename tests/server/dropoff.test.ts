import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PullResponse } from '../../src/domain/sync';
import { BACKENDS } from './helpers/backends';
import { Device, PAT, pickArgs, startHarness, tasksOf, WAVE_ID, type Harness } from './helpers/harness';

/** W-0001 picked to the end (one tote per order), dropped at a pack bench. */
describe.each(BACKENDS)('wave.dropoff on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(kind);
  });
  afterAll(async () => h?.close());

  const dropoff = (p: Record<string, unknown> = {}) => ({ waveId: WAVE_ID, locationCode: 'PACK-01', assignmentEpoch: 1, ...p });
  const totes = () => h.db.db.selectFrom('totes').selectAll().where('wave_id', '=', WAVE_ID).orderBy('code').execute();

  it('refuses a wave with open tasks, then a bin; drops the totes of the done wave once', async () => {
    const d = await Device.signIn(h.app, 'U1001', PAT);
    const tasks = await tasksOf(h);
    const toteOf = new Map([...new Set(tasks.map((t) => t.order_id))].map((o, i) => [o, `T05${String(i).padStart(2, '0')}`]));
    const [last, ...rest] = [...tasks].reverse();
    const picks = rest.reverse().map((t) => d.command('pick.confirm', pickArgs(t.id, t.qty, toteOf.get(t.order_id)!)));
    const early = d.command('wave.dropoff', dropoff());
    const r1 = await d.push([...picks, early]);
    expect(r1.results.at(-1)).toMatchObject({ status: 'rejected', code: 'WAVE_NOT_DONE' });

    // The last line closes the wave; a bin and an unknown label are refused, a second drop-off changes nothing.
    const lastPick = d.command('pick.confirm', pickArgs(last!.id, last!.qty, toteOf.get(last!.order_id)!));
    const atBin = d.command('wave.dropoff', dropoff({ locationCode: last!.location_id.replace(/^loc-/, '') }));
    const unknown = d.command('wave.dropoff', dropoff({ locationCode: 'NOPE-99' }));
    const drop = d.command('wave.dropoff', dropoff());
    const again = d.command('wave.dropoff', dropoff({ locationId: 'loc-PACK-02', locationCode: undefined }));
    // One order is cancelled upstream before the drop-off: it must stay cancelled.
    const [cancelledOrder, ...pickedOrders] = [...toteOf.keys()];
    await h.db.db.updateTable('orders').set({ status: 'cancelled' }).where('id', '=', cancelledOrder!).execute();
    const r2 = await d.push([lastPick, atBin, unknown, drop, again]);
    expect(r2.results.map((x) => x.code ?? x.status)).toEqual(['applied', 'NOT_A_PACK_BENCH', 'NOT_A_PACK_BENCH', 'applied', 'applied']);

    const wave = await h.db.db.selectFrom('waves').selectAll().where('id', '=', WAVE_ID).executeTakeFirstOrThrow();
    expect([wave.status, wave.dropoff_location_id, wave.dropped_at !== null]).toEqual(['done', 'loc-PACK-01', true]);
    const dropped = await totes();
    expect(dropped.map((t) => t.code)).toEqual([...new Set(toteOf.values())].sort());
    for (const t of dropped) expect([t.status, t.location_id]).toEqual(['awaiting_packing', 'loc-PACK-01']);
    // No ledger rows: the units stay in the totes.
    expect(await h.db.db.selectFrom('stock_ledger').select('id').where('mutation_id', 'in', [drop.id, again.id]).execute()).toEqual([]);

    // The totes have left the cart: the picker cannot take a pick back any more.
    const undo = d.command('pick.undo', {
      waveId: WAVE_ID, taskId: last!.id, mutationIdToUndo: lastPick.id, qty: last!.qty, toteCode: toteOf.get(last!.order_id)!, assignmentEpoch: 1,
    });
    expect((await d.push([undo])).results[0]).toMatchObject({ status: 'rejected', code: 'TOTE_LEFT_CART' });

    // The wave's orders are picked and wait at the bench; the cancelled one is not reopened.
    const orders = await h.db.db.selectFrom('orders').select(['id', 'status']).where('id', 'in', [...toteOf.keys()]).execute();
    expect(Object.fromEntries(orders.map((o) => [o.id, o.status]))).toEqual(
      Object.fromEntries([[cancelledOrder, 'cancelled'], ...pickedOrders.map((o) => [o, 'picked'])]),
    );
    const packer = await Device.signIn(h.app, 'U2001', 'u-2001');
    const bench = ((await packer.get('/api/sync/pull?cursor=0&limit=5000')).json() as PullResponse).pack!;
    const atBench = bench.orders.filter((o) => toteOf.has(o.orderId));
    expect(atBench.map((o) => [o.orderId, o.status, o.toteCode]).sort()).toEqual(
      [...toteOf].map(([o, t]) => [o, o === cancelledOrder ? 'cancelled' : 'picked', t]).sort(),
    );

    // The device learns where the totes are and that the wave was dropped.
    const pulled = (await d.get('/api/sync/pull?cursor=0&limit=5000')).json() as PullResponse;
    expect(pulled.changes.waves.find((w) => w.id === WAVE_ID)).toMatchObject({ dropoffLocationId: 'loc-PACK-01' });
    const pulledTote = pulled.changes.totes.find((t) => t.code === dropped[0]!.code);
    expect(pulledTote).toMatchObject({ status: 'awaiting_packing', locationId: 'loc-PACK-01', waveId: WAVE_ID });
  });
});
