import { describe, expect, it } from 'vitest';
import {
  binCountLines,
  checkCount,
  countOutcome,
  countTaskForLead,
  countTaskForShortPick,
  countTasksForNegativeBalances,
  countVariance,
  needsRecount,
  newCountTasks,
  periodicCountTasks,
  recountOutcome,
  type CountEntry,
  type CountOutcome,
  type CountSubject,
} from './count';

describe('checkCount', () => {
  it.each([
    { value: 0, want: { ok: true, qty: 0 } },
    { value: 12, want: { ok: true, qty: 12 } },
    { value: -1, want: { ok: false, code: 'COUNT_NEGATIVE' } },
    { value: 1.5, want: { ok: false, code: 'QTY_NOT_A_NUMBER' } },
    { value: Number.NaN, want: { ok: false, code: 'QTY_NOT_A_NUMBER' } },
    { value: Number.POSITIVE_INFINITY, want: { ok: false, code: 'QTY_NOT_A_NUMBER' } },
    { value: '12', want: { ok: false, code: 'QTY_NOT_A_NUMBER' } },
    { value: null, want: { ok: false, code: 'QTY_NOT_A_NUMBER' } },
  ])('$value', ({ value, want }) => expect(checkCount(value)).toEqual(want));
});

describe('countVariance', () => {
  it.each([
    { expected: 10, counted: 10, variance: 0 },
    { expected: 10, counted: 7, variance: -3 },
    { expected: 10, counted: 12, variance: 2 },
    { expected: 0, counted: 4, variance: 4 },
    { expected: -3, counted: 0, variance: 3 },
  ])('expected $expected, counted $counted: $variance', ({ expected, counted, variance }) => {
    expect(countVariance(expected, counted)).toBe(variance);
  });
});

describe('needsRecount', () => {
  const T = { units: 2, pct: 5 };
  it.each([
    { why: 'no variance', variance: 0, expected: 100, t: T, want: false },
    { why: 'no variance, nothing expected', variance: 0, expected: 0, t: T, want: false },
    { why: 'within both', variance: 2, expected: 100, t: T, want: false },
    { why: 'within both, short', variance: -2, expected: 100, t: T, want: false },
    { why: 'past the units', variance: 3, expected: 1000, t: T, want: true },
    { why: 'past the units, short', variance: -3, expected: 1000, t: T, want: true },
    { why: 'past the percent in a small bin', variance: 1, expected: 10, t: T, want: true },
    { why: 'exactly the percent', variance: 1, expected: 20, t: T, want: false },
    { why: 'just past the percent', variance: 2, expected: 39, t: T, want: true },
    { why: 'anything when nothing expected', variance: 1, expected: 0, t: T, want: true },
    { why: 'anything when the ledger is negative', variance: 1, expected: -4, t: T, want: true },
    { why: 'zero tolerance', variance: 1, expected: 1000, t: { units: 0, pct: 100 }, want: true },
    { why: 'a negative threshold reads as 0', variance: 1, expected: 1000, t: { units: -5, pct: 50 }, want: true },
    { why: 'a NaN threshold reads as 0', variance: 1, expected: 1000, t: { units: Number.NaN, pct: 50 }, want: true },
    { why: 'an infinite threshold reads as 0', variance: 1, expected: 1000, t: { units: 10, pct: Number.POSITIVE_INFINITY }, want: true },
  ])('$why', ({ variance, expected, t, want }) => {
    expect(needsRecount(variance, expected, t)).toBe(want);
  });
});

const S: CountSubject = { locationId: 'A1', skuId: 'mug', lot: 'L1', expiry: '2027-01-31', expected: 10 };
const c = (countedBy: string, qty: number): CountEntry => ({ countedBy, qty });
const post = (agreedQty: number, delta: number | null): CountOutcome => ({
  kind: 'post',
  agreedQty,
  movement: delta === null ? null : { locationId: 'A1', containerCode: null, skuId: 'mug', lot: 'L1', expiry: '2027-01-31', delta, reason: 'adjust' },
});

