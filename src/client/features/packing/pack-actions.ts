import i18n from 'i18next';
import { buildLabelModel } from '../../../domain/labels';
import { ErrorCode } from '../../../domain/errors';
import type { BoxType, PackConfig, PackOrder } from '../../../domain/packing/types';
import { applyVerified, isOrderComplete, verifyScan } from '../../../domain/packing/verify';
import type { ScanResult } from '../../../domain/scan/normalise';
import { makeLabelsPdf, openPdf } from '../../labels/labels-pdf';
import { enqueuePackConfirm, enqueuePackMissing } from '../../local/pack-outbox';
import { findBoxByCode, loadBenchWork, ordersInTote, saveBenchWork, skusOf } from '../../local/pack-store';
import { signal } from '../../scan/feedback';
import { usePackSession, type PackSku, type SavedWork } from './pack-session';
import { cartonItems, checkCarton, confirmBlocker, verifiedOf } from './pack-work';

/**
 * What the bench does with a scan or a button: judged against the tote's orders on the
 * device, recorded only when right. Every refusal gets the error tone and changes nothing.
 */

export interface BenchCtx {
  benchId: string;
  config: PackConfig;
  boxes: readonly BoxType[];
}

const t = (key: string, opts?: Record<string, unknown>) => i18n.t(key, opts ?? {});
const errorText = (code: string) => t(`errors.${code}`, { defaultValue: t('errors.INTERNAL') });

function fail(code: string): void {
  const text = errorText(code);
  signal('error', text);
  usePackSession.getState().say({ kind: 'error', text });
}

function ok(text: string): void {
  signal('success', text);
  usePackSession.getState().say({ kind: 'success', text });
}

const skuMap = (skus: Record<string, PackSku>) => new Map(Object.entries(skus));

/** Whether the tote on the bench has nothing half done, so a tote scan may replace it. */
function canSwitchTote(): boolean {
  const s = usePackSession.getState();
  if (!s.tote) return true;
  const verified = verifiedOf(s.orders, s.work);
  return s.orders.every((o) => o.status !== 'picked' || (verified[o.orderId] ?? []).every((n) => n === 0));
}

async function packSkus(orders: Parameters<typeof skusOf>[0]): Promise<Record<string, PackSku>> {
  const skus: Record<string, PackSku> = {};
  for (const [id, s] of await skusOf(orders)) {
    skus[id] = { id, code: s.code, name: s.name, barcodes: s.barcodes, lengthMm: s.lengthMm, widthMm: s.widthMm, heightMm: s.heightMm, weightG: s.weightG };
  }
  return skus;
}

/** After a reload: the tote that was on the bench comes back with its work, if it still holds orders. */
export async function restoreBench(): Promise<void> {
  if (usePackSession.getState().tote) return;
  const saved = (await loadBenchWork()) as SavedWork | null;
  if (!saved?.tote) return;
  const r = await ordersInTote(saved.tote);
  if (!r.ok) {
    await saveBenchWork(null);
    return;
  }
  const skus = await packSkus(r.orders);
  // A tote scanned meanwhile wins.
  if (!usePackSession.getState().tote) usePackSession.getState().restore(r.toteCode, r.orders, skus, saved);
}

export async function loadTote(code: string): Promise<boolean> {
  const r = await ordersInTote(code);
  if (!r.ok) {
    fail(r.code);
    return false;
  }
  usePackSession.getState().load(r.toteCode, r.orders, await packSkus(r.orders));
  const open = r.orders.filter((o) => o.status === 'picked').length;
  ok(t('packing.tote-loaded', { tote: r.toteCode, count: r.orders.length, open }));
  return true;
}

