import type { LOCATION_TYPES, Sku } from '../model';

/**
 * Which bins and lots a pick line is taken from (issue 4: lots, expiry, short picks).
 *
 * Wiring: the server is authoritative. It calls `allocate` when a wave is built and, via
 * `reallocateShort`, when a picker reports a short pick; `stock` is the ledger balance per
 * (bin, lot, expiry) MINUS what open tasks already hold, so two lines never share a unit.
 * The client runs the same function on its pulled stock to show the new stop at once; the
 * server's answer replaces it on the next pull.
 */

export type LocationType = (typeof LOCATION_TYPES)[number];

/** One balance of the ledger: a SKU's units of one lot in one bin. */
export interface StockLot {
  locationId: string;
  walkSeq: number;
  locationType: LocationType;
  lot: string | null;
  /** ISO date (yyyy-mm-dd); a longer ISO timestamp is read by its date part. */
  expiry: string | null;
  /** Units free to allocate; may be 0 or negative (the ledger never refuses a scan). */
  available: number;
}

export type SkuTracking = Pick<Sku, 'lotTracked' | 'expiryTracked'>;

export interface AllocateOptions {
  /** The warehouse's local calendar date (yyyy-mm-dd), not the UTC date of `now`. */
  today: string;
  /** The seller's minimum remaining shelf life at dispatch, in days. */
  minShelfLifeDays?: number;
  /** Bins never to allocate from, e.g. the one a picker just found short. */
  excludeLocationIds?: readonly string[];
}

export interface Allocation {
  locationId: string;
  walkSeq: number;
  lot: string | null;
  expiry: string | null;
  qty: number;
}

/** Why units that exist were not allocated: tells the lead what a short really means. */
export type HeldReason = 'inside_shelf_life' | 'no_expiry' | 'no_lot' | 'not_pickable' | 'excluded';

export interface HeldStock {
  locationId: string;
  lot: string | null;
  expiry: string | null;
  qty: number;
  reason: HeldReason;
}

export interface AllocationResult {
  /** In walk order. */
  allocations: Allocation[];
  /** Units no allocatable stock covers (0 when fully allocated). */
  shortQty: number;
  /** Stock with units that the rules kept out, and why. */
  held: HeldStock[];
}

export const DEFAULT_MIN_SHELF_LIFE_DAYS = 30;

/**
 * Only these bins are picked from: docks, benches, returns and damaged bins hold units
 * that are not (or no longer) sellable stock, even though the ledger counts them.
 */
export const PICKABLE_LOCATION_TYPES: readonly LocationType[] = ['pick_face', 'reserve'];

const isoDate = (s: string) => s.slice(0, 10);

/**
 * The first expiry date that may still be allocated: `today + days`. "Within the window"
 * means expiry < cutoff, so a lot expiring exactly on the cutoff leaves the building
 * with the full minimum shelf life and is allocatable.
 */
export function shelfLifeCutoff(today: string, days: number = DEFAULT_MIN_SHELF_LIFE_DAYS): string {
  const [y, m, d] = isoDate(today).split('-').map(Number);
  // A negative or fractional setting is a configuration slip; never let it widen the window.
  const whole = Number.isFinite(days) ? Math.max(0, Math.trunc(days)) : DEFAULT_MIN_SHELF_LIFE_DAYS;
  return new Date(Date.UTC(y!, m! - 1, d! + whole)).toISOString().slice(0, 10);
}

/** Is this expiry inside the minimum shelf-life window (never to be allocated or swapped in)? */
export function insideShelfLife(expiry: string, cutoff: string): boolean {
  return isoDate(expiry) < cutoff;
}

const typeRank = (t: LocationType) => (t === 'pick_face' ? 0 : 1);
const cmpStr = (a: string | null, b: string | null) => (a ?? '').localeCompare(b ?? '');

/** Earliest expiry, then pick face before reserve, then walk order, then lot. */
function fefoOrder(a: StockLot, b: StockLot): number {
  return (
    cmpStr(a.expiry, b.expiry) ||
    typeRank(a.locationType) - typeRank(b.locationType) ||
    a.walkSeq - b.walkSeq ||
    a.locationId.localeCompare(b.locationId) ||
    cmpStr(a.lot, b.lot)
  );
}

function walkOrder(a: StockLot, b: StockLot): number {
  return a.walkSeq - b.walkSeq || a.locationId.localeCompare(b.locationId) || cmpStr(a.lot, b.lot);
}

/** Duplicate ledger rows for one (bin, lot, expiry) are one balance. */
function merge(stock: readonly StockLot[]): StockLot[] {
  const byKey = new Map<string, StockLot>();
  for (const s of stock) {
    const row = { ...s, expiry: s.expiry === null ? null : isoDate(s.expiry) };
    const key = JSON.stringify([row.locationId, row.lot, row.expiry]);
    const seen = byKey.get(key);
    byKey.set(key, seen ? { ...seen, available: seen.available + row.available } : row);
  }
  return [...byKey.values()];
}

