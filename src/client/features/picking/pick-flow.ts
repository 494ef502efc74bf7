import { remainingQty, toteOrder, type PickConfirmArgs, type PickShortArgs, type PickSkipArgs } from '../../../domain/commands';
import type { Location, PickTask, Sku, Wave } from '../../../domain/model';
import { slotOfOrder, checkToteForItem, type CartSlots } from '../../../domain/picking/cart';
import type { AllocatedLot, BinLotStock } from '../../../domain/picking/lot';
import { countFromScan, typedQty } from '../../../domain/picking/quantity';
import { allocateUnitsToSplit, stopKey, type Stop } from '../../../domain/picking/walk';
import { sameCode, scanMatchesSku, type ScanResult } from '../../../domain/scan/normalise';
// The reducer's answers and the lot step live beside it to keep this file to the steps.
import { judgeLot, swappedLot } from './pick-flow-lot';
import { fail, failKey, ok, refuseUnusable, still } from './pick-results';

/**
 * The steps of one stop (a bin and SKU, one or more orders' tasks), as a pure reducer: a
 * wrong scan returns an error and the same state, so nothing is ever recorded for it;
 * only a tote scan (or a short of nothing) yields commands, one per task.
 *
 * Bin, [lot], item (one scan per unit, packs count their quantity, or a typed quantity),
 * then tote. On a cluster cart each order's units go to its slot's tote, so a merged
 * stop asks for one tote scan per slot; without a cart any free tote takes the units.
 */
export type Step = 'bin' | 'lot' | 'item' | 'tote' | 'short-qty' | 'short-tote';

/** Units in the hand bound for one task: picked in full (`confirm`) or short. */
export interface Put {
  taskId: string;
  orderId: string;
  slot: number | null;
  qty: number;
  kind: 'confirm' | 'short';
}

export interface FlowState {
  /** The stop (or task) this state belongs to; a state of another stop is discarded. */
  taskId: string;
  step: Step;
  /** Units scanned or typed so far at this stop. */
  units: number;
  /** Units found, in a short pick. */
  found: number;
  /** The lot taken (allocated or swapped in), once scanned at a lot-tracked stop. */
  lot?: string | null;
  /** At the tote steps: the units still in the hand, per task, waiting for their tote. */
  puts?: Put[];
  /** Tasks of a short stop that got nothing: shorted once the units found are put away. */
  zeroShorts?: string[];
}

export interface FlowContext {
  wave: Wave;
  /** The stop's first task (the only one at a stop of one task). */
  task: PickTask;
  /** `lots`: the bin's lots of the stop's SKU from the device's stock (local/stock.ts), when loaded. */
  location: (Location & { lots?: readonly BinLotStock[] }) | undefined;
  sku: Sku | undefined;
  /**
   * Tasks of the wave to check a scanned tote against when there is no cart: at least
   * every task holding that tote.
   */
  waveTasks: readonly PickTask[];
  /** The stop; absent, a stop of `task` alone. */
  stop?: Stop;
  /** The cluster cart; absent or null, any free tote is taken (single-order wave). */
  cart?: CartSlots | null;
  /** The lot allocated to the stop; absent or null, the SKU is not lot-tracked. */
  lot?: AllocatedLot | null;
  /** The bin's lots as the device knows them, to judge a lot swap; absent, `location.lots`; neither, a swap is refused. */
  binLots?: readonly BinLotStock[];
  /** Today, YYYY-MM-DD, for the shelf-life window of a swapped lot. */
  today?: string;
}

export type FlowEvent =
  /** `tote` is the canonical code of a known tote matching the scan, or null. */
  | { type: 'scan'; scan: ScanResult; tote: string | null }
  | { type: 'qty'; qty: number | string }
  | { type: 'short' }
  | { type: 'short-qty'; found: number }
  | { type: 'cancel-short' }
  | { type: 'skip' };

export interface Feedback {
  kind: 'success' | 'error';
  /** For errors, the error code (e.g. WRONG_BIN). */
  code?: string;
  /** An i18n key. */
  key: string;
  params?: Record<string, string | number>;
}

export type FlowCommand =
  | { name: 'pick.confirm'; args: PickConfirmArgs }
  | { name: 'pick.short'; args: PickShortArgs }
  | { name: 'pick.skip'; args: PickSkipArgs };

export interface FlowResult {
  state: FlowState;
  feedback: Feedback | null;
  /** The first of `commands`, or null. */
  command: FlowCommand | null;
  /** What to record, in order: one command per task put away. */
  commands: FlowCommand[];
}

export function startFlow(taskId: string): FlowState {
  return { taskId, step: 'bin', units: 0, found: 0, lot: null, puts: [], zeroShorts: [] };
}

