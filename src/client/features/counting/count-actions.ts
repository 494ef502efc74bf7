import i18n from 'i18next';
import { ErrorCode } from '../../../domain/errors';
import { Lot } from '../../../domain/inbound/types';
import type { ScanResult } from '../../../domain/scan/normalise';
import { enqueueCountSubmit, type CountTaskItem } from '../../local/count-repo';
import { findItems, findLocationByCode } from '../../local/lookup-items';
import { signal } from '../../scan/feedback';
import { useCountSession } from './count-session';

const t = (k: string, o?: Record<string, unknown>) => i18n.t(k, o);
const refuse = (code: string) => signal('error', t(`errors.${code}`, { defaultValue: code }));

/**
 * One scan at the count: with no task open, a bin scan opens that bin's task; then the
 * task's bin must be scanned; then every unit scanned adds its barcode's pack quantity.
 */
export async function handleCountScan(scan: ScanResult, tasks: readonly CountTaskItem[]): Promise<void> {
  const s = useCountSession.getState();
  const text = 'text' in scan ? scan.text : '';
  if (scan.kind === 'invalid') return refuse(scan.code);
  if (!s.task) {
    const bin = scan.kind === 'code' ? await findLocationByCode(text) : null;
    if (!bin) return refuse(ErrorCode.EXPECTED_BIN);
    const task = tasks.find((x) => x.locationId === bin.id);
    if (!task) return signal('error', t('counting.no-task-here', { bin: bin.code }));
    s.start(task, true);
    return signal('success', t('counting.at-bin', { bin: bin.code }));
  }
  const bin = scan.kind === 'code' ? await findLocationByCode(text) : null;
  if (bin) {
    if (bin.id !== s.task.locationId) return refuse(ErrorCode.COUNT_WRONG_BIN);
    s.confirmBin();
    return signal('success', t('counting.at-bin', { bin: bin.code }));
  }
  if (!s.atBin) return refuse(ErrorCode.EXPECTED_BIN);
  if (s.askLot) return signal('error', t('counting.lot-first', { code: s.askLot.line.code }));
  const [hit] = await findItems(scan);
  if (!hit) return refuse(ErrorCode.UNKNOWN_BARCODE);
  if (s.task.skuId !== null && hit.sku.id !== s.task.skuId) return refuse(ErrorCode.COUNT_SKU_NOT_IN_TASK);
  // Counts are by lot: a lot-tracked item whose barcode does not carry its lot waits for it.
  if (hit.sku.lotTracked && hit.lot === null) {
    s.setAskLot({ line: { skuId: hit.sku.id, code: hit.sku.code, name: hit.sku.name }, qty: hit.packQty });
    return signal('success', t('counting.lot-needed', { code: hit.sku.code }));
  }
  s.add({ skuId: hit.sku.id, code: hit.sku.code, name: hit.sku.name, lot: hit.lot }, hit.packQty);
  signal('success', t('counting.counted', { qty: hit.packQty, code: hit.sku.code }));
}

/** Sends the count; no lines is an empty bin. */
export async function submitCount(): Promise<boolean> {
  const s = useCountSession.getState();
  if (!s.task || !s.atBin) return false;
  const bin = s.task.locationCode;
  const r = await enqueueCountSubmit(s.task.id, s.lines.map(({ skuId, lot, qty }) => ({ skuId, lot, qty })));
  if (!r.ok) {
    refuse(r.code);
    return false;
  }
  s.clear();
  signal('success', t('counting.saved', { bin }));
  return true;
}

/** The lot typed for the item waiting for it; a lot that cannot be one is refused and asked again. */
export function recordLot(text: string): boolean {
  const s = useCountSession.getState();
  const ask = s.askLot;
  if (!ask) return false;
  const lot = Lot.safeParse(text.trim());
  if (!lot.success) {
    refuse(ErrorCode.LOT_INVALID);
    return false;
  }
  s.add({ ...ask.line, lot: lot.data }, ask.qty);
  s.setAskLot(null);
  signal('success', t('counting.counted', { qty: ask.qty, code: ask.line.code }));
  return true;
}
