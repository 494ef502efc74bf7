import { z } from 'zod';
import { ErrorCode } from '../errors';
import type { PickTask, StockMovement, Wave } from '../model';
import { decideEpoch, epochExceptions } from '../picking/epoch';
import { checkLotScan, sameLot, type BinLotStock } from '../picking/lot';
import { noChanges, reject, type CommandDef, type Outcome, type RuleContext } from './types';

const id = z.string().min(1).max(64);
const code = z.string().trim().min(1).max(64);
const qty = z.number().int().min(1).max(100_000);

export const PickConfirmArgs = z.strictObject({
  waveId: id,
  taskId: id,
  qty,
  toteCode: code,
  assignmentEpoch: z.number().int().min(0),
  /**
   * argsVersion 2: the lot taken when the picker swapped it at the lot step (lot.ts);
   * null or absent, the allocated lot. The server checks the swap with the same rule.
   */
  lot: code.nullable().optional(),
});
export type PickConfirmArgs = z.infer<typeof PickConfirmArgs>;

export const PickShortArgs = z
  .strictObject({
    waveId: id,
    taskId: id,
    /** Units actually found and put in the tote; 0 when the bin was empty. */
    foundQty: z.number().int().min(0).max(100_000),
    toteCode: code.nullable(),
    assignmentEpoch: z.number().int().min(0),
  })
  .refine((a) => a.foundQty === 0 || a.toteCode !== null, {
    message: 'toteCode is required when units were found',
    path: ['toteCode'],
  });
export type PickShortArgs = z.infer<typeof PickShortArgs>;

export const pickConfirm: CommandDef<PickConfirmArgs> = {
  name: 'pick.confirm',
  argsVersion: 2,
  args: PickConfirmArgs,
  roles: ['picker', 'lead'],
  // Version 1 had no lot: the allocated lot was always taken.
  upgrades: { 1: (old) => (old && typeof old === 'object' ? { ...old, lot: null } : old) },
};

export const pickShort: CommandDef<PickShortArgs> = {
  name: 'pick.short',
  argsVersion: 1,
  args: PickShortArgs,
  roles: ['picker', 'lead'],
};

/** Everything a pick rule may look at: the wave and all of its tasks. */
export interface PickState {
  wave: Wave | null;
  tasks: readonly PickTask[];
}

/** pick.confirm's state; a lot swap also needs the bin's balance of the lot taken. */
export interface PickConfirmState extends PickState {
  /** The task's bin's on-hand balance of `args.lot` (null: none); read only for a swap. */
  lotStock?: BinLotStock | null;
  /** yyyy-mm-dd, for the shelf-life window of a swapped lot. */
  today?: string;
  minShelfLifeDays?: number;
}

export function remainingQty(task: Pick<PickTask, 'qty' | 'pickedQty' | 'status'>): number {
  return task.status === 'open' ? Math.max(0, task.qty - task.pickedQty) : 0;
}

/** A tote holds one order within a wave; returns the order a tote already serves, if any. */
export function toteOrder(tasks: readonly PickTask[], toteCode: string): string | null {
  const t = tasks.find((x) => x.toteCode === toteCode && x.pickedQty > 0);
  return t ? t.orderId : null;
}

/**
 * A lot other than the allocated one, judged like the device's lot step: null when the
 * allocated lot is taken (or the SKU has none), else the swap or the refusal.
 */
function lotSwap(state: PickConfirmState, task: PickTask, lot: string | null | undefined, now: string) {
  if (!lot || task.lot === null || task.lot === undefined || sameLot(lot, task.lot)) return null;
  const opts = { today: state.today ?? now.slice(0, 10), ...(state.minShelfLifeDays !== undefined ? { minShelfLifeDays: state.minShelfLifeDays } : {}) };
  return checkLotScan({ lot: task.lot, expiry: task.expiry ?? null }, { lot }, state.lotStock ?? null, opts);
}

