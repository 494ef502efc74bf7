import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeadApi, LeftOut, ProposedWave, ReleasedWave, WavePreview, WaveRules } from './lead-api';
import { IncomingOrders } from './incoming-orders';
import { leadMessage } from './lead-common';
import { WaveRulesForm } from './wave-rules-form';

type Notice = { kind: 'success' | 'error'; text: string } | null;

/** Plan waves: rules, a preview of the waves they build, and the release of the chosen ones. */
export function WavePlan({ api, token, onOffline }: { api: LeadApi; token: string | null; onOffline: () => void }) {
  const { t } = useTranslation();
  const [preview, setPreview] = useState<WavePreview | null>(null);
  const [chosen, setChosen] = useState<Set<number>>(new Set());
  const [released, setReleased] = useState<ReleasedWave[]>([]);
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState(false);

  const runPreview = async (rules: WaveRules) => {
    setBusy(true);
    setNotice(null);
    const r = await api.preview(rules);
    setBusy(false);
    if (r.ok) {
      setPreview(r.value);
      setChosen(new Set(r.value.waves.map((w) => w.seq)));
      setReleased([]);
    } else if (r.code === 'OFFLINE') onOffline();
    else setNotice({ kind: 'error', text: leadMessage(t, r.code) });
  };

  const release = async () => {
    if (!preview || busy) return;
    const waves = preview.waves.filter((w) => chosen.has(w.seq)).map((w) => ({ mode: w.mode, orderIds: w.orderIds }));
    if (waves.length === 0) return setNotice({ kind: 'error', text: t('lead.plan.choose-one') });
    setBusy(true);
    setNotice(null);
    const r = await api.release(waves);
    setBusy(false);
    if (r.ok) {
      setReleased(r.value.waves);
      setPreview(null);
      setNotice({ kind: 'success', text: t('lead.plan.released', { count: r.value.waves.length, codes: r.value.waves.map((w) => w.code).join(', ') }) });
    } else if (r.code === 'OFFLINE') onOffline();
    else setNotice({ kind: 'error', text: leadMessage(t, r.code) });
  };

  const toggle = (seq: number) =>
    setChosen((s) => {
      const next = new Set(s);
      if (next.has(seq)) next.delete(seq);
      else next.add(seq);
      return next;
    });

  return (
    <div className="stack">
      <IncomingOrders token={token} onOffline={onOffline} onReleased={() => setPreview(null)} />
      <WaveRulesForm busy={busy} onPreview={(r) => void runPreview(r)} onInvalid={(text) => setNotice({ kind: 'error', text })} />
      {notice && (
        <p className={`message message-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid="plan-notice">
          {notice.text}
        </p>
      )}
      {released.length > 0 && (
        <ul className="cards" aria-label={t('lead.plan.released-list')} data-testid="released-waves">
          {released.map((w) => (
            <li key={w.id} className="card">
              <span className="card-title">{w.code}</span>
              <span>{t('lead.plan.released-line', { orders: w.orderIds.length, tasks: w.tasks })}</span>
            </li>
          ))}
        </ul>
      )}
      {preview && (
        <section className="stack" aria-labelledby="proposed-waves">
          <h2 id="proposed-waves">{t('lead.plan.proposed', { count: preview.waves.length, considered: preview.considered })}</h2>
          {preview.waves.length === 0 ? (
            <p className="muted">{t('lead.plan.no-waves')}</p>
          ) : (
            <ul className="cards" data-testid="proposed-waves">
              {preview.waves.map((w) => (
                <WaveCard key={w.seq} wave={w} chosen={chosen.has(w.seq)} onToggle={() => toggle(w.seq)} />
              ))}
            </ul>
          )}
          {preview.leftOut.length > 0 && <LeftOutList leftOut={preview.leftOut} />}
          {preview.waves.length > 0 && (
            <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void release()}>
              {t('lead.plan.release', { count: chosen.size })}
            </button>
          )}
        </section>
      )}
    </div>
  );
}

function WaveCard({ wave: w, chosen, onToggle }: { wave: ProposedWave; chosen: boolean; onToggle: () => void }) {
  const { t } = useTranslation();
  const title = t('lead.plan.wave-title', { seq: w.seq });
  return (
    <li className="card" data-testid="proposed-wave">
      <span className="card-title">{title}</span>
      <span>{t(`lead.plan.kind-${w.mode}`)}</span>
      <span>{t('lead.plan.wave-figures', { orders: w.orders, lines: w.lines, units: w.units, totes: w.totes })}</span>
      <span>{t('lead.plan.wave-zones', { zones: w.zones.join(', ') || '—' })}</span>
      <span>{t('lead.plan.wave-walk', { minutes: Math.max(1, Math.round(w.walk.seconds / 60)), stops: w.walk.stops })}</span>
      <span className="muted">{t('lead.plan.wave-orders', { refs: w.orderRefs.join(', ') })}</span>
      <label className="choice">
        <input type="checkbox" checked={chosen} onChange={onToggle} aria-label={t('lead.plan.choose', { title })} />
        {t('lead.plan.choose-short')}
      </label>
    </li>
  );
}

function LeftOutList({ leftOut }: { leftOut: LeftOut[] }) {
  const { t } = useTranslation();
  return (
    <section className="stack" aria-labelledby="left-out">
      <h3 id="left-out">{t('lead.plan.left-out', { count: leftOut.length })}</h3>
      <ul className="rejections" data-testid="left-out">
        {leftOut.map((o) => (
          <li key={o.orderId}>
            <strong>{o.ref}</strong>{' '}
            {o.reason === 'too_large' && o.limit ? t(`lead.plan.reason.too_large-${o.limit}`) : t(`lead.plan.reason.${o.reason}`)}
            {o.shortLines && o.shortLines.length > 0 && ` ${t('lead.plan.short-lines', { count: o.shortLines.length })}`}
          </li>
        ))}
      </ul>
    </section>
  );
}
