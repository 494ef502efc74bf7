import { z } from 'zod';
import type { RecountThreshold } from './count';
import { DEFAULT_RECOUNT_THRESHOLD } from './count-submit';

/** Every storage zone is counted whole this often unless the warehouse says otherwise. */
export const DEFAULT_PERIODIC_EVERY_DAYS = 30;

/**
 * A warehouse's counting settings (warehouses.count_settings, set by a lead): the recount
 * threshold and how often each zone is counted. Anything left out takes the default.
 */
export const CountSettingsPatch = z.strictObject({
  recountUnits: z.number().int().min(0).max(1_000_000).optional(),
  recountPct: z.number().min(0).max(100).optional(),
  periodicEveryDays: z.number().int().min(1).max(365).optional(),
});
export type CountSettingsPatch = z.infer<typeof CountSettingsPatch>;

export interface CountSettings {
  threshold: RecountThreshold;
  periodicEveryDays: number;
}

/** The settings in force: stored values that read well, defaults for the rest (a bad value never loosens a count). */
export function countSettingsOf(stored: unknown): CountSettings {
  const p = CountSettingsPatch.safeParse(stored);
  const s = p.success ? p.data : {};
  return {
    threshold: { units: s.recountUnits ?? DEFAULT_RECOUNT_THRESHOLD.units, pct: s.recountPct ?? DEFAULT_RECOUNT_THRESHOLD.pct },
    periodicEveryDays: s.periodicEveryDays ?? DEFAULT_PERIODIC_EVERY_DAYS,
  };
}
