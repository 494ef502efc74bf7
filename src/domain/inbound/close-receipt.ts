import { ErrorCode } from '../errors';
import { cmp, progressOf } from './progress';
import { shelfLifeFlag } from './shelf-life';
import {
  Asn,
  DISCREPANCY_KINDS,
  Id,
  Receipt,
  type Condition,
  type Discrepancy,
  type DiscrepancyNote,
  type LineProgress,
  type PutawayStub,
  type ReceiptLine,
  type ReceiveMovement,
} from './types';

/**
 * Closing a receipt: the received stock goes onto the ledger in the receiving dock, the
 * discrepancies go to the seller, and putaway tasks are made. Everything is derived from
 * the inputs alone, in a fixed order, with ids made from the mutation id and an index, so
 * the device's optimistic close and the server's replay produce the same rows, and a
 * replayed mutation can be recognised by its ids.
 */

export interface CloseContext {
  mutationId: string;
  /** The receiving dock location the stock lands in. */
  dockLocationId: string;
  /** ISO timestamp of the close (the server's clock on the server). */
  now: string;
  /** When given, lines inside the seller's minimum shelf life are listed for the seller. */
  shelfLife?: { today: Date | string; minShelfLifeDays: number };
}

/** The seller's event for a closed receipt (a NewSellerEvent of type 'inbound.received'). */
export interface ReceiptSellerEvent {
  sellerId: string;
  type: 'inbound.received';
  payload: {
    receiptId: string;
    asnId: string | null;
    closedAt: string;
    received: { skuId: string; lot: string | null; expiry: string | null; condition: Condition; qty: number }[];
    discrepancies: Discrepancy[];
    /** Lines whose expiry is inside the seller's minimum shelf life or past. */
    shortShelfLife: { skuId: string; lot: string | null; expiry: string; daysLeft: number }[];
  };
}

export type CloseResult =
  | {
      ok: true;
      movements: ReceiveMovement[];
      discrepancies: Discrepancy[];
      putaway: PutawayStub[];
      sellerEvent: ReceiptSellerEvent;
      asnPatch: { id: string; status: 'closed' } | null;
      receiptPatch: { id: string; status: 'closed' };
      progress: LineProgress[];
    }
  | { ok: false; code: ErrorCode; message: string };

const fail = (code: ErrorCode, message: string): CloseResult => ({ ok: false, code, message });

export function closeReceipt(asnIn: Asn | null, receiptIn: Receipt, ctx: CloseContext): CloseResult {
  const parsedReceipt = Receipt.safeParse(receiptIn);
  const parsedAsn = asnIn === null ? null : Asn.safeParse(asnIn);
  if (!parsedReceipt.success || (parsedAsn && !parsedAsn.success)) return fail(ErrorCode.VALIDATION_FAILED, 'receipt or ASN malformed');
  if (!Id.safeParse(ctx.mutationId).success || !Id.safeParse(ctx.dockLocationId).success) return fail(ErrorCode.VALIDATION_FAILED, 'bad context');
  const receipt = parsedReceipt.data;
  const asn = parsedAsn?.data ?? null;

  if (receipt.status === 'closed' || asn?.status === 'closed') return fail(ErrorCode.RECEIPT_ALREADY_CLOSED, `receipt ${receipt.id} is already closed`);
  if (receipt.asnId !== (asn?.id ?? null)) return fail(ErrorCode.RECEIPT_ASN_MISMATCH, `receipt ${receipt.id} is not for this ASN`);
  if (asn && asn.sellerId !== receipt.sellerId) return fail(ErrorCode.RECEIPT_SELLER_MISMATCH, `ASN ${asn.id} is another seller's`);
  if (!receipt.lines.length) return fail(ErrorCode.RECEIPT_EMPTY, `receipt ${receipt.id} has nothing received`);
  for (const l of receipt.lines) {
    if (l.condition !== 'damaged') continue;
    if (l.reason === null) return fail(ErrorCode.DAMAGE_NEEDS_REASON, `damaged ${l.skuId} has no reason`);
    if (!l.photoIds.length) return fail(ErrorCode.DAMAGE_NEEDS_PHOTO, `damaged ${l.skuId} has no photo`);
  }

  const progress = progressOf(asn, receipt.lines);
  const byStock = group(receipt.lines, (l) => [l.skuId, l.lot, l.expiry]);
  const movements: ReceiveMovement[] = byStock.map(({ first, qty }) => ({
    locationId: ctx.dockLocationId,
    containerCode: null,
    skuId: first.skuId,
    lot: first.lot,
    expiry: first.expiry,
    delta: qty,
    reason: 'receive',
  }));
  const byPutaway = group(receipt.lines, (l) => [l.skuId, l.lot, l.expiry, l.condition]);
  const putaway: PutawayStub[] = byPutaway.map(({ first, qty }, i) => ({
    id: `${ctx.mutationId}:putaway:${i}`,
    skuId: first.skuId,
    lot: first.lot,
    expiry: first.expiry,
    qty,
    condition: first.condition,
    fromLocationId: ctx.dockLocationId,
    toLocationType: first.condition === 'damaged' ? 'damaged' : null,
  }));
  const discrepancies = withNotes(derive(asn, receipt.lines, progress), receipt.notes, progress).map((d, i) => ({
    ...d,
    id: `${ctx.mutationId}:discrepancy:${i}`,
  }));

  const shortShelfLife = ctx.shelfLife ? shelfLifeList(byStock, ctx.shelfLife) : [];
  const sellerEvent: ReceiptSellerEvent = {
    sellerId: receipt.sellerId,
    type: 'inbound.received',
    payload: {
      receiptId: receipt.id,
      asnId: asn?.id ?? null,
      closedAt: ctx.now,
      received: byPutaway.map(({ first, qty }) => ({ skuId: first.skuId, lot: first.lot, expiry: first.expiry, condition: first.condition, qty })),
      discrepancies,
      shortShelfLife,
    },
  };
  return {
    ok: true,
    movements,
    discrepancies,
    putaway,
    sellerEvent,
    asnPatch: asn ? { id: asn.id, status: 'closed' } : null,
    receiptPatch: { id: receipt.id, status: 'closed' },
    progress,
  };
}

