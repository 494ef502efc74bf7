import { parseGs1Date } from '../scan/gs1-date';
import { isIsoDate } from './types';

/**
 * The shelf-life check at the dock: stock that expires within the seller's minimum shelf
 * life is flagged (received, but the seller hears of it and picking takes it first). The
 * expiry date is the last day the goods may be used, so on that day they have 0 days left
 * and are not yet expired.
 */
export type ShelfLife =
  | { flag: 'ok' | 'short' | 'expired'; expiry: string; daysLeft: number }
  /** The date is not a date (typed wrong, hostile): the caller asks again. */
  | { flag: 'invalid' };

const DAY_MS = 86_400_000;

function utcDay(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;
}

/**
 * `expiry` is an ISO date (yyyy-mm-dd) or a GS1 YYMMDD as printed; a GS1 day 00 means
 * the end of that month. `today` is the dock's date: a Date (its UTC day) or yyyy-mm-dd.
 */
export function shelfLifeFlag(expiry: string, today: Date | string, minShelfLifeDays: number): ShelfLife {
  const todayIso = typeof today === 'string' ? today : today.toISOString().slice(0, 10);
  if (!isIsoDate(todayIso) || !Number.isInteger(minShelfLifeDays) || minShelfLifeDays < 0) return { flag: 'invalid' };
  const iso = toIsoExpiry(expiry, new Date(`${todayIso}T00:00:00Z`));
  if (iso === null) return { flag: 'invalid' };
  const daysLeft = utcDay(iso) - utcDay(todayIso);
  const flag = daysLeft < 0 ? 'expired' : daysLeft < minShelfLifeDays ? 'short' : 'ok';
  return { flag, expiry: iso, daysLeft };
}

/** An expiry as ISO, from ISO or GS1 YYMMDD (day 00 = month's last day); null when no such day. */
export function toIsoExpiry(expiry: string, today: Date): string | null {
  if (isIsoDate(expiry)) return expiry;
  return parseGs1Date(expiry, today)?.iso ?? null;
}
