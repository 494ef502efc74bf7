import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { onServerPoke } from '../../sync/pokes';
import { intakeApi, type IncomingOrder } from './intake-api';
import { leadMessage, type LeadPanelProps } from './lead-common';

/**
 * Orders sellers sent that are not released for planning yet. Planning only takes
 * released orders, so the lead sees what is waiting and releases it with one tap.
 */
export function IncomingOrders({ token, onOffline, onReleased }: LeadPanelProps & { onReleased: () => void }) {
  const { t, i18n } = useTranslation();
  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'short' });
  const api = useMemo(() => intakeApi(token), [token]);
  const [data, setData] = useState<{ count: number; orders: IncomingOrder[] } | null>(null);
  const [notice, setNotice] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => {
    void api.incoming().then((r) => {
      if (r.ok) setData(r.value);
      else if (r.code === 'OFFLINE') onOffline();
      else setNotice({ kind: 'error', text: leadMessage(t, r.code) });
    });
  }, [api, onOffline, t]);

  useEffect(() => {
    load();
    return onServerPoke(load);
  }, [load]);

  if (!data || (data.count === 0 && !notice)) return null;

  const release = async () => {
    if (busy || data.orders.length === 0) return;
    setBusy(true);
    setNotice(null);
    const r = await api.release(data.orders.map((o) => o.id));
    setBusy(false);
    if (r.ok) {
      setNotice({ kind: 'success', text: t('lead.intake.released', { count: r.value.released.length }) });
      onReleased();
      load();
    } else if (r.code === 'OFFLINE') onOffline();
    else setNotice({ kind: 'error', text: leadMessage(t, r.code) });
  };

  const oldest = data.orders.reduce<string | null>((m, o) => (m === null || o.createdAt < m ? o.createdAt : m), null);
  return (
    <section className="stack card" aria-labelledby="incoming-title" data-testid="incoming-orders">
      <h2 id="incoming-title">{t('lead.intake.title', { count: data.count })}</h2>
      {data.count > 0 && (
        <>
          <p>{t('lead.intake.explain', { count: data.count, oldest: oldest ? when(oldest) : '—' })}</p>
          <ul className="rejections" aria-label={t('lead.intake.list')}>
            {data.orders.slice(0, 10).map((o) => (
              <li key={o.id}>
                <strong>{o.ref}</strong> {t('lead.intake.line', { seller: o.seller, lines: o.lines, units: o.units, shipBy: when(o.shipBy) })}
              </li>
            ))}
          </ul>
          {data.count > 10 && <p className="muted">{t('lead.intake.more', { count: data.count - 10 })}</p>}
          <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void release()}>
            {t('lead.intake.release', { count: data.orders.length })}
          </button>
        </>
      )}
      {notice && (
        <p className={`message message-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid="intake-notice">
          {notice.text}
        </p>
      )}
    </section>
  );
}