type Draft = Omit<Discrepancy, 'id'>;
type KeyPart = string | null;

/** Lines summed per key, in key order (code points; null first). */
function group(lines: readonly ReceiptLine[], key: (l: ReceiptLine) => KeyPart[]): { first: ReceiptLine; qty: number }[] {
  const out = new Map<string, { k: KeyPart[]; first: ReceiptLine; qty: number }>();
  for (const l of lines) {
    const k = key(l);
    const id = JSON.stringify(k);
    const g = out.get(id);
    if (g) g.qty += l.qty;
    else out.set(id, { k, first: l, qty: l.qty });
  }
  return [...out.values()].sort((a, b) => cmpKeys(a.k, b.k));
}

function cmpKeys(a: KeyPart[], b: KeyPart[]): number {
  for (let i = 0; i < a.length; i++) {
    const [x, y] = [a[i] ?? null, b[i] ?? null];
    if (x === y) continue;
    if (x === null) return -1;
    if (y === null) return 1;
    return cmp(x, y);
  }
  return 0;
}

const draft = (kind: Draft['kind'], skuId: string | null, rest: Partial<Draft> = {}): Draft => ({
  kind,
  skuId,
  lot: null,
  cartonSscc: null,
  expectedQty: 0,
  receivedQty: 0,
  qty: 0,
  reason: null,
  photoIds: [],
  ...rest,
});

/** What the lines say went wrong: over/short per ASN line, unexpected SKUs, damage, wrong items in announced cartons. */
function derive(asn: Asn | null, lines: readonly ReceiptLine[], progress: readonly LineProgress[]): Draft[] {
  const out: Draft[] = [];
  for (const p of progress) {
    const counts = { lot: p.lot, expectedQty: p.expected, receivedQty: p.received, qty: Math.abs(p.received - p.expected) };
    if (p.line === null) {
      if (asn) out.push(draft('unexpected_sku', p.skuId, counts));
    } else if (p.received > p.expected) out.push(draft('over', p.skuId, counts));
    else if (p.received < p.expected) out.push(draft('short', p.skuId, counts));
  }
  for (const l of lines) {
    if (l.condition !== 'damaged') continue;
    out.push(draft('damaged', l.skuId, { lot: l.lot, cartonSscc: l.cartonSscc, receivedQty: l.qty, qty: l.qty, reason: l.reason, photoIds: [...l.photoIds] }));
  }
  if (asn) {
    const wrong = lines.filter((l) => {
      const contents = l.cartonSscc ? asn.cartons.find((c) => c.sscc === l.cartonSscc)?.contents : undefined;
      // A SKU not on the ASN at all is already reported as unexpected.
      return contents && !contents.some((c) => c.skuId === l.skuId) && asn.lines.some((a) => a.skuId === l.skuId);
    });
    for (const { first, qty } of group(wrong, (l) => [l.cartonSscc, l.skuId])) {
      out.push(draft('wrong_item', first.skuId, { cartonSscc: first.cartonSscc, receivedQty: qty, qty }));
    }
  }
  return out;
}

/**
 * The clerk's notes give reasons and photos to what was derived (same kind and SKU, and
 * carton when the note names one); a note that matches nothing is still reported.
 */
function withNotes(drafts: Draft[], notes: readonly DiscrepancyNote[], progress: readonly LineProgress[]): Draft[] {
  const used = new Set<number>();
  const matches = (d: Draft, n: DiscrepancyNote) =>
    n.kind === d.kind && n.skuId === d.skuId && (n.cartonSscc === null || n.cartonSscc === d.cartonSscc);
  const out = drafts.map((d) => {
    const hits = notes.map((n, i) => ({ n, i })).filter(({ n }) => matches(d, n));
    hits.forEach(({ i }) => used.add(i));
    if (!hits.length) return d;
    return { ...d, reason: d.reason ?? hits[0]!.n.reason, photoIds: dedupe([...d.photoIds, ...hits.flatMap(({ n }) => n.photoIds)]) };
  });
  notes.forEach((n, i) => {
    if (used.has(i)) return;
    const t = progress.filter((p) => p.skuId === n.skuId).reduce((a, p) => ({ e: a.e + p.expected, r: a.r + p.received }), { e: 0, r: 0 });
    out.push(draft(n.kind, n.skuId, { cartonSscc: n.cartonSscc, expectedQty: t.e, receivedQty: t.r, reason: n.reason, photoIds: [...n.photoIds] }));
  });
  const rank = (k: Draft['kind']) => DISCREPANCY_KINDS.indexOf(k);
  // Stable sort: within a kind, the derivation order above.
  return out.sort((a, b) => rank(a.kind) - rank(b.kind));
}

const dedupe = (xs: string[]) => [...new Set(xs)];

function shelfLifeList(
  stock: { first: ReceiptLine }[],
  rule: NonNullable<CloseContext['shelfLife']>,
): ReceiptSellerEvent['payload']['shortShelfLife'] {
  return stock.flatMap(({ first: l }) => {
    if (l.expiry === null) return [];
    const s = shelfLifeFlag(l.expiry, rule.today, rule.minShelfLifeDays);
    return s.flag === 'short' || s.flag === 'expired' ? [{ skuId: l.skuId, lot: l.lot, expiry: s.expiry, daysLeft: s.daysLeft }] : [];
  });
}
