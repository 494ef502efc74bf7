import type { PickTask } from '../model';
import type { SkuTracking, StockLot } from '../picking/allocation';
import { reallocateShort, type CountTaskRequest } from '../picking/reallocation';
import { applyPickShort, type PickShortArgs, type PickState } from './pick';
import type { Outcome, RuleContext } from './types';

/**
 * pick.short with re-allocation (issue 4): the short bin gets a blind count, the missing
 * units become new pick tasks from other bins (same wave and order line, each at its
 * bin's walk sequence so it sorts into the walk), and only what no bin can supply goes
 * to the lead as a short_pick exception.
 *
 * The task found short closes: 'picked' when any units were re-allocated (the line
 * carries on in its new tasks), 'short' when nothing could be, so a line is short only
 * when nobody can supply it. The server calls this with `stock` from the ledger net of
 * what other open tasks of the SKU still need; the client may call it with its own view
 * to show the new stop at once, and the pull brings the server's answer.
 */
export interface PickShortState extends PickState {
  /** The SKU's stock per (bin, lot, expiry), net of other open tasks; the short bin may be in it (it is never used). */
  stock: readonly StockLot[];
  sku: SkuTracking;
  /** The warehouse's calendar date, yyyy-mm-dd. */
  today: string;
  /** The seller's minimum shelf life at dispatch (days); allocation's default when absent. */
  minShelfLifeDays?: number;
}

/** New task ids are named after the command, like its ledger rows: replaying it could never add two. */
export const reallocatedTaskId = (mutationId: string, n: number) => `${mutationId}:t${n}`;

export function applyPickShortRealloc(state: PickShortState, args: PickShortArgs, ctx: RuleContext): Outcome {
  const base = applyPickShort(state, args, ctx);
  if (base.status !== 'applied') return base;
  const task = state.tasks.find((t) => t.id === args.taskId)!;
  const r = reallocateShort(task, args.foundQty, state.stock, {
    sku: state.sku,
    today: state.today,
    ...(state.minShelfLifeDays !== undefined ? { minShelfLifeDays: state.minShelfLifeDays } : {}),
  });
  const newTasks: PickTask[] = r.newStops.map((s, n) => ({
    id: reallocatedTaskId(ctx.mutationId, n),
    waveId: task.waveId,
    orderId: task.orderId,
    orderLineId: task.orderLineId,
    orderRef: task.orderRef,
    skuId: task.skuId,
    locationId: s.locationId,
    walkSeq: s.walkSeq,
    qty: s.qty,
    pickedQty: 0,
    status: 'open',
    toteCode: null,
    pickedBy: null,
    lot: s.lot,
    expiry: s.expiry,
    skippedAt: null,
    version: 0,
  }));
  const exceptions = base.exceptions.filter((e) => e.type !== 'short_pick');
  if (r.exception) exceptions.unshift(r.exception);
  const taskPatches = base.taskPatches.map((p) =>
    p.id === task.id && newTasks.length > 0 ? { ...p, patch: { ...p.patch, status: 'picked' as const } } : p,
  );
  // New open tasks keep the wave going: never 'done' while they wait.
  let wavePatch = base.wavePatch;
  if (newTasks.length > 0 && wavePatch?.patch.status === 'done') {
    wavePatch = state.wave!.status === 'released' ? { id: state.wave!.id, patch: { status: 'picking' } } : null;
  }
  const countTasks: CountTaskRequest[] = r.countTask ? [r.countTask] : [];
  return { ...base, taskPatches, wavePatch, exceptions, newTasks, countTasks };
}
