import i18n from 'i18next';
import { ErrorCode } from '../../../domain/errors';
import type { ScanResult } from '../../../domain/scan/normalise';
import { findItems, findLocationByCode } from '../../local/lookup-items';
import { confirmReplenishment, openReplenishments, type OpenReplenishment } from '../../local/replenish-store';
import { signal } from '../../scan/feedback';
import { replenishStep, useReplenishSession } from './replenish-session';

const t = (k: string, o?: Record<string, unknown>) => i18n.t(k, o);
const refuse = (code: string, o?: Record<string, unknown>) => signal('error', t(`errors.${code}`, { defaultValue: code, ...o }));

/**
 * One scan of a replenishment: with no task chosen, a reserve bin chooses its first task;
 * then the reserve bin (the task's or another reserve bin), the item (GTIN, case code or
 * SKU code; the quantity starts at the task's), and the pick face, which records it.
 */
export async function handleReplenishScan(scan: ScanResult): Promise<void> {
  if (scan.kind === 'invalid') return refuse(scan.code);
  const s = useReplenishSession.getState();
  const tasks = await openReplenishments();
  const task = tasks.find((x) => x.id === s.taskId) ?? null;
  const step = task ? replenishStep(s) : 'choose';
  const bin = scan.kind === 'code' ? await findLocationByCode(scan.text) : null;
  if (step === 'choose') {
    const first = bin ? tasks.find((x) => x.fromLocationId === bin.id) : undefined;
    if (!first) return bin ? signal('error', t('replenish.no-task-at', { bin: bin.code })) : refuse(ErrorCode.EXPECTED_BIN);
    s.choose(first.id);
    s.setFrom(bin!);
    return signal('success', t('replenish.from-set', { bin: bin!.code, code: first.skuCode }));
  }
  if (step === 'from') {
    if (!bin) return refuse(ErrorCode.EXPECTED_BIN);
    if (bin.type !== 'reserve') return refuse(ErrorCode.REPLENISH_FROM_NOT_RESERVE);
    s.setFrom(bin);
    return signal('success', t('replenish.from-set', { bin: bin.code, code: task!.skuCode }));
  }
  if (step === 'item') {
    if (bin) return refuse(ErrorCode.EXPECTED_ITEM);
    const hits = await findItems(scan);
    const hit = hits.find((h) => h.sku.id === task!.skuId);
    if (!hit) return refuse(hits.length ? ErrorCode.WRONG_ITEM : ErrorCode.UNKNOWN_BARCODE);
    s.setItem(hit.lot ?? task!.lot, task!.qty);
    return signal('success', t('replenish.item-set', { code: task!.skuCode, qty: task!.qty }));
  }
  // step 'to': another scan of the item adds nothing; the face records.
  if (!bin) return refuse(ErrorCode.EXPECTED_BIN);
  return record(task!, bin.id, bin.code);
}

async function record(task: OpenReplenishment, toId: string, toCode: string): Promise<void> {
  const s = useReplenishSession.getState();
  if (!s.from || !s.item) return refuse(ErrorCode.EXPECTED_ITEM);
  const r = await confirmReplenishment({ taskId: task.id, fromLocationId: s.from.id, toLocationId: toId, lot: s.item.lot, qty: s.qty });
  if (!r.ok) return refuse(r.code, { face: task.faceCode });
  signal('success', t('replenish.done', { qty: s.qty, code: task.skuCode, from: s.from.code, to: toCode }));
  s.reset();
}
