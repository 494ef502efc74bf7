import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BoardCharts } from './board-charts';
import { BoardDevices } from './board-devices';
import { clockTime, num } from './board-format';
import { BoardPeople } from './board-people';
import { BoardWaves } from './board-waves';
import type { LeadPanelProps } from './lead-common';
import { leadMessage } from './lead-common';
import { useLiveBoard } from './use-live-board';
import './live-board.css';

/**
 * The live board a lead leaves open on a tablet: waves with progress and finish, people,
 * devices and the shift's charts, from the server, reloaded on pokes and every 30 s.
 */
export function LiveBoard({ token, onOffline }: LeadPanelProps) {
  const { t, i18n } = useTranslation();
  // Whose units per hour the flows chart shows (null: the whole floor).
  const [person, setPerson] = useState<string | null>(null);
  const { data, error, updatedAt, version, refresh } = useLiveBoard(token, onOffline, person);
  const lang = i18n.language;
  return (
    <section className="stack live-board" aria-labelledby="live-title" data-testid="live-board" data-version={version}>
      <div className="row">
        <h2 id="live-title">{t('liveBoard.title')}</h2>
        <span className="muted" aria-live="polite">
          {updatedAt !== null && t('liveBoard.updated', { at: clockTime(lang, updatedAt) })}
        </span>
        <button type="button" className="btn" onClick={refresh}>
          {t('liveBoard.refresh')}
        </button>
      </div>
      {error && (
        <p className="message message-error" role="alert">
          {leadMessage(t, error)}
        </p>
      )}
      {data === null ? (
        !error && <p className="muted">{t('common.loading')}</p>
      ) : (
        <>
          <dl className="live-tiles" data-testid="live-summary">
            <div>
              <dt>{t('liveBoard.summary.open-waves')}</dt>
              <dd>{data.waves.waves.filter((w) => w.group === 'released' || w.group === 'picking').length}</dd>
            </div>
            <div>
              <dt>{t('liveBoard.summary.floor-rate')}</dt>
              <dd>{data.waves.floor.linesPerHour === null ? t('liveBoard.summary.no-rate') : t('liveBoard.summary.lines-h', { n: num(lang, data.waves.floor.linesPerHour) })}</dd>
            </div>
            <div>
              <dt>{t('liveBoard.summary.accuracy')}</dt>
              <dd>{num(lang, data.stats.accuracy.floor.wrongPer100Lines)}</dd>
            </div>
          </dl>
          <BoardDevices devices={data.devices} />
          <BoardWaves data={data.waves} />
          <BoardPeople stats={data.stats} waves={data.waves} />
          <BoardCharts stats={data.stats} person={person} onPerson={setPerson} />
        </>
      )}
    </section>
  );
}
