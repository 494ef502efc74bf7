import i18n from 'i18next';
import { ErrorCode } from '../../../domain/errors';
import type { ScanResult } from '../../../domain/scan/normalise';
import { findItems, findLocationByCode } from '../../local/lookup-items';
import { enqueueStockMove, lotsHeld } from '../../local/move-repo';
import { signal } from '../../scan/feedback';
import { moveStep, useMoveSession } from './move-session';

const t = (k: string, o?: Record<string, unknown>) => i18n.t(k, o);
const refuse = (code: string, o?: Record<string, unknown>) => signal('error', t(`errors.${code}`, { defaultValue: code, ...o }));

/** One scan of a move: the from-bin, then the item (each scan adds its pack), then the to-bin, which records it. */
export async function handleMoveScan(scan: ScanResult): Promise<void> {
  const s = useMoveSession.getState();
  if (scan.kind === 'invalid') return refuse(scan.code);
  const step = moveStep(s);
  const bin = scan.kind === 'code' ? await findLocationByCode(scan.text) : null;
  if (step === 'from') {
    if (!bin) return refuse(ErrorCode.EXPECTED_BIN);
    s.setFrom(bin);
    return signal('success', t('moves.from-set', { bin: bin.code }));
  }
  if (bin) {
    if (step !== 'to') return refuse(ErrorCode.EXPECTED_ITEM);
    return recordMove(bin.id, bin.code);
  }
  const [hit] = await findItems(scan);
  if (!hit) return refuse(ErrorCode.UNKNOWN_BARCODE);
  if (s.item && hit.sku.id === s.item.skuId && (hit.lot === null || hit.lot === s.item.lot)) {
    s.addQty(hit.packQty);
    return signal('success', t('moves.qty-now', { qty: s.qty + hit.packQty, code: hit.sku.code }));
  }
  const lots = await lotsHeld(s.from!.id, hit.sku.id);
  const scanned = hit.lot !== null ? lots.filter((l) => l.lot !== null && l.lot.toUpperCase() === hit.lot!.toUpperCase()) : lots;
  if (scanned.length === 0) return refuse(ErrorCode.MOVE_NOT_ENOUGH_STOCK);
  const one = scanned.length === 1 ? scanned[0]! : null;
  s.setItem({ skuId: hit.sku.id, code: hit.sku.code, name: hit.sku.name, lot: one?.lot ?? null, lotChoices: one ? [] : scanned }, hit.packQty);
  signal('success', t('moves.item-set', { code: hit.sku.code, qty: hit.packQty }));
}

/** Records the move to this bin; a refusal leaves everything as it was so the clerk can fix the quantity. */
export async function recordMove(toId: string, toCode: string): Promise<void> {
  const s = useMoveSession.getState();
  if (!s.from || !s.item || s.item.lotChoices.length > 0) return refuse(ErrorCode.EXPECTED_ITEM);
  const r = await enqueueStockMove({ fromLocationId: s.from.id, toLocationId: toId, skuId: s.item.skuId, lot: s.item.lot, qty: s.qty });
  if (!r.ok) {
    if (r.code === ErrorCode.MOVE_NOT_ENOUGH_STOCK && r.held !== undefined) return signal('error', t('moves.not-enough', { held: r.held, bin: s.from.code, code: s.item.code }));
    return refuse(r.code);
  }
  signal('success', t('moves.done', { qty: s.qty, code: s.item.code, from: s.from.code, to: toCode }));
  s.reset();
}
