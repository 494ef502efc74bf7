import type { TFunction } from 'i18next';

/** A time of day in the reader's language ("10:42"), for finish times and updates. */
export function clockTime(lang: string, at: string | number): string {
  return cached(clocks, lang, () => new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit' })).format(new Date(at));
}

// Formatters are costly to build and the board formats hundreds of figures per update.
const clocks = new Map<string, Intl.DateTimeFormat>();
const numbers = new Map<string, Intl.NumberFormat>();
function cached<F>(m: Map<string, F>, lang: string, make: () => F): F {
  let f = m.get(lang);
  if (!f) m.set(lang, (f = make()));
  return f;
}

/** Whole minutes in words ("1 h 20 min", "25 min"); null is a dash. */
export function duration(t: TFunction, minutes: number | null): string {
  if (minutes === null) return '—';
  const m = Math.max(0, Math.round(minutes));
  if (m < 60) return t('liveBoard.minutes', { count: m });
  return t('liveBoard.hours-minutes', { h: Math.floor(m / 60), m: m % 60 });
}

/** One decimal at most, in the reader's language. */
export function num(lang: string, n: number | null): string {
  return n === null ? '—' : cached(numbers, lang, () => new Intl.NumberFormat(lang, { maximumFractionDigits: 1 })).format(n);
}

/** The words of a command someone last did ("picked", "packed"...), its name when unknown. */
export function actionWords(t: TFunction, name: string): string {
  return t(`liveBoard.action.${name.replace(/\./g, '-')}`, { defaultValue: name });
}
