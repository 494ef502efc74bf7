import { ErrorCode } from '../errors';
import { applyPickUndo, type PickUndoArgs, type PickUndoState, type UndoOutcome } from '../picking/undo';
import type { RuleContext } from './types';

/**
 * Refusals of an undo where units may be in the wrong place (the tote left the cart,
 * the quantity or picker does not match, the confirm is unknown): the lead gets an
 * undo_refused exception to check the tote. An undo already done or aimed at a wave or
 * task that does not exist leaves nothing to check.
 */
const TELL_LEAD: readonly string[] = [ErrorCode.TOTE_LEFT_CART, ErrorCode.UNDO_QTY_MISMATCH, ErrorCode.UNDO_NOT_YOURS, ErrorCode.UNDO_NOT_FOUND];

export function applyPickUndoRecorded(state: PickUndoState, args: PickUndoArgs, ctx: RuleContext): UndoOutcome {
  const out = applyPickUndo(state, args, ctx);
  if (out.status === 'applied' || !TELL_LEAD.includes(out.code)) return out;
  const task = state.tasks.find((t) => t.id === args.taskId);
  if (!task) return out;
  return {
    ...out,
    exceptions: [
      ...out.exceptions,
      { type: 'undo_refused', waveId: args.waveId, taskId: task.id, locationId: task.locationId, skuId: task.skuId, qty: args.qty },
    ],
  };
}
