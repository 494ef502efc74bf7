import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { ErrorCode } from '../../domain/errors';
import type { CountSubmitArgs, ReturnGradeArgs, StockMoveArgs } from '../../domain/commands/inbound';
import { db } from './db';
import { enqueueCountSubmit, listCountTasks } from './count-repo';
import { inventoryDb } from './lookup-fixture';
import { lookupScan } from './lookup-repo';
import { enqueueStockMove, lotsHeld, skuBalances } from './move-repo';
import { confirmPutaway, openTasksRaw } from './putaway-store';
import { enqueueReturnGrade, findReturn, pendingReturnPutawayTasks } from './returns-repo';

beforeEach(async () => {
  await inventoryDb();
});

const outbox = () => db().outbox.toArray();
const unit = (over: Partial<ReturnGradeArgs['units'][number]> = {}): ReturnGradeArgs['units'][number] => ({
  skuId: 's-mug', foundSkuId: null, lot: null, qty: 1, grade: 'sellable', reason: 'did not fit', sealed: true, photoIds: [], ...over,
});

describe('returns', () => {
  it('finds the order by its number or a tracking number, in any case', async () => {
    for (const scan of ['SO-9001', 'so-9001', 'LT000000019US']) {
      const r = await findReturn(scan);
      expect(r.ok && r.order.orderId).toBe('o-9');
    }
    expect(await findReturn('SO-0000')).toEqual({ ok: false, code: ErrorCode.ORDER_NOT_FOUND });
  });

  it('writes one return.grade row and a local putaway task per restocked unit only', async () => {
    const r = await enqueueReturnGrade({
      orderId: 'o-9', locationId: 'l-ret', scannedRef: 'SO-9001',
      units: [unit(), unit({ sealed: false }), unit({ skuId: 's-pan', grade: 'damaged', reason: 'crushed' })],
    });
    expect(r.ok).toBe(true);
    const rows = await outbox();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.name).toBe('return.grade');
    const args = rows[0]!.args as ReturnGradeArgs;
    expect(args.units).toHaveLength(3);
    const tasks = await db().putawayTasks.toArray();
    // Sealed sellable restocks; the opened one is quarantined and the damaged one disposed.
    expect(tasks).toEqual([expect.objectContaining({ id: `${rows[0]!.id}:putaway:0`, returnId: args.returnId, skuId: 's-mug', qty: 1, fromLocationId: 'l-ret', status: 'open' })]);
    expect((await pendingReturnPutawayTasks()).map((t) => t.id)).toEqual(tasks.map((t) => t.id));
    const again = await findReturn('SO-9001');
    expect(again.ok && again.order.returned).toEqual([{ skuId: 's-mug', qty: 2 }, { skuId: 's-pan', qty: 1 }]);
  });

  it('refuses, writing nothing: no reason, more than was sent, a wrong item without the item found, a bench that is not returns', async () => {
    const cases: [Parameters<typeof enqueueReturnGrade>[0], ErrorCode][] = [
      [{ orderId: 'o-9', locationId: 'l-ret', scannedRef: null, units: [unit({ reason: '  ' })] }, ErrorCode.RETURN_REASON_REQUIRED],
      [{ orderId: 'o-9', locationId: 'l-ret', scannedRef: null, units: [unit({ qty: 3 })] }, ErrorCode.RETURN_QTY_OVER],
      [{ orderId: 'o-9', locationId: 'l-ret', scannedRef: null, units: [unit({ skuId: 's-tea' })] }, ErrorCode.RETURN_SKU_NOT_ON_ORDER],
      [{ orderId: 'o-9', locationId: 'l-ret', scannedRef: null, units: [unit({ grade: 'wrong_item' })] }, ErrorCode.EXPECTED_ITEM],
      [{ orderId: 'o-9', locationId: 'l-a1', scannedRef: null, units: [unit()] }, ErrorCode.NOT_A_RETURNS_LOCATION],
      [{ orderId: 'o-x', locationId: 'l-ret', scannedRef: null, units: [unit()] }, ErrorCode.ORDER_NOT_FOUND],
    ];
    for (const [input, code] of cases) expect(await enqueueReturnGrade(input)).toMatchObject({ ok: false, code });
    expect(await outbox()).toHaveLength(0);
    expect(await db().putawayTasks.count()).toBe(0);
  });

  it('a restock graded offline stays on the putaway list when a pull replaces the tasks before the push', async () => {
    expect((await enqueueReturnGrade({ orderId: 'o-9', locationId: 'l-ret', scannedRef: null, units: [unit()] })).ok).toBe(true);
    const [row] = await outbox();
    await db().putawayTasks.clear();
    expect((await openTasksRaw()).map((t) => [t.id, t.skuId, t.qty])).toEqual([[`${row!.id}:putaway:0`, 's-mug', 1]]);
    // And it can be put away: the confirm reads the same replay inside its own transaction.
    const put = await confirmPutaway({ taskId: `${row!.id}:putaway:0`, toLocationId: 'l-a1', qty: 1, reason: 'other' });
    expect(put).toMatchObject({ ok: true, left: 0 });
    expect(await openTasksRaw()).toEqual([]);
  });

  it('counts this device’s pending grading against what is left to return', async () => {
    expect((await enqueueReturnGrade({ orderId: 'o-9', locationId: 'l-ret', scannedRef: null, units: [unit({ qty: 2 })] })).ok).toBe(true);
    expect(await enqueueReturnGrade({ orderId: 'o-9', locationId: 'l-ret', scannedRef: null, units: [unit()] })).toMatchObject({ ok: false, code: ErrorCode.RETURN_QTY_OVER });
  });
});

