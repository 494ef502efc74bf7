import type { Location } from '../../domain/model';
import { lookupKey } from '../../domain/inventory/lookup';
import { toGtin14 } from '../../domain/scan/gtin';
import type { ScanResult } from '../../domain/scan/normalise';
import { db, type SkuRow } from './db';
import { findLocationByCode as findLocation } from './lookups';

/**
 * What a scan names on the floor screens (count, move, returns), read by index: a bin by
 * its code, an item by its barcode (GTIN-14 for GS1 numbers) or SKU code. Never a table walk.
 */

/** The spellings a printed code may be stored under: as scanned, and upper case (how codes are printed). */
export function codeVariants(text: string): string[] {
  const t = text.trim();
  return t === '' ? [] : [...new Set([t, t.toUpperCase()])];
}

export async function findLocationByCode(text: string): Promise<Location | null> {
  return text.trim() === '' ? null : ((await findLocation(text)) ?? null);
}

export interface ItemHit {
  sku: SkuRow;
  /** Units one scan of this barcode stands for (1 for a SKU code). */
  packQty: number;
  lot: string | null;
  expiry: string | null;
}

/** The GTIN-14 a plain code of 8 to 14 digits may be, for a barcode typed in or read without its symbology. */
function gtinOf(text: string): string | null {
  return /^\d{8,14}$/.test(text) ? toGtin14(text) : null;
}

/** The SKUs a scan names; several when a barcode is shared. */
export async function findItems(scan: ScanResult): Promise<ItemHit[]> {
  if (scan.kind !== 'gtin' && scan.kind !== 'code') return [];
  const text = scan.text.trim();
  const gtin = scan.kind === 'gtin' ? scan.gtin14 : gtinOf(text);
  const keys = [...codeVariants(text), ...(gtin ? [gtin] : [])];
  if (!keys.length) return [];
  const d = db();
  const [byBarcode, byCode] = await Promise.all([d.skus.where('barcodeValues').anyOf(keys).toArray(), d.skus.where('code').anyOf(codeVariants(text)).toArray()]);
  const lot = scan.kind === 'gtin' ? (scan.gs1?.lot ?? null) : null;
  const expiry = scan.kind === 'gtin' ? (scan.gs1?.expiry ?? null) : null;
  const hits = new Map<string, ItemHit>();
  for (const sku of byBarcode) {
    const b = sku.barcodes.find((x) => keys.includes(x.value) || (gtin !== null && toGtin14(x.value) === gtin));
    hits.set(sku.id, { sku, packQty: b?.packQty ?? 1, lot, expiry });
  }
  const key = lookupKey(text);
  for (const sku of byCode) if (!hits.has(sku.id) && lookupKey(sku.code) === key) hits.set(sku.id, { sku, packQty: 1, lot, expiry });
  return [...hits.values()];
}
