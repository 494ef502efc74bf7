import i18n from 'i18next';
import { ErrorCode } from '../../../domain/errors';
import { receiveScan, type ReceiveFlag, type ReceiveInput, type ReceiveResult } from '../../../domain/inbound/receive';
import type { ScanResult } from '../../../domain/scan/normalise';
import { closeDraft } from '../../local/receiving-close';
import {
  addDraftLines,
  asnForScan,
  currentDraftId,
  dockByCode,
  lineOf,
  loadDraft,
  setDock,
  skusForScan,
  startDraft,
  undoLastScan,
} from '../../local/receiving-drafts';
import { signal, signalWarning } from '../../scan/feedback';
import { useReceiveSession } from './receive-session';

/**
 * What the dock does with a scan or a tap: judged by receiveScan against the draft on
 * the device and written to the draft before "saved" is said. A refusal records nothing.
 */

const t = (key: string, opts?: Record<string, unknown>) => i18n.t(key, opts ?? {});
const errorText = (code: string) => t(`errors.${code}`, { defaultValue: t('errors.INTERNAL') });
const session = () => useReceiveSession.getState();

export function fail(code: string): void {
  const text = errorText(code);
  signal('error', text);
  session().say({ kind: 'error', text });
}

function ok(text: string, flags: ReceiveFlag[] = []): void {
  signal('success', text);
  session().say({ kind: flags.length ? 'warn' : 'success', text, flags });
}

export interface DockCtx {
  userId: string;
  dockLocationId: string;
}

/** Before a dock is chosen: a scanned dock label chooses it. */
export async function handleDockScan(scan: ScanResult): Promise<void> {
  if (scan.kind !== 'code') return fail(ErrorCode.NOT_A_RECEIVING_DOCK);
  const r = await dockByCode(scan.text);
  if (typeof r === 'string') return fail(r);
  await setDock(r.id);
  ok(t('receiving.dock-chosen', { dock: r.code }));
}

export async function handleReceiveScan(scan: ScanResult, ctx: DockCtx): Promise<void> {
  const id = await currentDraftId(ctx.userId);
  if (!id) return startFromScan(scan, ctx);
  session().set({ ask: null, offer: null });
  await receive(id, { scan });
}

async function startFromScan(scan: ScanResult, ctx: DockCtx): Promise<void> {
  const asn = await asnForScan(scan);
  if (!asn) return fail(scan.kind === 'code' && (await dockByCode(scan.text)) !== 'LOCATION_NOT_FOUND' ? ErrorCode.NOT_A_RECEIVING_DOCK : ErrorCode.ASN_NOT_FOUND);
  await startAsn(asn.id, asn.sellerId, ctx);
  // The carton that named the ASN is the first thing received.
  if (scan.kind === 'sscc') await handleReceiveScan(scan, ctx);
}

export async function startAsn(asnId: string, sellerId: string, ctx: DockCtx): Promise<void> {
  session().reset();
  await startDraft({ asnId, sellerId, dockLocationId: ctx.dockLocationId, userId: ctx.userId });
  ok(t('receiving.started'));
}

export async function startBlind(sellerId: string, ctx: DockCtx): Promise<void> {
  session().reset();
  await startDraft({ asnId: null, sellerId, dockLocationId: ctx.dockLocationId, userId: ctx.userId });
  ok(t('receiving.started-blind', { seller: sellerId }));
}

