/** "2 min ago" in the UI language; coarse on purpose, it is read at a glance. */
export function relativeTime(iso: string | null, now: number, lng: string): string | null {
  if (!iso) return null;
  const diff = Math.round((Date.parse(iso) - now) / 1000);
  const fmt = new Intl.RelativeTimeFormat(lng, { numeric: 'auto', style: 'short' });
  const abs = Math.abs(diff);
  if (abs < 45) return fmt.format(0, 'second');
  if (abs < 45 * 60) return fmt.format(Math.round(diff / 60), 'minute');
  if (abs < 22 * 3600) return fmt.format(Math.round(diff / 3600), 'hour');
  return fmt.format(Math.round(diff / 86400), 'day');
}
