import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PullResponse } from '../../src/domain/sync';
import { BACKENDS } from './helpers/backends';
import { Device, digest, startHarness, type Harness } from './helpers/harness';
import { returnsDemoTracking, RETURNS_DEMO, seedReturnsDemoIfMissing } from '../../src/server/db/seed-returns';
import { balance, pullAll, RET, shippedOrder, sizes, skusOf } from './helpers/inventory';

const unit = (skuId: string, p: Record<string, unknown> = {}) => ({ skuId, qty: 1, grade: 'sellable', reason: 'did not fit', sealed: true, ...p });

describe.each(BACKENDS)('return.grade on %s', (kind) => {
  let h: Harness;
  let skuA: string;
  let skuB: string;
  let order: Awaited<ReturnType<typeof shippedOrder>>;
  beforeAll(async () => {
    h = await startHarness(kind);
    // What start.ts adds to the demo; once only.
    expect(await seedReturnsDemoIfMissing(h.db.db)).toBe(true);
    expect(await seedReturnsDemoIfMissing(h.db.db)).toBe(false);
    [skuA, skuB] = (await skusOf(h.db.db, 'seller-luma', 2)) as [string, string];
    order = await shippedOrder(h.db.db, 'seller-luma', [{ skuId: skuA, qty: 3 }, { skuId: skuB, qty: 1 }]);
  });
  afterAll(async () => h?.close());

  const grade = (units: unknown[], p: Record<string, unknown> = {}) => ({
    returnId: randomUUID(), orderId: order.orderId, locationId: RET, scannedRef: order.tracking, units, ...p,
  });

  it('grades a return once: return and lines, ledger at the returns bench, a putaway task for restock, one seller event per unit', async () => {
    const d = await Device.signIn(h.app, 'U4001', 'u-4001');
    const args = grade([unit(skuA, { qty: 2 }), unit(skuB, { grade: 'damaged', sealed: false, reason: 'crushed box', photoIds: ['ph-1'] })]);
    const m = d.command('return.grade', args);
    const r = await d.push([m]);
    expect(r.results[0]).toMatchObject({ status: 'applied' });

    const ret = await h.db.db.selectFrom('returns').selectAll().where('id', '=', args.returnId).executeTakeFirstOrThrow();
    expect([ret.order_id, ret.seller_id, ret.status, ret.warehouse_id]).toEqual([order.orderId, 'seller-luma', 'graded', 'wh-fc1']);
    const lines = await h.db.db.selectFrom('return_lines').selectAll().where('return_id', '=', args.returnId).orderBy('id').execute();
    expect(lines.map((l) => [l.sku_id, Number(l.qty), l.grade, l.disposition, l.graded_by, l.location_id, Number(l.sealed)])).toEqual([
      [skuA, 2, 'sellable', 'restock', 'u-4001', RET, 1],
      [skuB, 1, 'damaged', 'dispose', 'u-4001', RET, 0],
    ]);
    expect(JSON.parse(lines[1]!.photo_ids)).toEqual(['ph-1']);

    const ledger = await h.db.db.selectFrom('stock_ledger').selectAll().where('mutation_id', '=', m.id).orderBy('id').execute();
    expect(ledger.map((l) => [l.location_id, l.sku_id, Number(l.delta), l.reason])).toEqual([
      [RET, skuA, 2, 'return'],
      [RET, skuB, 1, 'return'],
      [RET, skuB, -1, 'dispose'],
    ]);
    expect(await balance(h.db.db, RET, skuA)).toBe(2);
    expect(await balance(h.db.db, RET, skuB)).toBe(0);

    const tasks = await h.db.db.selectFrom('putaway_tasks').selectAll().where('return_id', '=', args.returnId).execute();
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ id: `${m.id}:putaway:0`, sku_id: skuA, from_location_id: RET, status: 'open', receipt_id: null });
    expect(Number(tasks[0]!.qty)).toBe(2);
    expect(tasks[0]!.suggested_location_id).not.toBeNull();

    const events = await h.db.db.selectFrom('seller_events').selectAll().where('type', '=', 'return.graded').where('id', 'like', `${m.id}:%`).orderBy('id').execute();
    expect(events.map((e) => e.seller_id)).toEqual(['seller-luma', 'seller-luma']);
    const payloads = events.map((e) => JSON.parse(e.payload) as Record<string, unknown>);
    expect(payloads[0]).toMatchObject({
      orderId: order.orderId, orderRef: order.ref, skuId: skuA, qty: 2, grade: 'sellable', disposition: 'restock', sealed: true,
      reason: 'did not fit', scannedRef: order.tracking, gradedBy: 'u-4001', returnId: args.returnId,
    });
    expect(payloads[1]).toMatchObject({ skuId: skuB, grade: 'damaged', disposition: 'dispose', photoIds: ['ph-1'] });

    // The restocked units go back on a shelf with putaway.confirm, from the returns bench.
    const put = d.command('putaway.confirm', { taskId: tasks[0]!.id, toLocationId: tasks[0]!.suggested_location_id, qty: 2 });
    expect((await d.push([put])).results[0]).toMatchObject({ status: 'applied' });
    expect(await balance(h.db.db, RET, skuA)).toBe(0);
    expect(await balance(h.db.db, tasks[0]!.suggested_location_id!, skuA)).toBeGreaterThanOrEqual(2);

    // The same batch again (a retry after a lost answer) changes nothing.
    const before = await digest(h);
    const again = await d.push([m]);
    expect(again.results).toEqual(r.results);
    expect(await digest(h)).toBe(before);
  });

  it('refuses a receiver (FORBIDDEN), over-returning, an unshipped order, a SKU not on the order and a bench that is not for returns; nothing changes', async () => {
    const receiver = await Device.signIn(h.app, 'U3001', 'u-3001');
    const clerk = await Device.signIn(h.app, 'U4001', 'u-4001');
    const before = await sizes(h.db.db);
    const r1 = await receiver.push([receiver.command('return.grade', grade([unit(skuA)]))]);
    expect(r1.results[0]).toMatchObject({ status: 'rejected', code: 'FORBIDDEN' });

    const allocated = await shippedOrder(h.db.db, 'seller-luma', [{ skuId: skuA, qty: 1 }], 'allocated');
    const r2 = await clerk.push([
      // 3 shipped, 2 back already: 2 more is one too many, also when split over two units.
      clerk.command('return.grade', grade([unit(skuA, { qty: 2 })])),
      clerk.command('return.grade', grade([unit(skuA), unit(skuA, { grade: 'defective' })])),
      clerk.command('return.grade', grade([unit(skuA)], { orderId: allocated.orderId })),
      clerk.command('return.grade', grade([unit('sku-nope')])),
      clerk.command('return.grade', grade([unit(skuA)], { locationId: 'loc-DMG-01' })),
      clerk.command('return.grade', grade([unit(skuA)], { orderId: 'ord-missing' })),
    ]);
    expect(r2.results.map((x) => x.code)).toEqual([
      'RETURN_QTY_OVER', 'RETURN_QTY_OVER', 'ORDER_NOT_SHIPPED', 'RETURN_SKU_NOT_ON_ORDER', 'NOT_A_RETURNS_LOCATION', 'ORDER_NOT_FOUND',
    ]);
    expect(await sizes(h.db.db)).toEqual(before);

    // The last unit still may come back; then nothing more, in the same batch too.
    const last = clerk.command('return.grade', grade([unit(skuA, { grade: 'missing_parts' })]));
    const more = clerk.command('return.grade', grade([unit(skuA)]));
    const wrong = clerk.command('return.grade', grade([unit(skuA, { grade: 'wrong_item', foundSkuId: skuB })]));
    const r3 = await clerk.push([last, more, wrong]);
    expect(r3.results.map((x) => x.code ?? x.status)).toEqual(['applied', 'RETURN_QTY_OVER', 'applied']);
    const ledger = await h.db.db.selectFrom('stock_ledger').select(['sku_id', 'delta', 'reason']).where('mutation_id', 'in', [last.id, wrong.id]).orderBy('id').execute();
    // A wrong item puts what was found on the ledger, held in quarantine at the bench.
    expect(ledger.map((l) => [l.sku_id, Number(l.delta), l.reason]).sort()).toEqual([[skuA, 1, 'return'], [skuB, 1, 'return']].sort());
  });

  it('pulls returnable orders (lines, tracking numbers, units back) and return rules for returns clerks; every bin balance, incrementally', async () => {
    const clerk = await Device.signIn(h.app, 'U4001', 'u-4001');
    const { last: p, stock } = await pullAll(clerk);
    // What the device's sync engine checks every page against.
    PullResponse.parse(p);
    const inv = p.inventory!;
    const o = inv.returnables.find((x) => x.orderId === order.orderId)!;
    expect(o).toMatchObject({ ref: order.ref, sellerId: 'seller-luma', status: 'shipped', trackingNumbers: [order.tracking] });
    expect(o.lines).toEqual([{ skuId: skuA, lot: null, qty: 3 }, { skuId: skuB, lot: null, qty: 1 }]);
    expect(o.returned.sort((a, b) => a.skuId.localeCompare(b.skuId))).toEqual([{ skuId: skuA, qty: 3 }, { skuId: skuB, qty: 1 }].sort((a, b) => a.skuId.localeCompare(b.skuId)));
    expect(inv.returnables.some((x) => x.status !== 'shipped' && x.status !== 'packed')).toBe(false);
    // The demo's two shipped orders are there to grade, found by their tracking numbers.
    for (const [i, d] of RETURNS_DEMO.orders.entries()) {
      expect(inv.returnables.find((x) => x.ref === d.ref)).toMatchObject({ orderId: d.id, trackingNumbers: [returnsDemoTracking(i)], returned: [] });
    }
    expect(inv.returnRules).toContainEqual({ sellerId: 'seller-luma', rules: { returns: 'restock_if_sealed' } });
    // Every bin, not only pickable ones: the returns bench holds the graded units.
    expect(stock.find((s) => s.locationId === RET && s.skuId === skuA)?.qty).toBe(1);

    // Only what moved comes in the next pull.
    const fresh = await shippedOrder(h.db.db, 'seller-nord', [{ skuId: (await skusOf(h.db.db, 'seller-nord', 1))[0]!, qty: 1 }]);
    const nordSku = (await skusOf(h.db.db, 'seller-nord', 1))[0]!;
    const m = clerk.command('return.grade', grade([unit(nordSku)], { orderId: fresh.orderId }));
    expect((await clerk.push([m])).results[0]).toMatchObject({ status: 'applied' });
    const next = await pullAll(clerk, p.cursor);
    expect([...new Set(next.stock.map((s) => s.skuId))]).toEqual([nordSku]);
    expect(next.stock.find((s) => s.locationId === RET)?.qty).toBe(1);
    // The inspect preset restocks a sellable unit even opened: a putaway task from the bench.
    expect(await h.db.db.selectFrom('putaway_tasks').select('id').where('id', '=', `${m.id}:putaway:0`).execute()).toHaveLength(1);

    // A picker gets no returnables and keeps pick-scoped stock.
    const picker = await Device.signIn(h.app, 'U1001', 'u-1001');
    const pp = await pullAll(picker);
    expect(pp.last.inventory?.returnables).toEqual([]);
    expect(pp.last.inventory?.returnRules).toEqual([]);
    expect(pp.stock.some((s) => s.locationId === RET)).toBe(false);
  });
});
