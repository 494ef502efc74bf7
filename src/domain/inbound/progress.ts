import type { Asn, LineProgress, ReceiptLine } from './types';

/**
 * Expected against received, per ASN line. Received units of a SKU fill the SKU's lines
 * in this order: the line of the same lot, then a line that names no lot, then lines of
 * other lots (a lot the seller did not announce still counts toward the SKU: the seller
 * asked for units, not for a lot); what is left over goes to the first of them (over).
 * A SKU the ASN does not name gets its own row, expected 0. Blind receipts have only such rows.
 */
export function progressOf(asn: Pick<Asn, 'lines'> | null, lines: readonly Pick<ReceiptLine, 'skuId' | 'lot' | 'qty'>[]): LineProgress[] {
  const rows: LineProgress[] = (asn?.lines ?? []).map((l, i) => ({ line: i, skuId: l.skuId, lot: l.lot, expected: l.qty, received: 0 }));
  const extra = new Map<string, LineProgress>();
  for (const r of lines) {
    const candidates = rank(
      rows.filter((row) => row.skuId === r.skuId),
      r.lot,
    );
    if (!candidates.length) {
      const row = extra.get(r.skuId) ?? { line: null, skuId: r.skuId, lot: null, expected: 0, received: 0 };
      row.received += r.qty;
      extra.set(r.skuId, row);
      continue;
    }
    let left = r.qty;
    for (const c of candidates) {
      const take = Math.min(left, Math.max(0, c.expected - c.received));
      c.received += take;
      left -= take;
    }
    if (left > 0) candidates[0]!.received += left;
  }
  return [...rows, ...[...extra.values()].sort((a, b) => cmp(a.skuId, b.skuId))];
}

export const sameLot = (a: string | null, b: string | null): boolean => a !== null && b !== null && a.toUpperCase() === b.toUpperCase();

function rank(rows: LineProgress[], lot: string | null): LineProgress[] {
  const score = (row: LineProgress) => (sameLot(row.lot, lot) ? 0 : row.lot === null ? 1 : 2);
  // Array.prototype.sort is stable: equal scores keep the ASN's order.
  return [...rows].sort((a, b) => score(a) - score(b));
}

/** Code-point order, the same on every device and server (no locale). */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Expected and received units of one SKU over the whole ASN. */
export function skuTotals(progress: readonly LineProgress[], skuId: string): { expected: number; received: number } {
  return progress
    .filter((p) => p.skuId === skuId)
    .reduce((t, p) => ({ expected: t.expected + p.expected, received: t.received + p.received }), { expected: 0, received: 0 });
}
