import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { onServerPoke } from '../../sync/pokes';
import type { LeadApi, Priority, WaveOrder } from './lead-api';
import { leadMessage } from './lead-common';

type Notice = { kind: 'success' | 'error'; text: string } | null;
const PRIORITY_ORDER: Priority[] = ['normal', 'high', 'urgent'];
const DONE = new Set(['cancelled', 'packed', 'shipped']);

/**
 * A wave's orders, read from the server (the device holds tasks, not orders), with the
 * lead's order actions: hold or release with a reason, raise the priority, cancel what
 * is left (after a confirmation). Reloads after each action and on every server poke.
 */
export function WaveOrders({ waveId, code, api, onOffline }: { waveId: string; code: string; api: LeadApi; onOffline: () => void }) {
  const { t } = useTranslation();
  const [orders, setOrders] = useState<WaveOrder[] | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState(false);

  const show = useCallback(
    (r: Awaited<ReturnType<LeadApi['waveOrders']>>) => {
      if (r.ok) setOrders(r.value.orders);
      else if (r.code === 'OFFLINE') onOffline();
      else setNotice({ kind: 'error', text: leadMessage(t, r.code) });
    },
    [onOffline, t],
  );
  const load = useCallback(() => api.waveOrders(waveId).then(show), [api, waveId, show]);

  useEffect(() => {
    api.waveOrders(waveId).then(show, () => undefined);
    return onServerPoke(() => void load());
  }, [api, waveId, load, show]);

  /** One action: its answer in words, then the list again. */
  const act = async (run: () => Promise<{ ok: true } | { ok: false; code: string }>, success: string) => {
    setBusy(true);
    setNotice(null);
    const r = await run();
    setBusy(false);
    if (r.ok) setNotice({ kind: 'success', text: success });
    else if (r.code === 'OFFLINE') return onOffline();
    else setNotice({ kind: 'error', text: leadMessage(t, r.code) });
    await load();
  };

  return (
    <section className="stack" aria-label={t('lead.orders.title', { code })} data-testid="wave-orders">
      {notice && (
        <p className={`message message-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid="orders-notice">
          {notice.text}
        </p>
      )}
      {orders === null ? (
        <p className="muted">{t('common.loading')}</p>
      ) : orders.length === 0 ? (
        <p className="muted">{t('lead.orders.none')}</p>
      ) : (
        <ul className="stack">
          {orders.map((o) => (
            <OrderRow
              key={o.id}
              o={o}
              busy={busy}
              onHold={(hold, reason) =>
                void act(() => api.hold(o.id, hold, reason), t(hold ? 'lead.orders.held' : 'lead.orders.released', { ref: o.orderRef }))
              }
              onPriority={(p) => void act(() => api.priority(o.id, p), t('lead.orders.priority-set', { ref: o.orderRef, priority: t(`lead.orders.priority-${p}`) }))}
              onCancel={() => void act(() => api.cancelLines(o.id), t('lead.orders.cancelled', { ref: o.orderRef }))}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

interface RowProps {
  o: WaveOrder;
  busy: boolean;
  onHold: (hold: boolean, reason?: string) => void;
  onPriority: (p: Priority) => void;
  onCancel: () => void;
}

function OrderRow({ o, busy, onHold, onPriority, onCancel }: RowProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const remaining = o.lines.filter((l) => !l.cancelled && l.pickedQty < l.qty);
  const higher = PRIORITY_ORDER.slice(PRIORITY_ORDER.indexOf(o.priority) + 1);
  const closed = DONE.has(o.status);
  const reasonId = `hold-reason-${o.id}`;
  return (
    <li className="card" data-testid="wave-order" data-order={o.orderRef}>
      <span className="card-title">{o.orderRef}</span>
      <span>
        {t('lead.orders.facts', {
          status: t(`lead.orders.status.${o.status}`, { defaultValue: o.status }),
          priority: t(`lead.orders.priority-${o.priority}`),
          open: remaining.length,
          lines: o.lines.length,
        })}
      </span>
      {o.onHold && <span className="message message-warn">{o.holdReason ? t('lead.orders.on-hold-why', { reason: o.holdReason }) : t('lead.orders.on-hold')}</span>}
      <ul className="muted">
        {o.lines.map((l) => (
          <li key={l.lineNo}>
            {t(l.cancelled ? 'lead.orders.line-cancelled' : 'lead.orders.line', { no: l.lineNo, sku: l.skuCode, picked: l.pickedQty, qty: l.qty })}
          </li>
        ))}
      </ul>
      {!closed && (
        <div className="stack">
          {o.onHold ? (
            <button type="button" className="btn" disabled={busy} onClick={() => onHold(false)}>
              {t('lead.orders.release', { ref: o.orderRef })}
            </button>
          ) : (
            <div className="row" style={{ justifyContent: 'flex-start' }}>
              <label htmlFor={reasonId}>{t('lead.orders.reason', { ref: o.orderRef })}</label>
              <input id={reasonId} value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} style={{ minHeight: 48, fontSize: '1.1rem' }} />
              <button type="button" className="btn" disabled={busy} onClick={() => onHold(true, reason.trim() || undefined)}>
                {t('lead.orders.hold', { ref: o.orderRef })}
              </button>
            </div>
          )}
          <div className="row" style={{ justifyContent: 'flex-start' }}>
            {higher.map((p) => (
              <button key={p} type="button" className="btn" disabled={busy} onClick={() => onPriority(p)}>
                {t('lead.orders.raise', { ref: o.orderRef, priority: t(`lead.orders.priority-${p}`) })}
              </button>
            ))}
            {remaining.length > 0 && !confirming && (
              <button type="button" className="btn btn-warn" disabled={busy} onClick={() => setConfirming(true)}>
                {t('lead.orders.cancel', { ref: o.orderRef })}
              </button>
            )}
          </div>
          {confirming && (
            <div className="message message-warn stack" role="alertdialog" aria-labelledby={`cancel-ask-${o.id}`}>
              <p id={`cancel-ask-${o.id}`}>{t('lead.orders.cancel-confirm', { ref: o.orderRef, count: remaining.length })}</p>
              <div className="row">
                <button
                  type="button"
                  className="btn btn-warn"
                  disabled={busy}
                  onClick={() => {
                    setConfirming(false);
                    onCancel();
                  }}
                >
                  {t('lead.orders.cancel-yes')}
                </button>
                <button type="button" className="btn" onClick={() => setConfirming(false)} autoFocus>
                  {t('lead.orders.cancel-no')}
                </button>
              </div>
            </div>
          )}
        </div>
      )}
    </li>
  );
}
