import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { WAVE_STATUSES } from '../../../domain/model';
import { useLeadBoard, usePickers, type BoardWave } from '../../local/use-lead-board';
import type { LeadApi } from './lead-api';
import { leadMessage } from './lead-common';

const SHOWN = WAVE_STATUSES.filter((s) => s !== 'cancelled');
type Notice = { kind: 'success' | 'error'; text: string } | null;

/** The waves by status with their progress, from the device's own (pulled) tables. */
export function WavesBoard({ api, onOffline }: { api: LeadApi; onOffline: () => void }) {
  const { t } = useTranslation();
  const board = useLeadBoard();
  const pickers = usePickers() ?? [];
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState(false);

  // The board itself changes with the pull the server's poke starts.
  const assign = async (b: BoardWave, userId: string) => {
    setBusy(true);
    setNotice(null);
    const r = await api.assign(b.wave.id, userId);
    setBusy(false);
    if (r.ok) setNotice({ kind: 'success', text: t('lead.board.assigned-done', { code: r.value.code, name: pickers.find((p) => p.id === userId)?.name ?? userId }) });
    else if (r.code === 'OFFLINE') onOffline();
    else setNotice({ kind: 'error', text: leadMessage(t, r.code) });
  };

  if (board === undefined) return <p className="muted">{t('common.loading')}</p>;
  if (board.length === 0) {
    return (
      <p className="muted" data-testid="board-empty">
        {t('lead.board.none')}
      </p>
    );
  }
  return (
    <div className="stack">
      <p className="hint">{t('lead.board.hint')}</p>
      {notice && (
        <p className={`message message-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid="board-notice">
          {notice.text}
        </p>
      )}
      {SHOWN.map((status) => {
        const waves = board.filter((b) => b.wave.status === status);
        if (waves.length === 0) return null;
        return (
          <section className="stack" key={status} aria-labelledby={`board-${status}`}>
            <h2 id={`board-${status}`}>{t(`lead.board.status.${status}`, { count: waves.length })}</h2>
            <ul className="cards" data-testid={`board-${status}`}>
              {waves.map((b) => (
                <BoardCard key={b.wave.id} b={b} pickers={pickers} busy={busy} onAssign={(userId) => void assign(b, userId)} />
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}

function BoardCard({ b, pickers, busy, onAssign }: { b: BoardWave; pickers: { id: string; name: string }[]; busy: boolean; onAssign: (userId: string) => void }) {
  const { t } = useTranslation();
  const [userId, setUserId] = useState('');
  const label = t('lead.board.progress', { done: b.done, lines: b.lines });
  const assignable = !b.wave.assignedUserId && (b.wave.status === 'planned' || b.wave.status === 'released') && pickers.length > 0;
  const selectId = `assign-${b.wave.id}`;
  return (
    <li className="card">
      <span className="card-title">{b.wave.code}</span>
      <span>{t(`lead.board.kind-${b.wave.kind}`)}</span>
      <span>{b.assignee ? t('lead.board.assigned', { name: b.assignee }) : t('lead.board.unassigned')}</span>
      <progress max={Math.max(1, b.lines)} value={b.done} aria-label={t('lead.board.progress-of', { code: b.wave.code })} style={{ width: '100%', height: 16 }} />
      <span>{label}</span>
      {assignable && (
        <div className="row" style={{ justifyContent: 'flex-start' }}>
          <label htmlFor={selectId}>{t('lead.board.picker', { code: b.wave.code })}</label>
          <select id={selectId} value={userId} onChange={(e) => setUserId(e.target.value)} style={{ minHeight: 48, fontSize: '1.1rem' }}>
            <option value="">{t('lead.board.choose-picker')}</option>
            {pickers.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
          <button type="button" className="btn" disabled={busy || !userId} onClick={() => onAssign(userId)}>
            {t('lead.board.assign', { code: b.wave.code })}
          </button>
        </div>
      )}
    </li>
  );
}
