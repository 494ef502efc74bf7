import type { ScanResult } from '../../../domain/scan/normalise';
import type { Feedback, FlowCommand, FlowResult, FlowState } from './pick-flow';

/**
 * How the pick flow's reducer (pick-flow.ts) answers an event: a success, a refusal, or
 * silence. Kept apart from the steps so every step builds its answer the same way, and
 * a refusal can never carry a command by accident.
 */

const result = (state: FlowState, feedback: Feedback | null, commands: FlowCommand[] = []): FlowResult => ({
  state,
  feedback,
  command: commands[0] ?? null,
  commands,
});
export const ok = (state: FlowState, key: string, params?: Feedback['params'], commands: FlowCommand[] = []): FlowResult =>
  result(state, { kind: 'success', key, ...(params ? { params } : {}) }, commands);
/** A refusal: the state is returned unchanged and no command is made. */
export const failKey = (state: FlowState, code: string, key: string, params?: Feedback['params']): FlowResult =>
  result(state, { kind: 'error', code, key, ...(params ? { params } : {}) });
export const fail = (state: FlowState, code: string, params?: Feedback['params']): FlowResult => failKey(state, code, `pick.err.${code}`, params);
export const still = (state: FlowState): FlowResult => result(state, null);

const EXPECTED = { bin: 'EXPECTED_BIN', item: 'EXPECTED_ITEM', tote: 'EXPECTED_TOTE' } as const;

/**
 * Scans no step can use, refused before the step looks at them: GS1 data that cannot be
 * trusted (bad check digit, impossible date...) with its own code, and a logistic unit
 * (SSCC) or GS1 data naming no item where a bin, item or tote is expected.
 */
export function refuseUnusable(state: FlowState, scan: ScanResult): FlowResult | null {
  if (scan.kind === 'invalid') return failKey(state, scan.code, `errors.${scan.code}`, { text: scan.text });
  if (scan.kind !== 'sscc' && scan.kind !== 'gs1') return null;
  const want = state.step === 'bin' ? 'bin' : state.step === 'item' || state.step === 'lot' ? 'item' : state.step === 'short-qty' ? null : 'tote';
  if (!want) return null;
  return scan.kind === 'sscc'
    ? failKey(state, EXPECTED[want], `pick.err.sscc.${want}`, { sscc: scan.sscc })
    : failKey(state, EXPECTED[want], `pick.err.gs1.${want}`);
}
