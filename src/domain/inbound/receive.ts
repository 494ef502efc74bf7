import { ErrorCode } from '../errors';
import type { Sku } from '../model';
import { sameCode, scanMatchesSku, type ScanResult } from '../scan/normalise';
import { progressOf, skuTotals } from './progress';
import { shelfLifeFlag, toIsoExpiry, type ShelfLife } from './shelf-life';
import {
  Lot,
  PhotoIds,
  Reason,
  Sscc,
  type Asn,
  type Condition,
  type ExpectedItem,
  type LineProgress,
  type ReceiptLine,
  type SellerReceivingRules,
} from './types';

/**
 * A clerk's scan at the dock. Physical reality wins: whatever of the seller's arrived is
 * recorded, even over the ASN or not on it, and flagged for the seller. Only what cannot
 * be true is refused (a barcode no SKU has, another seller's item, a closed receipt),
 * and a refusal records nothing. Same rule on the device and, on replay, the server.
 */

export type ReceiveSku = Pick<Sku, 'id' | 'sellerId' | 'code' | 'barcodes' | 'lotTracked' | 'expiryTracked'>;

export interface ReceiveState {
  sellerId: string;
  /** null: a blind receipt (no ASN), recorded against the seller. */
  asn: Pick<Asn, 'lines' | 'cartons' | 'status'> | null;
  rules: SellerReceivingRules;
  /** The SKUs the device knows: the seller's, and any other seller's (to say whose it is). */
  catalogue: readonly ReceiveSku[];
  /** Received so far on this receipt. */
  lines: readonly ReceiptLine[];
  /** A closed receipt takes nothing more (a blind one has no ASN status to say so). */
  receiptStatus?: 'open' | 'closed';
  /** The dock's date: yyyy-mm-dd or a Date (its UTC day). */
  today: Date | string;
}

export interface ReceiveInput {
  scan: ScanResult;
  /** The clerk's answers to `needs`: typed lot, typed expiry (yyyy-mm-dd or GS1 YYMMDD). */
  lot?: string | null;
  expiry?: string | null;
  /** Identical units or packs the clerk counted for this one scan (default 1); each counts its packQty. */
  count?: number;
  condition?: Condition;
  reason?: string | null;
  photoIds?: readonly string[];
  /** The opened carton the units come out of, if any. */
  cartonSscc?: string | null;
}

export type ReceiveFlag = 'over' | 'unexpected_sku' | 'wrong_item' | 'lot_not_announced' | 'shelf_life_short' | 'expired';

export type ReceiveResult =
  | {
      ok: true;
      kind: 'units' | 'carton';
      /** What to append to the receipt. */
      lines: ReceiptLine[];
      flags: ReceiveFlag[];
      /** The shelf-life check of each line that has an expiry (same order as `lines`). */
      shelfLife: ShelfLife[];
      /** Expected against received after this scan. */
      progress: LineProgress[];
    }
  /** Ask the clerk, then scan again with the answer; nothing is recorded yet. */
  | { ok: false; needs: 'lot' | 'expiry'; skuId: string }
  | { ok: false; code: ErrorCode; sscc?: string };

/** A line's ceiling (ReceiptLine.qty): a count beyond it is a typing slip, not a delivery. */
const MAX_QTY = 1_000_000;

const refuse = (code: ErrorCode, sscc?: string): ReceiveResult => ({ ok: false, code, ...(sscc ? { sscc } : {}) });

export function receiveScan(state: ReceiveState, input: ReceiveInput): ReceiveResult {
  if (state.asn?.status === 'closed' || state.receiptStatus === 'closed') return refuse(ErrorCode.RECEIPT_ALREADY_CLOSED);
  const { scan } = input;
  if (scan.kind === 'invalid') return refuse(scan.code as ErrorCode);
  if (scan.kind === 'empty' || scan.kind === 'gs1') return refuse(ErrorCode.UNKNOWN_BARCODE);
  if (scan.kind === 'sscc') return receiveCarton(state, scan.sscc);

  const match = matchSku(state, scan);
  if ('code' in match) return refuse(match.code);
  const { sku, packQty } = match;
  const count = input.count ?? 1;
  if (!Number.isInteger(count) || !Number.isInteger(packQty)) return refuse(ErrorCode.QTY_NOT_A_NUMBER);
  if (count <= 0 || packQty <= 0) return refuse(ErrorCode.QTY_ZERO);
  if (count * packQty > MAX_QTY) return refuse(ErrorCode.VALIDATION_FAILED);

  const condition = input.condition ?? 'ok';
  const photoIds = PhotoIds.safeParse(input.photoIds ?? []);
  const reason = input.reason == null ? null : Reason.safeParse(input.reason);
  if (!photoIds.success || (reason && !reason.success)) return refuse(ErrorCode.VALIDATION_FAILED);
  if (condition === 'damaged' && !reason) return refuse(ErrorCode.DAMAGE_NEEDS_REASON);
  if (condition === 'damaged' && photoIds.data.length === 0) return refuse(ErrorCode.DAMAGE_NEEDS_PHOTO);
  const carton = input.cartonSscc ?? null;
  if (carton !== null && !Sscc.safeParse(carton).success) return refuse(ErrorCode.BAD_SSCC);

  const gs1 = scan.kind === 'gtin' ? scan.gs1 : null;
  let lot: string | null = null;
  if (sku.lotTracked) {
    const raw = gs1?.lot ?? input.lot ?? null;
    if (raw === null || raw === '') return { ok: false, needs: 'lot', skuId: sku.id };
    if (!Lot.safeParse(raw).success) return refuse(ErrorCode.LOT_INVALID);
    lot = raw;
  }
  let expiry: string | null = null;
  if (sku.expiryTracked) {
    const raw = gs1?.expiry ?? gs1?.bestBefore ?? input.expiry ?? null;
    if (raw === null || raw === '') return { ok: false, needs: 'expiry', skuId: sku.id };
    expiry = toIsoExpiry(raw, dockDate(state.today));
    if (expiry === null) return refuse(ErrorCode.EXPIRY_INVALID);
  }

  const line: ReceiptLine = {
    skuId: sku.id,
    lot,
    expiry,
    qty: count * packQty,
    cartonSscc: carton,
    condition,
    reason: reason?.data ?? null,
    photoIds: [...photoIds.data],
  };
  return accepted(state, 'units', [line]);
}

