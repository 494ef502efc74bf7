import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PullResponse } from '../../src/domain/sync';
import { BACKENDS } from './helpers/backends';
import { Device, startHarness, type Harness } from './helpers/harness';
import { balances, C1, C2, closeArgs, DOCK, line, LUMA, NORD, receivingDigest, RITA, SERUM } from './helpers/receiving';

/** receipt.close on the server: ledger, discrepancies, seller event, putaway tasks, refusals. */
describe.each(BACKENDS)('receipt.close on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(kind);
  });
  afterAll(async () => h?.close());
  const db = () => h.db.db;

  // ASN-LUMA-0001 expects serum 48 (lot), luma5 12, luma6 12. Received: both cartons whole
  // but luma5 one over, luma6 two short of which one is damaged.
  const LUMA_LINES = [
    line(SERUM.skuId, 24, { lot: SERUM.lot, expiry: SERUM.expiry, cartonSscc: C1 }),
    line('sku-LUMA-0005', 12, { cartonSscc: C1 }),
    line(SERUM.skuId, 24, { lot: SERUM.lot, expiry: SERUM.expiry, cartonSscc: C2 }),
    line('sku-LUMA-0006', 10, { cartonSscc: C2 }),
    line('sku-LUMA-0006', 1, { cartonSscc: C2, condition: 'damaged', reason: 'Crushed corner', photoIds: ['ph-luma-1'] }),
    line('sku-LUMA-0005', 1),
  ];

  it('posts exactly the received stock at the dock once, records discrepancies, tells the seller, makes suggested putaway tasks', async () => {
    const before = await balances(h, { locationId: DOCK });
    const d = await Device.signIn(h.app, 'U3001', RITA);
    const args = closeArgs({ lines: LUMA_LINES, notes: [{ kind: 'short', skuId: 'sku-LUMA-0006', cartonSscc: null, reason: 'Two missing from carton 2', photoIds: [] }] });
    const m = d.command('receipt.close', args);
    const r = await d.push([m]);
    expect(r.results).toEqual([{ id: m.id, seq: 1, status: 'applied' }]);

    expect(before).toEqual({});
    expect(await balances(h, { locationId: DOCK })).toEqual({
      [`${DOCK}|${SERUM.skuId}|${SERUM.lot}`]: 48,
      [`${DOCK}|sku-LUMA-0005|`]: 13,
      [`${DOCK}|sku-LUMA-0006|`]: 11,
    });
    const ledger = await db().selectFrom('stock_ledger').selectAll().where('mutation_id', '=', m.id).execute();
    expect(ledger.every((l) => l.reason === 'receive' && l.expiry === (l.sku_id === SERUM.skuId ? SERUM.expiry : null))).toBe(true);

    const receipt = await db().selectFrom('receipts').selectAll().where('id', '=', args.receiptId).executeTakeFirstOrThrow();
    expect(receipt).toMatchObject({ status: 'closed', asn_id: LUMA.id, seller_id: LUMA.sellerId, dock_location_id: DOCK, opened_by: RITA, closed_by: RITA, note: null });
    expect(await db().selectFrom('receipt_lines').select('id').where('receipt_id', '=', args.receiptId).execute()).toHaveLength(6);
    const asn = await db().selectFrom('asns').selectAll().where('id', '=', LUMA.id).executeTakeFirstOrThrow();
    expect([asn.status, asn.closed_at !== null, Number(asn.version)]).toEqual(['closed', true, Number(receipt.version)]);
    const cartons = await db().selectFrom('asn_cartons').select(['sscc', 'received_at']).where('asn_id', '=', LUMA.id).execute();
    expect(cartons.every((c) => c.received_at !== null)).toBe(true);

    const disc = await db().selectFrom('discrepancies').selectAll().where('receipt_id', '=', args.receiptId).orderBy('id').execute();
    expect(disc.map((x) => [x.id, x.kind, x.sku_id, Number(x.expected_qty), Number(x.received_qty), x.reason])).toEqual([
      [`${m.id}:discrepancy:0`, 'over', 'sku-LUMA-0005', 12, 13, null],
      [`${m.id}:discrepancy:1`, 'short', 'sku-LUMA-0006', 12, 11, 'Two missing from carton 2'],
      [`${m.id}:discrepancy:2`, 'damaged', 'sku-LUMA-0006', 0, 1, 'Crushed corner'],
    ]);
    expect(JSON.parse(disc[2]!.photo_ids)).toEqual(['ph-luma-1']);

    const events = await db().selectFrom('seller_events').selectAll().where('type', '=', 'inbound.received').execute();
    expect(events).toHaveLength(1);
    const payload = JSON.parse(events[0]!.payload) as { receiptId: string; asnId: string; discrepancies: { kind: string }[]; received: unknown[] };
    expect(events[0]!.seller_id).toBe(LUMA.sellerId);
    expect(payload).toMatchObject({ receiptId: args.receiptId, asnId: LUMA.id });
    expect(payload.discrepancies.map((x) => x.kind)).toEqual(['over', 'short', 'damaged']);

    const tasks = await db().selectFrom('putaway_tasks').selectAll().where('receipt_id', '=', args.receiptId).orderBy('id').execute();
    expect(tasks.map((t) => [t.id, t.sku_id, Number(t.qty), t.condition, t.status, t.from_location_id])).toEqual([
      [`${m.id}:putaway:0`, SERUM.skuId, 48, 'ok', 'open', DOCK],
      [`${m.id}:putaway:1`, 'sku-LUMA-0005', 13, 'ok', 'open', DOCK],
      [`${m.id}:putaway:2`, 'sku-LUMA-0006', 1, 'damaged', 'open', DOCK],
      [`${m.id}:putaway:3`, 'sku-LUMA-0006', 10, 'ok', 'open', DOCK],
    ]);
    expect(tasks[2]!.suggested_location_id).toBe('loc-DMG-01');
    const suggested = await db().selectFrom('locations').select(['id', 'type']).where('id', 'in', tasks.map((t) => t.suggested_location_id!)).execute();
    const typeOf = new Map(suggested.map((s) => [s.id, s.type]));
    for (const t of tasks) expect(['pick_face', 'reserve', 'damaged'], t.id).toContain(typeOf.get(t.suggested_location_id!));
    // Three ok tasks, three different bins: two receipts' units are never sent to one empty bin.
    expect(new Set(tasks.map((t) => t.suggested_location_id)).size).toBe(4);

    // The same batch again (the answer was lost): the stored results, nothing written twice.
    const digest = await receivingDigest(h);
    expect((await d.push([m])).results).toEqual(r.results);
    expect(await receivingDigest(h)).toBe(digest);

    // Another device closes the same receipt id: refused, nothing changes.
    const other = await Device.signIn(h.app, 'U5001', 'u-5001');
    const again = other.command('receipt.close', { ...args, asnId: null });
    expect((await other.push([again])).results[0]).toMatchObject({ status: 'rejected', code: 'RECEIPT_ALREADY_CLOSED' });
    expect(await receivingDigest(h)).toBe(digest);

    // A receiver's pull: the closed ASN drops out, the tasks and the rules arrive.
    const pulled = (await d.get('/api/sync/pull?cursor=0&limit=5000')).json() as PullResponse;
    expect(PullResponse.safeParse(pulled).success).toBe(true);
    expect(pulled.inbound!.asns.map((a) => a.reference)).toEqual([NORD.reference]);
    expect(pulled.inbound!.asns[0]!.lines).toHaveLength(3);
    expect(pulled.inbound!.putawayTasks.map((t) => [t.id, t.qty, t.condition, t.suggestedLocationId])).toEqual(
      tasks.map((t) => [t.id, Number(t.qty), t.condition, t.suggested_location_id]),
    );
    expect(pulled.inbound!.receivingRules).toContainEqual({ sellerId: LUMA.sellerId, rules: { trusted: true, minShelfLifeDays: 180 } });
    const picker = await Device.signIn(h.app, 'U1001', 'u-1001');
    expect(((await picker.get('/api/sync/pull?cursor=0&limit=5000')).json() as PullResponse).inbound).toBeUndefined();
  });

  it('an ASN another device closed: the units are recorded as a flagged receipt, not refused', async () => {
    const a = await Device.signIn(h.app, 'U3001', RITA);
    const b = await Device.signIn(h.app, 'U5001', 'u-5001');
    const first = closeArgs({ asnId: NORD.id, sellerId: NORD.sellerId, lines: [line('sku-NORD-0001', 6), line('sku-NORD-0002', 4), line('sku-NORD-0003', 10)] });
    const second = closeArgs({ asnId: NORD.id, sellerId: NORD.sellerId, lines: [line('sku-NORD-0003', 2)] });
    expect((await a.push([a.command('receipt.close', first)])).results[0]!.status).toBe('applied');
    const late = b.command('receipt.close', second);
    expect((await b.push([late])).results[0]).toMatchObject({ status: 'applied', code: 'ASN_CLOSED_RECEIVED_BLIND' });
    expect((await balances(h, { locationId: DOCK, skuIds: ['sku-NORD-0003'] }))[`${DOCK}|sku-NORD-0003|`]).toBe(12);
    const rc = await db().selectFrom('receipts').selectAll().where('id', '=', second.receiptId).executeTakeFirstOrThrow();
    expect([rc.asn_id, rc.note, rc.closed_by]).toEqual([NORD.id, 'asn_closed_elsewhere', 'u-5001']);
    // No short or over against a shipment someone else already received.
    expect(await db().selectFrom('discrepancies').select('id').where('receipt_id', '=', second.receiptId).execute()).toEqual([]);
    const ev = await db().selectFrom('seller_events').select('payload').where('id', '=', `${late.id}:e0`).executeTakeFirstOrThrow();
    expect(JSON.parse(ev.payload)).toMatchObject({ receiptId: second.receiptId, asnId: null, asnClosedElsewhere: NORD.id });
    expect(await db().selectFrom('putaway_tasks').select('qty').where('receipt_id', '=', second.receiptId).execute()).toHaveLength(1);
  });

  it('refuses bad input with a code and writes nothing', async () => {
    const d = await Device.signIn(h.app, 'U3001', RITA);
    const before = await receivingDigest(h);
    const blind = (over: Record<string, unknown>) => closeArgs({ asnId: null, ...over });
    // Malformed or hostile arguments: the whole batch is a 400, before anything is written.
    const put = { taskId: 'x:putaway:0', toLocationId: 'loc-C01-01-1', qty: 1, reason: null };
    const move = { fromLocationId: 'loc-C01-01-1', toLocationId: 'loc-C01-01-2', skuId: 'sku-LUMA-0005', lot: null, qty: 1 };
    const malformed: [name: string, args: unknown, command?: string][] = [
      ['putaway of zero units', { ...put, qty: 0 }, 'putaway.confirm'],
      ['putaway with a reason off the list', { ...put, reason: 'because' }, 'putaway.confirm'],
      ['putaway of a task id with markup', { ...put, taskId: '<b>x</b>' }, 'putaway.confirm'],
      ['a move of half a unit', { ...move, qty: 0.5 }, 'stock.move'],
      ['a move with a lot with a control character', { ...move, lot: 'L1\u0000' }, 'stock.move'],
      ['a move without its SKU', { ...move, skuId: undefined }, 'stock.move'],
      ['a negative quantity', blind({ lines: [line('sku-LUMA-0005', -1)] })],
      ['no lines', blind({ lines: [] })],
      ['a receipt id that is not a UUID', blind({ receiptId: "1'; drop table receipts;--" })],
      ['a SKU id with markup', blind({ lines: [line('<img src=x onerror=alert(1)>', 1)] })],
      ['a reason with a bidi override', blind({ lines: [line('sku-LUMA-0005', 1, { condition: 'damaged', reason: 'ok\u202Egnp.exe', photoIds: ['p'] })] })],
      ['an unknown field', blind({ admin: true })],
      ['a lot with a blank', blind({ lines: [line(SERUM.skuId, 1, { lot: 'L 1' })] })],
    ];
    for (const [name, args, command] of malformed) {
      const r = await d.pushRaw([d.command(command ?? 'receipt.close', args, { seq: 1 })]);
      expect([name, r.statusCode, (r.json() as { error: { code: string } }).error.code]).toEqual([name, 400, 'VALIDATION_FAILED']);
    }
    d.seq = 0; // none of those was accepted
    // Well-formed but wrong for this warehouse: a rejection result each.
    const refused: [args: unknown, code: string][] = [
      [closeArgs({ asnId: 'asn-NOPE-0001' }), 'ASN_NOT_FOUND'],
      [blind({ lines: [line('sku-NORD-0001', 1)] }), 'SKU_OF_OTHER_SELLER'],
      [blind({ lines: [line('sku-NOPE-0001', 1)] }), 'SKU_NOT_FOUND'],
      [blind({ dockLocationId: 'loc-A01-01-1' }), 'NOT_A_RECEIVING_DOCK'],
      [blind({ dockLocationId: 'loc-PACK-01' }), 'NOT_A_RECEIVING_DOCK'],
      [blind({ dockLocationId: 'loc-NOWHERE' }), 'LOCATION_NOT_FOUND'],
      [blind({ sellerId: 'seller-nope' }), 'VALIDATION_FAILED'],
      [closeArgs({ asnId: NORD.id }), 'RECEIPT_SELLER_MISMATCH'],
      [blind({ lines: [line('sku-LUMA-0005', 1, { condition: 'damaged', reason: 'Torn' })] }), 'DAMAGE_NEEDS_PHOTO'],
    ];
    const r = await d.push(refused.map(([args]) => d.command('receipt.close', args)));
    expect(r.results.map((x) => x.code ?? x.status)).toEqual(refused.map(([, code]) => code));
    expect(await receivingDigest(h)).toBe(before);

    // A picker may not close a receipt at all.
    const picker = await Device.signIn(h.app, 'U1001', 'u-1001');
    const p = await picker.push([picker.command('receipt.close', blind({}))]);
    expect(p.results[0]).toMatchObject({ status: 'rejected', code: 'FORBIDDEN' });
    expect(await receivingDigest(h)).toBe(before);
  });
});
