import i18n from 'i18next';
import { ErrorCode } from '../../../domain/errors';
import type { ScanResult } from '../../../domain/scan/normalise';
import { findItems } from '../../local/lookup-items';
import { enqueueReturnGrade, findReturn, getReturn } from '../../local/returns-repo';
import { signal } from '../../scan/feedback';
import { awaitingFound, useReturnsSession } from './returns-session';

const t = (k: string, o?: Record<string, unknown>) => i18n.t(k, o);
const refuse = (code: string) => signal('error', t(`errors.${code}`, { defaultValue: code }));

/** Finds the order a return label, order number or tracking number names, and opens it. */
export async function openReturn(text: string): Promise<void> {
  const r = await findReturn(text);
  if (!r.ok) return signal('error', t('returns.not-found', { text }));
  useReturnsSession.getState().open(r.order.orderId, r.scannedRef);
  signal('success', t('returns.opened', { ref: r.order.ref }));
}

/**
 * A scan at the returns bench: with no order open, the order; then an item of the order
 * adds a unit to grade, or names what was found for a wrong item waiting for it.
 */
export async function handleReturnsScan(scan: ScanResult): Promise<void> {
  if (scan.kind === 'invalid') return refuse(scan.code);
  const s = useReturnsSession.getState();
  const items = await findItems(scan);
  if (!s.orderId || (items.length === 0 && scan.kind === 'code')) {
    if (items.length === 0 && 'text' in scan) return openReturn(scan.text);
    return refuse(ErrorCode.ORDER_NOT_FOUND);
  }
  const [hit] = items;
  if (!hit) return refuse(ErrorCode.UNKNOWN_BARCODE);
  const waiting = awaitingFound(s.units);
  if (waiting) {
    s.patch(waiting.key, { foundSkuId: hit.sku.id });
    return signal('success', t('returns.found-set', { code: hit.sku.code }));
  }
  const order = await getReturn(s.orderId);
  if (!order?.lines.some((l) => l.skuId === hit.sku.id)) return refuse(ErrorCode.RETURN_SKU_NOT_ON_ORDER);
  s.addUnit(hit.sku.id);
  signal('success', t('returns.unit-added', { code: hit.sku.code }));
}

/** Grades every unit on screen in one return.grade. */
export async function submitReturn(locationId: string): Promise<boolean> {
  const s = useReturnsSession.getState();
  if (!s.orderId) return false;
  if (s.units.some((u) => u.grade === null)) {
    refuse(ErrorCode.RETURN_GRADE_UNKNOWN);
    return false;
  }
  const order = await getReturn(s.orderId);
  // The lot that was shipped, when the order sent the SKU under one lot only.
  const lotOf = (skuId: string) => {
    const lots = [...new Set(order?.lines.filter((l) => l.skuId === skuId).map((l) => l.lot))];
    return lots.length === 1 ? lots[0]! : null;
  };
  const r = await enqueueReturnGrade({
    orderId: s.orderId,
    locationId,
    scannedRef: s.scannedRef,
    units: s.units.map((u) => ({
      skuId: u.skuId, foundSkuId: u.foundSkuId, lot: u.grade === 'wrong_item' ? null : lotOf(u.skuId), qty: 1, grade: u.grade!, reason: u.reason, sealed: u.sealed, photoIds: u.photoIds,
    })),
  });
  if (!r.ok) {
    refuse(r.code);
    return false;
  }
  s.graded();
  signal('success', t('returns.graded', { count: r.args.units.length, restock: r.putawayTaskIds.length }));
  return true;
}