function moveToTote(task: PickTask, toteCode: string, n: number): StockMovement[] {
  if (n <= 0) return [];
  // The allocated lot moves, so per-lot balances (FEFO, shelf life) stay true.
  const stock = { skuId: task.skuId, lot: task.lot ?? null, expiry: task.expiry ?? null };
  return [
    { locationId: task.locationId, containerCode: null, ...stock, delta: -n, reason: 'pick' },
    { locationId: null, containerCode: toteCode, ...stock, delta: n, reason: 'pick' },
  ];
}

function wavePatchAfter(
  wave: Wave,
  tasks: readonly PickTask[],
  patched: PickTask,
  now: string,
): Outcome['wavePatch'] {
  const allClosed = tasks.every((t) => (t.id === patched.id ? patched.status : t.status) !== 'open');
  if (allClosed) return { id: wave.id, patch: { status: 'done', completedAt: now } };
  if (wave.status === 'released') return { id: wave.id, patch: { status: 'picking' } };
  return null;
}

function returnToBin(task: PickTask, n: number) {
  return {
    type: 'line_already_picked' as const,
    waveId: task.waveId,
    taskId: task.id,
    locationId: task.locationId,
    skuId: task.skuId,
    qty: n,
  };
}

/** Shared checks of both pick commands; returns the task or a refusal. */
function openTask(
  state: PickState,
  args: { waveId: string; taskId: string; assignmentEpoch: number },
  physicalQty: number,
  actorId: string,
): { task: PickTask; wave: Wave } | { refusal: Outcome } {
  const { waveId, taskId } = args;
  const wave = state.wave;
  if (!wave || wave.id !== waveId) return { refusal: reject(ErrorCode.WAVE_NOT_FOUND, `wave ${waveId} not found`) };
  const task = state.tasks.find((t) => t.id === taskId && t.waveId === waveId);
  if (!task) return { refusal: reject(ErrorCode.TASK_NOT_FOUND, `task ${taskId} not found in wave ${waveId}`) };
  if (wave.status === 'cancelled') return { refusal: reject(ErrorCode.WAVE_CLOSED, `wave ${wave.code} is cancelled`) };
  if (remainingQty(task) === 0) {
    // The units are physically in a tote already: record it and ask for them back.
    const d = decideEpoch({ deviceEpoch: args.assignmentEpoch, wave, task, actorId });
    return {
      refusal: reject(ErrorCode.LINE_ALREADY_PICKED, `task ${taskId} is already ${task.status}`, {
        exceptions: epochExceptions(d, wave, task, physicalQty),
        otherUserId: d.verdict === 'reject' && d.reason === 'picked_by_other' ? d.pickedBy : null,
      }),
    };
  }
  return { task, wave };
}

/**
 * The epoch rule (picking/epoch.ts) for a scan on an open line: always accepted; when
 * the device's epoch is stale or the scanner is not the assignee, the lead gets a
 * stale_assignment exception and the device a WAVE_REASSIGNED note naming the assignee.
 */
function epochOnOpenLine(wave: Wave, task: PickTask, epoch: number, actorId: string, n: number) {
  const d = decideEpoch({ deviceEpoch: epoch, wave, task, actorId });
  if (d.verdict !== 'accept_and_tell') return { exceptions: [], note: undefined, otherUserId: undefined };
  const assignee = wave.assignedUserId;
  return {
    exceptions: epochExceptions(d, wave, task, n),
    note: ErrorCode.WAVE_REASSIGNED,
    otherUserId: assignee !== null && assignee !== actorId ? assignee : null,
  };
}

