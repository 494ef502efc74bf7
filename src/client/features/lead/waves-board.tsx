import { useTranslation } from 'react-i18next';
import { WAVE_STATUSES } from '../../../domain/model';
import { useLeadBoard, type BoardWave } from '../../local/use-lead-board';

const SHOWN = WAVE_STATUSES.filter((s) => s !== 'cancelled');

/** The waves by status with their progress, from the device's own (pulled) tables. */
export function WavesBoard() {
  const { t } = useTranslation();
  const board = useLeadBoard();
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
      {SHOWN.map((status) => {
        const waves = board.filter((b) => b.wave.status === status);
        if (waves.length === 0) return null;
        return (
          <section className="stack" key={status} aria-labelledby={`board-${status}`}>
            <h2 id={`board-${status}`}>{t(`lead.board.status.${status}`, { count: waves.length })}</h2>
            <ul className="cards" data-testid={`board-${status}`}>
              {waves.map((b) => (
                <BoardCard key={b.wave.id} b={b} />
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}

function BoardCard({ b }: { b: BoardWave }) {
  const { t } = useTranslation();
  const label = t('lead.board.progress', { done: b.done, lines: b.lines });
  return (
    <li className="card">
      <span className="card-title">{b.wave.code}</span>
      <span>{t(`lead.board.kind-${b.wave.kind}`)}</span>
      <span>{b.assignee ? t('lead.board.assigned', { name: b.assignee }) : t('lead.board.unassigned')}</span>
      <progress max={Math.max(1, b.lines)} value={b.done} aria-label={t('lead.board.progress-of', { code: b.wave.code })} style={{ width: '100%', height: 16 }} />
      <span>{label}</span>
    </li>
  );
}