/** A stop of one task, for a wave picked task by task. */
export function stopOfTask(task: PickTask): Stop {
  const open = remainingQty(task);
  return {
    key: stopKey(task.locationId, task.skuId),
    locationId: task.locationId,
    skuId: task.skuId,
    walkSeq: task.walkSeq,
    taskIds: [task.id],
    openQty: open,
    split: [{ taskId: task.id, orderId: task.orderId, slot: null, toteCode: null, openQty: open }],
    skippedAt: null,
  };
}

/** The units in the hand split over the stop's orders, in slot order. */
function putsFor(stop: Stop, units: number, short: boolean): Put[] {
  const { allocations } = allocateUnitsToSplit(stop, units);
  return allocations.map((a) => {
    const open = stop.split.find((s) => s.taskId === a.taskId)?.openQty ?? a.qty;
    return { taskId: a.taskId, orderId: a.orderId, slot: a.slot, qty: a.qty, kind: short && a.qty < open ? 'short' : 'confirm' };
  });
}

/** Once the units are in the hand, the screen can say which slot each goes to. */
const toTote = (state: FlowState, stop: Stop, units: number): FlowState => ({ ...state, units, step: 'tote', puts: putsFor(stop, units, false) });

function addUnits(state: FlowState, stop: Stop, packQty: number, lot: string | null | undefined): FlowResult {
  const open = stop.openQty;
  const counted = countFromScan({ packQty }, open - state.units);
  if (!counted.ok) return fail(state, 'OVER_PICK', { open });
  const units = state.units + counted.units;
  const next = { ...state, units, lot: lot ?? state.lot ?? null };
  return ok(units === open ? toTote(next, stop, units) : { ...next, step: 'item' }, 'pick.units', { units, qty: open });
}

/** Commands for the puts whose tote was just scanned. */
function putCommands(ctx: FlowContext, puts: readonly Put[], toteCode: string, lot: string | null): FlowCommand[] {
  const base = { waveId: ctx.wave.id, assignmentEpoch: ctx.wave.assignmentEpoch };
  return puts.map((p): FlowCommand =>
    p.kind === 'confirm'
      ? { name: 'pick.confirm', args: { ...base, taskId: p.taskId, qty: p.qty, toteCode, ...(lot ? { lot } : {}) } }
      : { name: 'pick.short', args: { ...base, taskId: p.taskId, foundQty: p.qty, toteCode } },
  );
}

function zeroShortCommands(ctx: FlowContext, taskIds: readonly string[]): FlowCommand[] {
  const base = { waveId: ctx.wave.id, assignmentEpoch: ctx.wave.assignmentEpoch, foundQty: 0, toteCode: null };
  return taskIds.map((taskId): FlowCommand => ({ name: 'pick.short', args: { ...base, taskId } }));
}

/** The tote steps: without a cart any free tote takes everything; on a cart, each slot's own. */
function scanTote(state: FlowState, scan: ScanResult, tote: string | null, ctx: FlowContext, stop: Stop): FlowResult {
  const text = scan.kind === 'empty' ? '' : scan.text;
  const puts = state.puts?.length ? state.puts : putsFor(stop, state.step === 'short-tote' ? state.found : state.units, state.step === 'short-tote');
  if (puts.length === 0) return still(state);
  let taken: Put[];
  let toteCode: string;
  if (ctx.cart) {
    const cart = ctx.cart;
    const scanned = tote ?? text;
    taken = puts.filter((p) => slotOfOrder(cart, p.orderId)?.toteCode === scanned);
    if (taken.length === 0) {
      const check = checkToteForItem(cart, puts[0]!.orderId, scanned);
      const expected = check.ok ? check.slot : check.expectedSlot ?? '?';
      return !check.ok && check.scannedSlot !== null
        ? failKey(state, 'WRONG_TOTE', 'pickingCart.err.WRONG_TOTE_SLOT', { expected, scanned: check.scannedSlot })
        : failKey(state, 'WRONG_TOTE', 'pickingCart.err.WRONG_TOTE', { expected });
    }
    toteCode = scanned;
  } else {
    if (tote === null) return fail(state, 'UNKNOWN_TOTE', { tote: text });
    const other = toteOrder(ctx.waveTasks, tote);
    if (other !== null && other !== puts[0]!.orderId) return fail(state, 'TOTE_IN_USE', { tote });
    taken = puts;
    toteCode = tote;
  }
  const left = puts.filter((p) => !taken.includes(p));
  const commands = putCommands(ctx, taken, toteCode, swappedLot(state, ctx));
  const units = taken.reduce((n, p) => n + p.qty, 0);
  if (left.length > 0) return ok({ ...state, puts: left }, 'pick.saved', { units, tote: toteCode }, commands);
  commands.push(...zeroShortCommands(ctx, state.zeroShorts ?? []));
  const short = taken.some((p) => p.kind === 'short') || (state.zeroShorts?.length ?? 0) > 0;
  return short ? ok(startFlow(state.taskId), 'pick.saved-short', undefined, commands) : ok(startFlow(state.taskId), 'pick.saved', { units, tote: toteCode }, commands);
}

