import { z } from 'zod';

/**
 * A bin's on-hand balance of one SKU lot, as the device sees it (issue 4): read-only,
 * derived on the server from the append-only ledger, synced so the lot step can judge a
 * lot swap and a short pick can be re-allocated with no network.
 *
 * Scope: every pickable bin (pick face, reserve) of every SKU in the signed-in user's
 * open waves. Version: the upper bound of the pull range that sent it (balances are
 * sums computed at pull time, see server/services/pull-stock.ts). A pull sends, for the range it covers, every
 * balance of a SKU whose ledger changed in it or that entered the user's scope in it (a
 * wave assigned, a task added), so a balance that reaches 0 is sent as 0, never dropped.
 * Balances of SKUs that leave the scope stay on the device: nothing reads them.
 */
export const BinStock = z.object({
  /** `stockKey(...)`: IndexedDB keys cannot hold null, so the four parts are joined. */
  id: z.string(),
  locationId: z.string(),
  skuId: z.string(),
  lot: z.string().nullable(),
  expiry: z.string().nullable(),
  qty: z.number().int(),
  version: z.number().int(),
});
export type BinStock = z.infer<typeof BinStock>;

export function stockKey(locationId: string, skuId: string, lot: string | null, expiry: string | null): string {
  return JSON.stringify([locationId, skuId, lot, expiry]);
}
