import type { Location } from '../../domain/model';
import type { Asn, DiscrepancyNote, ReceiptLine, SellerReceivingRules } from '../../domain/inbound/types';
import { findAsn, type ReceiveSku } from '../../domain/inbound/receive';
import type { ScanResult } from '../../domain/scan/normalise';
import { db, type AsnRow, type ReceiptDraftLineRow, type ReceiptDraftRow } from './db';
import { notifyLocalWrite } from './events';

/**
 * Receiving at the dock on this device: the dock chosen, the ASNs still to receive (the
 * pulled ones less those this device closed), and the receipt drafts. Every accepted scan
 * is its own transaction, so a reload or a dropped handheld resumes the draft as it was.
 */

const CLOSED_KEY = 'closedAsns';
const DOCK_KEY = 'dock';

export interface DraftView {
  draft: ReceiptDraftRow;
  lines: ReceiptDraftLineRow[];
  asn: AsnRow | null;
  rules: SellerReceivingRules;
}

/** Rules for a seller the device has no word on: not trusted, no shelf-life minimum. */
const DEFAULT_RULES: SellerReceivingRules = { trusted: false, minShelfLifeDays: 0 };

export async function listDocks(): Promise<Location[]> {
  return (await db().locations.toArray()).filter((l) => l.type === 'receiving_dock').sort((a, b) => a.walkSeq - b.walkSeq || a.code.localeCompare(b.code));
}

/** The receiving dock chosen on this device, kept across sign-ins. */
export async function getDock(): Promise<Location | null> {
  const id = (await db().inboundMeta.get(DOCK_KEY))?.value as string | undefined;
  if (!id) return null;
  const loc = await db().locations.get(id);
  return loc?.type === 'receiving_dock' ? loc : null;
}

export async function setDock(locationId: string | null): Promise<void> {
  if (locationId === null) await db().inboundMeta.delete(DOCK_KEY);
  else await db().inboundMeta.put({ key: DOCK_KEY, value: locationId });
}

/** A scanned dock label: the location, if it is a receiving dock. */
export async function dockByCode(code: string): Promise<Location | 'NOT_A_RECEIVING_DOCK' | 'LOCATION_NOT_FOUND'> {
  const loc = await db().locations.where('code').equalsIgnoreCase(code.trim()).first();
  if (!loc) return 'LOCATION_NOT_FOUND';
  return loc.type === 'receiving_dock' ? loc : 'NOT_A_RECEIVING_DOCK';
}

/** A receipt this device closed against an ASN: the ASN stays hidden here until the server says otherwise. */
export interface ClosedAsn {
  asnId: string;
  mutationId: string;
}

/**
 * ASN ids this device closed: from its pending receipt.close commands, and from meta (a
 * pull replaces the ASNs, and one that forgets the command before its snapshot arrives
 * must not show the ASN again). A close the server refused shows the ASN again.
 */
export async function closedAsnIds(): Promise<Set<string>> {
  const d = db();
  const [meta, pending] = await Promise.all([
    d.inboundMeta.get(CLOSED_KEY),
    d.outbox.filter((r) => r.name === 'receipt.close').toArray(),
  ]);
  const held = (meta?.value as ClosedAsn[] | undefined) ?? [];
  const [rejected, cards] = await Promise.all([d.rejections.bulkGet(held.map((c) => c.mutationId)), d.conflicts.bulkGet(held.map((c) => c.mutationId))]);
  const ids = new Set(held.filter((_, i) => !rejected[i] && cards[i]?.status !== 'rejected').map((c) => c.asnId));
  for (const r of pending) {
    const asnId = (r.args as { asnId?: string | null }).asnId;
    if (asnId) ids.add(asnId);
  }
  return ids;
}

/** The ASNs still to receive here, by reference. */
export async function openAsns(): Promise<AsnRow[]> {
  const [rows, closed] = await Promise.all([db().asns.toArray(), closedAsnIds()]);
  return rows.filter((a) => a.status !== 'closed' && !closed.has(a.id)).sort((a, b) => a.reference.localeCompare(b.reference));
}

export async function asnForScan(scan: ScanResult): Promise<AsnRow | null> {
  return findAsn(await openAsns(), scan);
}

export async function rulesOf(sellerId: string): Promise<SellerReceivingRules> {
  const all = ((await db().inboundMeta.get('receivingRules'))?.value as { sellerId: string; rules: SellerReceivingRules }[] | undefined) ?? [];
  return all.find((r) => r.sellerId === sellerId)?.rules ?? DEFAULT_RULES;
}

/** The sellers a blind receipt may be made for: those the device has receiving rules of. */
export async function receivingSellers(): Promise<string[]> {
  const all = ((await db().inboundMeta.get('receivingRules'))?.value as { sellerId: string }[] | undefined) ?? [];
  return all.map((r) => r.sellerId).sort();
}

/**
 * Starts a receipt, or resumes this user's open draft for the same ASN: two drafts of
 * one delivery would receive it twice.
 */
export async function startDraft(input: { asnId: string | null; sellerId: string; dockLocationId: string; userId: string }): Promise<string> {
  const d = db();
  const id = await d.transaction('rw', d.receiptDrafts, async () => {
    if (input.asnId) {
      const held = await d.receiptDrafts.where('asnId').equals(input.asnId).first();
      if (held) return held.id;
    }
    const row: ReceiptDraftRow = { id: crypto.randomUUID(), ...input, notes: [], startedAt: new Date().toISOString() };
    await d.receiptDrafts.add(row);
    return row.id;
  });
  notifyLocalWrite();
  return id;
}

