/** One measured figure against its budget; every benchmark reports these. */
export interface Figure {
  name: string;
  value: number | null; // null when the figure could not be measured (reason in `note`)
  unit: string;
  budget: string; // e.g. "<= 50"
  ok: boolean;
  note?: string;
}

export function figure(name: string, value: number | null, unit: string, op: '<=' | '>=', limit: number, note?: string): Figure {
  const ok = value !== null && (op === '<=' ? value <= limit : value >= limit);
  return { name, value: value === null ? null : Math.round(value * 100) / 100, unit, budget: `${op} ${limit}`, ok, ...(note ? { note } : {}) };
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const i = Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1));
  return s[i]!;
}

export function table(figures: Figure[]): string {
  const rows = figures.map((f) => [f.name, f.value === null ? 'n/a' : `${f.value} ${f.unit}`, `${f.budget} ${f.unit}`, f.ok ? 'ok' : 'OVER', f.note ?? '']);
  const head = ['figure', 'measured', 'budget', '', 'note'];
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => '| ' + r.map((c, i) => c.padEnd(w[i]!)).join(' | ') + ' |';
  return [line(head), '|' + w.map((n) => '-'.repeat(n + 2)).join('|') + '|', ...rows.map(line)].join('\n');
}
