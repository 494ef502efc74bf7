import { describe, expect, it } from 'vitest';
import { compareQueue, estimateFinishes, floorRate, pickerRates, type EtaWave, type PickerRate } from './eta';
import { MINUTE } from './rates';

const NOW = Date.UTC(2026, 10, 25, 10, 0, 0);
const ago = (min: number) => NOW - min * MINUTE;
const lines = (userId: string, ...minutesAgo: number[]) => minutesAgo.map((m) => ({ userId, at: ago(m) }));
const rate = (userId: string, lph: number | null, spanMin = 60, n = 10): PickerRate => ({ userId, lines: n, spanMs: spanMin * MINUTE, linesPerHour: lph });

describe('pickerRates', () => {
  it.each([
    ['nobody picked', [], null, undefined],
    ['four lines: too few for a rate', lines('pat', 1, 2, 3, 4), null, 4],
    ['five lines over the last 30 minutes: 10 an hour', lines('pat', 30, 20, 10, 5, 1), 10, 5],
    ['five lines in a minute: rated over at least 5 minutes', lines('pat', 1, 0.8, 0.6, 0.4, 0.2), 60, 5],
    ['a picker who stopped 30 minutes ago slows down', lines('pat', 60, 50, 40, 35, 30), 5, 5],
    ['lines before the look-back do not count', [...lines('pat', 61, 90), ...lines('pat', 60, 45, 30, 15, 0)], 5, 5],
    ['a line stamped in the future (device clock) does not count', [...lines('pat', -5), ...lines('pat', 30, 20, 10, 5, 1)], 10, 5],
  ])('%s', (_, input, lph, count) => {
    const r = pickerRates(input, NOW, 60).get('pat');
    expect(r?.linesPerHour ?? null).toBe(lph);
    expect(r?.lines).toBe(count);
  });

  it('rates each picker on their own lines', () => {
    const r = pickerRates([...lines('pat', 30, 20, 10, 5, 1), ...lines('ana', 10, 8, 6, 4, 2, 1)], NOW, 60);
    expect([r.get('pat')?.linesPerHour, r.get('ana')?.linesPerHour]).toEqual([10, 36]);
  });
});

describe('floorRate', () => {
  it.each([
    ['nobody rated', [], null],
    ['only unrated pickers', [rate('a', null)], null],
    ['one picker', [rate('a', 10, 60, 10)], 10],
    ['weighted by time: 10 in 60 min and 10 in 20 min is 15 an hour', [rate('a', 10, 60, 10), rate('b', 30, 20, 10)], 15],
    ['unrated pickers are left out', [rate('a', 10, 60, 10), rate('b', null, 5, 2)], 10],
  ])('%s', (_, rates, expected) => {
    expect(floorRate(rates)).toBe(expected);
  });
});

const wave = (id: string, extra: Partial<EtaWave> = {}): EtaWave => ({
  id, status: 'picking', assignedUserId: 'pat', remainingLines: 10, releasedAt: ago(60), startedAt: ago(30), ...extra,
});

describe('estimateFinishes', () => {
  const rates = new Map([['pat', rate('pat', 20)], ['ana', rate('ana', 40)]]); // floor: 20 lines/60 min... see below
  // Floor: (10 + 10) lines over 120 minutes = 10 an hour.
  it.each([
    ['the assignee is rated: their own rate', wave('w'), rates, { basis: 'picker', linesPerHour: 20, remainingMinutes: 30, finishAt: NOW + 30 * MINUTE, linesAhead: 0 }],
    ['the assignee has no rate: the floor rate', wave('w', { assignedUserId: 'lee' }), rates, { basis: 'floor', linesPerHour: 10, remainingMinutes: 60, finishAt: NOW + 60 * MINUTE }],
    ['nobody is rated: no estimate yet', wave('w'), new Map(), { basis: 'none', linesPerHour: null, remainingMinutes: null, finishAt: null }],
    ['nobody holds the wave: its work at the floor rate, no finish', wave('w', { assignedUserId: null, status: 'released' }), rates, { basis: 'unassigned', linesPerHour: 10, remainingMinutes: 60, finishAt: null }],
    ['unassigned and nobody rated', wave('w', { assignedUserId: null }), new Map(), { basis: 'unassigned', remainingMinutes: null, finishAt: null }],
    ['nothing left: done', wave('w', { remainingLines: 0 }), rates, { basis: 'done', finishAt: null }],
    ['a done wave', wave('w', { status: 'done', remainingLines: 0 }), rates, { basis: 'done', finishAt: null }],
    ['minutes round up', wave('w', { remainingLines: 1 }), rates, { remainingMinutes: 3, finishAt: NOW + 3 * MINUTE }],
  ])('%s', (_, w, r, expected) => {
    expect(estimateFinishes([w], r, NOW).get('w')).toMatchObject(expected);
  });

  it("a picker's second wave finishes after their first", () => {
    const eta = estimateFinishes(
      [
        wave('next', { status: 'released', startedAt: null, releasedAt: ago(90), remainingLines: 20 }),
        wave('now', { remainingLines: 10 }),
        wave('later', { status: 'released', startedAt: null, releasedAt: ago(10), remainingLines: 5 }),
        wave('other', { assignedUserId: 'ana', remainingLines: 20 }),
      ],
      rates,
      NOW,
    );
    expect(['now', 'next', 'later', 'other'].map((id) => [eta.get(id)!.linesAhead, (eta.get(id)!.finishAt! - NOW) / MINUTE])).toEqual([
      [0, 30],
      [10, 90],
      [30, 105],
      [0, 30],
    ]);
    expect(eta.get('next')!.remainingMinutes).toBe(60);
  });
});

describe('compareQueue', () => {
  it.each([
    ['the wave in hand first', wave('b'), wave('a', { status: 'released', startedAt: null }), -1],
    ['then the one started first', wave('a', { startedAt: ago(5) }), wave('b', { startedAt: ago(10) }), 1],
    ['then the oldest release', wave('b', { status: 'released', startedAt: null, releasedAt: ago(50) }), wave('a', { status: 'released', startedAt: null, releasedAt: ago(5) }), -1],
    ['then the id', wave('a', { status: 'released', startedAt: null }), wave('b', { status: 'released', startedAt: null }), -1],
  ])('%s', (_, a, b, sign) => {
    expect(Math.sign(compareQueue(a, b))).toBe(sign);
  });
});