export function applyPickConfirm(state: PickConfirmState, args: PickConfirmArgs, ctx: RuleContext): Outcome {
  const found = openTask(state, args, args.qty, ctx.userId);
  if ('refusal' in found) return found.refusal;
  const { wave } = found;
  let task = found.task;
  const swap = lotSwap(state, task, args.lot, ctx.now);
  if (swap && !swap.ok) {
    return reject(swap.code, `lot ${swap.lot} may not replace ${swap.expected} in task ${task.id}`);
  }
  // The allocation follows the units in the hand: the task records the lot taken and the
  // ledger moves that lot, so per-lot balances stay true.
  const lotPatch = swap?.ok && swap.swap ? { lot: swap.swap.to, expiry: swap.swap.expiry } : null;
  if (lotPatch) task = { ...task, ...lotPatch };
  const other = toteOrder(state.tasks, args.toteCode);
  if (other !== null && other !== task.orderId) {
    return reject(ErrorCode.TOTE_IN_USE, `tote ${args.toteCode} already holds another order in this wave`);
  }
  const remaining = remainingQty(task);
  const n = Math.min(args.qty, remaining);
  const patched: PickTask = {
    ...task,
    pickedQty: task.pickedQty + n,
    status: task.pickedQty + n >= task.qty ? 'picked' : 'open',
    toteCode: args.toteCode,
    pickedBy: ctx.userId,
  };
  const changes = noChanges();
  changes.taskPatches.push({
    id: task.id,
    patch: { pickedQty: patched.pickedQty, status: patched.status, toteCode: patched.toteCode, pickedBy: patched.pickedBy, ...lotPatch },
  });
  changes.wavePatch = wavePatchAfter(wave, state.tasks, patched, ctx.now);
  changes.movements.push(...moveToTote(task, args.toteCode, n));
  const epoch = epochOnOpenLine(wave, task, args.assignmentEpoch, ctx.userId, n);
  changes.exceptions.push(...epoch.exceptions);
  const told = epoch.otherUserId !== undefined ? { otherUserId: epoch.otherUserId } : {};
  if (args.qty > n) {
    // The surplus is what the worker must act on now; the lead hears of the epoch anyway.
    changes.exceptions.push(returnToBin(task, args.qty - n));
    return { status: 'applied', note: ErrorCode.OVER_PICK, ...changes, ...told };
  }
  return { status: 'applied', ...(epoch.note ? { note: epoch.note } : {}), ...changes, ...told };
}

export function applyPickShort(state: PickState, args: PickShortArgs, ctx: RuleContext): Outcome {
  const found = openTask(state, args, args.foundQty, ctx.userId);
  if ('refusal' in found) return found.refusal;
  const { task, wave } = found;
  const remaining = remainingQty(task);
  if (args.foundQty >= remaining) {
    return reject(ErrorCode.OVER_PICK, `found ${args.foundQty} of ${remaining}: not short, confirm the pick instead`);
  }
  if (args.toteCode !== null && args.foundQty > 0) {
    const other = toteOrder(state.tasks, args.toteCode);
    if (other !== null && other !== task.orderId) {
      return reject(ErrorCode.TOTE_IN_USE, `tote ${args.toteCode} already holds another order in this wave`);
    }
  }
  const patched: PickTask = {
    ...task,
    pickedQty: task.pickedQty + args.foundQty,
    status: 'short',
    toteCode: args.foundQty > 0 ? args.toteCode : task.toteCode,
    pickedBy: ctx.userId,
  };
  const changes = noChanges();
  changes.taskPatches.push({
    id: task.id,
    patch: { pickedQty: patched.pickedQty, status: 'short', toteCode: patched.toteCode, pickedBy: ctx.userId },
  });
  changes.wavePatch = wavePatchAfter(wave, state.tasks, patched, ctx.now);
  if (args.toteCode !== null) changes.movements.push(...moveToTote(task, args.toteCode, args.foundQty));
  changes.exceptions.push({
    type: 'short_pick',
    waveId: wave.id,
    taskId: task.id,
    locationId: task.locationId,
    skuId: task.skuId,
    qty: remaining - args.foundQty,
  });
  const epoch = epochOnOpenLine(wave, task, args.assignmentEpoch, ctx.userId, args.foundQty);
  changes.exceptions.push(...epoch.exceptions);
  return {
    status: 'applied',
    ...(epoch.note ? { note: epoch.note } : {}),
    ...changes,
    ...(epoch.otherUserId !== undefined ? { otherUserId: epoch.otherUserId } : {}),
  };
}
