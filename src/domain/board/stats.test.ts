import { describe, expect, it } from 'vitest';
import { boardStats, BoardStatsQuery, BoardStatsResponse } from './stats';

const M = 60_000;

describe('BoardStatsQuery', () => {
  it.each([
    [{}, { hours: 8, bucketMinutes: 30, idleMinutes: 5 }],
    [{ hours: '2', bucketMinutes: '15', idleMinutes: '10' }, { hours: 2, bucketMinutes: 15, idleMinutes: 10 }],
  ])('%j is read as %j', (q, expected) => {
    expect(BoardStatsQuery.parse(q)).toEqual(expected);
  });
  it.each([{ hours: '0' }, { hours: '25' }, { hours: 'eight' }, { hours: '1.5' }, { bucketMinutes: '20' }, { idleMinutes: '0' }, { other: '1' }])(
    '%j is refused',
    (q) => {
      expect(BoardStatsQuery.safeParse(q).success).toBe(false);
    },
  );
});

describe('boardStats', () => {
  it('an empty shift answers a valid, empty board', () => {
    const out = boardStats({
      window: { start: 0, end: 60 * M },
      query: { hours: 1, bucketMinutes: 30, idleMinutes: 5 },
      actions: [],
      quality: [],
      cycles: [],
      names: new Map(),
    });
    expect(BoardStatsResponse.parse(out)).toEqual(out);
    expect(out).toMatchObject({ people: [], flows: [], cycle: { count: 0, p50Minutes: null, orders: [] } });
    expect(out.accuracy.floor).toEqual({ lines: 0, rejected: 0, undone: 0, shorts: 0, wrongPer100Lines: null, shortsPer100Lines: null });
  });

  it('names people and gives times in minutes and ISO', () => {
    const out = boardStats({
      window: { start: 0, end: 60 * M },
      query: { hours: 1, bucketMinutes: 60, idleMinutes: 5 },
      actions: [
        { userId: 'u1', flow: 'pick', at: 0, units: 2, lines: 1 },
        { userId: 'u1', flow: 'pick', at: 20 * M, units: 2, lines: 1 },
      ],
      quality: [{ userId: 'u1', lines: 2, rejected: 1, undone: 0, shorts: 0 }],
      cycles: [{ orderId: 'o1', externalId: 'SO-1', releasedAt: 0, shippedAt: 45 * M }],
      names: new Map([['u1', 'Pat']]),
    });
    expect(out.people[0]).toMatchObject({ name: 'Pat', units: 4, unitsPerHour: 4, idleMinutes: 20, sinceLastMinutes: 40, lastAt: '1970-01-01T00:20:00.000Z' });
    expect(out.cycle).toEqual({ count: 1, p50Minutes: 45, p90Minutes: 45, orders: [{ orderId: 'o1', externalId: 'SO-1', releasedAt: '1970-01-01T00:00:00.000Z', shippedAt: '1970-01-01T00:45:00.000Z', cycleMinutes: 45 }] });
    expect(out.accuracy.people[0]).toMatchObject({ name: 'Pat', wrongPer100Lines: 50 });
  });
});
