import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExceptionActionBody } from '../../../domain/exceptions/actions';
import { EXCEPTION_TYPES } from '../../../domain/model';
import { onServerPoke } from '../../sync/pokes';
import { ExceptionCard, whatHappened } from './exception-card';
import { exceptionsApi, type Answer, type ExceptionItem, type ExceptionList } from './exceptions-api';
import { leadMessage, type LeadPanelProps } from './lead-common';

/** A queue someone works from: new exceptions show within half a minute even without a poke. */
export const EXCEPTIONS_REFRESH_MS = 30_000;

type View = 'open' | 'handled';

/**
 * Exceptions as a work queue (issue 7, docs/exceptions.md): oldest first, each with the
 * actions its type allows; the Handled view says who handled what, how and when. Reads
 * the API directly, like every console panel; a lost connection hands over to the
 * console's needs-the-network state.
 */
export function ExceptionsQueue({ token, onOffline }: LeadPanelProps) {
  const { t } = useTranslation();
  const api = useMemo(() => exceptionsApi(token), [token]);
  const [view, setView] = useState<View>('open');
  const [type, setType] = useState('');
  const [data, setData] = useState<ExceptionList | null>(null);
  // The list's own trouble, and the last action's outcome (kept across the reload that follows it).
  const [error, setError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  // Answers to an older filter must not overwrite the list the lead now asks for.
  const asked = useRef(0);

  const load = useCallback(() => {
    const n = ++asked.current;
    void api.list(view, type || null).then((r: Answer<ExceptionList>) => {
      if (n !== asked.current) return;
      if (r.ok) {
        setError(null);
        setData(r.value);
      } else if (r.code === 'OFFLINE') onOffline();
      else setError(leadMessage(t, r.code));
    });
  }, [api, view, type, onOffline, t]);

  useEffect(() => {
    load();
    const timer = setInterval(load, EXCEPTIONS_REFRESH_MS);
    const off = onServerPoke(load);
    return () => {
      clearInterval(timer);
      off();
    };
  }, [load]);

  const act = useCallback(
    async (item: ExceptionItem, body: ExceptionActionBody) => {
      setBusy(true);
      setOutcome(null);
      const r = await api.act(item.id, body);
      setBusy(false);
      if (r.ok) {
        const qty = typeof r.value.result.qty === 'number' ? r.value.result.qty : item.qty;
        setOutcome({ ok: true, text: `${whatHappened(t, item)}: ${t(`lead-exceptions.done.${body.action}`, { qty })}` });
      } else if (r.code === 'OFFLINE') return onOffline();
      else setOutcome({ ok: false, text: `${whatHappened(t, item)}: ${leadMessage(t, r.code)}` });
      load();
    },
    [api, load, onOffline, t],
  );

  // Ages and "handled … ago" read against the server's clock of the same answer.
  const now = data ? Date.parse(data.now) : 0;
  const items = data?.exceptions ?? [];
  return (
    <section className="stack" aria-labelledby="exceptions-title">
      <div className="row">
        <h2 id="exceptions-title">
          {t('lead-exceptions.title')}
          {view === 'open' && data && <span className="muted"> · {t('lead-exceptions.count', { count: items.length })}</span>}
        </h2>
        <button type="button" className="btn" onClick={load}>
          {t('lead-exceptions.refresh')}
        </button>
      </div>
      <div className="row" style={{ justifyContent: 'flex-start' }}>
        <div className="row" role="group" aria-label={t('lead-exceptions.views')}>
          {(['open', 'handled'] as const).map((v) => (
            <button key={v} type="button" className={`btn ${view === v ? 'btn-primary' : ''}`} aria-pressed={view === v} onClick={() => setView(v)}>
              {t(`lead-exceptions.view-${v}`)}
            </button>
          ))}
        </div>
        <div className="field">
          <label htmlFor="exceptions-type">{t('lead-exceptions.filter-type')}</label>
          <select id="exceptions-type" value={type} onChange={(e) => setType(e.target.value)} style={{ minHeight: 48, fontSize: '1.1rem' }}>
            <option value="">{t('lead-exceptions.all-types')}</option>
            {EXCEPTION_TYPES.map((x) => (
              <option key={x} value={x}>
                {t(`lead-exceptions.type.${x}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {outcome?.ok && (
        <p className="message message-success" role="status" data-testid="exception-done">
          {outcome.text}
        </p>
      )}
      {outcome && !outcome.ok && (
        <p className="message message-error" role="alert" data-testid="exception-error">
          {outcome.text}
        </p>
      )}
      {error && (
        <p className="message message-error" role="alert">
          {error}
        </p>
      )}
      {data === null ? (
        <p className="muted">{t('lead-exceptions.loading')}</p>
      ) : items.length === 0 ? (
        <p className="muted" data-testid="exceptions-empty">
          {t(view === 'open' ? 'lead-exceptions.empty-open' : 'lead-exceptions.empty-handled')}
        </p>
      ) : (
        <ul className="cards" data-testid="exceptions">
          {items.map((e) => (
            <ExceptionCard key={e.id} item={e} counters={data.counters} now={now} busy={busy} onAct={(i, b) => void act(i, b)} />
          ))}
        </ul>
      )}
      <p className="hint">{t('lead-exceptions.kept-going')}</p>
    </section>
  );
}
