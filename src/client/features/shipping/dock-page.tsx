import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { BIN_FORMATS } from '../../scan/camera/formats';
import { useScan } from '../../scan/use-scan';
import type { Answer, Manifest } from './shipping-api';
import { NeedsNetwork, NoticeLine, shippingMessage, useShipping, type Notice } from './shipping-common';

/** Carriers the building ships with; any other can be typed. */
const CARRIERS = ['UPS', 'USPS', 'FedEx', 'DHL'] as const;
const DOCK_KEY = 'tote.dock';
const SCAN_REQUEST = { formats: BIN_FORMATS };
/** Closed manifests listed for a reprint of their PDF. */
const RECENT = 10;

function rememberedDock(): string {
  try {
    return localStorage.getItem(DOCK_KEY) ?? '';
  } catch {
    return '';
  }
}

/** The shipping dock: continue an open manifest or start one for a carrier at this dock. */
export default function DockPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { api, online } = useShipping();
  const [manifests, setManifests] = useState<Manifest[] | null>(null);
  const [recent, setRecent] = useState<Manifest[]>([]);
  const [offline, setOffline] = useState(false);
  const [dock, setDock] = useState(rememberedDock);
  const [carrier, setCarrier] = useState('');
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState(false);

  const show = useCallback(
    ([open, closed]: Answer<{ manifests: Manifest[] }>[]) => {
      if (open!.ok) {
        setOffline(false);
        setManifests(open!.value.manifests);
      } else if (open!.code === 'OFFLINE') setOffline(true);
      else setNotice({ kind: 'error', text: shippingMessage(t, open!.code, open!.details) });
      if (closed!.ok) setRecent(closed!.value.manifests.slice(0, RECENT));
    },
    [t],
  );
  const fetchLists = useCallback(async () => (api ? Promise.all([api.listOpen(), api.listClosed()]) : null), [api]);
  const load = useCallback(async () => {
    const r = await fetchLists();
    if (r) show(r);
  }, [fetchLists, show]);

  useEffect(() => {
    if (online) void fetchLists().then((r) => r && show(r));
  }, [fetchLists, online, show]);

  // A scanned dock label fills the dock (a carton's GS1 label here is not a dock).
  useScan((scan) => {
    if (scan.kind !== 'code') return;
    setDock(scan.text.toUpperCase());
    setNotice(null);
  }, SCAN_REQUEST);

  const start = async (e: FormEvent) => {
    e.preventDefault();
    if (!api || busy) return;
    if (!dock.trim()) return setNotice({ kind: 'error', text: t('shipping.dock-required') });
    if (!carrier.trim()) return setNotice({ kind: 'error', text: t('shipping.carrier-required') });
    setBusy(true);
    const r = await api.create(carrier.trim(), dock.trim().toUpperCase());
    setBusy(false);
    if (r.ok) {
      try {
        localStorage.setItem(DOCK_KEY, r.value.manifest.dockCode);
      } catch {
        // private mode: the dock is asked again next time
      }
      void navigate(`/ship/${encodeURIComponent(r.value.manifest.id)}`);
    } else if (r.code === 'OFFLINE') setOffline(true);
    else setNotice({ kind: 'error', text: shippingMessage(t, r.code, r.details) });
  };

  if (!online || offline) {
    return (
      <div className="stack">
        <h1>{t('shipping.title')}</h1>
        <NeedsNetwork onRetry={() => void load()} />
      </div>
    );
  }

  return (
    <div className="stack">
      <h1>{t('shipping.title')}</h1>
      <section className="stack" aria-labelledby="open-manifests">
        <h2 id="open-manifests">{t('shipping.open-manifests')}</h2>
        {manifests === null ? (
          <p className="muted">{t('common.loading')}</p>
        ) : manifests.length === 0 ? (
          <p className="muted">{t('shipping.none-open')}</p>
        ) : (
          <ul className="cards">
            {manifests.map((m) => (
              <li key={m.id}>
                <Link className="card" to={`/ship/${encodeURIComponent(m.id)}`} aria-label={t('shipping.continue', { code: m.code })}>
                  <span className="card-title">{m.code}</span>
                  <span>{t('shipping.manifest-line', { carrier: m.carrier, dock: m.dockCode })}</span>
                  <span className="muted">{t('shipping.carton-count', { count: m.cartonCount })}</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <form className="stack" onSubmit={(e) => void start(e)} noValidate aria-labelledby="start-manifest">
        <h2 id="start-manifest">{t('shipping.start-title')}</h2>
        <div className="field">
          <label htmlFor="dock-code">{t('shipping.dock')}</label>
          <input id="dock-code" value={dock} autoCapitalize="characters" spellCheck={false} aria-describedby="dock-hint" onChange={(e) => setDock(e.target.value)} />
          <p className="hint" id="dock-hint">
            {t('shipping.dock-hint')}
          </p>
        </div>
        <fieldset className="stack" style={{ border: 0, padding: 0, margin: 0 }}>
          <legend>{t('shipping.carrier')}</legend>
          <div className="row" style={{ justifyContent: 'flex-start' }}>
            {CARRIERS.map((c) => (
              <button key={c} type="button" className={`btn ${carrier === c ? 'btn-primary' : ''}`} aria-pressed={carrier === c} onClick={() => setCarrier(c)}>
                {c}
              </button>
            ))}
          </div>
          <div className="field">
            <label htmlFor="carrier-name" className="visually-hidden">
              {t('shipping.carrier')}
            </label>
            <input id="carrier-name" value={carrier} aria-describedby="carrier-hint" onChange={(e) => setCarrier(e.target.value)} />
            <p className="hint" id="carrier-hint">
              {t('shipping.carrier-hint')}
            </p>
          </div>
        </fieldset>
        <NoticeLine notice={notice} />
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {t('shipping.start')}
        </button>
      </form>
      {recent.length > 0 && (
        <section className="stack" aria-labelledby="closed-manifests">
          <h2 id="closed-manifests">{t('shipping.recently-closed')}</h2>
          <ul className="cards">
            {recent.map((m) => (
              <li key={m.id}>
                <Link className="card" to={`/ship/${encodeURIComponent(m.id)}`}>
                  <span className="card-title">{m.code}</span>
                  <span>{t('shipping.manifest-line', { carrier: m.carrier, dock: m.dockCode })}</span>
                  <span className="muted">{t('shipping.carton-count', { count: m.cartonCount })}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
