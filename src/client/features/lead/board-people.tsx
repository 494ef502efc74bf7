import type { TFunction } from 'i18next';
import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardStatsResponse } from '../../../domain/board/stats';
import type { BoardPerson, BoardWavesResponse } from '../../../domain/board/waves';
import { ago } from './lead-common';
import { actionWords, duration, num } from './board-format';

type StatsPerson = BoardStatsResponse['people'][number];
interface Row {
  userId: string;
  name: string;
  stats: StatsPerson | null;
  now: BoardPerson | null;
}

/** Rows shown until the lead asks for everyone: the ones quiet longest, who most need a look. */
export const PEOPLE_SHOWN = 30;

/** Seconds since the person's last action, Infinity when none is known. */
function quietSec(r: Row, now: number): number {
  const a = r.now?.lastAction;
  if (a) return Math.max(0, (now - Date.parse(a.at)) / 1000);
  return r.stats ? r.stats.sinceLastMinutes * 60 : Infinity;
}

/** Stats (this shift) and the current task (now) of everyone on the floor, one row each, the quietest first. */
export function peopleRows(stats: BoardStatsResponse, waves: BoardWavesResponse): Row[] {
  const rows = new Map<string, Row>();
  const row = (userId: string, name: string | null) => {
    let r = rows.get(userId);
    if (!r) rows.set(userId, (r = { userId, name: name ?? userId, stats: null, now: null }));
    return r;
  };
  for (const p of stats.people) row(p.userId, p.name).stats = p;
  for (const p of waves.people) row(p.userId, p.name).now = p;
  const now = Date.parse(waves.now);
  const quiet = new Map([...rows.values()].map((r) => [r.userId, quietSec(r, now)]));
  return [...rows.values()].sort((a, b) => quiet.get(b.userId)! - quiet.get(a.userId)! || a.name.localeCompare(b.name) || a.userId.localeCompare(b.userId));
}

/** The people on the floor: what they hold now, their pace this shift, idle time, last action. */
export const BoardPeople = memo(function BoardPeople({ stats, waves }: { stats: BoardStatsResponse; waves: BoardWavesResponse }) {
  const { t, i18n } = useTranslation();
  const [all, setAll] = useState(false);
  const rows = peopleRows(stats, waves);
  const shown = all ? rows : rows.slice(0, PEOPLE_SHOWN);
  const now = Date.parse(waves.now);
  const lang = i18n.language;
  return (
    <section className="stack live-lazy" aria-labelledby="live-people-title">
      <h2 id="live-people-title">{t('liveBoard.people.title', { count: rows.length })}</h2>
      {rows.length > PEOPLE_SHOWN && !all && <p className="hint">{t('liveBoard.people.quietest', { count: PEOPLE_SHOWN })}</p>}
      {rows.length === 0 ? (
        <p className="muted">{t('liveBoard.people.none')}</p>
      ) : (
        <div className="live-scroll">
          <table className="live-table" data-testid="live-people">
            <thead>
              <tr>
                <th scope="col">{t('liveBoard.people.person')}</th>
                <th scope="col">{t('liveBoard.people.task')}</th>
                <th scope="col">{t('liveBoard.people.units-h')}</th>
                <th scope="col">{t('liveBoard.people.lines-h')}</th>
                <th scope="col">{t('liveBoard.people.idle')}</th>
                <th scope="col">{t('liveBoard.people.last')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((r) => (
                <PersonRow key={r.userId} cells={[r.name, taskWords(t, r.now), num(lang, r.stats?.unitsPerHour ?? null), num(lang, r.stats?.linesPerHour ?? null), r.stats ? duration(t, r.stats.idleMinutes) : '—', lastWords(t, r, now)]} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {rows.length > PEOPLE_SHOWN && (
        <button type="button" className="btn" onClick={() => setAll(!all)} aria-expanded={all}>
          {all ? t('liveBoard.people.show-fewer', { count: PEOPLE_SHOWN }) : t('liveBoard.people.show-all', { count: rows.length })}
        </button>
      )}
    </section>
  );
});

/** A row is drawn again only when one of its words changed. */
const PersonRow = memo(
  function PersonRow({ cells: [name, ...rest] }: { cells: string[] }) {
    return (
      <tr data-testid="live-person">
        <th scope="row">{name}</th>
        {rest.map((c, i) => (
          <td key={i} className={i >= 1 && i <= 3 ? 'num' : undefined}>
            {c}
          </td>
        ))}
      </tr>
    );
  },
  (a, b) => a.cells.length === b.cells.length && a.cells.every((c, i) => c === b.cells[i]),
);

function taskWords(t: TFunction, p: BoardPerson | null): string {
  const c = p?.current;
  if (!c) return t('liveBoard.people.no-task');
  const key = c.status === 'picking' ? 'liveBoard.people.picking' : 'liveBoard.people.next';
  const words = t(key, { code: c.code, done: c.linesDone, total: c.lines });
  return p.queuedWaves > 0 ? `${words} ${t('liveBoard.people.queued', { count: p.queuedWaves })}` : words;
}

function lastWords(t: TFunction, r: Row, now: number): string {
  const a = r.now?.lastAction;
  if (a) {
    const when = ago(t, Math.max(0, Math.round((now - Date.parse(a.at)) / 1000)));
    return a.waveCode ? t('liveBoard.people.last-on', { what: actionWords(t, a.name), code: a.waveCode, when }) : t('liveBoard.people.last-action', { what: actionWords(t, a.name), when });
  }
  if (r.stats) return ago(t, Math.round(r.stats.sinceLastMinutes * 60));
  return '—';
}