/** Judges one scan (with the clerk's answers) and records what is accepted. */
async function receive(receiptId: string, extra: Omit<ReceiveInput, 'condition' | 'reason' | 'photoIds' | 'cartonSscc'>): Promise<void> {
  const view = await loadDraft(receiptId);
  if (!view) return fail(ErrorCode.RECEIPT_ALREADY_CLOSED);
  const { damage, openCarton } = session();
  // The damage form is open but not complete: the unit in hand is the damaged one, so it
  // must not go in as a good unit.
  if (damage && !damage.armed) return fail(damage.reason.trim() ? ErrorCode.DAMAGE_NEEDS_PHOTO : ErrorCode.DAMAGE_NEEDS_REASON);
  const armed = damage?.armed ? damage : null;
  const input: ReceiveInput = {
    ...extra,
    cartonSscc: extra.scan.kind === 'sscc' ? null : openCarton,
    ...(armed ? { condition: 'damaged' as const, reason: armed.reason, photoIds: armed.photoIds } : {}),
  };
  const r: ReceiveResult = receiveScan(
    {
      sellerId: view.draft.sellerId,
      asn: view.asn,
      rules: view.rules,
      catalogue: await skusForScan(extra.scan, view.asn),
      lines: view.lines.map(lineOf),
      today: new Date(),
    },
    input,
  );
  if (!r.ok) {
    if ('needs' in r) {
      signalWarning();
      session().set({ ask: { scan: extra.scan, skuId: r.skuId, needs: r.needs, lot: extra.lot ?? null } });
      session().say({ kind: 'warn', text: t(`receiving.ask-${r.needs}`) });
      return;
    }
    if (r.code === ErrorCode.RECEIVE_OPEN_CARTON && r.sscc) {
      session().set({ openCarton: r.sscc });
      return fail(r.code);
    }
    return fail(r.code);
  }
  if (r.kind === 'carton' && extra.scan.kind === 'sscc') {
    // A whole carton is many units: the clerk confirms it is unopened with one tap.
    signalWarning();
    session().set({ offer: { scan: extra.scan, sscc: extra.scan.sscc, lines: r.lines } });
    session().say({ kind: 'warn', text: t('receiving.carton-offer', { count: r.lines.reduce((s, l) => s + l.qty, 0) }) });
    return;
  }
  await record(receiptId, r);
}

async function record(receiptId: string, r: Extract<ReceiveResult, { ok: true }>): Promise<void> {
  try {
    if (!(await addDraftLines(receiptId, r.lines))) return fail(ErrorCode.RECEIPT_ALREADY_CLOSED);
  } catch {
    return fail(ErrorCode.STORAGE_FAILED);
  }
  const units = r.lines.reduce((s, l) => s + l.qty, 0);
  const damaged = r.lines.some((l) => l.condition === 'damaged');
  session().set({ ask: null, offer: null, ...(damaged ? { damage: null } : {}) });
  const flags = r.flags.map((f) => t(`receiving.flag.${f}`)).join(' · ');
  ok(t(damaged ? 'receiving.saved-damaged' : 'receiving.saved', { count: units }) + (flags ? ` · ${flags}` : ''), r.flags);
}

/** The clerk's tap on "accept the carton whole": judged again against the draft as it is now. */
export async function acceptOffer(userId: string): Promise<void> {
  const offer = session().offer;
  const id = await currentDraftId(userId);
  if (!offer || !id) return;
  const view = await loadDraft(id);
  if (!view) return fail(ErrorCode.RECEIPT_ALREADY_CLOSED);
  const r = receiveScan(
    { sellerId: view.draft.sellerId, asn: view.asn, rules: view.rules, catalogue: await skusForScan(offer.scan, view.asn), lines: view.lines.map(lineOf), today: new Date() },
    { scan: offer.scan },
  );
  if (!r.ok) return fail('code' in r ? r.code : ErrorCode.INTERNAL);
  await record(id, r);
}

/** "Open it instead": its units are scanned one by one and carry its SSCC. */
export function openOfferedCarton(): void {
  const offer = session().offer;
  if (!offer) return;
  session().set({ offer: null, openCarton: offer.sscc });
  session().say({ kind: 'warn', text: t('receiving.carton-opened') });
}

/** The clerk's typed lot or expiry for the unit waiting in `ask`. */
export async function answerAsk(userId: string, value: string): Promise<void> {
  const ask = session().ask;
  const id = await currentDraftId(userId);
  if (!ask || !id) return;
  const v = value.trim();
  await receive(id, ask.needs === 'lot' ? { scan: ask.scan, lot: v } : { scan: ask.scan, lot: ask.lot, expiry: v });
}

export async function undoLast(userId: string): Promise<void> {
  const id = await currentDraftId(userId);
  if (!id) return;
  const units = await undoLastScan(id);
  if (units === 0) return fail(ErrorCode.RECEIPT_EMPTY);
  ok(t('receiving.undone', { count: units }));
}

export async function closeReceiptNow(receiptId: string): Promise<boolean> {
  const r = await closeDraft(receiptId);
  if (!r.ok) {
    fail(r.code);
    return false;
  }
  session().reset();
  ok(t('receiving.closed', { count: r.putawayTaskIds.length }));
  return true;
}