describe('count', () => {
  it('lists the tasks this user may count, never with an expected quantity', async () => {
    const tasks = await listCountTasks('u1');
    expect(tasks.map((t) => t.id)).toEqual(['ct-1', 'ct-2']);
    expect(tasks[0]).toMatchObject({ locationCode: 'A-01-01' });
    for (const t of tasks) expect(JSON.stringify(t)).not.toMatch(/expected|"qty"/);
  });

  it('writes count.submit with merged lines; the task then leaves the list; an empty bin is a count', async () => {
    const r = await enqueueCountSubmit('ct-1', [{ skuId: 's-mug', lot: null, qty: 1 }, { skuId: 's-mug', lot: null, qty: 6 }]);
    expect(r.ok).toBe(true);
    const rows = await outbox();
    expect(rows.map((x) => x.name)).toEqual(['count.submit']);
    expect(rows[0]!.args as CountSubmitArgs).toEqual({ countTaskId: 'ct-1', locationId: 'l-a1', lines: [{ skuId: 's-mug', lot: null, qty: 7 }] });
    expect((await listCountTasks('u1')).map((t) => t.id)).toEqual(['ct-2']);
    expect(await enqueueCountSubmit('ct-1', [])).toMatchObject({ ok: false, code: ErrorCode.COUNT_TASK_CLOSED });
    expect((await enqueueCountSubmit('ct-2', [])).ok).toBe(true);
    expect(((await outbox())[1]!.args as CountSubmitArgs).lines).toEqual([]);
  });

  it('refuses another SKU than the task names, a task the user is excluded from, and an unknown task', async () => {
    expect(await enqueueCountSubmit('ct-2', [{ skuId: 's-mug', lot: null, qty: 1 }])).toMatchObject({ ok: false, code: ErrorCode.COUNT_SKU_NOT_IN_TASK });
    expect(await enqueueCountSubmit('ct-3', [])).toMatchObject({ ok: false, code: ErrorCode.RECOUNT_SAME_COUNTER });
    expect(await enqueueCountSubmit('nope', [])).toMatchObject({ ok: false, code: ErrorCode.COUNT_TASK_NOT_FOUND });
    expect(await outbox()).toHaveLength(0);
  });
});

describe('move', () => {
  it('records stock.move within held stock and sees its own pending moves', async () => {
    const r = await enqueueStockMove({ fromLocationId: 'l-r1', toLocationId: 'l-a1', skuId: 's-mug', lot: null, qty: 20 });
    expect(r.ok).toBe(true);
    expect((await outbox())[0]!.args as StockMoveArgs).toEqual({ fromLocationId: 'l-r1', toLocationId: 'l-a1', skuId: 's-mug', lot: null, qty: 20 });
    const after = await skuBalances('s-mug');
    expect(after.find((b) => b.locationId === 'l-r1')!.qty).toBe(4);
    expect(after.find((b) => b.locationId === 'l-a1')!.qty).toBe(25);
    // Only 4 left in R-01-01 now.
    expect(await enqueueStockMove({ fromLocationId: 'l-r1', toLocationId: 'l-a2', skuId: 's-mug', lot: null, qty: 5 })).toMatchObject({ ok: false, code: ErrorCode.MOVE_NOT_ENOUGH_STOCK, held: 4 });
    expect(await outbox()).toHaveLength(1);
  });

  it('refuses beyond held stock, the same bin, a non-storage bin, a bad quantity; nothing written', async () => {
    const base = { fromLocationId: 'l-a1', toLocationId: 'l-a2', skuId: 's-mug', lot: null };
    expect(await enqueueStockMove({ ...base, qty: 6 })).toMatchObject({ ok: false, code: ErrorCode.MOVE_NOT_ENOUGH_STOCK, held: 5 });
    expect(await enqueueStockMove({ ...base, toLocationId: 'l-a1', qty: 1 })).toMatchObject({ ok: false, code: ErrorCode.MOVE_SAME_BIN });
    expect(await enqueueStockMove({ ...base, toLocationId: 'l-ret', qty: 1 })).toMatchObject({ ok: false, code: ErrorCode.NOT_A_STORAGE_LOCATION });
    expect(await enqueueStockMove({ ...base, qty: 0 })).toMatchObject({ ok: false, code: ErrorCode.QTY_NOT_POSITIVE });
    expect(await enqueueStockMove({ ...base, qty: 1.5 })).toMatchObject({ ok: false, code: ErrorCode.QTY_NOT_A_NUMBER });
    expect(await enqueueStockMove({ ...base, fromLocationId: 'nope', qty: 1 })).toMatchObject({ ok: false, code: ErrorCode.LOCATION_NOT_FOUND });
    expect(await outbox()).toHaveLength(0);
  });

  it('knows a bin’s lots', async () => {
    expect(await lotsHeld('l-a1', 's-tea')).toEqual([{ lot: 'L1', qty: 3 }, { lot: 'L2', qty: 2 }]);
  });
});

