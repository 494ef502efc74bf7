import { isValidSscc, isValidTrackingNumber } from '../packing/numbers';
import { toGtin14 } from '../scan/gtin';
import type { ScanResult } from '../scan/normalise';

/**
 * Look-up (issue 6): scan anything and say what it is. Built for a device holding
 * 100,000 SKUs and 20,000 bins offline, so every question is a Map get: the index is
 * built once (buildLookupIndex) and classifyLookup never walks an array of records.
 */

export type LookupKind = 'bin' | 'sku' | 'tote' | 'carton' | 'order' | 'asn';
export type LookupVia = 'bin_code' | 'sku_code' | 'gtin' | 'barcode' | 'tote_code' | 'sscc' | 'tracking' | 'order_ref' | 'asn_ref' | 'asn_sscc';

/** One id, or several when a code is shared (two sellers' order refs, a GTIN on two SKUs). */
export type Ids = string | readonly string[];
export interface BarcodeHit {
  skuId: string;
  packQty: number;
}

export interface LookupIndex {
  /** Keys are lookupKey(code); GS1 barcodes are keyed by their GTIN-14. */
  bins: ReadonlyMap<string, Ids>;
  skuCodes: ReadonlyMap<string, Ids>;
  skuBarcodes: ReadonlyMap<string, BarcodeHit | readonly BarcodeHit[]>;
  totes: ReadonlyMap<string, Ids>;
  cartonSsccs: ReadonlyMap<string, Ids>;
  cartonTracking: ReadonlyMap<string, Ids>;
  orderRefs: ReadonlyMap<string, Ids>;
  asnRefs: ReadonlyMap<string, Ids>;
  /** SSCCs of inbound cartons announced on ASNs -> the ASN. */
  asnSsccs: ReadonlyMap<string, Ids>;
}

export interface LookupCandidate {
  kind: LookupKind;
  id: string;
  via: LookupVia;
  /** Units one scan of this barcode stands for (SKU barcodes only). */
  packQty?: number;
  /** From the GS1 data of the scan, when it carried them. */
  lot?: string;
  expiry?: string;
}

export type LookupResult =
  | { kind: 'found'; candidate: LookupCandidate }
  /** Several things carry this code and its form does not say which: let the clerk choose. */
  | { kind: 'ambiguous'; candidates: LookupCandidate[] }
  | { kind: 'unknown'; text: string }
  | { kind: 'invalid'; code: string }
  | { kind: 'empty' };

/** Codes printed on labels compare without surrounding blanks and case. */
export const lookupKey = (text: string): string => text.trim().toUpperCase();

export interface LookupSource {
  locations: readonly { id: string; code: string }[];
  skus: readonly { id: string; code: string; barcodes: readonly { value: string; packQty: number }[] }[];
  totes: readonly { id: string; code: string }[];
  cartons: readonly { id: string; sscc: string | null; trackingNumber: string | null }[];
  orders: readonly { id: string; ref: string }[];
  asns: readonly { id: string; ref: string; cartonSsccs?: readonly string[] }[];
}

function add<T>(map: Map<string, T | readonly T[]>, key: string, value: T, same: (a: T, b: T) => boolean): void {
  if (key === '') return;
  const seen = map.get(key);
  if (seen === undefined) map.set(key, value);
  else if (Array.isArray(seen)) {
    if (!(seen as readonly T[]).some((s) => same(s, value))) map.set(key, [...(seen as readonly T[]), value]);
  } else if (!same(seen as T, value)) map.set(key, [seen as T, value]);
}
const sameId = (a: string, b: string) => a === b;

/** Builds the index once per sync (linear in the records), for classifyLookup to read. */
export function buildLookupIndex(src: LookupSource): LookupIndex {
  const ids = () => new Map<string, Ids>();
  const idx = {
    bins: ids(), skuCodes: ids(), skuBarcodes: new Map<string, BarcodeHit | readonly BarcodeHit[]>(), totes: ids(),
    cartonSsccs: ids(), cartonTracking: ids(), orderRefs: ids(), asnRefs: ids(), asnSsccs: ids(),
  };
  for (const l of src.locations) add(idx.bins, lookupKey(l.code), l.id, sameId);
  for (const s of src.skus) {
    add(idx.skuCodes, lookupKey(s.code), s.id, sameId);
    for (const b of s.barcodes) {
      add(idx.skuBarcodes, toGtin14(b.value) ?? lookupKey(b.value), { skuId: s.id, packQty: b.packQty }, (x, y) => x.skuId === y.skuId);
    }
  }
  for (const t of src.totes) add(idx.totes, lookupKey(t.code), t.id, sameId);
  for (const c of src.cartons) {
    if (c.sscc) add(idx.cartonSsccs, c.sscc, c.id, sameId);
    if (c.trackingNumber) add(idx.cartonTracking, lookupKey(c.trackingNumber), c.id, sameId);
  }
  for (const o of src.orders) add(idx.orderRefs, lookupKey(o.ref), o.id, sameId);
  for (const a of src.asns) {
    add(idx.asnRefs, lookupKey(a.ref), a.id, sameId);
    for (const s of a.cartonSsccs ?? []) add(idx.asnSsccs, s, a.id, sameId);
  }
  return idx;
}

