import { ErrorCode } from '../errors';
import type { Location, StockMovement } from '../model';
import { isStorageLocation } from './putaway';

/**
 * Bin-to-bin moves and putaway on the ledger (issue 6). A move is two movements that sum
 * to zero: out of the from-bin, into the to-bin, of the same SKU, lot and expiry, so the
 * SKU's total never changes and each bin's balance stays a plain sum of deltas.
 */

/** A bin-to-bin move, or a putaway task's move from the dock. */
export type MoveReason = 'move' | 'putaway';
export type MoveMovement = StockMovement & { reason: MoveReason };

export interface HeldBalance {
  locationId: string;
  skuId: string;
  lot: string | null;
  expiry: string | null;
  qty: number;
}

export interface MoveInput {
  from: Pick<Location, 'id' | 'type'>;
  to: Pick<Location, 'id' | 'type'>;
  skuId: string;
  /** The lot scanned or chosen; null for a SKU without lots. */
  lot: string | null;
  /** The expiry, when known; undefined takes the lot's units earliest expiry first. */
  expiry?: string | null;
  qty: unknown;
  /** Balances of the from-bin (others are ignored). */
  balances: readonly HeldBalance[];
  reason?: MoveReason;
}

export type MoveResult = { ok: true; movements: MoveMovement[] } | { ok: false; code: ErrorCode; detail?: { held: number } };

const sameLot = (a: string | null, b: string | null) => (a === null || b === null ? a === b : a.trim().toUpperCase() === b.trim().toUpperCase());
const byExpiry = (a: HeldBalance, b: HeldBalance) => (a.expiry ?? '\uffff').localeCompare(b.expiry ?? '\uffff');

/**
 * Checks a move and returns its movements. Refused: a quantity that is not a whole
 * number above 0, the same bin twice, a to-bin that is not storage (units on a bench or
 * dock are not stock anyone can find), or a from-bin that does not hold that many of the
 * SKU lot. Units held under several expiries move earliest first, one pair per expiry.
 */
export function validateMove(input: MoveInput): MoveResult {
  const { qty } = input;
  if (typeof qty !== 'number' || !Number.isInteger(qty)) return { ok: false, code: ErrorCode.QTY_NOT_A_NUMBER };
  if (qty <= 0) return { ok: false, code: ErrorCode.QTY_NOT_POSITIVE };
  if (input.from.id === input.to.id) return { ok: false, code: ErrorCode.MOVE_SAME_BIN };
  if (!isStorageLocation(input.to)) return { ok: false, code: ErrorCode.NOT_A_STORAGE_LOCATION };
  // Rows for one (lot, expiry) are one balance: a negative row cancels units, it is not a bucket to skip.
  const merged = new Map<string, HeldBalance>();
  for (const b of input.balances) {
    if (b.locationId !== input.from.id || b.skuId !== input.skuId || !sameLot(b.lot, input.lot)) continue;
    if (input.expiry !== undefined && b.expiry !== input.expiry) continue;
    const k = JSON.stringify([b.lot, b.expiry]);
    const seen = merged.get(k);
    merged.set(k, seen ? { ...seen, qty: seen.qty + b.qty } : b);
  }
  const held = [...merged.values()].filter((b) => b.qty > 0).sort(byExpiry);
  const total = held.reduce((n, b) => n + b.qty, 0);
  if (total < qty) return { ok: false, code: ErrorCode.MOVE_NOT_ENOUGH_STOCK, detail: { held: total } };
  const reason = input.reason ?? 'move';
  const movements: MoveMovement[] = [];
  let left = qty;
  for (const b of held) {
    if (left === 0) break;
    const take = Math.min(left, b.qty);
    left -= take;
    const line = { containerCode: null, skuId: input.skuId, lot: b.lot, expiry: b.expiry, reason };
    movements.push({ ...line, locationId: input.from.id, delta: -take }, { ...line, locationId: input.to.id, delta: take });
  }
  return { ok: true, movements };
}
