import i18n from 'i18next';
import { ErrorCode } from '../../../domain/errors';
import { checkPutawayDestination } from '../../../domain/inventory/putaway';
import type { ScanResult } from '../../../domain/scan/normalise';
import { confirmPutaway, locationByCode, openTasks, tasksForScan } from '../../local/putaway-store';
import { signal } from '../../scan/feedback';
import { usePutawaySession } from './putaway-session';

/**
 * The putaway screen's answers: an item or carton scan finds its task, a bin scan is the
 * destination, and Confirm records putaway.confirm. A refusal changes nothing.
 */

const t = (key: string, opts?: Record<string, unknown>) => i18n.t(key, opts ?? {});
const s = () => usePutawaySession.getState();

function fail(code: string): void {
  say(t(`errors.${code}`, { defaultValue: t('errors.INTERNAL') }));
}

/** A refusal that is a step out of order, not an error code: its words are the screen's. */
function say(text: string): void {
  signal('error', text);
  s().set({ message: { kind: 'error', text } });
}

function ok(text: string): void {
  signal('success', text);
  s().set({ message: { kind: 'success', text } });
}

export function selectTask(taskId: string): void {
  s().set({ taskId, to: null, reason: null, qty: null, matches: null, message: null });
}

export async function handlePutawayScan(scan: ScanResult): Promise<void> {
  const tasks = await openTasks();
  // A bin label while a task is in hand is its destination.
  if (s().taskId && scan.kind === 'code') {
    const loc = await locationByCode(scan.text);
    if (loc) {
      const task = tasks.find((x) => x.id === s().taskId);
      if (!task) return fail(ErrorCode.PUTAWAY_TASK_DONE);
      // A bin that can never take these units (a dock, a bench; a storage bin for damaged ones) is refused at once.
      const can = checkPutawayDestination(null, loc, null, task.condition);
      if (!can.ok) return fail(can.code);
      s().set({ to: loc, reason: null });
      if (task.suggested && task.suggested.id !== loc.id) {
        signal('success', t('putaway.other-bin', { bin: loc.code }));
        s().set({ message: { kind: 'warn', text: t('putaway.other-bin', { bin: loc.code }) } });
      } else ok(t('putaway.bin-scanned', { bin: loc.code }));
      return;
    }
  }
  const hits = await tasksForScan(scan, tasks);
  if (!hits.length) {
    const loc = scan.kind === 'code' ? await locationByCode(scan.text) : null;
    if (loc) return say(t('putaway.scan-item-first'));
    return fail(tasks.length ? ErrorCode.PUTAWAY_TASK_NOT_FOUND : ErrorCode.UNKNOWN_BARCODE);
  }
  if (hits.length === 1) {
    selectTask(hits[0]!.id);
    ok(t('putaway.task-found', { bin: hits[0]!.suggested?.code ?? '—' }));
    return;
  }
  s().set({ taskId: null, to: null, matches: hits.map((h) => h.id) });
  ok(t('putaway.choose-task', { count: hits.length }));
}

export async function confirmNow(): Promise<void> {
  const { taskId, to, reason, qty } = s();
  if (!taskId) return;
  if (!to) return say(t('putaway.scan-bin'));
  const task = (await openTasks()).find((x) => x.id === taskId);
  if (!task) return fail(ErrorCode.PUTAWAY_TASK_DONE);
  const units = qty === null || qty.trim() === '' ? task.qty : Number(qty.trim());
  if (!Number.isInteger(units)) return fail(ErrorCode.QTY_NOT_A_NUMBER);
  const r = await confirmPutaway({ taskId, toLocationId: to.id, qty: units, reason });
  if (!r.ok) return fail(r.code);
  const text = t(r.left > 0 ? 'putaway.done-partial' : 'putaway.done', { count: units, bin: to.code, left: r.left });
  if (r.left > 0) {
    s().set({ to: null, reason: null, qty: null });
    ok(text);
  } else {
    signal('success', text);
    s().reset({ kind: 'success', text });
  }
}
