import type { ReplenishStatus } from './types';

/**
 * The decision the push makes, after a batch's ledger rows are written, for each pick
 * face (bin and SKU) the batch took stock out of. Pure: the server reads the facts
 * (services/replenish-trigger.ts) and writes what this decides.
 */

export interface FaceState {
  locationId: string;
  skuId: string;
  /** Ledger balance after the batch (may be below zero). */
  onHand: number;
  min: number;
  max: number;
  casePack: number;
  /** The face's task that holds the current crossing, if any (open or no_stock). */
  active: { id: string; status: Extract<ReplenishStatus, 'open' | 'no_stock'> } | null;
}

/** One lot of the SKU in one reserve bin (units above 0 only). */
export interface ReserveLot {
  locationId: string;
  lot: string | null;
  expiry: string | null;
  qty: number;
  walkSeq: number;
}

export type FaceDecision =
  | { kind: 'none' }
  /** A new crossing: a task (open, or no_stock when reserve holds nothing) and a stock.low event. */
  | { kind: 'create'; status: 'open' | 'no_stock'; from: ReserveLot | null; qty: number }
  /** A no_stock task whose SKU is now in reserve: it becomes open (no new event). */
  | { kind: 'upgrade'; taskId: string; from: ReserveLot; qty: number }
  /** A no_stock task whose face is back at its minimum: the crossing is over. */
  | { kind: 'close'; taskId: string };

export function isBelowMin(f: Pick<FaceState, 'onHand' | 'min'>): boolean {
  return f.min > 0 && f.onHand < f.min;
}

/**
 * Whether deciding a movement out of the face needs the SKU's reserve stock: only a new
 * crossing (below the minimum, no active task). A no_stock task is looked at again when
 * stock arrives somewhere (the server's arrivals check), not at every pick.
 */
export function needsReserve(f: FaceState): boolean {
  return isBelowMin(f) && f.active === null;
}

/** FEFO: the earliest expiry first (no expiry last), then the bin holding most, then walk order. */
export function chooseReserve(lots: readonly ReserveLot[]): ReserveLot | null {
  const held = lots.filter((l) => l.qty > 0);
  held.sort(
    (a, b) =>
      (a.expiry ?? '9999-99-99').localeCompare(b.expiry ?? '9999-99-99') ||
      b.qty - a.qty ||
      a.walkSeq - b.walkSeq ||
      a.locationId.localeCompare(b.locationId) ||
      (a.lot ?? '').localeCompare(b.lot ?? ''),
  );
  return held[0] ?? null;
}

/**
 * Units to bring: up to the fill-to level (from 0 when the ledger says the face is below
 * zero: a count will settle that, the shelf is empty meanwhile), rounded UP to whole
 * cases when the SKU comes in cases, since reserve stock is stored in cases and opening
 * one at the reserve bin costs more than a face a little over its level; never more than
 * the reserve lot holds.
 */
export function replenishQty(onHand: number, max: number, casePack: number, binQty: number): number {
  const need = Math.max(1, max - Math.max(0, onHand));
  const pack = casePack > 1 ? casePack : 1;
  const rounded = Math.ceil(need / pack) * pack;
  return Math.max(0, Math.min(rounded, binQty));
}

export function decideFace(f: FaceState, lots: readonly ReserveLot[]): FaceDecision {
  if (!isBelowMin(f)) return f.active?.status === 'no_stock' ? { kind: 'close', taskId: f.active.id } : { kind: 'none' };
  if (f.active?.status === 'open') return { kind: 'none' };
  const from = chooseReserve(lots);
  if (f.active?.status === 'no_stock') {
    return from ? { kind: 'upgrade', taskId: f.active.id, from, qty: replenishQty(f.onHand, f.max, f.casePack, from.qty) } : { kind: 'none' };
  }
  if (!from) return { kind: 'create', status: 'no_stock', from: null, qty: Math.max(1, f.max - Math.max(0, f.onHand)) };
  return { kind: 'create', status: 'open', from, qty: replenishQty(f.onHand, f.max, f.casePack, from.qty) };
}
