import { z } from 'zod';
import { ErrorCode } from '../errors';
import type { PickTask, StockMovement, Wave } from '../model';
import type { CommandDef, Changes, Outcome, RuleContext } from '../commands/types';
import { decideEpoch, epochExceptions } from './epoch';

/**
 * pick.undo: the picker reverses one of their own pick.confirm commands while the tote
 * is still on the cart. The ledger is append-only, so an undo never deletes the confirm:
 * it appends negating movements and an audit event that names the mutation it negates.
 *
 * Wiring: the client applies it optimistically (state from the device's view: the wave,
 * its tasks, the device's own applied confirms from the outbox and pulled results, and
 * `toteOffCart` from the cart). The server applies it authoritatively with confirmations
 * read from its command log (applied pick.confirm results for the task, with
 * `undone` set when a pick.undo negating them was applied) and `toteOffCart` from the
 * tote's ledger/pack events. The command joins COMMANDS as `pick.undo`, roles picker/lead.
 *
 * A short line goes back to open too: the units are back in the bin, so the line can be
 * picked again; its short_pick exception stays for the lead to resolve.
 */

const id = z.string().min(1).max(64);

export const PickUndoArgs = z.strictObject({
  waveId: id,
  taskId: id,
  /** The pick.confirm mutation being reversed. */
  mutationIdToUndo: id,
  qty: z.number().int().min(1).max(100_000),
  toteCode: z.string().trim().min(1).max(64),
  assignmentEpoch: z.number().int().min(0),
});
export type PickUndoArgs = z.infer<typeof PickUndoArgs>;

export const pickUndo: CommandDef<PickUndoArgs> = {
  name: 'pick.undo',
  argsVersion: 1,
  args: PickUndoArgs,
  roles: ['picker', 'lead'],
};

export const UNDO_REASON = 'pick_undo' as const;
export type UndoMovement = StockMovement;

/** One applied pick.confirm as the rule needs it; `qty` is what it moved into the tote. */
export interface PickConfirmation {
  mutationId: string;
  taskId: string;
  qty: number;
  toteCode: string;
  /** Who confirmed it: only they may undo it, it is their physical action. */
  userId: string;
  undone: boolean;
  /**
   * The lot and expiry it moved, when known: a lot swapped later in the line changes the
   * task's lot, and the undo must put back what this confirm took. Absent, the task's.
   */
  stock?: { lot: string | null; expiry: string | null };
}

export interface PickUndoState {
  wave: Wave | null;
  tasks: readonly PickTask[];
  confirmations: readonly PickConfirmation[];
  toteOffCart: (toteCode: string) => boolean;
}

/** What the audit trail stores for an undo, beside the command itself. */
export interface PickUndoneEvent {
  type: 'pick.undone';
  /** This undo's own mutation id. */
  mutationId: string;
  /** The pick.confirm it negates; that row is kept and marked undone, never deleted. */
  negates: string;
  userId: string;
  at: string;
  waveId: string;
  taskId: string;
  skuId: string;
  locationId: string;
  toteCode: string;
  qty: number;
}

export type UndoChanges = Changes;
/** An Outcome; an applied undo also names the confirm it negates and its audit event. */
export type UndoOutcome =
  | (Extract<Outcome, { status: 'applied' }> & { event: PickUndoneEvent; undone: string })
  | Extract<Outcome, { status: 'rejected' }>;

function refuse(code: ErrorCode, message: string): UndoOutcome {
  return { status: 'rejected', code, message, taskPatches: [], wavePatch: null, movements: [], exceptions: [] };
}

function negate(task: PickTask, toteCode: string, qty: number, stock?: PickConfirmation['stock']): UndoMovement[] {
  const lot = stock ?? { lot: task.lot ?? null, expiry: task.expiry ?? null };
  const base = { skuId: task.skuId, lot: lot.lot, expiry: lot.expiry, reason: UNDO_REASON };
  return [
    { ...base, locationId: null, containerCode: toteCode, delta: -qty },
    { ...base, locationId: task.locationId, containerCode: null, delta: qty },
  ];
}

export function applyPickUndo(state: PickUndoState, args: PickUndoArgs, ctx: RuleContext): UndoOutcome {
  const wave = state.wave;
  if (!wave || wave.id !== args.waveId) return refuse(ErrorCode.WAVE_NOT_FOUND, `wave ${args.waveId} not found`);
  const task = state.tasks.find((t) => t.id === args.taskId && t.waveId === wave.id);
  if (!task) return refuse(ErrorCode.TASK_NOT_FOUND, `task ${args.taskId} not found in wave ${wave.id}`);
  const c = state.confirmations.find((x) => x.mutationId === args.mutationIdToUndo);
  // A confirm of another task or tote is "not found" for this undo: the device aimed wrong.
  if (!c || c.taskId !== task.id || c.toteCode !== args.toteCode) {
    return refuse(ErrorCode.UNDO_NOT_FOUND, `no confirm ${args.mutationIdToUndo} of task ${task.id} into tote ${args.toteCode}`);
  }
  if (c.undone) return refuse(ErrorCode.ALREADY_UNDONE, `confirm ${c.mutationId} is already undone`);
  if (c.userId !== ctx.userId) return refuse(ErrorCode.UNDO_NOT_YOURS, `confirm ${c.mutationId} was made by ${c.userId}`);
  if (c.qty !== args.qty) {
    return refuse(ErrorCode.UNDO_QTY_MISMATCH, `confirm ${c.mutationId} moved ${c.qty}, undo asks for ${args.qty}`);
  }
  if (state.toteOffCart(c.toteCode)) {
    // The units are downstream (packing); taking them back is the lead's call, not the picker's.
    return refuse(ErrorCode.TOTE_LEFT_CART, `tote ${c.toteCode} has left the cart`);
  }
  if (wave.status === 'cancelled') return refuse(ErrorCode.WAVE_CLOSED, `wave ${wave.code} is cancelled`);

  const pickedQty = Math.max(0, task.pickedQty - c.qty);
  // The task records one tote and one picker; once it holds nothing, both are free again
  // (the tote for another order, the line for anyone without a LINE_ALREADY_PICKED).
  const toteCode = pickedQty > 0 ? task.toteCode : null;
  const pickedBy = pickedQty > 0 ? task.pickedBy : null;
  const changes: UndoChanges = {
    taskPatches: [{ id: task.id, patch: { pickedQty, status: 'open', toteCode, pickedBy } }],
    // A reopened line reopens a finished wave.
    wavePatch: wave.status === 'done' ? { id: wave.id, patch: { status: 'picking', completedAt: null } } : null,
    movements: negate(task, c.toteCode, c.qty, c.stock),
    exceptions: [],
  };
  // The undo is physical too: a stale epoch is accepted and the lead told, like a pick.
  // The line it reopens counts as open, so only the epoch and assignee decide here.
  const epoch = decideEpoch({
    deviceEpoch: args.assignmentEpoch,
    wave,
    task: { ...task, status: 'open', pickedQty: 0 },
    actorId: ctx.userId,
  });
  if (epoch.verdict === 'accept_and_tell') changes.exceptions.push(...epochExceptions(epoch, wave, task, c.qty));
  const event: PickUndoneEvent = {
    type: 'pick.undone',
    mutationId: ctx.mutationId,
    negates: c.mutationId,
    userId: ctx.userId,
    at: ctx.now,
    waveId: wave.id,
    taskId: task.id,
    skuId: task.skuId,
    locationId: task.locationId,
    toteCode: c.toteCode,
    qty: c.qty,
  };
  return { status: 'applied', event, undone: c.mutationId, ...changes };
}
