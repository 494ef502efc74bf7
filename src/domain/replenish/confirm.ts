import { z } from 'zod';
import { noChanges, reject, type CommandDef, type Outcome, type RuleContext } from '../commands/types';
import { ErrorCode } from '../errors';
import { Id, Lot } from '../inbound/types';
import type { Location, StockMovement } from '../model';
import { REPLENISH_ROLES, type ReplenishTask } from './types';

/**
 * replenish.confirm: the worker scanned the reserve bin, the item, said how many and
 * scanned the pick face. One confirm closes its task, whatever the quantity: the task's
 * quantity is a suggestion, what was carried is the fact the ledger records.
 */
export const ReplenishConfirmArgs = z.strictObject({
  taskId: Id,
  /** The reserve bin the units came from: the task's, or another reserve bin holding the SKU. */
  fromLocationId: Id,
  /** The pick face scanned last: must be the task's. */
  toLocationId: Id,
  lot: Lot.nullable(),
  qty: z.number().int().positive().max(1_000_000),
});
export type ReplenishConfirmArgs = z.infer<typeof ReplenishConfirmArgs>;

export const replenishConfirm: CommandDef<ReplenishConfirmArgs> = {
  name: 'replenish.confirm',
  argsVersion: 1,
  args: ReplenishConfirmArgs,
  roles: REPLENISH_ROLES,
};

export interface ReplenishConfirmState {
  /** The task args.taskId names (any status), with who did it when done; null when unknown. */
  task: (Pick<ReplenishTask, 'id' | 'status' | 'locationId' | 'skuId' | 'fromLocationId' | 'lot' | 'expiry'> & { doneBy?: string | null }) | null;
  /** The bins args name, or null when unknown. */
  from: Pick<Location, 'id' | 'type'> | null;
  to: Pick<Location, 'id' | 'type'> | null;
}

/**
 * The rule device and server share. Refusals:
 * - REPLENISH_TASK_NOT_FOUND: no such task (or it was cancelled);
 * - REPLENISH_TASK_DONE: someone else confirmed it first (otherUserId says who). The
 *   ledger is not moved a second time: the first confirm already moved the units, and
 *   if this worker carried more, only a count can say how many; so the face gets a
 *   blind count task (DESIGN.md section 4: record the scan, refuse its effect, tell people);
 * - REPLENISH_WRONG_FACE: the last scan was not the task's pick face;
 * - REPLENISH_FROM_NOT_RESERVE: the units came from a bin that is not reserve storage.
 * A reserve bin other than the suggested one is taken (the suggested one may have been
 * emptied): what the worker carried is what moves.
 */
export function applyReplenishConfirm(state: ReplenishConfirmState, args: ReplenishConfirmArgs, ctx: RuleContext): Outcome {
  const { task, from, to } = state;
  if (!task || task.id !== args.taskId || task.status === 'cancelled') {
    return reject(ErrorCode.REPLENISH_TASK_NOT_FOUND, `replenishment ${args.taskId} not found`);
  }
  if (task.status === 'done') {
    return reject(ErrorCode.REPLENISH_TASK_DONE, `replenishment ${task.id} is already done`, {
      otherUserId: task.doneBy ?? null,
      replenish: { countFace: { locationId: task.locationId, skuId: task.skuId } },
    });
  }
  if (!to || to.id !== args.toLocationId) return reject(ErrorCode.LOCATION_NOT_FOUND, `location ${args.toLocationId} not found`);
  if (to.id !== task.locationId) return reject(ErrorCode.REPLENISH_WRONG_FACE, `${to.id} is not the pick face of replenishment ${task.id}`);
  if (!from || from.id !== args.fromLocationId) return reject(ErrorCode.LOCATION_NOT_FOUND, `location ${args.fromLocationId} not found`);
  if (from.type !== 'reserve') return reject(ErrorCode.REPLENISH_FROM_NOT_RESERVE, `${from.id} is not a reserve bin`);
  // The task's expiry holds for its own lot; another lot's is not known here.
  const expiry = args.lot === task.lot ? task.expiry : null;
  const line = { containerCode: null, skuId: task.skuId, lot: args.lot, expiry, reason: 'replenish' as const };
  const movements: StockMovement[] = [
    { ...line, locationId: from.id, delta: -args.qty },
    { ...line, locationId: to.id, delta: args.qty },
  ];
  return {
    status: 'applied',
    ...noChanges(),
    movements,
    replenish: { done: { id: task.id, qty: args.qty, fromLocationId: from.id, doneBy: ctx.userId, at: ctx.now } },
  };
}
