import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { ScanResult } from '../../../domain/scan/normalise';
import { openPdf } from '../../labels/labels-pdf';
import type { BarcodeFormat } from '../../scan/decoder/types';
import { signal } from '../../scan/feedback';
import { onServerPoke } from '../../sync/pokes';
import { useScan } from '../../scan/use-scan';
import { ManifestCartons } from './manifest-cartons';
import { fetchManifestPdf, type Answer, type ManifestDetail } from './shipping-api';
import { NeedsNetwork, NoticeLine, shippingMessage, useShipping, type Notice } from './shipping-common';

// Carton labels: the tracking number is Code 128, the SSCC GS1-128 (Code 128 with FNC1).
const CARTON_FORMATS: readonly BarcodeFormat[] = ['code_128'];
const SCAN_REQUEST = { formats: CARTON_FORMATS };

/** What the server looks a carton up by: the SSCC's 18 digits, or the text as read (a tracking number). */
function cartonKey(scan: ScanResult): string | null {
  if (scan.kind === 'empty' || scan.kind === 'invalid') return null;
  return scan.kind === 'sscc' ? scan.sscc : scan.text;
}

/** One manifest at the dock: scan cartons on, take a wrong one off, close it, open its PDF. */
export default function ManifestPage() {
  const { t } = useTranslation();
  const { manifestId = '' } = useParams();
  const { api, token, online } = useShipping();
  const [detail, setDetail] = useState<ManifestDetail | null>(null);
  const [offline, setOffline] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  // Scans are handled one after another, in the order they were read.
  const queue = useRef<Promise<void>>(Promise.resolve());

  const show = useCallback(
    (r: Answer<ManifestDetail>) => {
      if (r.ok) {
        setOffline(false);
        setDetail(r.value);
      } else if (r.code === 'OFFLINE') setOffline(true);
      else setNotice({ kind: 'error', text: shippingMessage(t, r.code, r.details) });
    },
    [t],
  );
  const load = useCallback(async () => {
    if (api) show(await api.get(manifestId));
  }, [api, manifestId, show]);

  useEffect(() => {
    if (online && api) void api.get(manifestId).then(show);
  }, [api, manifestId, online, show]);
  // Another clerk scanning onto the same pallet (or closing it) shows here too.
  useEffect(() => onServerPoke(() => void load()), [load]);

  const refuse = useCallback(
    (code: string, details?: unknown) => {
      const text = shippingMessage(t, code, details);
      signal('error', text);
      setNotice({ kind: 'error', text });
      if (code === 'OFFLINE') setOffline(true);
    },
    [t],
  );

  const onScan = async (scan: ScanResult) => {
    if (!api) return;
    if (scan.kind === 'invalid') return refuse(scan.code);
    const key = cartonKey(scan);
    if (!key) return;
    const r = await api.addCarton(manifestId, key);
    if (!r.ok) return refuse(r.code, r.details);
    const c = r.value.carton;
    const text = t('shipping.added', { order: c.orderRef, seq: c.seq, tracking: c.trackingNumber });
    signal('success', text);
    setNotice({ kind: 'success', text });
    await load();
  };

  useScan((scan) => {
    queue.current = queue.current.then(() => onScan(scan)).catch(() => refuse('INTERNAL'));
  }, SCAN_REQUEST);

  const remove = async (cartonId: string, tracking: string) => {
    if (!api || busy) return;
    setBusy(true);
    const r = await api.removeCarton(manifestId, cartonId);
    setBusy(false);
    if (!r.ok) return refuse(r.code, r.details);
    setNotice({ kind: 'success', text: t('shipping.removed', { tracking }) });
    await load();
  };

  const close = async () => {
    if (!api || busy) return;
    setBusy(true);
    const r = await api.close(manifestId);
    setBusy(false);
    setConfirming(false);
    if (!r.ok) return refuse(r.code, r.details);
    const text = t('shipping.closed', { code: r.value.manifest.code, count: r.value.shippedOrders.length });
    signal('success', text);
    setNotice({ kind: 'success', text });
    await load();
  };

  const showPdf = async () => {
    if (!detail) return;
    const r = await fetchManifestPdf(token, manifestId);
    if (!r.ok) return refuse(r.code);
    openPdf(r.value, `Manifest ${detail.manifest.code}`);
  };

  if (!online || offline) {
    return (
      <div className="stack">
        <h1>{t('shipping.title')}</h1>
        <NeedsNetwork onRetry={() => void load()} />
        <Link className="btn" to="/ship">
          {t('shipping.back')}
        </Link>
      </div>
    );
  }
  if (!detail) {
    return (
      <div className="stack">
        <NoticeLine notice={notice} />
        {!notice && <p className="muted">{t('common.loading')}</p>}
        <Link className="btn" to="/ship">
          {t('shipping.back')}
        </Link>
      </div>
    );
  }

  const m = detail.manifest;
  const open = m.status === 'open';
  return (
    <div className="stack" data-testid="manifest" data-status={m.status}>
      <h1>{t('shipping.manifest-title', { code: m.code })}</h1>
      <p className="progress" data-testid="manifest-facts">{t('shipping.manifest-facts', { carrier: m.carrier, dock: m.dockCode, cartons: t('shipping.carton-count', { count: detail.cartons.length }) })}</p>
      {open ? <p className="step">{t('shipping.scan-prompt')}</p> : <p className="message message-success">{t('shipping.closed-state')}</p>}
      <NoticeLine notice={notice} />
      <ManifestCartons cartons={detail.cartons} canRemove={open && !busy} onRemove={(c) => void remove(c.id, c.trackingNumber)} />
      {open && !confirming && (
        <button type="button" className="btn btn-primary" disabled={detail.cartons.length === 0} onClick={() => setConfirming(true)}>
          {t('shipping.close')}
        </button>
      )}
      {open && confirming && (
        <div className="message message-warn stack" role="alertdialog" aria-labelledby="close-confirm">
          <p id="close-confirm">{t('shipping.close-confirm', { code: m.code, cartons: t('shipping.carton-count', { count: detail.cartons.length }) })}</p>
          <div className="row">
            <button type="button" className="btn btn-warn" disabled={busy} onClick={() => void close()}>
              {t('shipping.close-yes')}
            </button>
            <button type="button" className="btn" onClick={() => setConfirming(false)} autoFocus>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      )}
      {!open && (
        <button type="button" className="btn btn-primary" onClick={() => void showPdf()}>
          {t('shipping.open-pdf')}
        </button>
      )}
      <Link className="btn" to="/ship">
        {t('shipping.back')}
      </Link>
    </div>
  );
}