const list = <T>(v: T | readonly T[] | undefined): readonly T[] => (v === undefined ? [] : Array.isArray(v) ? (v as readonly T[]) : [v as T]);

function hits(map: ReadonlyMap<string, Ids>, key: string, kind: LookupKind, via: LookupVia): LookupCandidate[] {
  return list(map.get(key)).map((id) => ({ kind, id, via }));
}

function skuHits(idx: LookupIndex, key: string, via: LookupVia, gs1?: { lot?: string; expiry?: string } | null): LookupCandidate[] {
  return list(idx.skuBarcodes.get(key)).map((h) => ({
    kind: 'sku' as const, id: h.skuId, via, packQty: h.packQty,
    ...(gs1?.lot !== undefined ? { lot: gs1.lot } : {}),
    ...(gs1?.expiry !== undefined ? { expiry: gs1.expiry } : {}),
  }));
}

function answer(candidates: LookupCandidate[], text: string): LookupResult {
  const seen = new Set<string>();
  const unique = candidates.filter((c) => {
    const k = `${c.kind}\u0000${c.id}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  if (unique.length === 0) return { kind: 'unknown', text };
  return unique.length === 1 ? { kind: 'found', candidate: unique[0]! } : { kind: 'ambiguous', candidates: unique };
}

/**
 * What a normalised scan is. The scan's form decides first: GS1 AI 00 is a logistic unit
 * (our carton, or an inbound carton on an ASN), a GTIN is a SKU. A plain code is looked up
 * everywhere; when it hits several kinds, a form only one of them can have (a valid S10
 * tracking number, an SSCC, a GTIN) picks that one; otherwise every candidate is listed.
 */
export function classifyLookup(scan: ScanResult, idx: LookupIndex): LookupResult {
  switch (scan.kind) {
    case 'empty':
      return { kind: 'empty' };
    case 'invalid': {
      // Digits with a bad check digit may be an order number typed in, not a broken GTIN.
      const asCode = /^\d+$/.test(scan.text) ? classifyCode(scan.text, idx) : null;
      return asCode && asCode.kind !== 'unknown' ? asCode : { kind: 'invalid', code: scan.code };
    }
    case 'sscc':
      return answer([...hits(idx.cartonSsccs, scan.sscc, 'carton', 'sscc'), ...hits(idx.asnSsccs, scan.sscc, 'asn', 'asn_sscc')], scan.text);
    case 'gtin': {
      const found = answer(skuHits(idx, scan.gtin14, 'gtin', scan.gs1), scan.text);
      // One number in ten passes the check digit by chance: bare digits no SKU has may be a ref.
      return found.kind === 'unknown' && scan.gs1 === null ? classifyCode(scan.text, idx) : found;
    }
    case 'gs1':
      return { kind: 'unknown', text: scan.text };
    case 'code':
      return classifyCode(scan.text, idx);
  }
}

function classifyCode(text: string, idx: LookupIndex): LookupResult {
  const key = lookupKey(text);
  if (key === '') return { kind: 'empty' };
  const gtin = /^\d{8,14}$/.test(key) ? toGtin14(key) : null;
  const byForm = {
    tracking: isValidTrackingNumber(key) ? hits(idx.cartonTracking, key, 'carton', 'tracking') : [],
    sscc: isValidSscc(key) ? [...hits(idx.cartonSsccs, key, 'carton', 'sscc'), ...hits(idx.asnSsccs, key, 'asn', 'asn_sscc')] : [],
    gtin: gtin ? skuHits(idx, gtin, 'gtin') : [],
  };
  for (const formHits of [byForm.tracking, byForm.sscc, byForm.gtin]) if (formHits.length > 0) return answer(formHits, text);
  return answer(
    [
      ...hits(idx.bins, key, 'bin', 'bin_code'),
      ...hits(idx.skuCodes, key, 'sku', 'sku_code'),
      ...skuHits(idx, key, 'barcode'),
      ...hits(idx.totes, key, 'tote', 'tote_code'),
      ...hits(idx.cartonTracking, key, 'carton', 'tracking'),
      ...hits(idx.orderRefs, key, 'order', 'order_ref'),
      ...hits(idx.asnRefs, key, 'asn', 'asn_ref'),
    ],
    text,
  );
}
