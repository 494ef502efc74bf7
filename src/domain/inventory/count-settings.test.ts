import { describe, expect, it } from 'vitest';
import { countSettingsOf } from './count-settings';

describe('countSettingsOf', () => {
  it.each([
    { stored: null, want: { threshold: { units: 2, pct: 10 }, periodicEveryDays: 30 } },
    { stored: {}, want: { threshold: { units: 2, pct: 10 }, periodicEveryDays: 30 } },
    { stored: { recountUnits: 5 }, want: { threshold: { units: 5, pct: 10 }, periodicEveryDays: 30 } },
    { stored: { recountUnits: 0, recountPct: 2.5, periodicEveryDays: 7 }, want: { threshold: { units: 0, pct: 2.5 }, periodicEveryDays: 7 } },
    // Unreadable settings are all defaults: never a looser count by accident.
    { stored: { recountUnits: -1 }, want: { threshold: { units: 2, pct: 10 }, periodicEveryDays: 30 } },
    { stored: { recountPct: 'lots' }, want: { threshold: { units: 2, pct: 10 }, periodicEveryDays: 30 } },
    { stored: { periodicEveryDays: 0 }, want: { threshold: { units: 2, pct: 10 }, periodicEveryDays: 30 } },
    { stored: { other: 1 }, want: { threshold: { units: 2, pct: 10 }, periodicEveryDays: 30 } },
    { stored: 'x', want: { threshold: { units: 2, pct: 10 }, periodicEveryDays: 30 } },
  ])('$stored', ({ stored, want }) => expect(countSettingsOf(stored)).toEqual(want));
});
