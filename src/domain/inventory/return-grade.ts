import type { NewSellerEvent, Outcome, RuleContext } from '../commands/types';
import { noChanges, reject } from '../commands/types';
import type { ReturnGradeArgs } from '../commands/inbound';
import { ErrorCode } from '../errors';
import type { StockMovement } from '../model';
import type { NewReturnLine, NewReturnPutaway } from './changes';
import { gradeReturn, returnGradedSellerEvent } from './returns';
import type { ReturnableOrder } from './snapshot';

/**
 * return.grade's rule, the same on the device (optimistically, from its pulled
 * returnables) and on the server (authoritatively, from the database).
 */
export interface ReturnGradeState {
  /** The order in this warehouse (a pulled ReturnableOrder has this shape), or null. */
  order: Pick<ReturnableOrder, 'orderId' | 'ref' | 'sellerId' | 'status' | 'lines' | 'returned'> | null;
  /** The bench the clerk grades at, or null when not a location of this warehouse. */
  location: { id: string; type: string } | null;
  /** The seller's raw rules JSON (sellers.rules); `.returns` decides dispositions. */
  sellerRules: unknown;
  /** True when a return with this id was already graded (by another command). */
  returnExists: boolean;
  /** Whether a SKU is in the catalogue (wrong_item's foundSkuId); absent: every SKU is. */
  skuExists?: (skuId: string) => boolean;
  /** The expiry the warehouse knows for a SKU's lot, so returned units join their lot's line. */
  expiryOf?: (skuId: string, lot: string | null) => string | null;
  /** Where a restocked unit should go (suggestPutaway); null or absent: no suggestion. */
  suggest?: (skuId: string, qty: number) => string | null;
}

/** Orders a customer may send back: shipped ones, and packed ones already with the carrier. */
export const RETURNABLE_ORDER_STATUSES: readonly string[] = ['shipped', 'packed'];

/**
 * Wrong items do not use up what may come back: the ordered unit itself may still come.
 * Every other grade stands for one ordered unit back in the warehouse.
 */
export const countsAsReturned = (grade: string): boolean => grade !== 'wrong_item';

export function applyReturnGrade(state: ReturnGradeState, args: ReturnGradeArgs, ctx: RuleContext): Outcome {
  const { order, location } = state;
  if (!order) return reject(ErrorCode.ORDER_NOT_FOUND, `order ${args.orderId} is not in this warehouse`);
  if (!RETURNABLE_ORDER_STATUSES.includes(order.status)) {
    return reject(ErrorCode.ORDER_NOT_SHIPPED, `order ${order.ref} is ${order.status}, not shipped`);
  }
  if (!location) return reject(ErrorCode.LOCATION_NOT_FOUND, `location ${args.locationId} is not in this warehouse`);
  if (location.type !== 'returns') return reject(ErrorCode.NOT_A_RETURNS_LOCATION, `${location.id} is a ${location.type}, not a returns location`);
  if (state.returnExists) return reject(ErrorCode.RETURN_ALREADY_GRADED, `return ${args.returnId} is already graded`);

  const shipped = new Map<string, number>();
  for (const l of order.lines) shipped.set(l.skuId, (shipped.get(l.skuId) ?? 0) + l.qty);
  const left = new Map(shipped);
  for (const r of order.returned) left.set(r.skuId, (left.get(r.skuId) ?? 0) - r.qty);

  const movements: StockMovement[] = [];
  const lines: NewReturnLine[] = [];
  const putaways: NewReturnPutaway[] = [];
  const events: NewSellerEvent[] = [];
  for (const [i, u] of args.units.entries()) {
    if (!shipped.has(u.skuId)) return reject(ErrorCode.RETURN_SKU_NOT_ON_ORDER, `unit ${i}: ${u.skuId} is not on order ${order.ref}`);
    const found = u.grade === 'wrong_item' ? u.foundSkuId : null;
    if (found !== null && state.skuExists && !state.skuExists(found)) return reject(ErrorCode.SKU_NOT_FOUND, `unit ${i}: ${found} is not in the catalogue`);
    if (countsAsReturned(u.grade)) {
      const rest = (left.get(u.skuId) ?? 0) - u.qty;
      if (rest < 0) return reject(ErrorCode.RETURN_QTY_OVER, `unit ${i}: ${u.qty} of ${u.skuId} is more than was shipped and not yet returned`);
      left.set(u.skuId, rest);
    }
    const g = gradeReturn(
      {
        orderId: order.orderId, orderRef: order.ref, sellerId: order.sellerId, skuId: u.skuId, foundSkuId: found,
        qty: u.qty, grade: u.grade, reason: u.reason, sealed: u.sealed, photoIds: u.photoIds, scannedRef: args.scannedRef,
        gradedBy: ctx.userId, gradedAt: ctx.now,
      },
      state.sellerRules,
    );
    if (!g.ok) return reject(g.code, `unit ${i} cannot be graded`);
    const { disposition } = g.outcome;
    lines.push({
      id: `${args.returnId}:${i}`, skuId: u.skuId, foundSkuId: found, lot: u.lot, qty: u.qty, grade: u.grade, reason: g.event.reason,
      sealed: g.event.sealed, disposition, photoIds: g.event.photoIds, gradedBy: ctx.userId, gradedAt: ctx.now,
    });
    const e = returnGradedSellerEvent(g.event);
    events.push({ ...e, payload: { ...e.payload, returnId: args.returnId, lot: u.lot, locationId: location.id } });
    // The unit physically here: the ordered SKU, or what was found instead. An unknown
    // wrong item (no foundSkuId) is held on the bench off the ledger for a lead to identify.
    const physical = u.grade === 'wrong_item' ? found : u.skuId;
    if (physical === null) continue;
    const expiry = state.expiryOf?.(physical, u.lot) ?? null;
    const at = { locationId: location.id, containerCode: null, skuId: physical, lot: u.lot, expiry };
    movements.push({ ...at, delta: u.qty, reason: 'return' });
    // Disposed units are thrown away at the bench: on and off the ledger, so the trail shows both.
    if (disposition === 'dispose') movements.push({ ...at, delta: -u.qty, reason: 'dispose' });
    if (disposition === 'restock') {
      putaways.push({
        id: `${ctx.mutationId}:putaway:${i}`, returnId: args.returnId, skuId: physical, lot: u.lot, expiry, qty: u.qty,
        fromLocationId: location.id, suggestedLocationId: state.suggest?.(physical, u.qty) ?? null,
      });
    }
  }
  return {
    status: 'applied',
    ...noChanges(),
    movements,
    sellerEvents: events,
    inventory: {
      returns: [{ id: args.returnId, orderId: order.orderId, sellerId: order.sellerId, locationId: location.id, lines }],
      putawayTasks: putaways,
    },
  };
}
