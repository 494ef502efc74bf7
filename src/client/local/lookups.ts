import type { Location, Tote } from '../../domain/model';
import { db, type SkuRow } from './db';

export async function findToteByCode(code: string): Promise<Tote | undefined> {
  const c = code.trim().toUpperCase();
  return (await db().totes.where('code').equals(c).first()) ?? db().totes.where('code').equalsIgnoreCase(c).first();
}

export async function findLocationByCode(code: string): Promise<Location | undefined> {
  return db().locations.where('code').equalsIgnoreCase(code.trim()).first();
}

/** Finds SKUs by a normalised barcode value (GTIN-14 or code text). */
export async function findSkusByBarcode(value: string): Promise<SkuRow[]> {
  return db().skus.where('barcodeValues').equals(value.toUpperCase()).toArray();
}
