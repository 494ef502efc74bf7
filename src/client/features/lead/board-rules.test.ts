import i18n from 'i18next';
import { describe, expect, it } from 'vitest';
import type { BoardWave } from '../../../domain/board/waves';
import '../../i18n';
import { niceMax } from './board-chart-kit';
import { deviceSummary } from './board-devices';
import { floorData } from './board-fixtures';
import { duration } from './board-format';
import { peopleRows } from './board-people';
import { finishWords } from './board-waves';

const t = i18n.getFixedT('en');
const NOW = Date.UTC(2026, 10, 25, 10, 0, 0);
const MIN = 60_000;

describe('niceMax', () => {
  it.each([
    [0, 1],
    [-3, 1],
    [0.4, 0.5],
    [1, 1],
    [7, 10],
    [12, 20],
    [48, 50],
    [51, 100],
    [1999, 2000],
  ])('%d gives an axis up to %d', (max, top) => expect(niceMax(max)).toBeCloseTo(top));
});

describe('duration', () => {
  it.each([
    [null, '—'],
    [0, '0 min'],
    [1, '1 min'],
    [59.4, '59 min'],
    [60, '1 h 0 min'],
    [125, '2 h 5 min'],
    [-5, '0 min'],
  ])('%s minutes read %s', (m, words) => expect(duration(t, m)).toBe(words));
});

const wave = (extra: Partial<BoardWave>): BoardWave => ({
  id: 'w', code: 'W-1', kind: 'single', status: 'picking', group: 'picking', assignee: { id: 'u', name: 'Pat' }, orders: 1, lines: 10, linesDone: 4, units: 10,
  unitsPicked: 4, shorts: 0, releasedAt: null, startedAt: null, completedAt: null, droppedAt: null,
  eta: { basis: 'picker', linesPerHour: 12, remainingMinutes: 30, finishAt: new Date(NOW + 30 * MIN).toISOString(), linesAhead: 0 }, ...extra,
});

describe('finishWords', () => {
  it.each([
    ["the picker's own pace", wave({}), /^Finish about .+ \(in 30 min\)$/],
    ["the floor's pace", wave({ eta: { basis: 'floor', linesPerHour: 6, remainingMinutes: 60, finishAt: new Date(NOW + 90 * MIN).toISOString(), linesAhead: 3 } }), /^Finish about .+ \(in 1 h 30 min, at the floor's pace\)$/],
    ['no rate anywhere', wave({ eta: { basis: 'none', linesPerHour: null, remainingMinutes: null, finishAt: null, linesAhead: 0 } }), /^No estimate yet$/],
    ['nobody holds it', wave({ group: 'released', assignee: null, eta: { basis: 'unassigned', linesPerHour: 10, remainingMinutes: 45, finishAt: null, linesAhead: 0 } }), /^About 45 min of work; no picker yet$/],
    ['nobody holds it, nobody rated', wave({ group: 'released', assignee: null, eta: { basis: 'unassigned', linesPerHour: null, remainingMinutes: null, finishAt: null, linesAhead: 0 } }), /^No picker yet$/],
    ['picked', wave({ group: 'picked', status: 'done', completedAt: new Date(NOW).toISOString() }), /^Picked at .+; totes not dropped yet$/],
    ['dropped', wave({ group: 'dropped', status: 'done', droppedAt: new Date(NOW).toISOString() }), /^Dropped at a pack bench at /],
  ])('%s', (_, w, words) => expect(finishWords(t, 'en', w, NOW)).toMatch(words));
});

describe('deviceSummary', () => {
  it('counts online (heard from in 2 minutes), stranded and waiting commands, and the app versions', () => {
    const d = floorData({ waves: 0, devices: 60, people: 10, now: NOW });
    d.devices.devices[0]!.lastSeen = new Date(NOW - 121_000).toISOString();
    d.devices.devices[1]!.lastSeen = new Date(NOW - 120_000).toISOString();
    const s = deviceSummary(d.devices);
    expect(s).toMatchObject({ total: 60, stranded: 2, online: 57 });
    expect(s.pending).toBe(d.devices.devices.reduce((n, x) => n + x.pending, 0));
    expect(s.versions).toEqual([{ version: '1.7.0', count: 54 }, { version: '1.6.2', count: 6 }]);
  });
  it('no devices', () => expect(deviceSummary({ now: new Date(NOW).toISOString(), strandedAfterMinutes: 10, devices: [] })).toEqual({ total: 0, online: 0, stranded: 0, pending: 0, versions: [] }));
});

describe('peopleRows', () => {
  it('joins the shift figures and the current tasks, the quiet longest first', () => {
    const d = floorData({ waves: 4, devices: 3, people: 3, now: NOW });
    // Someone holding a wave with no action at all is the quietest.
    d.waves.people.push({ userId: 'u-x', name: 'Xavi', current: null, queuedWaves: 0, recentLines: 0, linesPerHour: null, lastAction: null });
    const rows = peopleRows(d.stats, d.waves);
    expect(rows.map((r) => [r.name, !!r.stats, !!r.now])).toEqual([
      ['Xavi', false, true],
      ['Person 003', true, true],
      ['Person 002', true, true],
      ['Person 001', true, true],
    ]);
  });
});