describe('countOutcome', () => {
  const T = { units: 1, pct: 10 };
  const table: { name: string; counts: CountEntry[]; want: CountOutcome }[] = [
    { name: 'nothing counted yet', counts: [], want: { kind: 'recount', excludeCounters: [] } },
    { name: 'a matching count posts nothing', counts: [c('ana', 10)], want: post(10, null) },
    { name: 'a variance within the threshold posts at once', counts: [c('ana', 9)], want: post(9, -1) },
    { name: 'a variance past it asks someone else', counts: [c('ana', 7)], want: { kind: 'recount', excludeCounters: ['ana'] } },
    { name: 'a recount that agrees posts the delta', counts: [c('ana', 7), c('bo', 7)], want: post(7, -3) },
    { name: 'a recount that finds the ledger right posts nothing', counts: [c('ana', 7), c('bo', 10)], want: post(10, null) },
    { name: 'a disagreeing recount asks for a third', counts: [c('ana', 7), c('bo', 8)], want: { kind: 'recount', excludeCounters: ['ana', 'bo'] } },
    { name: 'a third count agreeing with the first', counts: [c('ana', 7), c('bo', 8), c('cy', 7)], want: post(7, -3) },
    { name: 'a third count agreeing with the second', counts: [c('ana', 7), c('bo', 13), c('cy', 13)], want: post(13, 3) },
    { name: 'three counts, no two agree', counts: [c('ana', 7), c('bo', 8), c('cy', 9)], want: { kind: 'recount', excludeCounters: ['ana', 'bo', 'cy'] } },
    { name: 'the same counter cannot recount', counts: [c('ana', 7), c('ana', 7)], want: { kind: 'refused', code: 'RECOUNT_SAME_COUNTER' } },
    { name: 'nor count a third time', counts: [c('ana', 7), c('bo', 8), c('ana', 8)], want: { kind: 'refused', code: 'RECOUNT_SAME_COUNTER' } },
    { name: 'a negative count is refused', counts: [c('ana', -1)], want: { kind: 'refused', code: 'COUNT_NEGATIVE' } },
    { name: 'a negative recount is refused', counts: [c('ana', 7), c('bo', -7)], want: { kind: 'refused', code: 'COUNT_NEGATIVE' } },
    { name: 'a fractional count is refused', counts: [c('ana', 9.5)], want: { kind: 'refused', code: 'QTY_NOT_A_NUMBER' } },
    { name: 'an empty bin counted empty twice', counts: [c('ana', 0), c('bo', 0)], want: post(0, -10) },
  ];
  for (const t of table) it(t.name, () => expect(countOutcome(S, t.counts, T)).toEqual(t.want));

  it('a negative ledger balance is corrected to the agreed count', () => {
    const neg = { ...S, expected: -2 };
    expect(countOutcome(neg, [c('ana', 0)], T)).toEqual({ kind: 'recount', excludeCounters: ['ana'] });
    expect(countOutcome(neg, [c('ana', 0), c('bo', 0)], T)).toEqual(post(0, 2));
  });

  it('recountOutcome alone needs two counts', () => {
    expect(recountOutcome(S, [c('ana', 7)])).toEqual({ kind: 'recount', excludeCounters: ['ana'] });
  });
});

describe('binCountLines', () => {
  it('lines up what the ledger expects with what was scanned', () => {
    const lines = binCountLines(
      'A1',
      [
        { skuId: 'mug', lot: null, expiry: null, qty: 5 },
        { skuId: 'tea', lot: 'L1', expiry: '2027-01-01', qty: 3 },
      ],
      [
        { skuId: 'mug', lot: null, expiry: null, qty: 1 },
        { skuId: 'mug', lot: null, expiry: null, qty: 6 },
        { skuId: 'tea', lot: 'L2', expiry: '2027-02-01', qty: 3 },
      ],
    );
    expect(lines.map((l) => [l.skuId, l.lot, l.expected, l.counted, l.variance])).toEqual([
      ['mug', null, 5, 7, 2],
      ['tea', 'L1', 3, 0, -3],
      ['tea', 'L2', 0, 3, 3],
    ]);
  });
});

