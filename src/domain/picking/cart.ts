import { ErrorCode } from '../errors';

/**
 * The cluster cart: one tote slot per order of the wave. A single-order wave is a cart
 * with one slot, so both kinds of wave run the same flow (scan a tote into each slot,
 * then bin, item, tote at every stop).
 *
 * Wiring: the cart lives on the device (client state, persisted with the wave's view);
 * every check here is client-side and records nothing when it refuses. The server stays
 * authoritative through pick.confirm, which refuses TOTE_IN_USE on its own; pass
 * `inUse` built from the wave's tasks (`toteCode` with `pickedQty > 0`) and, where
 * the device has them, the other waves' open totes, so the refusal comes before a
 * tote is loaded rather than at the first pick.
 */

export interface CartSlot {
  /** 1-based position on the cart, printed on the cart frame. */
  slot: number;
  orderId: string;
  toteCode: string | null;
}
export type CartSlots = readonly CartSlot[];

export type CartRefusal = {
  ok: false;
  code: typeof ErrorCode.TOTE_ALREADY_ON_CART | typeof ErrorCode.TOTE_IN_USE | typeof ErrorCode.UNKNOWN_TOTE | typeof ErrorCode.VALIDATION_FAILED;
  message: string;
  tote: string;
  /** For TOTE_ALREADY_ON_CART: the slot the tote is already in. */
  slot?: number;
};
export type AssignResult = { ok: true; slots: CartSlot[] } | CartRefusal;

export interface ToteRegistry {
  /** Every tote code the warehouse knows; null when the device has no list (accept any). */
  knownTotes: ReadonlySet<string> | null;
  /** Tote code to the order whose units it already holds. */
  inUse: ReadonlyMap<string, string>;
}

export type ToteCheck =
  | { ok: true; slot: number; toteCode: string }
  | {
      ok: false;
      code: typeof ErrorCode.WRONG_TOTE;
      /** Slot the item belongs in; null only when the order is not on this cart. */
      expectedSlot: number | null;
      /** Slot of the tote that was scanned; null when that tote is not on the cart. */
      scannedSlot: number | null;
    };

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Slots 1..n, one per distinct order, sorted by order id: the device, the server and a
 * reload all derive the same numbering whatever order the rows arrived in, so a slot
 * never changes meaning mid-wave. (Not localeCompare: its result depends on the device.)
 */
export function planSlots(orderIds: readonly string[]): CartSlot[] {
  return [...new Set(orderIds)].sort(byCodeUnits).map((orderId, i) => ({ slot: i + 1, orderId, toteCode: null }));
}

/** Scanners may add padding; everything else in a tote code is significant. */
export function normaliseToteCode(code: string): string {
  return code.trim();
}

/**
 * Loads a scanned tote into a slot. Re-scanning the tote a slot already has is accepted
 * (a double scan is not an error). Replacing a slot's tote is allowed: a cracked tote
 * gets swapped; units already picked stay recorded in the tote they went into.
 */
export function assignToteToSlot(slots: CartSlots, slot: number, scanned: string, registry: ToteRegistry): AssignResult {
  const tote = normaliseToteCode(scanned);
  const target = slots.find((s) => s.slot === slot);
  if (!target || tote === '') {
    return { ok: false, code: ErrorCode.VALIDATION_FAILED, message: `no slot ${slot} on this cart`, tote };
  }
  if (registry.knownTotes && !registry.knownTotes.has(tote)) {
    return { ok: false, code: ErrorCode.UNKNOWN_TOTE, message: `${tote} is not a known tote`, tote };
  }
  const holder = slots.find((s) => s.toteCode === tote);
  if (holder && holder.slot !== slot) {
    return {
      ok: false,
      code: ErrorCode.TOTE_ALREADY_ON_CART,
      message: `tote ${tote} is already on this cart in slot ${holder.slot}`,
      tote,
      slot: holder.slot,
    };
  }
  const heldOrder = registry.inUse.get(tote);
  if (heldOrder !== undefined && heldOrder !== target.orderId) {
    return { ok: false, code: ErrorCode.TOTE_IN_USE, message: `tote ${tote} already holds another order`, tote };
  }
  return { ok: true, slots: slots.map((s) => (s.slot === slot ? { ...s, toteCode: tote } : s)) };
}

/** The lowest slot still waiting for a tote, or null when every slot has one. */
export function nextEmptySlot(slots: CartSlots): number | null {
  let best: number | null = null;
  for (const s of slots) if (s.toteCode === null && (best === null || s.slot < best)) best = s.slot;
  return best;
}

/** Picking may start once every slot has a tote. An empty cart is never ready. */
export function cartReady(slots: CartSlots): boolean {
  return slots.length > 0 && slots.every((s) => s.toteCode !== null);
}

export function slotOfOrder(slots: CartSlots, orderId: string): CartSlot | null {
  return slots.find((s) => s.orderId === orderId) ?? null;
}

/**
 * The confirming tote scan at each item. A wrong tote is an error tone and nothing is
 * recorded; the refusal names both slots so the screen can say "that is slot 2, this
 * goes in slot 4".
 */
export function checkToteForItem(slots: CartSlots, expectedOrderId: string, scanned: string): ToteCheck {
  const tote = normaliseToteCode(scanned);
  const expected = slotOfOrder(slots, expectedOrderId);
  const scannedSlot = tote === '' ? null : (slots.find((s) => s.toteCode === tote)?.slot ?? null);
  if (expected && expected.toteCode !== null && expected.toteCode === tote) {
    return { ok: true, slot: expected.slot, toteCode: tote };
  }
  return { ok: false, code: ErrorCode.WRONG_TOTE, expectedSlot: expected?.slot ?? null, scannedSlot };
}
