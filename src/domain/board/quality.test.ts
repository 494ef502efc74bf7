import { describe, expect, it } from 'vitest';
import { accuracy, accuracyFigures, cycleFigures, percentile } from './quality';

const M = 60_000;

describe('percentile (nearest rank)', () => {
  it.each([
    [[], 50, null],
    [[7], 50, 7],
    [[7], 90, 7],
    [[1, 2], 50, 1],
    [[1, 2, 3, 4], 50, 2],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90, 9],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 90, 10],
    [[5, 5, 5], 90, 5],
  ])('%j p%i is %s', (values, p, expected) => {
    expect(percentile(values, p)).toBe(expected);
  });
});

describe('cycleFigures', () => {
  it.each([
    ['no shipped orders', [], 0, null, null],
    ['one order', [{ orderId: 'a', releasedAt: 0, shippedAt: 90 * M }], 1, 90 * M, 90 * M],
    [
      'several orders',
      [10, 20, 30, 40, 50, 60, 70, 80, 90, 100].map((m, i) => ({ orderId: `o${i}`, releasedAt: 1000, shippedAt: 1000 + m * M })),
      10,
      50 * M,
      90 * M,
    ],
    ['shipped before released (clock trouble) counts as 0', [{ orderId: 'a', releasedAt: 5 * M, shippedAt: 0 }], 1, 0, 0],
  ])('%s', (_, orders, count, p50, p90) => {
    const c = cycleFigures(orders);
    expect([c.count, c.p50Ms, c.p90Ms]).toEqual([count, p50, p90]);
  });

  it('lists the longest first', () => {
    const c = cycleFigures([
      { orderId: 'b', releasedAt: 0, shippedAt: 5 },
      { orderId: 'a', releasedAt: 0, shippedAt: 9 },
      { orderId: 'c', releasedAt: 0, shippedAt: 5 },
    ]);
    expect(c.orders.map((o) => [o.orderId, o.cycleMs])).toEqual([['a', 9], ['b', 5], ['c', 5]]);
  });
});

describe('accuracy per 100 pick lines', () => {
  it.each([
    ['no lines: no figure', { lines: 0, rejected: 0, undone: 0, shorts: 0 }, null, null],
    ['refusals without lines: still no figure', { lines: 0, rejected: 2, undone: 0, shorts: 0 }, null, null],
    ['clean', { lines: 40, rejected: 0, undone: 0, shorts: 0 }, 0, 0],
    ['rejected and undone both count', { lines: 50, rejected: 1, undone: 2, shorts: 1 }, 6, 2],
    ['rounded to one decimal', { lines: 3, rejected: 1, undone: 0, shorts: 0 }, 33.3, 0],
  ])('%s', (_, q, wrong, shorts) => {
    expect(accuracy({ userId: 'u', ...q })).toMatchObject({ wrongPer100Lines: wrong, shortsPer100Lines: shorts });
  });

  it('the floor adds every picker up; the least accurate picker comes first', () => {
    const { floor, people } = accuracyFigures([
      { userId: 'pat', lines: 100, rejected: 1, undone: 0, shorts: 2 },
      { userId: 'ana', lines: 10, rejected: 0, undone: 1, shorts: 0 },
      { userId: 'lee', lines: 0, rejected: 1, undone: 0, shorts: 0 },
    ]);
    expect(floor).toMatchObject({ lines: 110, rejected: 2, undone: 1, shorts: 2, wrongPer100Lines: 2.7, shortsPer100Lines: 1.8 });
    expect(people.map((p) => [p.userId, p.wrongPer100Lines])).toEqual([['ana', 10], ['pat', 1], ['lee', null]]);
  });
});