describe('count task sources', () => {
  it('a short pick counts that SKU in that bin', () => {
    expect(countTaskForShortPick({ locationId: 'A1', skuId: 'mug' })).toEqual({ source: 'short_pick', locationId: 'A1', skuId: 'mug', zone: null, requestedBy: null });
  });
  it('a lead request names the lead', () => {
    expect(countTaskForLead('u-5001', 'A1')).toEqual({ source: 'lead_request', locationId: 'A1', skuId: null, zone: null, requestedBy: 'u-5001' });
  });
  it('every negative balance, once per bin and SKU', () => {
    const tasks = countTasksForNegativeBalances([
      { locationId: 'A1', skuId: 'mug', qty: -1 },
      { locationId: 'A1', skuId: 'mug', qty: -2 },
      { locationId: 'A2', skuId: 'mug', qty: 0 },
      { locationId: 'A3', skuId: 'tea', qty: 4 },
      { locationId: 'A4', skuId: 'tea', qty: -9 },
    ]);
    expect(tasks.map((t) => [t.source, t.locationId, t.skuId])).toEqual([
      ['negative_balance', 'A1', 'mug'],
      ['negative_balance', 'A4', 'tea'],
    ]);
  });

  it('does not repeat a count already open', () => {
    const open = [countTaskForShortPick({ locationId: 'A1', skuId: 'mug' }), countTaskForLead('lee', 'B1')];
    const fresh = newCountTasks(open, [
      countTaskForShortPick({ locationId: 'A1', skuId: 'mug' }),
      countTaskForShortPick({ locationId: 'A1', skuId: 'tea' }),
      countTaskForShortPick({ locationId: 'B1', skuId: 'tea' }),
      countTaskForLead('lee', 'C1'),
      countTaskForShortPick({ locationId: 'C1', skuId: 'tea' }),
      ...periodicCountTasks(['A', 'A'], new Map(), '2026-11-24', 30),
    ]);
    expect(fresh.map((t) => [t.source, t.locationId ?? t.zone, t.skuId])).toEqual([
      ['short_pick', 'A1', 'tea'],
      ['lead_request', 'C1', null],
      ['periodic', 'A', null],
    ]);
  });
});

describe('periodicCountTasks', () => {
  const last = new Map([
    ['A', '2026-11-01'],
    ['B', '2026-10-26'],
    ['C', '2026-10-25'],
    ['D', 'not a date'],
    ['E', '2026-02-31'],
    ['F', '2026-11-24T08:00:00Z'],
  ]);
  it.each([
    { today: '2026-11-24', every: 30, due: ['C', 'D', 'E', 'NEW'] },
    { today: '2026-11-24', every: 23, due: ['A', 'B', 'C', 'D', 'E', 'NEW'] },
    { today: '2026-11-24', every: 24, due: ['B', 'C', 'D', 'E', 'NEW'] },
    { today: '2026-11-25', every: 1, due: ['A', 'B', 'C', 'D', 'E', 'F', 'NEW'] },
    { today: '2026-11-24', every: 1, due: ['A', 'B', 'C', 'D', 'E', 'NEW'] },
  ])('on $today every $every days: $due', ({ today, every, due }) => {
    const tasks = periodicCountTasks(['A', 'B', 'C', 'D', 'E', 'F', 'NEW'], last, today, every);
    expect(tasks.map((t) => t.zone)).toEqual(due);
    expect(tasks.every((t) => t.source === 'periodic' && t.locationId === null)).toBe(true);
  });
  it.each([0, -7, 1.5, Number.NaN])('refuses a schedule of %s days', (every) => {
    expect(() => periodicCountTasks(['A'], last, '2026-11-24', every)).toThrow(RangeError);
  });
  it.each(['', 'yesterday', '2026-13-01'])('refuses today = %j', (today) => {
    expect(() => periodicCountTasks(['A'], last, today, 30)).toThrow(RangeError);
  });
});
