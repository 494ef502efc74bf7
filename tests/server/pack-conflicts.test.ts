import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACK_DEMO } from '../../src/server/db/seed-pack';
import type { PullResponse } from '../../src/domain/sync';
import { BACKENDS } from './helpers/backends';
import { Device, startHarness, type Harness } from './helpers/harness';
import { confirmArgs, containerUnits, orderStatus, PACO, Serials } from './helpers/pack';

const [ONE, TWO, SINGLE] = PACK_DEMO.orders;

describe.each(BACKENDS)('packing conflicts on %s', (kind) => {
  let h: Harness;
  let d: Device;
  let nums: Serials;
  beforeAll(async () => {
    h = await startHarness(kind);
    d = await Device.signIn(h.app, 'U2001', PACO);
    nums = await Serials.lease(d);
  });
  afterAll(async () => h?.close());
  const db = () => h.db.db;

  it('refuses to pack an order cancelled between pick and pack: an unpack-and-restock task, no shipment, no stock move', async () => {
    await db().updateTable('orders').set({ status: 'cancelled' }).where('id', '=', SINGLE.id).execute();
    const printed = nums.next();
    const m = d.command('pack.confirm', confirmArgs(SINGLE, printed, { boxCode: 'BOX-S1' }));
    expect((await d.push([m])).results[0]).toMatchObject({ status: 'rejected', code: 'ORDER_CANCELLED' });
    expect(await db().selectFrom('shipments').select('id').where('order_id', '=', SINGLE.id).execute()).toEqual([]);
    expect(await db().selectFrom('cartons').select('id').where('order_id', '=', SINGLE.id).execute()).toEqual([]);
    expect(await db().selectFrom('stock_ledger').select('id').where('mutation_id', '=', m.id).execute()).toEqual([]);
    expect(await db().selectFrom('seller_events').select('id').where('id', 'like', `${m.id}%`).execute()).toEqual([]);
    expect(await containerUnits(h, SINGLE.tote)).toBe(1);
    expect(await orderStatus(h, SINGLE.id)).toBe('cancelled');
    const x = await db().selectFrom('exceptions').selectAll().where('mutation_id', '=', m.id).executeTakeFirstOrThrow();
    expect([x.type, x.status, x.order_id, x.location_id, Number(x.qty)]).toEqual(['order_cancelled', 'open', SINGLE.id, PACK_DEMO.benchId, 1]);
    expect(JSON.parse(x.details!)).toEqual({
      toteCode: SINGLE.tote,
      items: [{ skuId: SINGLE.items[0].skuId, lot: null, qty: 1 }],
      // The label was printed offline: it must be pulled back.
      trackingNumbers: [printed.trackingNumber],
    });
    // The packer's device hears of it on its next pull: the refusal and the task.
    const p = (await d.get(`/api/sync/pull?cursor=${Number(x.version) - 1}`)).json() as PullResponse;
    expect(p.rejections.map((r) => [r.id, r.code])).toEqual([[m.id, 'ORDER_CANCELLED']]);
    expect(p.changes.exceptions.map((e) => [e.type, e.orderId])).toEqual([['order_cancelled', SINGLE.id]]);
    // The tote still waits at the bench until someone unpacks it.
    const tote = await db().selectFrom('totes').select('status').where('code', '=', SINGLE.tote).executeTakeFirstOrThrow();
    expect(tote.status).toBe('awaiting_packing');
  });

  it('reports a missing unit: the order goes on hold, the lead gets an exception, the seller an event, the other order carries on', async () => {
    const missing = TWO.items[0];
    const m = d.command('pack.missing', { orderId: TWO.id, toteCode: TWO.tote, benchId: PACK_DEMO.benchId, skuId: missing.skuId, lot: null, qty: 1 });
    expect((await d.push([m])).results[0]).toMatchObject({ status: 'applied' });
    expect(await orderStatus(h, TWO.id)).toBe('on_hold');
    const x = await db().selectFrom('exceptions').selectAll().where('mutation_id', '=', m.id).executeTakeFirstOrThrow();
    expect([x.type, x.order_id, x.sku_id, Number(x.qty)]).toEqual(['missing_at_pack', TWO.id, missing.skuId, 1]);
    expect(JSON.parse(x.details!)).toEqual({ toteCode: TWO.tote, lot: null });
    const ev = await db().selectFrom('seller_events').selectAll().where('id', '=', `${m.id}:e0`).executeTakeFirstOrThrow();
    expect([ev.type, ev.seller_id]).toEqual(['order.on_hold', TWO.sellerId]);
    expect(await containerUnits(h, TWO.tote)).toBe(6);

    const held = d.command('pack.confirm', confirmArgs(TWO, nums.next()));
    expect((await d.push([held])).results[0]).toMatchObject({ status: 'rejected', code: 'ORDER_ON_HOLD' });
    const one = d.command('pack.confirm', confirmArgs(ONE, nums.next()));
    expect((await d.push([one])).results[0]).toMatchObject({ status: 'applied' });
    // The held order's units are still in the tote, so it stays at the bench.
    const tote = await db().selectFrom('totes').select(['status', 'location_id']).where('code', '=', ONE.tote).executeTakeFirstOrThrow();
    expect([tote.status, tote.location_id]).toEqual(['awaiting_packing', PACK_DEMO.benchId]);
    expect(await containerUnits(h, ONE.tote)).toBe(3);
  });

  it('refuses a missing report for what the order does not have in the tote', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ orderId: ONE.id, skuId: ONE.items[0].skuId }, 'ORDER_ALREADY_PACKED'],
      [{ orderId: TWO.id, skuId: ONE.items[0].skuId }, 'ITEM_NOT_IN_TOTE'],
      [{ orderId: TWO.id, skuId: TWO.items[1].skuId, qty: 3 }, 'ITEM_NOT_IN_TOTE'],
      [{ orderId: 'ord-none', skuId: TWO.items[1].skuId }, 'ORDER_NOT_FOUND'],
      [{ orderId: TWO.id, skuId: TWO.items[1].skuId, toteCode: 'T0007' }, 'TOTE_NOT_PICKED'],
    ];
    for (const [over, code] of cases) {
      const m = d.command('pack.missing', { orderId: TWO.id, toteCode: TWO.tote, benchId: PACK_DEMO.benchId, skuId: '', lot: null, qty: 1, ...over });
      expect((await d.push([m])).results[0]).toMatchObject({ status: 'rejected', code });
      expect(await db().selectFrom('exceptions').select('id').where('mutation_id', '=', m.id).execute()).toEqual([]);
    }
  });
});
