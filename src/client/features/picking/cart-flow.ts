import { assignToteToSlot, cartReady, nextEmptySlot, type CartSlot, type CartSlots } from '../../../domain/picking/cart';
import type { ScanResult } from '../../../domain/scan/normalise';
import type { Feedback } from './pick-flow';

/**
 * Loading the cluster cart before the first stop: each tote scanned goes into the lowest
 * empty slot. A refusal is an error tone and the cart is unchanged.
 */
export interface CartScan {
  slots: CartSlot[];
  feedback: Feedback;
  /** True when the cart changed and must be saved. */
  changed: boolean;
}

/**
 * `tote` is the canonical code of a known tote matching the scan, or null; `inUse` maps a
 * tote to the order whose units it already holds (from the wave's tasks).
 */
export function scanIntoCart(slots: CartSlots, scan: ScanResult, tote: string | null, inUse: ReadonlyMap<string, string>): CartScan {
  const same = [...slots];
  const refuse = (code: string, key: string, params?: Feedback['params']): CartScan => ({
    slots: same,
    feedback: { kind: 'error', code, key, ...(params ? { params } : {}) },
    changed: false,
  });
  const slot = nextEmptySlot(slots);
  if (slot === null) return refuse('CART_FULL', 'pickingScreen.err.CART_FULL');
  if (scan.kind === 'invalid') return refuse(scan.code, `errors.${scan.code}`, { text: scan.text });
  if (scan.kind !== 'code') return refuse('EXPECTED_TOTE', 'errors.EXPECTED_TOTE');
  if (tote === null) return refuse('UNKNOWN_TOTE', 'pick.err.UNKNOWN_TOTE', { tote: scan.text });
  const r = assignToteToSlot(slots, slot, tote, { knownTotes: null, inUse });
  if (!r.ok) {
    if (r.code === 'TOTE_IN_USE') return refuse(r.code, 'pick.err.TOTE_IN_USE', { tote: r.tote });
    return refuse(r.code, `errors.${r.code}`, { tote: r.tote, slot: r.slot ?? slot });
  }
  const feedback: Feedback = cartReady(r.slots)
    ? { kind: 'success', key: 'pickingCart.cart-ready', params: { slots: r.slots.length } }
    : { kind: 'success', key: 'pickingScreen.slot-loaded', params: { slot, tote } };
  return { slots: r.slots, feedback, changed: true };
}
