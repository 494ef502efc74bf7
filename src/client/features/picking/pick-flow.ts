import { remainingQty, toteOrder, type PickConfirmArgs, type PickShortArgs } from '../../../domain/commands';
import type { Location, PickTask, Sku, Wave } from '../../../domain/model';
import { sameCode, scanMatchesSku, type ScanResult } from '../../../domain/scan/normalise';

/**
 * The steps of one pick task, as a pure reducer: a wrong scan returns an error and the
 * same state, so nothing is ever recorded for it; only the final step yields a command.
 */
export type Step = 'bin' | 'item' | 'tote' | 'short-qty' | 'short-tote';

export interface FlowState {
  taskId: string;
  step: Step;
  /** Units scanned or typed so far for this task. */
  units: number;
  /** Units found, in a short pick. */
  found: number;
}

export interface FlowContext {
  wave: Wave;
  task: PickTask;
  location: Location | undefined;
  sku: Sku | undefined;
  /**
   * Tasks of the wave to check a scanned tote against: at least every task holding that
   * tote (the screen reads just those, by index, when a tote is scanned).
   */
  waveTasks: readonly PickTask[];
}

export type FlowEvent =
  /** `tote` is the canonical code of a known tote matching the scan, or null. */
  | { type: 'scan'; scan: ScanResult; tote: string | null }
  | { type: 'qty'; qty: number }
  | { type: 'short' }
  | { type: 'short-qty'; found: number }
  | { type: 'cancel-short' };

export interface Feedback {
  kind: 'success' | 'error';
  /** For errors, the error code (e.g. WRONG_BIN). */
  code?: string;
  /** An i18n key. */
  key: string;
  params?: Record<string, string | number>;
}

export type FlowCommand = { name: 'pick.confirm'; args: PickConfirmArgs } | { name: 'pick.short'; args: PickShortArgs };

export interface FlowResult {
  state: FlowState;
  feedback: Feedback | null;
  command: FlowCommand | null;
}

export function startFlow(taskId: string): FlowState {
  return { taskId, step: 'bin', units: 0, found: 0 };
}

const ok = (state: FlowState, key: string, params?: Feedback['params'], command: FlowCommand | null = null): FlowResult => ({
  state,
  feedback: { kind: 'success', key, ...(params ? { params } : {}) },
  command,
});
/** A refusal: the state is returned unchanged and no command is made. */
const fail = (state: FlowState, code: string, params?: Feedback['params']): FlowResult => ({
  state,
  feedback: { kind: 'error', code, key: `pick.err.${code}`, ...(params ? { params } : {}) },
  command: null,
});

/** The tote check shared by confirm and short: a tote carries one order per wave. */
function checkTote(ctx: FlowContext, state: FlowState, tote: string | null, scan: ScanResult): FlowResult | null {
  const text = scan.kind === 'empty' ? '' : scan.text;
  if (tote === null) return fail(state, 'UNKNOWN_TOTE', { tote: text });
  const other = toteOrder(ctx.waveTasks, tote);
  if (other !== null && other !== ctx.task.orderId) return fail(state, 'TOTE_IN_USE', { tote });
  return null;
}

const EXPECTED = { bin: 'EXPECTED_BIN', item: 'EXPECTED_ITEM', tote: 'EXPECTED_TOTE' } as const;

/**
 * Scans no step can use, refused before the step looks at them: GS1 data that cannot be
 * trusted (bad check digit, impossible date...) with its own code, and a logistic unit
 * (SSCC) or GS1 data naming no item where a bin, item or tote is expected.
 */