/** The draft this user was working on (the latest one), to resume after a reload. */
export async function currentDraftId(userId: string): Promise<string | null> {
  const rows = (await db().receiptDrafts.toArray()).filter((r) => r.userId === userId);
  rows.sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  return rows[0]?.id ?? null;
}

export async function loadDraft(id: string): Promise<DraftView | null> {
  const d = db();
  const draft = await d.receiptDrafts.get(id);
  if (!draft) return null;
  const [lines, asn, rules] = await Promise.all([
    d.receiptDraftLines.where('receiptId').equals(id).sortBy('n'),
    draft.asnId ? d.asns.get(draft.asnId) : undefined,
    rulesOf(draft.sellerId),
  ]);
  return { draft, lines, asn: asn ?? null, rules };
}

export const lineOf = (r: ReceiptDraftLineRow): ReceiptLine => ({
  skuId: r.skuId,
  lot: r.lot,
  expiry: r.expiry,
  qty: r.qty,
  cartonSscc: r.cartonSscc,
  condition: r.condition,
  reason: r.reason,
  photoIds: r.photoIds,
});

/** Appends accepted lines; resolves only once they are on disk ("saved" comes after). */
export async function addDraftLines(receiptId: string, lines: readonly ReceiptLine[]): Promise<boolean> {
  const d = db();
  const at = new Date().toISOString();
  const ok = await d.transaction('rw', [d.receiptDrafts, d.receiptDraftLines], async () => {
    if (!(await d.receiptDrafts.get(receiptId))) return false;
    await d.receiptDraftLines.bulkAdd(lines.map((l) => ({ ...l, receiptId, at })));
    return true;
  });
  notifyLocalWrite();
  return ok;
}

/**
 * Takes back the last accepted scan: the lines written at its moment (a carton accepted
 * whole is several lines of one scan). Returns how many units went.
 */
export async function undoLastScan(receiptId: string): Promise<number> {
  const d = db();
  const units = await d.transaction('rw', d.receiptDraftLines, async () => {
    const rows = await d.receiptDraftLines.where('receiptId').equals(receiptId).sortBy('n');
    const last = rows.at(-1);
    if (!last) return 0;
    // A carton's lines share their moment and SSCC; a unit scan is one line.
    const scan = last.cartonSscc ? rows.filter((r) => r.at === last.at && r.cartonSscc === last.cartonSscc) : [last];
    await d.receiptDraftLines.bulkDelete(scan.map((r) => r.n!));
    return scan.reduce((s, r) => s + r.qty, 0);
  });
  notifyLocalWrite();
  return units;
}

/**
 * Sets the clerk's reason for an over or short SKU (an empty reason removes it). Read and
 * written in one transaction: two fields typed in quick succession must not undo each other.
 */
export async function setDraftReason(receiptId: string, kind: 'over' | 'short', skuId: string, reason: string): Promise<void> {
  const d = db();
  await d.transaction('rw', d.receiptDrafts, async () => {
    const draft = await d.receiptDrafts.get(receiptId);
    if (!draft) return;
    await d.receiptDrafts.update(receiptId, { notes: withReason(draft.notes, kind, skuId, reason) });
  });
  notifyLocalWrite();
}

export function withReason(notes: readonly DiscrepancyNote[], kind: 'over' | 'short', skuId: string, reason: string): DiscrepancyNote[] {
  const rest = notes.filter((n) => !(n.kind === kind && n.skuId === skuId));
  const text = reason.trim();
  return text ? [...rest, { kind, skuId, cartonSscc: null, reason: text, photoIds: [] }] : rest;
}

/** Drops a draft and its lines (nothing is sent). */
export async function discardDraft(receiptId: string): Promise<void> {
  const d = db();
  await d.transaction('rw', [d.receiptDrafts, d.receiptDraftLines], async () => {
    await d.receiptDraftLines.where('receiptId').equals(receiptId).delete();
    await d.receiptDrafts.delete(receiptId);
  });
  notifyLocalWrite();
}

/**
 * The SKUs a scan can name, found by the barcode index rather than read whole: the
 * catalogue may hold 100,000 SKUs. receiveScan picks the seller's among them.
 */
export async function skusForScan(scan: ScanResult, asn: Pick<Asn, 'cartons'> | null = null): Promise<ReceiveSku[]> {
  if (scan.kind === 'sscc') {
    // A carton accepted whole: the SKUs its ASN declares in it.
    const ids = (asn?.cartons.find((c) => c.sscc === scan.sscc)?.contents ?? []).map((c) => c.skuId);
    return (await db().skus.bulkGet([...new Set(ids)])).filter((s) => s !== undefined);
  }
  const key = scan.kind === 'gtin' ? scan.gtin14 : scan.kind === 'code' ? scan.text.trim().toUpperCase() : null;
  if (!key) return [];
  return db().skus.where('barcodeValues').equals(key).toArray();
}

export async function skuNames(ids: readonly string[]): Promise<Record<string, { code: string; name: string }>> {
  const rows = await db().skus.bulkGet([...new Set(ids)]);
  return Object.fromEntries(rows.filter((r) => r !== undefined).map((r) => [r.id, { code: r.code, name: r.name }]));
}

/** The ASN as closeReceipt takes it (the device's flattened SSCCs dropped). */
export function asnOf(row: AsnRow): Asn {
  const { cartonSsccs: _drop, ...asn } = row;
  void _drop;
  return asn;
}