/** Which SKU a unit scan names: the seller's first (two sellers may share a GTIN), on the ASN first. */
function matchSku(state: ReceiveState, scan: ScanResult): { sku: ReceiveSku; packQty: number } | { code: ErrorCode } {
  const hits = state.catalogue.flatMap((sku) => {
    const m = scanMatchesSku(scan, sku);
    return m ? [{ sku, packQty: m.packQty }] : [];
  });
  const own = hits.filter((h) => h.sku.sellerId === state.sellerId);
  if (!own.length) return { code: hits.length ? ErrorCode.SKU_OF_OTHER_SELLER : ErrorCode.UNKNOWN_BARCODE };
  const onAsn = own.find((h) => state.asn?.lines.some((l) => l.skuId === h.sku.id));
  return onAsn ?? own[0]!;
}

/**
 * An SSCC: an announced, unopened carton of a trusted seller whose declared contents say
 * everything the ledger needs (lot and expiry where tracked) is taken whole; any other
 * carton is opened and its units scanned.
 */
function receiveCarton(state: ReceiveState, sscc: string): ReceiveResult {
  const carton = state.asn?.cartons.find((c) => c.sscc === sscc);
  if (!carton) return refuse(ErrorCode.RECEIVE_CARTON_NOT_EXPECTED, sscc);
  if (state.lines.some((l) => l.cartonSscc === sscc)) return refuse(ErrorCode.RECEIVE_CARTON_ALREADY_RECEIVED, sscc);
  if (!state.rules.trusted || !carton.contents?.length) return refuse(ErrorCode.RECEIVE_OPEN_CARTON, sscc);
  const skus = new Map(state.catalogue.filter((s) => s.sellerId === state.sellerId).map((s) => [s.id, s]));
  if (!carton.contents.every((c) => declaredEnough(skus.get(c.skuId), c))) return refuse(ErrorCode.RECEIVE_OPEN_CARTON, sscc);
  const lines = carton.contents.map(
    (c): ReceiptLine => ({
      skuId: c.skuId,
      lot: skus.get(c.skuId)!.lotTracked ? c.lot : null,
      expiry: skus.get(c.skuId)!.expiryTracked ? c.expiry : null,
      qty: c.qty,
      cartonSscc: sscc,
      condition: 'ok',
      reason: null,
      photoIds: [],
    }),
  );
  return accepted(state, 'carton', lines);
}

function declaredEnough(sku: ReceiveSku | undefined, c: ExpectedItem): boolean {
  return !!sku && (!sku.lotTracked || c.lot !== null) && (!sku.expiryTracked || c.expiry !== null);
}

function accepted(state: ReceiveState, kind: 'units' | 'carton', lines: ReceiptLine[]): ReceiveResult {
  const progress = progressOf(state.asn, [...state.lines, ...lines]);
  const flags = new Set<ReceiveFlag>();
  const shelfLife: ShelfLife[] = [];
  for (const line of lines) {
    if (state.asn) for (const f of asnFlags(state.asn, progress, line)) flags.add(f);
    if (line.expiry !== null) {
      const s = shelfLifeFlag(line.expiry, state.today, state.rules.minShelfLifeDays);
      shelfLife.push(s);
      if (s.flag === 'short') flags.add('shelf_life_short');
      if (s.flag === 'expired') flags.add('expired');
    }
  }
  return { ok: true, kind, lines, flags: [...flags], shelfLife, progress };
}

function asnFlags(asn: NonNullable<ReceiveState['asn']>, progress: readonly LineProgress[], line: ReceiptLine): ReceiveFlag[] {
  const announced = asn.lines.filter((l) => l.skuId === line.skuId);
  if (!announced.length) return ['unexpected_sku'];
  const out: ReceiveFlag[] = [];
  const t = skuTotals(progress, line.skuId);
  if (t.received > t.expected) out.push('over');
  if (line.lot !== null && announced.every((l) => l.lot !== null && !sameCode(l.lot, line.lot!))) out.push('lot_not_announced');
  const contents = line.cartonSscc ? asn.cartons.find((c) => c.sscc === line.cartonSscc)?.contents : undefined;
  if (contents && !contents.some((c) => c.skuId === line.skuId)) out.push('wrong_item');
  return out;
}

function dockDate(today: Date | string): Date {
  return typeof today === 'string' ? new Date(`${today}T00:00:00Z`) : today;
}

/** The ASN a scan at the dock names: its reference, or the SSCC of one of its cartons. */
export function findAsn<T extends Pick<Asn, 'reference' | 'cartons' | 'status'>>(asns: readonly T[], scan: ScanResult): T | null {
  if (scan.kind === 'sscc') return asns.find((a) => a.cartons.some((c) => c.sscc === scan.sscc)) ?? null;
  if (scan.kind !== 'code') return null;
  return asns.find((a) => sameCode(a.reference, scan.text)) ?? null;
}
