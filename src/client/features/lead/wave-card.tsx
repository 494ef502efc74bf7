import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardWave } from '../../local/use-lead-board';
import type { LeadApi } from './lead-api';
import { WaveOrders } from './wave-orders';

export type Picker = { id: string; name: string };
export type Scope = 'wave' | 'remaining';

const SELECT_STYLE = { minHeight: 48, fontSize: '1.1rem' } as const;

interface CardProps {
  b: BoardWave;
  pickers: Picker[];
  busy: boolean;
  api: LeadApi;
  onOffline: () => void;
  /** The epoch the last (re)assignment answered; the card waits for the pull to bring it. */
  expectedEpoch: number | undefined;
  onAssign: (userId: string) => void;
  onReassign: (userId: string, scope: Scope) => void;
}

/** One wave on the board: who holds it and at which assignment, progress, the epoch rule's alerts, and the lead's actions. */
export function WaveCard({ b, pickers, busy, api, onOffline, expectedEpoch, onAssign, onReassign }: CardProps) {
  const { t } = useTranslation();
  const [showOrders, setShowOrders] = useState(false);
  const { wave } = b;
  const open = wave.status === 'planned' || wave.status === 'released' || wave.status === 'picking';
  const assignable = !wave.assignedUserId && (wave.status === 'planned' || wave.status === 'released') && pickers.length > 0;
  const reassignable = !!wave.assignedUserId && (wave.status === 'released' || wave.status === 'picking') && b.done < b.lines;
  const waiting = expectedEpoch !== undefined && wave.assignmentEpoch < expectedEpoch;
  return (
    <li className="card" data-testid="wave-card" data-wave={wave.code} data-epoch={wave.assignmentEpoch}>
      <span className="card-title">{wave.code}</span>
      <span>{t(`lead.board.kind-${wave.kind}`)}</span>
      <span data-testid="wave-assignee">
        {b.assignee ? t('lead.board.assigned-epoch', { name: b.assignee, epoch: wave.assignmentEpoch }) : t('lead.board.unassigned')}
      </span>
      <progress max={Math.max(1, b.lines)} value={b.done} aria-label={t('lead.board.progress-of', { code: wave.code })} style={{ width: '100%', height: 16 }} />
      <span>{t('lead.board.progress', { done: b.done, lines: b.lines })}</span>
      {waiting && (
        <span className="muted" role="status">
          {t('lead.board.waiting-sync')}
        </span>
      )}
      {b.alerts.length > 0 && (
        <ul className="stack" data-testid="wave-alerts" aria-label={t('lead.board.alerts', { code: wave.code })}>
          {b.alerts.map((a) => (
            <li key={`${a.type}|${a.by}`} className={`message message-${a.type === 'stale_assignment' ? 'warn' : 'error'}`}>
              {t(`lead.board.alert-${a.type}`, { count: a.count, name: a.by })}
            </li>
          ))}
        </ul>
      )}
      {assignable && <AssignForm code={wave.code} pickers={pickers} busy={busy} onAssign={onAssign} />}
      {reassignable && <ReassignForm b={b} pickers={pickers} busy={busy} onReassign={onReassign} />}
      {open && (
        <button type="button" className="btn" aria-expanded={showOrders} onClick={() => setShowOrders((v) => !v)}>
          {t('lead.orders.toggle', { code: wave.code })}
        </button>
      )}
      {open && showOrders && <WaveOrders waveId={wave.id} code={wave.code} api={api} onOffline={onOffline} />}
    </li>
  );
}

function PickerSelect({ id, label, value, pickers, onChange }: { id: string; label: string; value: string; pickers: Picker[]; onChange: (v: string) => void }) {
  const { t } = useTranslation();
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} style={SELECT_STYLE}>
        <option value="">{t('lead.board.choose-picker')}</option>
        {pickers.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
    </>
  );
}

function AssignForm({ code, pickers, busy, onAssign }: { code: string; pickers: Picker[]; busy: boolean; onAssign: (userId: string) => void }) {
  const { t } = useTranslation();
  const [userId, setUserId] = useState('');
  return (
    <div className="row" style={{ justifyContent: 'flex-start' }}>
      <PickerSelect id={`assign-${code}`} label={t('lead.board.picker', { code })} value={userId} pickers={pickers} onChange={setUserId} />
      <button type="button" className="btn" disabled={busy || !userId} onClick={() => onAssign(userId)}>
        {t('lead.board.assign', { code })}
      </button>
    </div>
  );
}

/** Another picker, the whole wave or only what is left, then a confirmation naming both. */
function ReassignForm({ b, pickers, busy, onReassign }: { b: BoardWave; pickers: Picker[]; busy: boolean; onReassign: (userId: string, scope: Scope) => void }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  const [userId, setUserId] = useState('');
  const [scope, setScope] = useState<Scope>('remaining');
  const [confirming, setConfirming] = useState(false);
  const { code } = b.wave;
  const others = pickers.filter((p) => p.id !== b.wave.assignedUserId);
  if (!shown) {
    return (
      <button type="button" className="btn" onClick={() => setShown(true)} disabled={others.length === 0}>
        {t('lead.reassign.open', { code })}
      </button>
    );
  }
  const name = others.find((p) => p.id === userId)?.name ?? '';
  const group = `reassign-scope-${code}`;
  return (
    <div className="stack" role="group" aria-label={t('lead.reassign.title', { code })}>
      <div className="row" style={{ justifyContent: 'flex-start' }}>
        <PickerSelect id={`reassign-${code}`} label={t('lead.reassign.to', { code })} value={userId} pickers={others} onChange={(v) => { setUserId(v); setConfirming(false); }} />
      </div>
      <fieldset className="stack">
        <legend>{t('lead.reassign.scope', { code })}</legend>
        {(['remaining', 'wave'] as const).map((s) => (
          <label key={s} className="row" style={{ justifyContent: 'flex-start', minHeight: 48 }}>
            <input type="radio" name={group} value={s} checked={scope === s} onChange={() => { setScope(s); setConfirming(false); }} style={{ width: 24, height: 24 }} />
            {t(`lead.reassign.scope-${s}`)}
          </label>
        ))}
      </fieldset>
      {!confirming ? (
        <div className="row" style={{ justifyContent: 'flex-start' }}>
          <button type="button" className="btn btn-primary" disabled={busy || !userId} onClick={() => setConfirming(true)}>
            {t('lead.reassign.go', { code })}
          </button>
          <button type="button" className="btn" onClick={() => setShown(false)}>
            {t('common.cancel')}
          </button>
        </div>
      ) : (
        <div className="message message-warn stack" role="alertdialog" aria-labelledby={`${group}-ask`}>
          <p id={`${group}-ask`}>{t(`lead.reassign.confirm-${scope}`, { code, name, from: b.assignee ?? '' })}</p>
          <div className="row">
            <button
              type="button"
              className="btn btn-warn"
              disabled={busy}
              onClick={() => {
                setConfirming(false);
                setShown(false);
                onReassign(userId, scope);
              }}
            >
              {t('lead.reassign.yes', { name })}
            </button>
            <button type="button" className="btn" onClick={() => setConfirming(false)} autoFocus>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
