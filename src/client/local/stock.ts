import { useLiveQuery } from 'dexie-react-hooks';
import type { StockLot } from '../../domain/picking/allocation';
import type { BinLotStock } from '../../domain/picking/lot';
import type { BinStock } from '../../domain/stock';
import { db } from './db';

/**
 * The device's read-only bin stock (domain/stock.ts): what the lot step judges a swapped
 * lot against, and what a short pick is re-allocated from when there is no network.
 * Balances are as last pulled; the device's own pending picks are not taken off them
 * (the server's answer follows on the next pull).
 */

/** A bin's lots of one SKU with units on hand, as the lot rule reads them. */
export async function binLots(locationId: string, skuId: string): Promise<BinLotStock[]> {
  const rows = await db().stock.where('[locationId+skuId]').equals([locationId, skuId]).toArray();
  return rows.filter((r) => r.qty > 0).map((r) => ({ lot: r.lot ?? '', expiry: r.expiry, available: r.qty }));
}

/** Every pickable bin's lots of a SKU, with each bin's walk place and type, for allocation. */
export async function skuStockLots(skuId: string): Promise<StockLot[]> {
  const d = db();
  const rows = await d.stock.where('skuId').equals(skuId).toArray();
  const locs = await d.locations.bulkGet([...new Set(rows.map((r) => r.locationId))]);
  const byId = new Map(locs.filter((l) => l !== undefined).map((l) => [l.id, l]));
  return toStockLots(rows, byId);
}

export function toStockLots(rows: readonly BinStock[], locations: ReadonlyMap<string, { walkSeq: number; type: string }>): StockLot[] {
  const out: StockLot[] = [];
  for (const r of rows) {
    const loc = locations.get(r.locationId);
    // A bin the device has not pulled yet cannot be walked to: leave it out.
    if (!loc) continue;
    out.push({ locationId: r.locationId, walkSeq: loc.walkSeq, locationType: loc.type as StockLot['locationType'], lot: r.lot, expiry: r.expiry, available: r.qty });
  }
  return out;
}

/** Live: the bin's lots of the SKU (empty while loading or for an untracked stop). */
export function useBinLots(locationId: string | undefined, skuId: string | undefined): BinLotStock[] | undefined {
  return useLiveQuery(() => (locationId && skuId ? binLots(locationId, skuId) : Promise.resolve([])), [locationId, skuId]);
}
