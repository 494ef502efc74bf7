import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACK_DEMO } from '../../src/server/db/seed-pack';
import { BACKENDS } from './helpers/backends';
import { Device, digest, LEE, startHarness, type Harness } from './helpers/harness';
import { confirmArgs, containerUnits, expectedG, leadOverride, orderStatus, PACO, Serials } from './helpers/pack';

const [ONE, TWO, SINGLE] = PACK_DEMO.orders;

describe.each(BACKENDS)('pack.confirm on %s', (kind) => {
  let h: Harness;
  let a: Device;
  let b: Device;
  let na: Serials;
  let nb: Serials;
  beforeAll(async () => {
    h = await startHarness(kind);
    a = await Device.signIn(h.app, 'U2001', PACO);
    b = await Device.signIn(h.app, 'U5001', LEE);
    na = await Serials.lease(a);
    nb = await Serials.lease(b);
  });
  afterAll(async () => h?.close());
  const db = () => h.db.db;
  const refusedAlone = async (d: Device, args: unknown, name = 'pack.confirm') => {
    const before = await digest(h);
    const m = d.command(name, args);
    const r = (await d.push([m])).results[0]!;
    // A refusal writes only the command's own record (and the device's lastSeq).
    const shipments = await db().selectFrom('shipments').select('id').where('mutation_id', '=', m.id).execute();
    const ledger = await db().selectFrom('stock_ledger').select('id').where('mutation_id', '=', m.id).execute();
    expect([shipments.length, ledger.length]).toEqual([0, 0]);
    expect(before).not.toBe(await digest(h));
    return r;
  };

  it('refuses what does not add up, changing nothing but the command log', async () => {
    const nums = na.next();
    const cases: [unknown, string][] = [
      [confirmArgs(ONE, nums, { items: [{ skuId: ONE.items[0].skuId, lot: null, qty: ONE.items[0].qty }] }), 'PACK_CONTENTS_MISMATCH'],
      [confirmArgs(ONE, nums, { items: [...ONE.items.map((i) => ({ skuId: i.skuId, lot: null, qty: i.qty })), { skuId: TWO.items[0].skuId, lot: null, qty: 1 }] }), 'PACK_CONTENTS_MISMATCH'],
      [{ ...confirmArgs(ONE, nums), toteCode: 'T0005' }, 'TOTE_NOT_PICKED'],
      [{ ...confirmArgs(ONE, nums), toteCode: PACK_DEMO.singleTote }, 'ORDER_NOT_IN_TOTE'],
      [{ ...confirmArgs(ONE, nums), orderId: "'; DROP TABLE orders; --" }, 'ORDER_NOT_FOUND'],
      [confirmArgs(ONE, nums, { weightG: expectedG(ONE) + 200 }), 'WEIGHT_OUT_OF_TOLERANCE'],
      [{ ...confirmArgs(ONE, nums, { weightG: expectedG(ONE) + 200 }), override: { leadUserId: LEE, nonce: crypto.randomUUID(), proof: 'ab'.repeat(32) } }, 'OVERRIDE_INVALID'],
      // A picker's badge cannot approve, even with a well-formed proof of a real key's shape.
      [{ ...confirmArgs(ONE, nums, { weightG: expectedG(ONE) + 200 }), override: { leadUserId: 'u-1001', nonce: crypto.randomUUID(), proof: 'ab'.repeat(32) } }, 'OVERRIDE_INVALID'],
      [confirmArgs(ONE, nb.next()), 'NUMBER_NOT_LEASED'],
      [{ ...confirmArgs(ONE, nums), cartons: [{ ...confirmArgs(ONE, nums).cartons[0]!, boxTypeId: '<script>alert(1)</script>' }] }, 'BOX_UNKNOWN'],
    ];
    for (const [args, code] of cases) {
      const r = await refusedAlone(a, args);
      expect([r.status, r.code]).toEqual(['rejected', code]);
    }
    expect(await orderStatus(h, ONE.id)).toBe('picked');
    expect(await containerUnits(h, ONE.tote)).toBe(6);
  });

  it('refuses a zero or negative weight and hostile text at the door (400), writing nothing', async () => {
    const nums = na.next();
    const bad = [
      confirmArgs(ONE, nums, { weightG: 0 }),
      confirmArgs(ONE, nums, { weightG: -660 }),
      { ...confirmArgs(ONE, nums), orderId: 'ord\u0000pack' },
      { ...confirmArgs(ONE, nums), orderId: 'x'.repeat(5000) },
      { ...confirmArgs(ONE, nums), cartons: [{ ...confirmArgs(ONE, nums).cartons[0]!, trackingNumber: 'LT<b>1</b>US' }] },
      { ...confirmArgs(ONE, nums), cartons: [] },
      { ...confirmArgs(ONE, nums), extra: 'field' },
    ];
    for (const args of bad) {
      const before = await digest(h);
      const r = await a.pushRaw([a.command('pack.confirm', args)]);
      a.seq -= 1;
      expect(r.statusCode).toBe(400);
      expect((r.json() as { error: { code: string } }).error.code).toBe('VALIDATION_FAILED');
      expect(await digest(h)).toBe(before);
    }
  });

  it('two devices pack the two orders of one tote from their own leases; the tote is free after the last', async () => {
    const n1 = na.next();
    const n2 = nb.next();
    const m1 = a.command('pack.confirm', confirmArgs(ONE, n1));
    // The same numbers on another order later in the same batch are already spent.
    const dupe = a.command('pack.confirm', confirmArgs(TWO, n1));
    expect((await a.push([m1, dupe])).results.map((r) => [r.status, r.code ?? null])).toEqual([['applied', null], ['rejected', 'NUMBER_ALREADY_USED']]);
    const tote = () => db().selectFrom('totes').selectAll().where('code', '=', ONE.tote).executeTakeFirstOrThrow();
    expect((await tote()).status).toBe('awaiting_packing');
    // Device B cannot use a number leased to device A.
    const stolen = b.command('pack.confirm', confirmArgs(TWO, na.next()));
    expect((await b.push([stolen])).results[0]).toMatchObject({ status: 'rejected', code: 'NUMBER_NOT_LEASED' });
    const m2 = b.command('pack.confirm', confirmArgs(TWO, n2, { boxCode: 'BOX-S2' }));
    expect((await b.push([m2])).results[0]).toMatchObject({ status: 'applied' });
    expect([(await tote()).status, (await tote()).location_id, (await tote()).wave_id]).toEqual(['free', null, null]);

    const cartons = await db().selectFrom('cartons').selectAll().orderBy('tracking_number').execute();
    expect(cartons.map((c) => [c.order_id, c.tracking_number, c.sscc]).sort()).toEqual([
      [ONE.id, n1.trackingNumber, n1.sscc],
      [TWO.id, n2.trackingNumber, n2.sscc],
    ]);
    expect(new Set(cartons.map((c) => c.tracking_number)).size).toBe(2);
    expect(new Set(cartons.map((c) => c.sscc)).size).toBe(2);
    const ship = await db().selectFrom('shipments').selectAll().where('order_id', '=', ONE.id).executeTakeFirstOrThrow();
    expect([ship.carrier, ship.service, ship.status, ship.packed_by, ship.override_by]).toEqual(['UPS', 'UPS Ground', 'packed', PACO, null]);
    expect(JSON.parse(cartons.find((c) => c.order_id === ONE.id)!.contents)).toEqual(ONE.items.map((i) => ({ skuId: i.skuId, lot: null, qty: i.qty })));
    for (const o of [ONE, TWO]) {
      expect(await orderStatus(h, o.id)).toBe('packed');
      const row = await db().selectFrom('orders').select('packed_at').where('id', '=', o.id).executeTakeFirstOrThrow();
      expect(row.packed_at).toBeTruthy();
    }
    // Units left the tote for the cartons.
    expect(await containerUnits(h, ONE.tote)).toBe(0);
    expect(await containerUnits(h, n1.sscc)).toBe(3);
    expect(await containerUnits(h, n2.sscc)).toBe(3);
    const events = await db().selectFrom('seller_events').selectAll().where('type', '=', 'order.packed').orderBy('version').execute();
    expect(events.map((e) => [e.id, e.seller_id])).toEqual([[`${m1.id}:e0`, ONE.sellerId], [`${m2.id}:e0`, TWO.sellerId]]);
    expect(JSON.parse(events[0]!.payload)).toMatchObject({ orderRef: ONE.ref, cartons: [{ trackingNumber: n1.trackingNumber, sscc: n1.sscc, weightG: expectedG(ONE) }] });

    // Replaying the same push answers the same and ships nothing twice.
    const before = await digest(h);
    const again = await a.push([m1, dupe]);
    expect(again.results.map((r) => [r.id, r.status])).toEqual([[m1.id, 'applied'], [dupe.id, 'rejected']]);
    expect(await digest(h)).toBe(before);
    // A new confirm of a packed order (a carton already closed) is refused.
    const twice = a.command('pack.confirm', confirmArgs(ONE, na.next()));
    expect((await a.push([twice])).results[0]).toMatchObject({ status: 'rejected', code: 'ORDER_ALREADY_PACKED' });
    expect(await db().selectFrom('shipments').select('id').where('order_id', '=', ONE.id).execute()).toHaveLength(1);
  });

  it('accepts a weight outside tolerance with a lead\'s badge and PIN, records it, and takes each approval once', async () => {
    const off = expectedG(SINGLE, 'BOX-S1') + 300;
    const ov = await leadOverride(h, LEE, SINGLE.id);
    const wrongPin = await leadOverride(h, LEE, SINGLE.id, '9999');
    const forged = a.command('pack.confirm', { ...confirmArgs(SINGLE, na.next(), { boxCode: 'BOX-S1', weightG: off }), override: wrongPin });
    expect((await a.push([forged])).results[0]).toMatchObject({ status: 'rejected', code: 'OVERRIDE_INVALID' });
    const otherOrder = a.command('pack.confirm', { ...confirmArgs(SINGLE, na.next(), { boxCode: 'BOX-S1', weightG: off }), override: await leadOverride(h, LEE, ONE.id) });
    expect((await a.push([otherOrder])).results[0]).toMatchObject({ status: 'rejected', code: 'OVERRIDE_INVALID' });
    const nums = na.next();
    const m = a.command('pack.confirm', { ...confirmArgs(SINGLE, nums, { boxCode: 'BOX-S1', weightG: off }), override: ov });
    // The same approval sent again in the same batch (another shipment) is spent.
    const reuse = a.command('pack.confirm', { ...confirmArgs(SINGLE, na.next(), { boxCode: 'BOX-S1', weightG: off }), override: ov });
    const res = await a.push([m, reuse]);
    expect(res.results.map((r) => [r.status, r.code ?? null])).toEqual([['applied', null], ['rejected', 'ORDER_ALREADY_PACKED']]);
    const ship = await db().selectFrom('shipments').selectAll().where('order_id', '=', SINGLE.id).executeTakeFirstOrThrow();
    expect([ship.override_by, ship.override_nonce]).toEqual([LEE, ov.nonce]);
    const x = await db().selectFrom('exceptions').selectAll().where('mutation_id', '=', m.id).executeTakeFirstOrThrow();
    expect([x.type, x.order_id]).toEqual(['weight_override', SINGLE.id]);
    expect(JSON.parse(x.details!)).toMatchObject({ leadUserId: LEE, cartons: [{ measuredG: off, expectedG: expectedG(SINGLE, 'BOX-S1'), toleranceG: 50 }] });
    // The lead sees it in the pull, with its order and details.
    const pulled = await b.get(`/api/sync/pull?cursor=${Number(x.version) - 1}`);
    const ex = (pulled.json() as { changes: { exceptions: { id: string; orderId?: string; details?: unknown }[] } }).changes.exceptions.find((e) => e.id === x.id)!;
    expect(ex.orderId).toBe(SINGLE.id);
    expect(ex.details).toMatchObject({ leadUserId: LEE });
  });
});
