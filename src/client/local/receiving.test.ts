import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { receiveScan } from '../../domain/inbound/receive';
import { ToteDb, db, setDatabase } from './db';
import { closeDraft } from './receiving-close';
import {
  addDraftLines,
  asnForScan,
  currentDraftId,
  discardDraft,
  getDock,
  lineOf,
  loadDraft,
  openAsns,
  setDock,
  skusForScan,
  startDraft,
  undoLastScan,
} from './receiving-drafts';
import { openTasksRaw } from './putaway-store';
import { CARTON, GTIN, SNAPSHOT, pullInbound, scan } from './receiving-fixture';
import { freshDb } from './test-db';

let name = '';
beforeEach(async () => {
  name = `recv-${Math.random()}`;
  await freshDb(name);
  await pullInbound();
});

const ctx = { asnId: 'asn-1', sellerId: 'seller-luma', dockLocationId: 'loc-RCV-01', userId: 'u1' };

/** One scan judged by the rule against the draft as stored, and recorded when accepted. */
async function receive(receiptId: string, raw: string, extra: { lot?: string; expiry?: string } = {}) {
  const view = (await loadDraft(receiptId))!;
  const s = scan(raw);
  const r = receiveScan(
    { sellerId: view.draft.sellerId, asn: view.asn, rules: view.rules, catalogue: await skusForScan(s, view.asn), lines: view.lines.map(lineOf), today: '2026-11-25' },
    { scan: s, ...extra },
  );
  if (r.ok) await addDraftLines(receiptId, r.lines);
  return r;
}

describe('the dock and the ASNs', () => {
  it('keeps the dock chosen, and finds an ASN by reference or by a carton SSCC (with or without AIM prefix)', async () => {
    expect(await getDock()).toBeNull();
    await setDock('loc-RCV-01');
    expect((await getDock())?.code).toBe('RCV-01');
    expect((await asnForScan(scan('asn-luma-0001')))?.id).toBe('asn-1');
    expect((await asnForScan(scan(`]C100${CARTON[1]}`)))?.id).toBe('asn-1');
    expect((await asnForScan(scan(`(00)${CARTON[0]}`)))?.id).toBe('asn-1');
    expect(await asnForScan(scan('ASN-NOPE'))).toBeNull();
  });
});

describe('receipt drafts', () => {
  it('keeps every accepted scan on disk: a reload resumes the draft with its lines', async () => {
    const id = await startDraft(ctx);
    expect(await startDraft(ctx)).toBe(id); // one draft per ASN
    const r = await receive(id, `]C101${GTIN.serum}10L1\u001d17300131`);
    expect(r.ok).toBe(true);
    expect((await receive(id, GTIN.cream)).ok).toBe(true);
    // A new connection to the same database, as after a reload.
    db().close();
    setDatabase(new ToteDb(name));
    expect(await currentDraftId('u1')).toBe(id);
    const view = (await loadDraft(id))!;
    expect(view.lines.map((l) => [l.skuId, l.lot, l.expiry, l.qty])).toEqual([
      ['sku-serum', 'L1', '2030-01-31', 1],
      ['sku-cream', null, null, 1],
    ]);
  });

  it('asks for the lot when the barcode has none, records nothing meanwhile', async () => {
    const id = await startDraft(ctx);
    expect(await receive(id, GTIN.serum)).toEqual({ ok: false, needs: 'lot', skuId: 'sku-serum' });
    expect(await receive(id, GTIN.serum, { lot: 'L1' })).toEqual({ ok: false, needs: 'expiry', skuId: 'sku-serum' });
    expect((await loadDraft(id))!.lines).toHaveLength(0);
    expect((await receive(id, GTIN.serum, { lot: 'L1', expiry: '2030-01-31' })).ok).toBe(true);
    expect((await loadDraft(id))!.lines).toHaveLength(1);
  });

  it('undo takes back the last scan: a whole carton, or one unit line', async () => {
    const id = await startDraft(ctx);
    await receive(id, GTIN.cream);
    const carton = await receive(id, `]C100${CARTON[0]}`);
    expect(carton.ok && carton.kind).toBe('carton');
    expect(await undoLastScan(id)).toBe(4);
    expect(await undoLastScan(id)).toBe(1);
    expect(await undoLastScan(id)).toBe(0);
  });

  it('discarding drops the draft and its lines', async () => {
    const id = await startDraft(ctx);
    await receive(id, GTIN.cream);
    await discardDraft(id);
    expect(await loadDraft(id)).toBeNull();
    expect(await db().receiptDraftLines.count()).toBe(0);
  });
});

