import type { TFunction } from 'i18next';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExceptionAction, ExceptionActionBody } from '../../../domain/exceptions/actions';
import type { ExceptionItem } from './exceptions-api';
import { ago, relativeTime } from './lead-common';

/** Actions that change an order for good: asked twice. */
const DESTRUCTIVE: readonly ExceptionAction[] = ['accept_short', 'cancel_line'];

/** "2 × SER-001 Serum could not be picked": what happened, in the reader's words. */
export function whatHappened(t: TFunction, e: ExceptionItem): string {
  const source = e.details?.source === 'return' ? t('lead-exceptions.source-return') : t('lead-exceptions.source-receipt');
  return t(`lead-exceptions.what.${e.type}`, {
    qty: e.qty,
    sku: e.sku ? `${e.sku.code} ${e.sku.name}` : t('lead-exceptions.unknown-sku'),
    tote: e.toteCode ?? '—',
    source,
    defaultValue: t(`lead-exceptions.type.${e.type}`, { defaultValue: e.type }),
  });
}

export interface CardProps {
  item: ExceptionItem;
  counters: { id: string; name: string }[];
  now: number;
  busy: boolean;
  onAct: (item: ExceptionItem, body: ExceptionActionBody) => void;
}

/** One exception: what, where, who, how long ago, and its actions (or how it was handled). */
export function ExceptionCard({ item: e, counters, now, busy, onAct }: CardProps) {
  const { t } = useTranslation();
  const uid = useId();
  const [note, setNote] = useState('');
  const [counter, setCounter] = useState('');
  const [asking, setAsking] = useState<ExceptionAction | null>(null);
  const [noteMissing, setNoteMissing] = useState(false);
  const what = whatHappened(t, e);
  const actionName = (a: string) => t(`lead-exceptions.action.${a}`, { defaultValue: a });

  const run = (a: ExceptionAction) => {
    const n = note.trim();
    if (a === 'resolve' && !n) {
      setNoteMissing(true);
      return;
    }
    setNoteMissing(false);
    setAsking(null);
    const withNote = n ? { note: n } : {};
    if (a === 'assign_count') onAct(e, { action: a, ...withNote, ...(counter ? { userId: counter } : {}) });
    else if (a === 'resolve') onAct(e, { action: a, note: n });
    else onAct(e, { action: a, ...withNote });
  };

  return (
    <li className="card" data-testid="exception" data-type={e.type} data-id={e.id} aria-labelledby={`${uid}-title`}>
      <span className="card-title" id={`${uid}-title`}>
        <span className="badge">{t(`lead-exceptions.type.${e.type}`, { defaultValue: e.type })}</span> {what}
      </span>
      <dl className="task-facts">
        {e.location && <Fact term={t('lead-exceptions.where')} value={e.location.code} />}
        {e.order && <Fact term={t('lead-exceptions.order')} value={e.order.ref} />}
        {e.wave && <Fact term={t('lead-exceptions.wave')} value={e.wave.code} />}
        <Fact term={t('lead-exceptions.raised-by')} value={e.raisedBy?.name ?? t('lead-exceptions.nobody')} />
        <Fact term={t('lead-exceptions.age')} value={ago(t, e.ageSeconds)} />
      </dl>
      {e.handled ? (
        <Handled item={e} now={now} actionName={actionName} />
      ) : (
        <div className="stack">
          <div className="field">
            {/* Short on screen; the full name says which exception when read out. */}
            <label htmlFor={`${uid}-note`}>{t('lead-exceptions.note')}</label>
            <input id={`${uid}-note`} aria-label={t('lead-exceptions.note-label', { what })} value={note} maxLength={500} onChange={(ev) => setNote(ev.target.value)} aria-invalid={noteMissing} />
            {noteMissing && (
              <span className="message message-error" role="alert">
                {t('lead-exceptions.note-required')}
              </span>
            )}
          </div>
          {e.allowedActions.includes('assign_count') && (
            <div className="field">
              <label htmlFor={`${uid}-counter`}>{t('lead-exceptions.counter')}</label>
              <select id={`${uid}-counter`} aria-label={t('lead-exceptions.counter-label', { what })} value={counter} onChange={(ev) => setCounter(ev.target.value)} style={{ minHeight: 48, fontSize: '1.1rem' }}>
                <option value="">{t('lead-exceptions.counter-anyone')}</option>
                {counters.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            </div>
          )}
          <div className="row" style={{ justifyContent: 'flex-start' }}>
            {e.allowedActions.map((a) => (
              <button
                key={a}
                type="button"
                className={DESTRUCTIVE.includes(a) ? 'btn btn-warn' : a === e.allowedActions[0] ? 'btn btn-primary' : 'btn'}
                disabled={busy}
                aria-label={t('lead-exceptions.action-label', { action: actionName(a), what })}
                onClick={() => (DESTRUCTIVE.includes(a) ? setAsking(a) : run(a))}
              >
                {actionName(a)}
              </button>
            ))}
          </div>
          {asking && (
            <div className="message message-warn stack" role="alertdialog" aria-labelledby={`${uid}-ask`}>
              <p id={`${uid}-ask`}>
                {t(`lead-exceptions.confirm.${asking}`, { order: e.order?.ref ?? '—', qty: e.qty, sku: e.sku?.code ?? t('lead-exceptions.unknown-sku') })}
              </p>
              <div className="row">
                <button type="button" className="btn btn-warn" disabled={busy} onClick={() => run(asking)}>
                  {t('lead-exceptions.confirm.yes')}
                </button>
                <button type="button" className="btn" onClick={() => setAsking(null)} autoFocus>
                  {t('lead-exceptions.confirm.no')}
                </button>
              </div>
            </div>
          )}
        </div>
      )}
    </li>
  );
}

function Fact({ term, value }: { term: string; value: string }) {
  return (
    <div>
      <dt className="task-label">{term}</dt>
      <dd style={{ margin: 0 }}>{value}</dd>
    </div>
  );
}

function Handled({ item: e, now, actionName }: { item: ExceptionItem; now: number; actionName: (a: string) => string }) {
  const { t } = useTranslation();
  const h = e.handled!;
  const when = relativeTime(t, h.at, now);
  const r = h.result ?? {};
  return (
    <div className="stack" data-testid="handled">
      <p>
        {h.action
          ? t('lead-exceptions.handled-by', { action: actionName(h.action), who: h.by?.name ?? t('lead-exceptions.nobody'), when })
          : t('lead-exceptions.handled-floor', { when })}
      </p>
      {h.note && <p className="muted">{t('lead-exceptions.note')}: {h.note}</p>}
      {typeof r.countTaskId === 'string' && <p className="muted">{t('lead-exceptions.handled-result-count', { id: r.countTaskId })}</p>}
      {typeof r.waveCode === 'string' && <p className="muted">{t('lead-exceptions.handled-result-wave', { code: r.waveCode })}</p>}
    </div>
  );
}
