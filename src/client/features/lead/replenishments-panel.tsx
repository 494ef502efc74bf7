import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReplenishmentsResponse, ReplenishmentView } from '../../../domain/replenish/api';
import { onServerPoke } from '../../sync/pokes';
import { leadMessage, relativeTime, type LeadPanelProps } from './lead-common';
import { replenishmentsApi } from './replenishments-api';

/**
 * Open replenishments (reserve to pick face) under the live board: what the receivers
 * still have to bring, oldest first, and the faces that are low with nothing in reserve.
 * Reloads when the server pokes (a pick raised one, a handheld confirmed one).
 */
export function ReplenishmentsPanel({ token, onOffline }: LeadPanelProps) {
  const { t } = useTranslation();
  const api = useMemo(() => replenishmentsApi(token), [token]);
  const [data, setData] = useState<ReplenishmentsResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const alive = useRef(true);

  const load = useCallback(() => {
    void api.active().then((r) => {
      if (!alive.current) return;
      if (r.ok) {
        setError(null);
        setData(r.value);
      } else if (r.code === 'OFFLINE') onOffline();
      else setError(leadMessage(t, r.code));
    });
  }, [api, onOffline, t]);

  useEffect(() => {
    alive.current = true;
    load();
    const off = onServerPoke(load);
    return () => {
      alive.current = false;
      off();
    };
  }, [load]);

  const rows = data?.replenishments ?? [];
  const noStock = rows.filter((r) => r.status === 'no_stock').length;
  return (
    <section className="stack" aria-labelledby="replenishments-title" data-testid="replenishments">
      <div className="row">
        <h2 id="replenishments-title">{t('lead-replenish.title')}</h2>
        <button type="button" className="btn" onClick={load}>
          {t('lead-replenish.refresh')}
        </button>
      </div>
      {error && (
        <p className="message message-error" role="alert">
          {error}
        </p>
      )}
      {data === null ? (
        <p className="muted">{t('common.loading')}</p>
      ) : rows.length === 0 ? (
        <p className="muted" data-testid="replenishments-empty">
          {t('lead-replenish.none')}
        </p>
      ) : (
        <>
          <p data-testid="replenishments-summary">
            {t('lead-replenish.summary', { count: rows.length - noStock })}
            {noStock > 0 && ` ${t('lead-replenish.summary-no-stock', { count: noStock })}`}
          </p>
          <ul className="cards" data-testid="replenishment-list">
            {rows.map((r) => (
              <Row key={r.id} r={r} now={Date.parse(data.now)} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function Row({ r, now }: { r: ReplenishmentView; now: number }) {
  const { t } = useTranslation();
  const waiting = r.status === 'no_stock';
  return (
    <li className={waiting ? 'card message-warn' : 'card'} data-testid="replenishment" data-status={r.status}>
      <span className="card-title">
        {waiting && <span className="badge">{t('lead-replenish.no-stock')}</span>} {t('lead-replenish.face', { sku: r.sku.code, face: r.pickFace.code })}
      </span>
      <span>{r.sku.name}</span>
      <span>
        {waiting
          ? t('lead-replenish.nothing-in-reserve', { min: r.minQty, onHand: r.onHandAtRaise })
          : t('lead-replenish.bring', { count: r.qty, bin: r.from?.code ?? '—', min: r.minQty, onHand: r.onHandAtRaise })}
      </span>
      <span className="muted">{t('lead-replenish.raised', { when: relativeTime(t, r.createdAt, now) })}</span>
    </li>
  );
}