function heldReason(s: StockLot, sku: SkuTracking, cutoff: string, excluded: ReadonlySet<string>): HeldReason | null {
  if (excluded.has(s.locationId)) return 'excluded';
  if (!PICKABLE_LOCATION_TYPES.includes(s.locationType)) return 'not_pickable';
  // The picker must scan the lot: a balance without one could never be confirmed.
  if (sku.lotTracked && (s.lot === null || s.lot.trim() === '')) return 'no_lot';
  // Unknown expiry cannot be shown to be outside the shelf-life window, so it is never
  // sent to a customer; the lead sees it as held stock and has it relabelled.
  if (sku.expiryTracked && s.expiry === null) return 'no_expiry';
  if (sku.expiryTracked && insideShelfLife(s.expiry!, cutoff)) return 'inside_shelf_life';
  return null;
}

/**
 * Fewest stops among bins of one kind: a bin that holds all that is still needed wins
 * (the first in walk order); otherwise the fullest bin is taken and the choice repeats.
 */
function fewestStops(bins: readonly StockLot[], need: number): { bin: StockLot; qty: number }[] {
  const left = [...bins].sort(walkOrder);
  const out: { bin: StockLot; qty: number }[] = [];
  let rest = need;
  while (rest > 0 && left.length > 0) {
    let i = left.findIndex((b) => b.available >= rest);
    if (i < 0) i = left.reduce((best, b, j) => (b.available > left[best]!.available ? j : best), 0);
    const bin = left.splice(i, 1)[0]!;
    const qty = Math.min(bin.available, rest);
    out.push({ bin, qty });
    rest -= qty;
  }
  return out;
}

/**
 * Chooses where a line's units come from. Expiry-tracked SKUs go first-expiry-first-out
 * (a later lot is never taken while an earlier one has units). Other SKUs empty pick
 * faces before touching reserve (reserve picks need equipment and starve replenishment
 * planning), with the fewest stops within each. Splits across bins and lots as needed.
 */
export function allocate(
  line: { skuId: string; qty: number },
  sku: SkuTracking,
  stock: readonly StockLot[],
  opts: AllocateOptions,
): AllocationResult {
  const cutoff = shelfLifeCutoff(opts.today, opts.minShelfLifeDays ?? DEFAULT_MIN_SHELF_LIFE_DAYS);
  const excluded = new Set(opts.excludeLocationIds ?? []);
  const held: HeldStock[] = [];
  const usable: StockLot[] = [];
  for (const s of merge(stock)) {
    if (s.available <= 0) continue;
    const reason = heldReason(s, sku, cutoff, excluded);
    if (reason) held.push({ locationId: s.locationId, lot: s.lot, expiry: s.expiry, qty: s.available, reason });
    else usable.push(s);
  }

  const need = Math.max(0, Math.trunc(line.qty));
  let picks: { bin: StockLot; qty: number }[] = [];
  if (sku.expiryTracked) {
    let rest = need;
    for (const bin of usable.sort(fefoOrder)) {
      if (rest <= 0) break;
      const qty = Math.min(bin.available, rest);
      picks.push({ bin, qty });
      rest -= qty;
    }
  } else {
    const faces = usable.filter((s) => s.locationType === 'pick_face');
    picks = fewestStops(faces, need);
    const fromFaces = picks.reduce((n, p) => n + p.qty, 0);
    picks.push(...fewestStops(usable.filter((s) => s.locationType !== 'pick_face'), need - fromFaces));
  }

  const allocations = picks
    .sort((a, b) => walkOrder(a.bin, b.bin))
    .map(({ bin, qty }) => ({ locationId: bin.locationId, walkSeq: bin.walkSeq, lot: bin.lot, expiry: bin.expiry, qty }));
  const got = allocations.reduce((n, a) => n + a.qty, 0);
  return { allocations, shortQty: need - got, held: held.sort((a, b) => a.locationId.localeCompare(b.locationId) || cmpStr(a.lot, b.lot)) };
}

/** Units an open task still needs from its bin (and lot, when the task names one). */
export interface OpenNeed {
  id: string;
  locationId: string;
  lot: string | null;
  need: number;
}

/**
 * Takes what other open tasks still need off the bins' lots (in place), so only free
 * stock is re-allocated. A task without a lot takes from its bin's lots
 * first-expiry-first, as allocation would. The device and the server both net this way.
 */
export function netOfOpenNeeds(lots: StockLot[], needs: Iterable<OpenNeed>, exceptTaskId: string): StockLot[] {
  for (const n of needs) {
    if (n.id === exceptTaskId) continue;
    let rest = n.need;
    const from = lots
      .filter((l) => l.locationId === n.locationId && (n.lot === null || l.lot === n.lot))
      .sort((x, y) => (x.expiry ?? '').localeCompare(y.expiry ?? ''));
    for (const l of from) {
      if (rest <= 0) break;
      const take = Math.min(Math.max(0, l.available), rest);
      l.available -= take;
      rest -= take;
    }
  }
  return lots;
}
