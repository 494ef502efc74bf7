import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Hand-written SVG charts for the live board (no chart library: the console stays
 * small). Every chart is one `role="img"` with a summary in words, and its numbers in a
 * table the reader can open, so nothing is told by colour or shape alone.
 */

export interface DataTable {
  head: string[];
  rows: (string | number)[][];
}

export function ChartFigure(props: { id: string; title: string; summary: string; table: () => DataTable; children: ReactNode; controls?: ReactNode }) {
  const { t } = useTranslation();
  // The numbers are built only while shown: hundreds of hidden rows would cost every live update.
  const [open, setOpen] = useState(false);
  return (
    <figure className="live-chart" data-testid={props.id} aria-labelledby={`${props.id}-title`}>
      <figcaption className="row">
        <h3 id={`${props.id}-title`}>{props.title}</h3>
        {props.controls}
      </figcaption>
      {props.children}
      <details className="live-numbers" onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>{t('liveBoard.charts.numbers')}</summary>
        {open && <NumbersTable table={props.table()} />}
      </details>
    </figure>
  );
}

function NumbersTable({ table }: { table: DataTable }) {
  return (
    <div className="live-scroll">
      <table className="live-table">
        <thead>
          <tr>
            {table.head.map((h, i) => (
              <th key={i} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((r, i) => (
            <tr key={i}>
              {r.map((c, j) =>
                j === 0 ? (
                  <th key={j} scope="row">
                    {c}
                  </th>
                ) : (
                  <td key={j} className="num">
                    {c}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const W = 600;
const ROW = 32;
const LABEL = 180;
const VALUE = 90;

/** A "nice" top for an axis: 1, 2 or 5 times a power of ten at or above the largest value. */
export function niceMax(max: number): number {
  if (!(max > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(max));
  return [1, 2, 5, 10].map((k) => k * p).find((v) => v >= max)!;
}

export interface Bar {
  label: string;
  value: number;
  /** The value as written at the bar's end. */
  text: string;
}

/** Horizontal bars, one row each, the label on the left and the figure at the bar's end. */
export function HBars({ bars, summary, color = 'var(--accent)' }: { bars: Bar[]; summary: string; color?: string }) {
  const max = niceMax(Math.max(0, ...bars.map((b) => b.value)));
  const span = W - LABEL - VALUE;
  const h = Math.max(1, bars.length) * ROW + 4;
  return (
    <svg className="live-svg" role="img" aria-label={summary} viewBox={`0 0 ${W} ${h}`} preserveAspectRatio="xMinYMin meet">
      {bars.map((b, i) => {
        const y = i * ROW + 2;
        const w = Math.max(b.value > 0 ? 2 : 0, (b.value / max) * span);
        return (
          <g key={i}>
            <text x={LABEL - 8} y={y + ROW / 2} textAnchor="end" dominantBaseline="middle" className="live-svg-label">
              {b.label.length > 18 ? `${b.label.slice(0, 17)}…` : b.label}
            </text>
            <rect x={LABEL} y={y + 4} width={w} height={ROW - 8} rx={3} fill={color} />
            <text x={LABEL + w + 6} y={y + ROW / 2} dominantBaseline="middle" className="live-svg-value">
              {b.text}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

export interface Series {
  name: string;
  color: string;
  values: number[];
}

const CH = 220;
const AXIS = 48;
const FOOT = 28;

/** Stacked columns over time (one column a bucket), a light grid with its scale, times under every few columns. */
export function StackedColumns({ labels, series, summary }: { labels: string[]; series: Series[]; summary: string }) {
  const totals = labels.map((_, i) => series.reduce((s, x) => s + (x.values[i] ?? 0), 0));
  const max = niceMax(Math.max(0, ...totals));
  const plot = CH - FOOT - 8;
  const step = (W - AXIS) / Math.max(1, labels.length);
  // At most five times under the columns: more would run into each other.
  const every = Math.max(1, Math.ceil(labels.length / 5));
  return (
    <div className="stack live-stack-chart">
      <svg className="live-svg" role="img" aria-label={summary} viewBox={`0 0 ${W} ${CH}`} preserveAspectRatio="xMinYMin meet">
        {[0, 0.5, 1].map((f) => {
          const y = 8 + plot * (1 - f);
          return (
            <g key={f}>
              <line x1={AXIS} x2={W} y1={y} y2={y} className="live-svg-grid" />
              <text x={AXIS - 6} y={y} textAnchor="end" dominantBaseline="middle" className="live-svg-value">
                {/* The half line of a scale of 1 is 0.5, not a second "1". */}
                {Number.isInteger(max * f) ? max * f : (max * f).toFixed(1)}
              </text>
            </g>
          );
        })}
        {labels.map((label, i) => {
          let y = 8 + plot;
          return (
            <g key={i}>
              {series.map((s) => {
                const h = ((s.values[i] ?? 0) / max) * plot;
                y -= h;
                return h > 0 ? <rect key={s.name} x={AXIS + i * step + 1} y={y} width={Math.max(1, step - 2)} height={h} fill={s.color} /> : null;
              })}
              {i % every === 0 && (
                <text x={AXIS + i * step} y={CH - 8} className="live-svg-label">
                  {label}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <ul className="live-legend" aria-hidden="true">
        {series.map((s) => (
          <li key={s.name}>
            <span className="live-swatch" style={{ background: s.color }} />
            {s.name}
          </li>
        ))}
      </ul>
    </div>
  );
}
