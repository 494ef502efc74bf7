import { ErrorCode } from '../errors';
import type { LOCATION_TYPES, Location } from '../model';

/**
 * Where received or restocked units go (issue 6: putaway). The rule is the one a clerk
 * can check by eye: the SKU's pick face when it has room, else the nearest empty reserve
 * bin in the SKU's zone. The clerk may choose another storage bin, with a reason.
 */

export type LocationType = (typeof LOCATION_TYPES)[number];
export type PutawayLocation = Pick<Location, 'id' | 'code' | 'zone' | 'type' | 'walkSeq' | 'capacity'>;

/** One ledger balance: units of a SKU (any lot) in a bin. */
export interface BinQty {
  locationId: string;
  skuId: string;
  qty: number;
}

/** Only these bins hold sellable stock; docks, benches, returns and damaged bins never do. */
export const STORAGE_LOCATION_TYPES: readonly LocationType[] = ['pick_face', 'reserve'];

export const isStorageLocation = (l: Pick<Location, 'type'>): boolean => STORAGE_LOCATION_TYPES.includes(l.type);

export interface PutawayInput {
  sku: { id: string };
  qty: number;
  locations: readonly PutawayLocation[];
  balances: readonly BinQty[];
  /**
   * The reserve zone the SKU is stored in. Absent: any reserve bin will do (the demo has
   * one reserve zone, and a SKU with no zone should still find a home).
   */
  zoneOfSku?: string | null;
  /** Where the units are now (a receiving dock or returns bin): the origin when the SKU has no pick face. */
  fromLocationId?: string | null;
}

export type PutawayWhy = 'pick_face' | 'reserve';
export type PutawayMiss = 'bad_qty' | 'no_room';

export type PutawaySuggestion =
  | { location: PutawayLocation; why: PutawayWhy; distance: number }
  | { location: null; why: PutawayMiss; code: ErrorCode };

/** Units a bin can still take; null capacity means the bin is not measured, so never full. */
function roomOf(l: PutawayLocation, used: number): number {
  return l.capacity === null ? Number.POSITIVE_INFINITY : l.capacity - used;
}

const byWalk = (a: PutawayLocation, b: PutawayLocation) => a.walkSeq - b.walkSeq || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

/**
 * The suggested destination. A SKU's pick face is a pick-face bin with a balance row for
 * it (a row at 0 still marks the slot: the face was emptied, not reassigned). Distance is
 * the walk-sequence gap from the pick face, or from where the units are (else the first
 * receiving dock), so the reserve bin chosen is the one the clerk reaches soonest.
 */
export function suggestPutaway(input: PutawayInput): PutawaySuggestion {
  const { qty } = input;
  if (!Number.isInteger(qty) || qty <= 0) return { location: null, why: 'bad_qty', code: ErrorCode.QTY_NOT_POSITIVE };
  const used = new Map<string, number>();
  const holdsSku = new Set<string>();
  for (const b of input.balances) {
    used.set(b.locationId, (used.get(b.locationId) ?? 0) + b.qty);
    if (b.skuId === input.sku.id) holdsSku.add(b.locationId);
  }
  const faces = input.locations.filter((l) => l.type === 'pick_face' && holdsSku.has(l.id)).sort(byWalk);
  for (const f of faces) {
    if (roomOf(f, Math.max(0, used.get(f.id) ?? 0)) >= qty) return { location: f, why: 'pick_face', distance: 0 };
  }
  const origin = faces[0] ?? originOf(input);
  const originSeq = origin?.walkSeq ?? 0;
  let best: PutawayLocation | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const l of input.locations) {
    if (l.type !== 'reserve') continue;
    if (input.zoneOfSku != null && l.zone !== input.zoneOfSku) continue;
    // Empty means nothing of any SKU: mixing SKUs in reserve makes the next count harder.
    if ((used.get(l.id) ?? 0) > 0 || roomOf(l, 0) < qty) continue;
    const d = Math.abs(l.walkSeq - originSeq);
    if (d < bestDistance || (d === bestDistance && best !== null && byWalk(l, best) < 0)) {
      best = l;
      bestDistance = d;
    }
  }
  if (best) return { location: best, why: 'reserve', distance: bestDistance };
  return { location: null, why: 'no_room', code: ErrorCode.PUTAWAY_NO_ROOM };
}

/** Damaged units go to the damaged bin nearest (by walk sequence) to where they are. */
export function suggestDamagedBin(locations: readonly PutawayLocation[], fromLocationId: string | null): PutawayLocation | null {
  const originSeq = originOf({ sku: { id: '' }, qty: 1, locations, balances: [], fromLocationId })?.walkSeq ?? 0;
  let best: PutawayLocation | null = null;
  for (const l of locations) {
    if (l.type !== 'damaged') continue;
    const d = Math.abs(l.walkSeq - originSeq);
    const bestD = best === null ? Number.POSITIVE_INFINITY : Math.abs(best.walkSeq - originSeq);
    if (d < bestD || (d === bestD && best !== null && byWalk(l, best) < 0)) best = l;
  }
  return best;
}

function originOf(input: PutawayInput): PutawayLocation | undefined {
  if (input.fromLocationId != null) {
    const from = input.locations.find((l) => l.id === input.fromLocationId);
    if (from) return from;
  }
  return input.locations.filter((l) => l.type === 'receiving_dock').sort(byWalk)[0];
}

/** Why a clerk put units somewhere other than the suggested bin; a fixed list, so reports can count them. */
export const PUTAWAY_REASONS = ['full', 'damaged_bin', 'closer', 'other'] as const;
export type PutawayReason = (typeof PUTAWAY_REASONS)[number];

export const isPutawayReason = (v: unknown): v is PutawayReason => typeof v === 'string' && (PUTAWAY_REASONS as readonly string[]).includes(v);

export type PutawayCheck = { ok: true; deviated: boolean; reason: PutawayReason | null } | { ok: false; code: ErrorCode };

/**
 * Whether the scanned bin may take the units. The suggested bin needs no reason; any
 * other storage bin needs one from the list; a dock, bench, returns or damaged bin never
 * takes putaway (units there are not stock anyone can pick). Damaged units are the
 * reverse: only a damaged bin takes them, so they can never be picked for an order.
 */
export function checkPutawayDestination(
  suggested: Pick<Location, 'id'> | null,
  scanned: Pick<Location, 'id' | 'type'>,
  reason?: unknown,
  condition: 'ok' | 'damaged' = 'ok',
): PutawayCheck {
  if (condition === 'damaged') {
    if (scanned.type !== 'damaged') return { ok: false, code: ErrorCode.NOT_A_DAMAGED_LOCATION };
  } else if (!isStorageLocation(scanned)) return { ok: false, code: ErrorCode.NOT_A_STORAGE_LOCATION };
  if (suggested !== null && suggested.id === scanned.id) return { ok: true, deviated: false, reason: null };
  if (reason === undefined || reason === null || reason === '') {
    // With no suggestion there is nothing to deviate from: any storage bin is the choice.
    return suggested === null ? { ok: true, deviated: false, reason: null } : { ok: false, code: ErrorCode.PUTAWAY_REASON_REQUIRED };
  }
  if (!isPutawayReason(reason)) return { ok: false, code: ErrorCode.PUTAWAY_REASON_UNKNOWN };
  return { ok: true, deviated: suggested !== null, reason };
}
