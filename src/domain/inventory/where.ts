/**
 * Where things are, for the look-up screen: a bin's contents and a SKU's bins with lots
 * and expiry. Balances are grouped once into maps (by bin and by SKU), so each answer
 * costs the size of that bin's or SKU's list, not of the whole warehouse's stock.
 */

export interface WhereBalance {
  locationId: string;
  skuId: string;
  lot: string | null;
  expiry: string | null;
  qty: number;
}

export interface StockWhere {
  byLocation: ReadonlyMap<string, readonly WhereBalance[]>;
  bySku: ReadonlyMap<string, readonly WhereBalance[]>;
}

/**
 * Rows for one (bin, SKU, lot, expiry) are summed. Lines at 0 are dropped (nothing to
 * show); negative lines are kept, because a bin the ledger thinks is below zero is
 * exactly what a lead looking something up needs to see.
 */
export function indexStock(balances: readonly WhereBalance[]): StockWhere {
  const merged = new Map<string, WhereBalance>();
  for (const b of balances) {
    const k = JSON.stringify([b.locationId, b.skuId, b.lot, b.expiry]);
    const seen = merged.get(k);
    merged.set(k, seen ? { ...seen, qty: seen.qty + b.qty } : { ...b });
  }
  const byLocation = new Map<string, WhereBalance[]>();
  const bySku = new Map<string, WhereBalance[]>();
  const push = (m: Map<string, WhereBalance[]>, k: string, b: WhereBalance) => {
    const list = m.get(k);
    if (list) list.push(b);
    else m.set(k, [b]);
  };
  for (const b of merged.values()) {
    if (b.qty === 0) continue;
    push(byLocation, b.locationId, b);
    push(bySku, b.skuId, b);
  }
  const order = (a: WhereBalance, b: WhereBalance) =>
    (a.expiry ?? '\uffff').localeCompare(b.expiry ?? '\uffff') || (a.lot ?? '').localeCompare(b.lot ?? '');
  for (const list of byLocation.values()) list.sort((a, b) => a.skuId.localeCompare(b.skuId) || order(a, b));
  for (const list of bySku.values()) list.sort((a, b) => order(a, b) || a.locationId.localeCompare(b.locationId));
  return { byLocation, bySku };
}

/** What a bin holds, SKU by SKU, earliest expiry first within a SKU. */
export const binContents = (w: StockWhere, locationId: string): readonly WhereBalance[] => w.byLocation.get(locationId) ?? [];

/** Where a SKU is, earliest expiry first (the order picking takes it in), with its total. */
export function skuWhereabouts(w: StockWhere, skuId: string): { lines: readonly WhereBalance[]; total: number } {
  const lines = w.bySku.get(skuId) ?? [];
  return { lines, total: lines.reduce((n, l) => n + l.qty, 0) };
}
