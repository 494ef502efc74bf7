import type { Gs1Date } from './normalise';

/**
 * The full year of a two-digit GS1 year, by the GS1 General Specifications rule (7.12):
 * the year lies between 49 years before and 50 years after `todayYear`. A food label read
 * in 2026 saying 76 is 2076; one saying 77 is 1977.
 */
export function gs1Year(yy: number, todayYear: number): number {
  const century = Math.floor(todayYear / 100) * 100;
  const diff = yy - (todayYear % 100);
  if (diff >= 51) return century - 100 + yy;
  if (diff <= -50) return century + 100 + yy;
  return century + yy;
}

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one; UTC keeps it off the local clock.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/**
 * A YYMMDD value as a calendar date, or null when no such day exists (month 00 or 13,
 * day 32, 30 February...). Day 00 means the end of the month: `day` is null and `iso` is
 * the month's last day, so expiry checks compare against the right date.
 */
export function parseGs1Date(yymmdd: string, today: Date): Gs1Date | null {
  if (!/^\d{6}$/.test(yymmdd)) return null;
  const yy = Number(yymmdd.slice(0, 2));
  const month = Number(yymmdd.slice(2, 4));
  const dd = Number(yymmdd.slice(4, 6));
  if (month < 1 || month > 12) return null;
  const year = gs1Year(yy, today.getUTCFullYear());
  const last = daysInMonth(year, month);
  if (dd > last) return null;
  const day = dd === 0 ? null : dd;
  return { year, month, day, iso: `${pad(year, 4)}-${pad(month)}-${pad(day ?? last)}` };
}
