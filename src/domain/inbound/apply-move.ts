import { noChanges, reject, type Outcome, type PutawayConfirmArgs, type RuleContext, type StockMoveArgs } from '../commands';
import { ErrorCode } from '../errors';
import type { Location } from '../model';
import { validateMove, type HeldBalance, type MoveMovement } from '../inventory/move';
import { checkPutawayDestination } from '../inventory/putaway';
import type { PutawayTask } from './snapshot';

/**
 * putaway.confirm and stock.move as rules for device and server. Both are physical moves
 * the clerk already made: they are checked for what the clerk can get wrong (an unknown
 * or done task, a bin that is not storage, another bin with no reason, more units than
 * the task holds) but never refused for a ledger balance: a bin that goes below zero
 * raises the usual negative-stock exception and count task on the server.
 */

export interface PutawayConfirmState {
  /** The task args.taskId names, `qty` being the units it still holds; null when unknown. */
  task: Pick<PutawayTask, 'id' | 'status' | 'qty' | 'skuId' | 'lot' | 'expiry' | 'condition' | 'fromLocationId' | 'suggestedLocationId'> | null;
  /** The bin args.toLocationId names, or null when unknown. */
  to: Pick<Location, 'id' | 'type'> | null;
  /**
   * The confirming device made the task itself (its own receipt.close) and may have put
   * the units away before it ever pulled the server's suggestion: whichever storage bin
   * it chose is taken without a reason, as with no suggestion.
   */
  suggestionUnseen?: boolean;
}

export function applyPutawayConfirm(state: PutawayConfirmState, args: PutawayConfirmArgs, ctx: RuleContext): Outcome {
  const { task, to } = state;
  if (!task || task.id !== args.taskId) return reject(ErrorCode.PUTAWAY_TASK_NOT_FOUND, `putaway task ${args.taskId} not found`);
  if (task.status !== 'open' || task.qty <= 0) return reject(ErrorCode.PUTAWAY_TASK_DONE, `putaway task ${task.id} is done`);
  if (!to || to.id !== args.toLocationId) return reject(ErrorCode.LOCATION_NOT_FOUND, `location ${args.toLocationId} not found`);
  const suggested = task.suggestedLocationId === null || (state.suggestionUnseen && !args.reason) ? null : { id: task.suggestedLocationId };
  const check = checkPutawayDestination(suggested, to, args.reason, task.condition);
  if (!check.ok) return reject(check.code, `${to.id} cannot take putaway task ${task.id}`);
  if (!Number.isInteger(args.qty) || args.qty <= 0) return reject(ErrorCode.QTY_NOT_POSITIVE, 'quantity must be a whole number above 0');
  if (args.qty > task.qty) return reject(ErrorCode.PUTAWAY_QTY_OVER, `putaway task ${task.id} holds ${task.qty}, not ${args.qty}`);
  const line = { containerCode: null, skuId: task.skuId, lot: task.lot, expiry: task.expiry, reason: 'putaway' as const };
  const movements: MoveMovement[] = [
    { ...line, locationId: task.fromLocationId, delta: -args.qty },
    { ...line, locationId: to.id, delta: args.qty },
  ];
  const openQty = task.qty - args.qty;
  return {
    status: 'applied',
    ...noChanges(),
    movements,
    receiving: {
      putawayPatches: [
        {
          id: task.id,
          movedQty: args.qty,
          openQty,
          status: openQty === 0 ? 'done' : 'open',
          toLocationId: to.id,
          reason: check.reason,
          doneBy: ctx.userId,
          at: ctx.now,
        },
      ],
    },
  };
}

export interface StockMoveState {
  /** The bins args name, or null when unknown. */
  from: Pick<Location, 'id' | 'type'> | null;
  to: Pick<Location, 'id' | 'type'> | null;
  /** The SKU args.skuId names, or null when unknown. */
  sku: { id: string } | null;
  /** What the from-bin holds of the SKU, by lot and expiry (other rows are ignored). */
  balances: readonly HeldBalance[];
}

/**
 * A bin-to-bin move (validateMove). When the ledger says the from-bin holds fewer units
 * than were moved, the move is still recorded, applied with the note
 * MOVE_NOT_ENOUGH_STOCK: the held units move as usual and the rest moves under the
 * scanned lot, taking the from-bin below zero for a count to settle.
 */
export function applyStockMove(state: StockMoveState, args: StockMoveArgs, _ctx: RuleContext): Outcome {
  const { from, to, sku } = state;
  if (!from || from.id !== args.fromLocationId) return reject(ErrorCode.LOCATION_NOT_FOUND, `location ${args.fromLocationId} not found`);
  if (!to || to.id !== args.toLocationId) return reject(ErrorCode.LOCATION_NOT_FOUND, `location ${args.toLocationId} not found`);
  if (!sku || sku.id !== args.skuId) return reject(ErrorCode.SKU_NOT_FOUND, `SKU ${args.skuId} not found`);
  const input = { from, to, skuId: args.skuId, lot: args.lot, qty: args.qty, balances: state.balances, reason: 'move' as const };
  const r = validateMove(input);
  if (r.ok) return { status: 'applied', ...noChanges(), movements: r.movements };
  if (r.code !== ErrorCode.MOVE_NOT_ENOUGH_STOCK) return reject(r.code, `move of ${args.skuId} from ${from.id} to ${to.id} refused`);
  const held = r.detail?.held ?? 0;
  const part = held > 0 ? validateMove({ ...input, qty: held }) : null;
  const movements = part?.ok ? [...part.movements] : [];
  const rest = args.qty - (part?.ok ? held : 0);
  // The lot's expiry when the bin ever held it; else none is known.
  const expiry = state.balances.find((b) => b.locationId === from.id && b.skuId === args.skuId && b.lot === args.lot)?.expiry ?? null;
  const line = { containerCode: null, skuId: args.skuId, lot: args.lot, expiry, reason: 'move' as const };
  movements.push({ ...line, locationId: from.id, delta: -rest }, { ...line, locationId: to.id, delta: rest });
  return { status: 'applied', note: ErrorCode.MOVE_NOT_ENOUGH_STOCK, ...noChanges(), movements };
}
