import {
  applyPickConfirm,
  applyPickShort,
  applyPickShortRealloc,
  applyPickSkip,
  applyPickUndo,
  type Outcome,
  type PickConfirmArgs,
  type PickConfirmation,
  type PickShortArgs,
  type PickSkipArgs,
  type PickUndoArgs,
  type RuleContext,
} from './commands';
import type { PickTask, StockMovement, Wave } from './model';
import { netOfOpenNeeds, type SkuTracking, type StockLot } from './picking/allocation';
import { sameLot } from './picking/lot';

/**
 * The picking commands replayed on the device (issue 4): pick.confirm (with a lot swap),
 * pick.short (re-allocated from the device's bin stock), pick.undo and pick.skip, by the
 * same rules as the server. What the server reads beyond the wave comes from the device:
 *   - bin stock as last pulled (local/stock.ts), minus the bin movements of the commands
 *     replayed before (they are not in the pulled balances yet);
 *   - the confirms an undo names: those replayed before it, then this device's pick log
 *     (confirms the outbox already forgot). The log holds only this device's picks, so
 *     their picker is the undo's own; the server checks again.
 * A short pick's new tasks are named after its mutation id (`reallocatedTaskId`) on
 * both sides, so the pull replaces the device's guess instead of adding a second stop.
 */

/** What the device knows beyond the wave's rows; preloaded, because a replay is synchronous. */
export interface ReplayStock {
  /** On-hand per pickable bin, lot and expiry of a SKU, as last pulled. */
  lots(skuId: string): readonly StockLot[];
  /** The SKU's tracking flags; null when the device has no row for it (then no re-allocation). */
  sku(skuId: string): SkuTracking | null;
  /** Open tasks of the SKU the view rows may not hold (the rest of the wave), to net stock against. */
  openTasks?(skuId: string): readonly PickTask[];
}

/** A confirm this device recorded, from its pick log. */
export type LoggedConfirm = Pick<PickConfirmation, 'mutationId' | 'taskId' | 'qty' | 'toteCode'>;

export interface PickingRows {
  waves: Map<string, Wave>;
  tasks: Map<string, PickTask>;
  stock?: ReplayStock;
  loggedConfirms?: readonly LoggedConfirm[];
  /** Filled during a replay: confirms applied so far, by mutation id. */
  confirms?: Map<string, PickConfirmation>;
  /** Filled during a replay: bin movements applied so far, by stockKey. */
  moved?: Map<string, number>;
}

const binKey = (locationId: string, skuId: string, lot: string | null, expiry: string | null) => JSON.stringify([locationId, skuId, lot, expiry]);

function waveTasks(view: PickingRows, waveId: string): PickTask[] {
  const out: PickTask[] = [];
  for (const t of view.tasks.values()) if (t.waveId === waveId) out.push(t);
  return out;
}

/** The SKU's lots as pulled, less what earlier replayed commands moved out of (or into) each bin. */
function lotsNow(view: PickingRows, skuId: string): StockLot[] {
  return (view.stock?.lots(skuId) ?? []).map((l) => ({ ...l, available: l.available + (view.moved?.get(binKey(l.locationId, skuId, l.lot, l.expiry)) ?? 0) }));
}

/** Free stock for a re-allocation: on hand less what other open tasks of the SKU still need (as the server nets it). */
function freeLots(view: PickingRows, skuId: string, shortTaskId: string): StockLot[] {
  const lots = lotsNow(view, skuId);
  const open = new Map<string, PickTask>();
  for (const t of view.stock?.openTasks?.(skuId) ?? []) open.set(t.id, t);
  for (const t of view.tasks.values()) if (t.skuId === skuId) open.set(t.id, t);
  const needs = [...open.values()]
    .filter((t) => t.status === 'open')
    .map((t) => ({ id: t.id, locationId: t.locationId, lot: t.lot, need: t.qty - t.pickedQty }));
  netOfOpenNeeds(lots, needs, shortTaskId);
  return lots;
}

