import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Flow } from '../../../domain/board/actions';
import type { BoardStatsResponse } from '../../../domain/board/stats';
import { ChartFigure, HBars, StackedColumns, type Series } from './board-chart-kit';
import { clockTime, duration, num } from './board-format';

/** Bars shown at most in a per-person chart; the table under it has everyone. */
export const CHART_PEOPLE_MAX = 25;
const LONGEST_SHOWN = 10;

/** Distinct on the dark background; the legend and the table name them too. */
export const FLOW_COLORS: Record<Flow, string> = {
  pick: '#ffd400',
  pack: '#66b3ff',
  receive: '#3ecf7a',
  putaway: '#ff8a65',
  count: '#c792ea',
  returns: '#4dd0e1',
};

type Stats = BoardStatsResponse;

/** Units per hour across the shift, stacked by flow, for the floor or one person. */
const FlowChart = memo(function FlowChart({ stats, who, onWho }: { stats: Stats; who: string | null; onWho: (userId: string | null) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const person = stats.people.find((p) => p.userId === who);
  const flows = person ? person.flows : stats.flows;
  // The floor's buckets give the times: a person's come only once their stats are read.
  const labels = (stats.flows[0]?.buckets ?? []).map((b) => clockTime(lang, b.start));
  const series: Series[] = flows.map((f) => ({ name: t(`liveBoard.flow.${f.flow}`), color: FLOW_COLORS[f.flow], values: f.buckets.map((b) => b.unitsPerHour) }));
  const whoName = person ? (person.name ?? person.userId) : t('liveBoard.charts.floor');
  const summary =
    flows.length === 0
      ? t('liveBoard.charts.flows-empty', { who: whoName })
      : t('liveBoard.charts.flows-summary', {
          who: whoName,
          from: clockTime(lang, stats.window.start),
          to: clockTime(lang, stats.window.end),
          rates: flows.map((f) => t('liveBoard.charts.flow-rate', { flow: t(`liveBoard.flow.${f.flow}`), rate: num(lang, f.unitsPerHour) })).join(', '),
        });
  return (
    <ChartFigure
      id="live-chart-flows"
      title={t('liveBoard.charts.flows-title')}
      summary={summary}
      table={() => ({
        head: [t('liveBoard.charts.from'), ...flows.map((f) => t(`liveBoard.flow.${f.flow}`))],
        rows: labels.map((l, i) => [l, ...flows.map((f) => num(lang, f.buckets[i]?.unitsPerHour ?? 0))]),
      })}
      controls={
        <label className="live-who">
          <span>{t('liveBoard.charts.who')}</span>
          <select value={who ?? ''} onChange={(e) => onWho(e.target.value || null)}>
            <option value="">{t('liveBoard.charts.floor')}</option>
            {stats.people.map((p) => (
              <option key={p.userId} value={p.userId}>
                {p.name ?? p.userId}
              </option>
            ))}
          </select>
        </label>
      }
    >
      <StackedColumns labels={labels} series={series} summary={summary} />
    </ChartFigure>
  );
});

/** Units per hour this shift, per person, fastest first. */
const PeopleChart = memo(function PeopleChart({ stats }: { stats: Stats }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const people = [...stats.people].sort((a, b) => b.unitsPerHour - a.unitsPerHour);
  const name = (p: Stats['people'][number]) => p.name ?? p.userId;
  const summary =
    people.length === 0
      ? t('liveBoard.charts.people-empty')
      : t('liveBoard.charts.people-summary', {
          count: people.length,
          top: name(people[0]!),
          topRate: num(lang, people[0]!.unitsPerHour),
          low: name(people.at(-1)!),
          lowRate: num(lang, people.at(-1)!.unitsPerHour),
        });
  return (
    <ChartFigure
      id="live-chart-people"
      title={t('liveBoard.charts.people-title')}
      summary={summary}
      table={() => ({
        head: [t('liveBoard.people.person'), t('liveBoard.people.units-h'), t('liveBoard.people.lines-h')],
        rows: people.map((p) => [name(p), num(lang, p.unitsPerHour), num(lang, p.linesPerHour)]),
      })}
    >
      <HBars summary={summary} bars={people.slice(0, CHART_PEOPLE_MAX).map((p) => ({ label: name(p), value: p.unitsPerHour, text: num(lang, p.unitsPerHour) }))} />
      {people.length > CHART_PEOPLE_MAX && <p className="hint">{t('liveBoard.charts.more', { count: people.length - CHART_PEOPLE_MAX })}</p>}
    </ChartFigure>
  );
});

/** Order cycle time, released to shipped: the middle and the slow tail, and the longest orders. */
const CycleChart = memo(function CycleChart({ stats }: { stats: Stats }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const c = stats.cycle;
  const longest = c.orders.slice(0, LONGEST_SHOWN);
  const summary =
    c.count === 0
      ? t('liveBoard.charts.cycle-empty')
      : t('liveBoard.charts.cycle-summary', {
          count: c.count,
          p50: duration(t, c.p50Minutes),
          p90: duration(t, c.p90Minutes),
          longest: longest[0]?.externalId ?? longest[0]?.orderId ?? '—',
          longestTime: duration(t, longest[0]?.cycleMinutes ?? null),
        });
  return (
    <ChartFigure
      id="live-chart-cycle"
      title={t('liveBoard.charts.cycle-title')}
      summary={summary}
      table={() => ({
        head: [t('liveBoard.charts.order'), t('liveBoard.charts.released'), t('liveBoard.charts.shipped'), t('liveBoard.charts.cycle')],
        rows: c.orders.map((o) => [o.externalId ?? o.orderId, clockTime(lang, o.releasedAt), clockTime(lang, o.shippedAt), duration(t, o.cycleMinutes)]),
      })}
    >
      <dl className="live-tiles">
        <div>
          <dt>{t('liveBoard.charts.p50')}</dt>
          <dd data-testid="live-cycle-p50">{duration(t, c.p50Minutes)}</dd>
        </div>
        <div>
          <dt>{t('liveBoard.charts.p90')}</dt>
          <dd data-testid="live-cycle-p90">{duration(t, c.p90Minutes)}</dd>
        </div>
        <div>
          <dt>{t('liveBoard.charts.shipped-count')}</dt>
          <dd>{c.count}</dd>
        </div>
      </dl>
      <HBars summary={summary} color="#66b3ff" bars={longest.map((o) => ({ label: o.externalId ?? o.orderId, value: o.cycleMinutes, text: duration(t, o.cycleMinutes) }))} />
    </ChartFigure>
  );
});

/** Wrong scans per 100 pick lines, per picker, the least accurate first. */
const AccuracyChart = memo(function AccuracyChart({ stats }: { stats: Stats }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const people = stats.accuracy.people.filter((p) => p.wrongPer100Lines !== null);
  const floor = stats.accuracy.floor;
  const name = (p: (typeof people)[number]) => p.name ?? p.userId;
  const summary =
    people.length === 0
      ? t('liveBoard.charts.accuracy-empty')
      : t('liveBoard.charts.accuracy-summary', { floor: num(lang, floor.wrongPer100Lines), worst: name(people[0]!), worstRate: num(lang, people[0]!.wrongPer100Lines) });
  return (
    <ChartFigure
      id="live-chart-accuracy"
      title={t('liveBoard.charts.accuracy-title')}
      summary={summary}
      table={() => ({
        head: [t('liveBoard.people.person'), t('liveBoard.charts.lines'), t('liveBoard.charts.wrong'), t('liveBoard.charts.wrong-per-100'), t('liveBoard.charts.shorts-per-100')],
        rows: people.map((p) => [name(p), p.lines, p.rejected + p.undone, num(lang, p.wrongPer100Lines), num(lang, p.shortsPer100Lines)]),
      })}
    >
      <HBars summary={summary} color="#ff8a65" bars={people.slice(0, CHART_PEOPLE_MAX).map((p) => ({ label: name(p), value: p.wrongPer100Lines ?? 0, text: num(lang, p.wrongPer100Lines) }))} />
    </ChartFigure>
  );
});

/** The board's four charts. */
export function BoardCharts({ stats, person, onPerson }: { stats: Stats; person: string | null; onPerson: (userId: string | null) => void }) {
  const { t } = useTranslation();
  return (
    <section className="stack live-lazy" aria-labelledby="live-charts-title">
      <h2 id="live-charts-title">{t('liveBoard.charts.title')}</h2>
      <div className="live-charts">
        <FlowChart stats={stats} who={person} onWho={onPerson} />
        <PeopleChart stats={stats} />
        <CycleChart stats={stats} />
        <AccuracyChart stats={stats} />
      </div>
    </section>
  );
}
