import { checkLotScan, lotFromScan, sameLot } from '../../../domain/picking/lot';
import type { ScanResult } from '../../../domain/scan/normalise';
import type { FlowContext, FlowResult, FlowState } from './pick-flow';
import { failKey } from './pick-results';

/**
 * The lot step of the pick flow (pick-flow.ts): judging a scanned lot against the one
 * allocated, and naming a swapped lot for pick.confirm. Apart from the reducer because
 * the rule itself lives in src/domain/picking/lot.ts; this only turns its answer into
 * the flow's feedback.
 */

/** The lot check at a lot-tracked stop; null when the scan carries no lot to judge. */
export function judgeLot(state: FlowState, scan: ScanResult, ctx: FlowContext): FlowResult | { lot: string } | null {
  const allocated = ctx.lot;
  if (!allocated) return null;
  const read = lotFromScan(scan);
  if (!read) return null;
  if (state.lot && sameLot(state.lot, read.lot)) return { lot: state.lot };
  const stock = (ctx.binLots ?? ctx.location?.lots)?.find((b) => sameLot(b.lot, read.lot)) ?? null;
  const check = checkLotScan(allocated, read, stock, { today: ctx.today ?? new Date().toISOString().slice(0, 10) });
  if (!check.ok) {
    return failKey(state, check.code, `errors.${check.code}`, { lot: check.lot, expected: check.expected, expiry: check.expiry ?? '' });
  }
  return { lot: check.swap ? check.swap.to : allocated.lot };
}

/** The lot taken when it is not the allocated one: pick.confirm carries it for the server to check. */
export function swappedLot(state: FlowState, ctx: FlowContext): string | null {
  return ctx.lot && state.lot && !sameLot(state.lot, ctx.lot.lot) ? state.lot : null;
}