export async function handlePackScan(scan: ScanResult): Promise<void> {
  const s = usePackSession.getState();
  if (scan.kind === 'code') {
    // A box label: the focused order's open carton goes in that box.
    const box = s.focus ? await findBoxByCode(scan.text) : undefined;
    if (box && s.focus) {
      const work = s.work[s.focus];
      const carton = work?.cartons[work.cartons.length - 1];
      if (carton) {
        s.setBox(s.focus, carton.id, box.id);
        ok(t('packing.box-chosen', { box: box.code }));
        return;
      }
    }
    if (!s.tote) {
      await loadTote(scan.text);
      return;
    }
    // Another tote replaces this one only when nothing here is half done.
    const other = await ordersInTote(scan.text);
    if (other.ok && other.toteCode === s.tote) {
      ok(t('packing.tote-on-bench', { tote: s.tote }));
      return;
    }
    if (other.ok && canSwitchTote()) {
      await loadTote(scan.text);
      return;
    }
  }
  if (!s.tote) {
    fail(ErrorCode.EXPECTED_TOTE);
    return;
  }
  const verified = verifiedOf(s.orders, s.work);
  const r = verifyScan(s.orders, verified, scan, skuMap(s.skus), s.focus);
  if (!r.ok) {
    fail(r.code);
    return;
  }
  s.addUnits(r.orderId, r.slot, r.qty);
  s.setFocus(r.orderId);
  const after = applyVerified(s.orders, verified, r);
  const order = s.orders.find((o) => o.orderId === r.orderId)!;
  const done = after[r.orderId]![r.slot]!;
  const name = s.skus[r.skuId]?.name ?? r.skuId;
  ok(
    isOrderComplete(order, after)
      ? t('packing.order-verified', { order: r.orderRef })
      : t('packing.item-to-order', { order: r.orderRef, item: name, done, qty: order.items[r.slot]!.qty }),
  );
}

/** Records pack.confirm for an order and makes its labels; LEASE_EXHAUSTED and the like are said in words. */
export async function confirmOrder(order: PackOrder, ctx: BenchCtx): Promise<boolean> {
  const s = usePackSession.getState();
  const work = s.work[order.orderId];
  if (!work || !s.tote) return false;
  const facts = { skus: skuMap(s.skus), boxes: ctx.boxes, config: ctx.config };
  const blocker = confirmBlocker(order, work, verifiedOf(s.orders, s.work), facts);
  if (blocker) {
    fail(blocker === 'NOT_VERIFIED' ? ErrorCode.PACK_CONTENTS_MISMATCH : blocker);
    return false;
  }
  const cartons = work.cartons.map((c) => ({
    cartonId: c.id,
    boxTypeId: checkCarton(order, c, facts).box!.id,
    weightG: c.weightG!,
    items: cartonItems(order, c, facts.skus).map((i) => ({ skuId: i.skuId, lot: i.lot, qty: i.qty })),
  }));
  const r = await enqueuePackConfirm({
    orderId: order.orderId,
    toteCode: s.tote,
    benchId: ctx.benchId,
    cartons,
    ...(work.override ? { override: work.override } : {}),
  });
  if (!r.ok) {
    fail(r.code);
    return false;
  }
  const date = new Date().toISOString().slice(0, 10);
  const models = r.args.cartons.map((c, i) =>
    buildLabelModel({
      config: ctx.config,
      orderRef: order.orderRef,
      shipTo: order.shipTo,
      carrierService: order.carrierService,
      weightG: c.weightG,
      trackingNumber: c.trackingNumber,
      sscc: c.sscc,
      cartonNo: i + 1,
      cartonCount: r.args.cartons.length,
      date,
    }),
  );
  // Printed at once from the page: no tap, no network.
  let pdf = null;
  try {
    pdf = openPdf(makeLabelsPdf(models), `labels-${order.orderRef}`);
  } catch {
    // The order is recorded; "Print PDF" on the labels panel makes the file again.
  }
  usePackSession.getState().setPacked(order.orderId, { args: r.args, models, pdf });
  await refreshOrders();
  ok(t('packing.confirmed', { order: order.orderRef, count: models.length }));
  return true;
}

/** pack.missing for one item of an order: it goes on hold, the tote's other orders carry on. */
export async function reportMissing(order: PackOrder, item: { skuId: string; lot: string | null; qty: number }, benchId: string): Promise<void> {
  const s = usePackSession.getState();
  if (!s.tote) return;
  const r = await enqueuePackMissing({ orderId: order.orderId, toteCode: s.tote, benchId, skuId: item.skuId, lot: item.lot, qty: item.qty });
  if (!r.ok) {
    fail(r.code);
    return;
  }
  await refreshOrders();
  ok(t('packing.missing-reported', { order: order.orderRef }));
}

async function refreshOrders(): Promise<void> {
  const s = usePackSession.getState();
  if (!s.tote) return;
  const r = await ordersInTote(s.tote);
  if (r.ok) usePackSession.getState().refresh(r.orders);
}