function refuseUnusable(state: FlowState, scan: ScanResult): FlowResult | null {
  if (scan.kind === 'invalid') {
    return { state, feedback: { kind: 'error', code: scan.code, key: `errors.${scan.code}`, params: { text: scan.text } }, command: null };
  }
  if (scan.kind !== 'sscc' && scan.kind !== 'gs1') return null;
  const want = state.step === 'bin' ? 'bin' : state.step === 'item' ? 'item' : state.step === 'short-qty' ? null : 'tote';
  if (!want) return null;
  const feedback: Feedback =
    scan.kind === 'sscc'
      ? { kind: 'error', code: EXPECTED[want], key: `pick.err.sscc.${want}`, params: { sscc: scan.sscc } }
      : { kind: 'error', code: EXPECTED[want], key: `pick.err.gs1.${want}` };
  return { state, feedback, command: null };
}

export function stepFlow(state: FlowState, ev: FlowEvent, ctx: FlowContext): FlowResult {
  const open = remainingQty(ctx.task);
  const binCode = ctx.location?.code ?? '?';
  const skuCode = ctx.sku?.code ?? '?';
  const epoch = ctx.wave.assignmentEpoch;
  const base = { waveId: ctx.wave.id, taskId: ctx.task.id, assignmentEpoch: epoch };

  switch (ev.type) {
    case 'short':
      return { state: { ...state, step: 'short-qty', found: state.units }, feedback: null, command: null };
    case 'cancel-short':
      return { state: { ...state, step: state.units > 0 ? 'item' : 'bin', found: 0 }, feedback: null, command: null };
    case 'short-qty': {
      if (state.step !== 'short-qty') return { state, feedback: null, command: null };
      if (!Number.isInteger(ev.found) || ev.found < 0 || ev.found >= open) {
        return fail(state, 'SHORT_RANGE', { max: open - 1 });
      }
      if (ev.found === 0) {
        const args: PickShortArgs = { ...base, foundQty: 0, toteCode: null };
        return ok(startFlow(ctx.task.id), 'pick.saved-short', undefined, { name: 'pick.short', args });
      }
      return { state: { ...state, step: 'short-tote', found: ev.found }, feedback: null, command: null };
    }
    case 'qty': {
      if (state.step !== 'item') return { state, feedback: null, command: null };
      if (!Number.isInteger(ev.qty) || ev.qty < 1) return fail(state, 'QTY_RANGE', { max: open });
      if (ev.qty > open) return fail(state, 'OVER_PICK', { open });
      return ok({ ...state, units: ev.qty, step: 'tote' }, 'pick.units', { units: ev.qty, qty: open });
    }
    case 'scan':
      break;
  }

  const scan = ev.scan;
  const refused = refuseUnusable(state, scan);
  if (refused) return refused;
  switch (state.step) {
    case 'bin': {
      if (scan.kind === 'code' && sameCode(scan.text, binCode)) return ok({ ...state, step: 'item' }, 'pick.bin-ok', { bin: binCode });
      return fail(state, 'WRONG_BIN', { bin: binCode });
    }
    case 'item': {
      const match = ctx.sku ? scanMatchesSku(scan, ctx.sku) : null;
      if (!match) return fail(state, 'WRONG_ITEM', { sku: skuCode });
      const units = state.units + match.packQty;
      if (units > open) return fail(state, 'OVER_PICK', { open });
      const step: Step = units === open ? 'tote' : 'item';
      return ok({ ...state, units, step }, 'pick.units', { units, qty: open });
    }
    case 'tote':
    case 'short-tote': {
      const refused = checkTote(ctx, state, ev.tote, scan);
      if (refused) return refused;
      const toteCode = ev.tote!;
      if (state.step === 'tote') {
        const args: PickConfirmArgs = { ...base, qty: state.units, toteCode };
        return ok(startFlow(ctx.task.id), 'pick.saved', { units: state.units, tote: toteCode }, { name: 'pick.confirm', args });
      }
      const args: PickShortArgs = { ...base, foundQty: state.found, toteCode };
      return ok(startFlow(ctx.task.id), 'pick.saved-short', undefined, { name: 'pick.short', args });
    }
    case 'short-qty':
      return fail(state, 'SHORT_ENTER_QTY');
  }
}
