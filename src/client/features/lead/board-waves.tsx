import type { TFunction } from 'i18next';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardWave, BoardWavesResponse } from '../../../domain/board/waves';
import { clockTime, duration } from './board-format';

const COLUMNS = [
  { key: 'released', groups: ['released'] },
  { key: 'picking', groups: ['picking'] },
  { key: 'finished', groups: ['picked', 'dropped'] },
] as const;

/** The waves by status, each with its progress and estimated finish. */
export const BoardWaves = memo(function BoardWaves({ data }: { data: BoardWavesResponse }) {
  const { t } = useTranslation();
  return (
    <section className="stack" aria-labelledby="live-waves-title">
      <h2 id="live-waves-title">{t('liveBoard.waves.title')}</h2>
      <div className="live-columns">
        {COLUMNS.map((c) => {
          const waves = data.waves.filter((w) => (c.groups as readonly string[]).includes(w.group));
          return (
            <section key={c.key} className="live-column" aria-labelledby={`live-col-${c.key}`} data-testid={`live-waves-${c.key}`}>
              <h3 id={`live-col-${c.key}`}>{t(`liveBoard.waves.${c.key}`, { count: waves.length })}</h3>
              {waves.length === 0 ? (
                <p className="muted">{t('liveBoard.waves.none')}</p>
              ) : (
                <ul className="live-list">
                  {waves.map((w) => (
                    <WaveItem key={w.id} wave={w} now={minuteOf(data.now)} />
                  ))}
                </ul>
              )}
            </section>
          );
        })}
      </div>
    </section>
  );
});

/** The server's now to the minute: "in 25 min" changes once a minute, not on every update. */
const minuteOf = (iso: string) => Math.floor(Date.parse(iso) / 60_000) * 60_000;

/** Same content, same card: a poke changes a few waves, and only those are drawn again. */
const sameWave = (a: { wave: BoardWave; now: number }, b: { wave: BoardWave; now: number }) =>
  a.now === b.now && JSON.stringify(a.wave) === JSON.stringify(b.wave);

const WaveItem = memo(function WaveItem({ wave: w, now }: { wave: BoardWave; now: number }) {
  const { t, i18n } = useTranslation();
  const pct = w.lines > 0 ? Math.round((w.linesDone / w.lines) * 100) : 0;
  const label = t('liveBoard.waves.progress', { done: w.linesDone, total: w.lines });
  return (
    <li className="live-wave" data-testid="live-wave" data-wave={w.code}>
      <div className="row">
        <strong>{w.code}</strong>
        <span className="muted">{w.assignee ? (w.assignee.name ?? w.assignee.id) : t('liveBoard.waves.nobody')}</span>
      </div>
      <div className="live-bar" role="progressbar" aria-label={t('liveBoard.waves.progress-of', { code: w.code })} aria-valuemin={0} aria-valuemax={w.lines} aria-valuenow={w.linesDone} aria-valuetext={label}>
        <span style={{ width: `${pct}%` }} />
      </div>
      <span>
        {label}
        {w.shorts > 0 && ` · ${t('liveBoard.waves.shorts', { count: w.shorts })}`}
      </span>
      <span className="live-eta">{finishWords(t, i18n.language, w, now)}</span>
    </li>
  );
}, sameWave);

/** What the board says of a wave's finish, from its estimate (docs/board-stats.md). */
export function finishWords(t: TFunction, lang: string, w: BoardWave, now: number): string {
  if (w.group === 'dropped') return t('liveBoard.eta.dropped', { at: clockTime(lang, w.droppedAt ?? w.completedAt ?? now) });
  if (w.group === 'picked') return t('liveBoard.eta.picked', { at: clockTime(lang, w.completedAt ?? now) });
  const e = w.eta;
  if (e.basis === 'unassigned') return e.remainingMinutes === null ? t('liveBoard.eta.unassigned-none') : t('liveBoard.eta.unassigned', { work: duration(t, e.remainingMinutes) });
  if (e.basis === 'none' || e.finishAt === null || e.remainingMinutes === null) return t('liveBoard.eta.none');
  // Against the server's clock: the estimate was made at its `now`.
  const inMin = Math.max(0, Math.round((Date.parse(e.finishAt) - now) / 60_000));
  const key = e.basis === 'floor' ? 'liveBoard.eta.finish-floor' : 'liveBoard.eta.finish';
  return t(key, { at: clockTime(lang, e.finishAt), in: duration(t, inMin) });
}