describe('closeDraft', () => {
  it('writes exactly one outbox row and, in the same transaction, removes the draft, hides the ASN and makes the putaway tasks with the server ids', async () => {
    const id = await startDraft(ctx);
    await receive(id, `]C100${CARTON[0]}`);
    await receive(id, GTIN.cream);
    const r = await closeDraft(id);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const rows = await db().outbox.toArray();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ name: 'receipt.close', id: r.mutationId, args: { receiptId: id, asnId: 'asn-1', dockLocationId: 'loc-RCV-01' } });
    expect(r.putawayTaskIds).toEqual([`${r.mutationId}:putaway:0`, `${r.mutationId}:putaway:1`]);
    const tasks = await db().putawayTasks.toArray();
    // Suggested as the server does: the nearest empty reserve bin, a second task not to the same one.
    expect(tasks.map((t) => [t.id, t.skuId, t.qty, t.fromLocationId, t.status, t.suggestedLocationId])).toEqual([
      [`${r.mutationId}:putaway:0`, 'sku-cream', 1, 'loc-RCV-01', 'open', 'loc-C-01'],
      [`${r.mutationId}:putaway:1`, 'sku-serum', 4, 'loc-RCV-01', 'open', 'loc-C-02'],
    ]);
    expect(await loadDraft(id)).toBeNull();
    expect(await db().receiptDraftLines.count()).toBe(0);
    expect(await openAsns()).toEqual([]);
    // Closing again is refused and writes nothing.
    expect(await closeDraft(id)).toMatchObject({ ok: false, code: 'RECEIPT_ALREADY_CLOSED' });
    expect(await db().outbox.count()).toBe(1);
  });

  it('a pull before the push (the server has not heard of the close) keeps the ASN hidden and the tasks open', async () => {
    const id = await startDraft(ctx);
    await receive(id, GTIN.cream);
    const r = await closeDraft(id);
    await pullInbound();
    expect(await db().putawayTasks.count()).toBe(0);
    expect(await openAsns()).toEqual([]);
    expect((await openTasksRaw()).map((t) => t.id)).toEqual([r.ok && `${r.mutationId}:putaway:0`]);
  });

  it('the pull that reflects the close forgets the ASN; a close the server refused shows it again', async () => {
    const id = await startDraft(ctx);
    await receive(id, GTIN.cream);
    const r = await closeDraft(id);
    if (!r.ok) throw new Error(r.code);
    // Refused: the snapshot still lists the ASN, and the refusal names the close.
    await pullInbound(SNAPSHOT, r.seq, [{ id: r.mutationId, seq: r.seq, name: 'receipt.close', code: 'SKU_NOT_FOUND', message: 'x', createdAt: '2026-11-25T00:00:00.000Z' }]);
    expect(await db().outbox.count()).toBe(0);
    expect((await openAsns()).map((a) => a.id)).toEqual(['asn-1']);

    const again = await startDraft(ctx);
    await receive(again, GTIN.cream);
    const r2 = await closeDraft(again);
    if (!r2.ok) throw new Error(r2.code);
    // Applied: the server no longer lists the ASN, and this device stops remembering it.
    await pullInbound({ ...SNAPSHOT, asns: [] }, r2.seq);
    expect(await openAsns()).toEqual([]);
    expect((await db().inboundMeta.get('closedAsns'))?.value).toEqual([]);
  });

  it('a blind receipt (no ASN) records what arrived against the seller', async () => {
    const id = await startDraft({ ...ctx, asnId: null });
    expect((await receive(id, GTIN.cream)).ok).toBe(true);
    expect((await receive(id, `]C100${CARTON[0]}`))).toMatchObject({ ok: false, code: 'RECEIVE_CARTON_NOT_EXPECTED' });
    const r = await closeDraft(id);
    expect(r).toMatchObject({ ok: true, args: { asnId: null, sellerId: 'seller-luma', notes: [] } });
    expect(r.ok && r.putawayTaskIds).toEqual([r.ok && `${r.mutationId}:putaway:0`]);
    expect((await openAsns()).map((a) => a.id)).toEqual(['asn-1']);
  });

  it('refuses an empty receipt and writes nothing', async () => {
    const id = await startDraft(ctx);
    expect(await closeDraft(id)).toMatchObject({ ok: false, code: 'RECEIPT_EMPTY' });
    expect(await db().outbox.count()).toBe(0);
    expect(await loadDraft(id)).not.toBeNull();
  });

  it('a damaged line with no photo cannot be closed', async () => {
    const id = await startDraft(ctx);
    await addDraftLines(id, [{ skuId: 'sku-cream', lot: null, expiry: null, qty: 1, cartonSscc: null, condition: 'damaged', reason: 'crushed', photoIds: [] }]);
    expect(await closeDraft(id)).toMatchObject({ ok: false, code: 'DAMAGE_NEEDS_PHOTO' });
    expect(await db().outbox.count()).toBe(0);
  });
});