function confirmState(view: PickingRows, args: PickConfirmArgs, wave: Wave | null, tasks: PickTask[]) {
  const task = tasks.find((t) => t.id === args.taskId);
  if (!args.lot || !task || !view.stock) return { wave, tasks };
  const lot = args.lot;
  const held = lotsNow(view, task.skuId)
    .filter((l) => l.locationId === task.locationId && l.lot !== null && sameLot(l.lot, lot) && l.available > 0)
    .sort((x, y) => y.available - x.available)[0];
  return { wave, tasks, lotStock: held ? { lot: held.lot!, expiry: held.expiry, available: held.available } : null };
}

function undoConfirmations(view: PickingRows, ctx: RuleContext): PickConfirmation[] {
  const out = new Map<string, PickConfirmation>();
  for (const c of view.loggedConfirms ?? []) out.set(c.mutationId, { ...c, userId: ctx.userId, undone: false });
  for (const [id, c] of view.confirms ?? []) out.set(id, c);
  return [...out.values()];
}

/** Bookkeeping after an applied command: confirms for later undos, bin movements for later stock reads. */
function remember(view: PickingRows, name: string, args: unknown, outcome: Outcome, ctx: RuleContext): void {
  const moved = (view.moved ??= new Map());
  for (const m of outcome.movements as StockMovement[]) {
    if (m.locationId === null) continue;
    const k = binKey(m.locationId, m.skuId, m.lot, m.expiry);
    moved.set(k, (moved.get(k) ?? 0) + m.delta);
  }
  const confirms = (view.confirms ??= new Map());
  if (name === 'pick.confirm') {
    const a = args as PickConfirmArgs;
    const into = outcome.movements.filter((m) => m.containerCode !== null && m.delta > 0);
    const qty = into.reduce((n, m) => n + m.delta, 0);
    const stock = into[0] ? { lot: into[0].lot, expiry: into[0].expiry } : undefined;
    confirms.set(ctx.mutationId, { mutationId: ctx.mutationId, taskId: a.taskId, qty, toteCode: a.toteCode, userId: ctx.userId, undone: false, ...(stock ? { stock } : {}) });
  } else if (name === 'pick.undo') {
    const a = args as PickUndoArgs;
    const c = undoConfirmations(view, ctx).find((x) => x.mutationId === a.mutationIdToUndo);
    if (c) confirms.set(c.mutationId, { ...c, undone: true });
  }
}

/** Runs a picking command's rule on the view rows; null for other commands. Does not apply the changes. */
export function decidePicking(view: PickingRows, name: string, args: unknown, ctx: RuleContext): Outcome | null {
  const a = args as { waveId: string };
  const wave = view.waves.get(a.waveId) ?? null;
  const tasks = waveTasks(view, a.waveId);
  let outcome: Outcome;
  switch (name) {
    case 'pick.confirm':
      outcome = applyPickConfirm(confirmState(view, args as PickConfirmArgs, wave, tasks), args as PickConfirmArgs, ctx);
      break;
    case 'pick.short': {
      const s = args as PickShortArgs;
      const task = tasks.find((t) => t.id === s.taskId);
      const sku = task && view.stock ? view.stock.sku(task.skuId) : null;
      outcome =
        task && sku
          ? applyPickShortRealloc({ wave, tasks, stock: freeLots(view, task.skuId, task.id), sku, today: ctx.now.slice(0, 10) }, s, ctx)
          : applyPickShort({ wave, tasks }, s, ctx);
      break;
    }
    case 'pick.undo':
      outcome = applyPickUndo({ wave, tasks, confirmations: undoConfirmations(view, ctx), toteOffCart: () => false }, args as PickUndoArgs, ctx);
      break;
    case 'pick.skip':
      outcome = applyPickSkip({ wave, tasks }, args as PickSkipArgs, ctx);
      break;
    default:
      return null;
  }
  if (outcome.status === 'applied') remember(view, name, args, outcome, ctx);
  return outcome;
}