const holding = (s: FlowState) => s.units > 0 || s.found > 0 || (s.puts?.length ?? 0) > 0;

export function stepFlow(state: FlowState, ev: FlowEvent, ctx: FlowContext): FlowResult {
  const stop = ctx.stop ?? stopOfTask(ctx.task);
  const open = stop.openQty;
  const binCode = ctx.location?.code ?? '?';
  const skuCode = ctx.sku?.code ?? '?';
  const afterBin: Step = ctx.lot && !state.lot ? 'lot' : 'item';

  switch (ev.type) {
    case 'skip': {
      if (holding(state) || state.step === 'tote' || state.step.startsWith('short')) return failKey(state, 'SKIP_HOLDING', 'pickingScreen.err.SKIP_HOLDING');
      const args: PickSkipArgs = { waveId: ctx.wave.id, taskIds: [...stop.taskIds], assignmentEpoch: ctx.wave.assignmentEpoch };
      return ok(startFlow(state.taskId), 'pickingCart.skipped', undefined, [{ name: 'pick.skip', args }]);
    }
    case 'short':
      if ((state.puts?.length ?? 0) > 0) return still(state);
      return still({ ...state, step: 'short-qty', found: state.units });
    case 'cancel-short':
      return still({ ...state, step: state.units > 0 ? 'item' : state.step === 'short-qty' || state.step === 'short-tote' ? 'bin' : state.step, found: 0, puts: [], zeroShorts: [] });
    case 'short-qty': {
      if (state.step !== 'short-qty') return still(state);
      if (!Number.isInteger(ev.found) || ev.found < 0 || ev.found >= open) return fail(state, 'SHORT_RANGE', { max: open - 1 });
      const puts = putsFor(stop, ev.found, true);
      // Every task after the units found ran out gets nothing: the bin is empty for them.
      const zeroShorts = stop.split.filter((s) => !puts.some((p) => p.taskId === s.taskId)).map((s) => s.taskId);
      if (ev.found === 0) return ok(startFlow(state.taskId), 'pick.saved-short', undefined, zeroShortCommands(ctx, zeroShorts));
      return still({ ...state, step: 'short-tote', found: ev.found, puts, zeroShorts });
    }
    case 'qty': {
      if (state.step !== 'item') return still(state);
      // The typed figure is every unit in the hand, scanned ones included.
      const typed = typedQty(ev.qty, open);
      if (!typed.ok) {
        if (typed.code === 'OVER_PICK') return fail(state, 'OVER_PICK', { open });
        return failKey(state, typed.code, `errors.${typed.code}`, { max: open });
      }
      return ok(toTote(state, stop, typed.units), 'pick.units', { units: typed.units, qty: open });
    }
    case 'scan':
      break;
  }

  const scan = ev.scan;
  const refused = refuseUnusable(state, scan);
  if (refused) return refused;
  switch (state.step) {
    case 'bin': {
      if (scan.kind === 'code' && sameCode(scan.text, binCode)) return ok({ ...state, step: afterBin }, 'pick.bin-ok', { bin: binCode });
      return fail(state, 'WRONG_BIN', { bin: binCode });
    }
    case 'lot':
    case 'item': {
      const match = ctx.sku ? scanMatchesSku(scan, ctx.sku) : null;
      if (match) {
        // Only a label that names the item can vouch for the lot of the unit in the hand.
        const lot = scan.kind === 'gtin' ? judgeLot(state, scan, ctx) : null;
        if (lot && 'state' in lot) return lot;
        if (state.step === 'lot' && !lot) return failKey(state, 'LOT_REQUIRED', 'pickingScreen.err.LOT_REQUIRED', { sku: skuCode, lot: ctx.lot?.lot ?? '' });
        return addUnits(state, stop, match.packQty, lot?.lot);
      }
      if (state.step === 'lot' && scan.kind === 'code') {
        // A plain code at the lot step is the lot label.
        const lot = judgeLot(state, scan, ctx);
        if (lot && 'state' in lot) return lot;
        if (lot) return ok({ ...state, lot: lot.lot, step: 'item' }, 'pickingScreen.lot-ok', { lot: lot.lot });
      }
      return fail(state, 'WRONG_ITEM', { sku: skuCode });
    }
    case 'tote':
    case 'short-tote':
      return scanTote(state, scan, ev.tote, ctx, stop);
    case 'short-qty':
      return fail(state, 'SHORT_ENTER_QTY');
  }
}