describe('lookup', () => {
  it('finds each kind by index', async () => {
    const kindOf = async (raw: string) => {
      const a = await lookupScan(raw);
      return a.result.kind === 'found' ? [a.result.candidate.kind, a.result.candidate.id, a.detail?.kind] : [a.result.kind];
    };
    expect(await kindOf('A-01-01')).toEqual(['bin', 'l-a1', 'bin']);
    expect(await kindOf('a-01-01')).toEqual(['bin', 'l-a1', 'bin']);
    expect(await kindOf('MUG-1')).toEqual(['sku', 's-mug', 'sku']);
    expect(await kindOf('00000000000017')).toEqual(['sku', 's-mug', 'sku']);
    expect(await kindOf('T0401')).toEqual(['tote', 'tt-1', 'tote']);
    expect(await kindOf('LT000000019US')).toEqual(['carton', JSON.stringify(['o-9', 'LT000000019US']), 'carton']);
    expect(await kindOf('SO-9001')).toEqual(['order', 'o-9', 'order']);
    expect(await kindOf('ASN-TEST-1')).toEqual(['asn', 'asn-1', 'asn']);
    expect(await kindOf('006141410000000012')).toEqual(['asn', 'asn-1', 'asn']);
    expect(await kindOf('NOTHING-HERE')).toEqual(['unknown']);
  });

  it('shows a bin’s contents with lots and expiry, and a SKU’s bins, with pending moves laid over', async () => {
    const bin = await lookupScan('A-01-01');
    expect(bin.detail?.kind === 'bin' && bin.detail.lines.map((l) => [l.skuCode, l.lot, l.expiry, l.qty])).toEqual([
      ['MUG-1', null, null, 5],
      ['TEA-1', 'L1', '2027-01-31', 3],
      ['TEA-1', 'L2', '2027-06-30', 2],
    ]);
    expect(bin.ms).toBeGreaterThanOrEqual(0);
    await enqueueStockMove({ fromLocationId: 'l-a1', toLocationId: 'l-a2', skuId: 's-mug', lot: null, qty: 2 });
    const mug = await lookupScan('MUG-1');
    expect(mug.detail?.kind === 'sku' && [mug.detail.total, mug.detail.lines.map((l) => [l.locationCode, l.qty])]).toEqual([
      29,
      [['A-01-01', 3], ['A-01-02', 2], ['R-01-01', 24]],
    ]);
    const case6 = await lookupScan('10000000000014');
    expect(case6.detail?.kind === 'sku' && case6.detail.packQty).toBe(6);
  });
});

describe('lookup of a shared code', () => {
  it('lists every thing carrying it, each named', async () => {
    // A bin whose code is also a SKU code.
    await db().skus.put({ ...(await db().skus.get('s-pan'))!, id: 's-odd', code: 'A-01-02', barcodes: [], barcodeValues: [] });
    const a = await lookupScan('A-01-02');
    expect(a.result.kind).toBe('ambiguous');
    expect(a.detail).toBeNull();
    expect(a.labels).toMatchObject({ 'bin:l-a2': 'A-01-02', 'sku:s-odd': 'A-01-02' });
  });

  it('finds an order on a pack bench by its reference, and the tote holding it', async () => {
    await db().packOrders.put({ orderId: 'o-p', orderRef: 'SO-7001', status: 'picked', toteCode: 'T0401', items: [{ skuId: 's-mug', lot: null, expiry: null, qty: 2 }] } as never);
    const order = await lookupScan('so-7001');
    expect(order.detail?.kind === 'order' && order.detail.order).toMatchObject({ orderId: 'o-p', ref: 'SO-7001', lines: [{ skuCode: 'MUG-1', qty: 2 }] });
    await db().outbox.add({
      id: 'm-pack', deviceId: 'dev-1', seq: 1, name: 'pack.confirm', argsVersion: 1, userId: 'u1', createdAt: '2026-01-01T00:00:00Z', status: 'pending',
      args: { orderId: 'o-p', cartons: [{ trackingNumber: 'LT000000022US', sscc: '006141410000000029' }] },
    });
    for (const code of ['LT000000022US', '006141410000000029']) {
      const carton = await lookupScan(code);
      expect(carton.detail?.kind === 'carton' && [carton.detail.trackingNumber, carton.detail.order?.ref]).toEqual(['LT000000022US', 'SO-7001']);
    }
    const tote = await lookupScan('T0401');
    expect(tote.detail?.kind === 'tote' && tote.detail.orders.map((o) => o.ref)).toEqual(['SO-7001']);
  });
});
