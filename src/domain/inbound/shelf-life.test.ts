import { describe, expect, it } from 'vitest';
import { shelfLifeFlag, type ShelfLife } from './shelf-life';

describe('shelfLifeFlag', () => {
  const rows: [name: string, expiry: string, today: Date | string, minDays: number, want: ShelfLife][] = [
    ['well inside', '2027-06-30', '2026-11-24', 90, { flag: 'ok', expiry: '2027-06-30', daysLeft: 218 }],
    ['exactly the minimum is enough', '2026-12-24', '2026-11-24', 30, { flag: 'ok', expiry: '2026-12-24', daysLeft: 30 }],
    ['one day short of the minimum', '2026-12-23', '2026-11-24', 30, { flag: 'short', expiry: '2026-12-23', daysLeft: 29 }],
    ['expires today: 0 days left, not expired', '2026-11-24', '2026-11-24', 0, { flag: 'ok', expiry: '2026-11-24', daysLeft: 0 }],
    ['expires today with a minimum', '2026-11-24', '2026-11-24', 1, { flag: 'short', expiry: '2026-11-24', daysLeft: 0 }],
    ['expired yesterday', '2026-11-23', '2026-11-24', 0, { flag: 'expired', expiry: '2026-11-23', daysLeft: -1 }],
    ['GS1 YYMMDD', '261231', '2026-11-24', 30, { flag: 'ok', expiry: '2026-12-31', daysLeft: 37 }],
    ['GS1 day 00 is the end of the month', '261200', '2026-11-24', 37, { flag: 'ok', expiry: '2026-12-31', daysLeft: 37 }],
    ['GS1 day 00 in February of a leap year', '280200', '2028-02-01', 29, { flag: 'short', expiry: '2028-02-29', daysLeft: 28 }],
    ['GS1 day 00 in February of a common year', '270200', '2027-02-01', 27, { flag: 'ok', expiry: '2027-02-28', daysLeft: 27 }],
    ['GS1 year 76 read in 2026 is 2076', '761231', '2026-11-24', 0, { flag: 'ok', expiry: '2076-12-31', daysLeft: 18300 }],
    ['GS1 year 77 read in 2026 is 1977', '771231', '2026-11-24', 0, { flag: 'expired', expiry: '1977-12-31', daysLeft: -17860 }],
    ['across a year end', '2027-01-01', '2026-12-31', 2, { flag: 'short', expiry: '2027-01-01', daysLeft: 1 }],
    ['today as a Date uses its UTC day', '2026-11-25', new Date('2026-11-24T23:59:59Z'), 1, { flag: 'ok', expiry: '2026-11-25', daysLeft: 1 }],
    ['zero minimum flags only the expired', '2026-11-25', '2026-11-24', 0, { flag: 'ok', expiry: '2026-11-25', daysLeft: 1 }],
    // Bad dates are never silently "ok": the caller asks again.
    ['30 February', '2027-02-30', '2026-11-24', 0, { flag: 'invalid' }],
    ['GS1 month 13', '261301', '2026-11-24', 0, { flag: 'invalid' }],
    ['GS1 31 April', '270431', '2026-11-24', 0, { flag: 'invalid' }],
    ['empty', '', '2026-11-24', 0, { flag: 'invalid' }],
    ['words', 'tomorrow', '2026-11-24', 0, { flag: 'invalid' }],
    ['markup', '<script>2027-01-01</script>', '2026-11-24', 0, { flag: 'invalid' }],
    ['trailing blank', '2027-01-01 ', '2026-11-24', 0, { flag: 'invalid' }],
    ['date and time', '2027-01-01T00:00:00Z', '2026-11-24', 0, { flag: 'invalid' }],
    ['negative minimum', '2027-01-01', '2026-11-24', -1, { flag: 'invalid' }],
    ['fractional minimum', '2027-01-01', '2026-11-24', 1.5, { flag: 'invalid' }],
    ['bad today', '2027-01-01', '2026-13-01', 0, { flag: 'invalid' }],
  ];
  it.each(rows)('%s', (_name, expiry, today, minDays, want) => {
    expect(shelfLifeFlag(expiry, today, minDays)).toEqual(want);
  });
});
