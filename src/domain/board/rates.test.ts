import { describe, expect, it } from 'vitest';
import type { BoardAction, Flow } from './actions';
import { bucketIndex, bucketRates, emptyBuckets, floorFlows, idleMs, MINUTE, peopleFigures, shiftWindow } from './rates';

const T0 = Date.UTC(2026, 10, 25, 6, 0, 0);
const at = (min: number) => T0 + min * MINUTE;
const W = { start: T0, end: at(120) }; // a two-hour window: four 30-minute buckets
const act = (userId: string, min: number, units = 1, flow: Flow = 'pick', lines = 1): BoardAction => ({ userId, flow, at: at(min), units, lines });

describe('shiftWindow', () => {
  it.each([
    [8, T0 - 8 * 60 * MINUTE],
    [1, T0 - 60 * MINUTE],
    [24, T0 - 24 * 60 * MINUTE],
  ])('the last %i hours end now', (hours, start) => {
    expect(shiftWindow(T0, hours)).toEqual({ start, end: T0 });
  });
});

describe('buckets', () => {
  it.each([
    ['a whole number of buckets', { start: T0, end: at(120) }, 30, 4, at(120)],
    ['a short last bucket', { start: T0, end: at(100) }, 30, 4, at(100)],
    ['one bucket longer than the window', { start: T0, end: at(10) }, 30, 1, at(10)],
    ['an empty window', { start: T0, end: T0 }, 30, 0, null],
  ])('%s', (_, w, size, count, lastEnd) => {
    const b = emptyBuckets(w, size);
    expect(b).toHaveLength(count);
    expect(b.at(-1)?.end ?? null).toBe(lastEnd);
  });

  it.each([
    ['the window start', 0, 0],
    ['just before an edge', 29.999, 0],
    ['exactly on an edge: the later bucket', 30, 1],
    ['the window end: the last bucket', 120, 3],
    ['before the window', -0.001, -1],
    ['after the window', 120.001, -1],
  ])('an action at %s', (_, min, index) => {
    expect(bucketIndex(W, at(min), 30)).toBe(index);
  });

  it.each([
    ['no actions: every bucket at zero', [], [0, 0, 0, 0], [0, 0, 0, 0]],
    ['one action', [act('a', 5, 3)], [6, 0, 0, 0], [2, 0, 0, 0]],
    ['actions either side of an edge', [act('a', 29, 2), act('a', 30, 4)], [4, 8, 0, 0], [2, 2, 0, 0]],
    ['outside the window: not counted', [act('a', -1, 9), act('a', 121, 9)], [0, 0, 0, 0], [0, 0, 0, 0]],
  ])('%s', (_, actions, unitsPerHour, linesPerHour) => {
    const b = bucketRates(actions, W, 30);
    expect(b.map((x) => x.unitsPerHour)).toEqual(unitsPerHour);
    expect(b.map((x) => x.linesPerHour)).toEqual(linesPerHour);
  });

  it('a short last bucket is rated over its own length', () => {
    const b = bucketRates([act('a', 95, 5)], { start: T0, end: at(100) }, 30);
    // 5 units in the 10 minutes of the last bucket: 30 an hour.
    expect(b[3]).toMatchObject({ units: 5, unitsPerHour: 30 });
  });
});

describe('idleMs', () => {
  it.each([
    ['no actions', [], 0],
    ['one action', [0], 0],
    ['gaps under the threshold', [0, 4, 8], 0],
    ['a gap exactly at the threshold is not idle', [0, 5], 0],
    ['a gap just over it counts whole', [0, 5.5], 5.5],
    ['several gaps, some counted', [0, 2, 12, 13, 33], 10 + 20],
    ['out of order input', [33, 0, 13, 12, 2], 30],
    ['two actions at the same instant', [0, 0, 10], 10],
  ])('%s', (_, mins, idleMin) => {
    expect(idleMs(mins.map(at), 5)).toBe(idleMin * MINUTE);
  });
});

describe('peopleFigures', () => {
  it('nobody worked: nobody listed', () => {
    expect(peopleFigures([], W)).toEqual([]);
  });

  it('several people: rates over the window, idle, quiet time, busiest first', () => {
    const actions = [act('pat', 0, 2), act('pat', 3, 2), act('pat', 30, 4), act('ana', 100, 1, 'pack', 1), act('ana', 110, 9, 'pack', 3)];
    const [first, second] = peopleFigures(actions, W, { bucketMinutes: 30, idleMinutes: 5 });
    expect(first).toMatchObject({ userId: 'ana', units: 10, lines: 4, unitsPerHour: 5, linesPerHour: 2, idleMs: 10 * MINUTE, sinceLastMs: 10 * MINUTE });
    expect(first!.flows.map((f) => f.flow)).toEqual(['pack']);
    expect(second).toMatchObject({ userId: 'pat', units: 8, lines: 3, unitsPerHour: 4, linesPerHour: 1.5, idleMs: 27 * MINUTE, firstAt: at(0), lastAt: at(30) });
    expect(second!.flows[0]!.buckets.map((b) => b.units)).toEqual([4, 4, 0, 0]);
  });

  it('idle spans flows: a pack after a pick closes the gap', () => {
    const [p] = peopleFigures([act('pat', 0, 1, 'pick'), act('pat', 4, 1, 'pack'), act('pat', 8, 1, 'pick')], W);
    expect(p!.idleMs).toBe(0);
    expect(p!.flows.map((f) => [f.flow, f.units])).toEqual([['pick', 2], ['pack', 1]]);
  });

  it('the floor figures add everyone up per flow', () => {
    const flows = floorFlows([act('pat', 0, 2), act('ana', 1, 3), act('ana', 2, 5, 'receive', 2)], W, { bucketMinutes: 60 });
    expect(flows.map((f) => [f.flow, f.units, f.lines, f.unitsPerHour, f.buckets.length])).toEqual([
      ['pick', 5, 2, 2.5, 2],
      ['receive', 5, 2, 2.5, 2],
    ]);
  });
});
