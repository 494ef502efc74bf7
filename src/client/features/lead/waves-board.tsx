import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { WAVE_STATUSES } from '../../../domain/model';
import { useLeadBoard, usePickers, type BoardWave } from '../../local/use-lead-board';
import type { LeadApi, ReassignAnswer } from './lead-api';
import { leadMessage } from './lead-common';
import { WaveCard, type Scope } from './wave-card';

const SHOWN = WAVE_STATUSES.filter((s) => s !== 'cancelled');
type Notice = { kind: 'success' | 'error'; text: string } | null;

/** The waves by status with their progress, from the device's own (pulled) tables. */
export function WavesBoard({ api, onOffline }: { api: LeadApi; onOffline: () => void }) {
  const { t } = useTranslation();
  const board = useLeadBoard();
  const pickers = usePickers() ?? [];
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState(false);
  // The epoch each answered (re)assignment set: the card says "waiting for the sync" until the pull brings it.
  const [expected, setExpected] = useState<Record<string, number>>({});
  const nameOf = (id: string) => pickers.find((p) => p.id === id)?.name ?? id;

  // The board itself changes with the pull the server's poke starts.
  const assign = async (b: BoardWave, userId: string) => {
    setBusy(true);
    setNotice(null);
    const r = await api.assign(b.wave.id, userId);
    setBusy(false);
    if (r.ok) {
      setExpected((e) => ({ ...e, [b.wave.id]: r.value.assignmentEpoch }));
      setNotice({ kind: 'success', text: t('lead.board.assigned-done', { code: r.value.code, name: nameOf(userId) }) });
    } else if (r.code === 'OFFLINE') onOffline();
    else setNotice({ kind: 'error', text: leadMessage(t, r.code) });
  };

  const reassign = async (b: BoardWave, userId: string, scope: Scope) => {
    setBusy(true);
    setNotice(null);
    const r = await api.reassign(b.wave.id, userId, scope);
    setBusy(false);
    if (r.ok) {
      setExpected((e) => ({ ...e, [b.wave.id]: r.value.assignmentEpoch }));
      setNotice({ kind: 'success', text: reassignedText(r.value) });
    } else if (r.code === 'OFFLINE') onOffline();
    else setNotice({ kind: 'error', text: leadMessage(t, r.code) });
  };

  const reassignedText = (a: ReassignAnswer) => {
    const words = { code: a.code, name: nameOf(a.assignedUserId), from: nameOf(a.previousUserId), epoch: a.assignmentEpoch };
    const main = t(`lead.reassign.done-${a.scope}`, words);
    return a.splitWave ? `${main} ${t('lead.reassign.done-split', { ...words, split: a.splitWave.code, count: a.splitWave.taskIds.length })}` : main;
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
                <WaveCard
                  key={b.wave.id}
                  b={b}
                  pickers={pickers}
                  busy={busy}
                  api={api}
                  onOffline={onOffline}
                  expectedEpoch={expected[b.wave.id]}
                  onAssign={(userId) => void assign(b, userId)}
                  onReassign={(userId, scope) => void reassign(b, userId, scope)}
                />
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
