import { describe, expect, it } from 'vitest';
import { MINUTE } from './rates';
import { boardStats } from './stats';
import { BoardSummaryQuery, BoardWavesQuery, boardGroup, boardWaves, leanStats, type RecentCommand, type WaveRead } from './waves';

const NOW = Date.UTC(2026, 10, 25, 10, 0, 0);
const ago = (min: number) => NOW - min * MINUTE;

const wave = (id: string, extra: Partial<WaveRead> = {}): WaveRead => ({
  id, code: id.toUpperCase(), kind: 'single', status: 'picking', assignedUserId: 'pat', releasedAt: ago(60), completedAt: null, droppedAt: null,
  startedAt: ago(30), orders: 2, lines: 10, linesDone: 4, units: 20, unitsPicked: 8, shorts: 0, ...extra,
});
const cmd = (userId: string, name: string, minutesAgo: number, waveId: string | null = 'w1'): RecentCommand => ({ userId, name, at: ago(minutesAgo), waveId });
const query = BoardWavesQuery.parse({});

describe('boardGroup', () => {
  it.each([
    ['planned', null, 'released'],
    ['released', null, 'released'],
    ['picking', null, 'picking'],
    ['done', null, 'picked'],
    ['done', ago(1), 'dropped'],
  ] as const)('%s (dropped %s) is %s', (status, droppedAt, group) => {
    expect(boardGroup({ status, droppedAt })).toBe(group);
  });
});

describe('BoardWavesQuery', () => {
  it.each([
    [{}, { hours: 8, rateMinutes: 60 }],
    [{ hours: '2', rateMinutes: '15' }, { hours: 2, rateMinutes: 15 }],
  ])('%j', (q, out) => expect(BoardWavesQuery.parse(q)).toEqual(out));
  it.each([{ hours: '0' }, { hours: '25' }, { rateMinutes: '14' }, { rateMinutes: '241' }, { rateMinutes: 'x' }, { hours: '1.5' }, { since: 'now' }])('refuses %j', (q) => {
    expect(BoardWavesQuery.safeParse(q).success).toBe(false);
  });
});

describe('boardWaves', () => {
  const picks = [50, 40, 30, 20, 10, 5].map((m) => cmd('pat', 'pick.confirm', m));
  const out = boardWaves({
    now: NOW,
    query,
    waves: [
      wave('w2', { status: 'released', startedAt: null, linesDone: 0, releasedAt: ago(20) }),
      wave('w1'),
      wave('w3', { status: 'done', linesDone: 10, completedAt: ago(70), assignedUserId: 'ana' }),
      wave('w4', { status: 'released', assignedUserId: null, startedAt: null, linesDone: 0 }),
    ],
    recent: [...picks, cmd('ana', 'pack.confirm', 12, null), cmd('ana', 'pick.confirm', 80, 'old'), cmd('rita', 'receipt.close', 3, null)],
    names: new Map([['pat', 'Pat'], ['ana', 'Ana']]),
    codes: new Map([['old', 'W-OLD']]),
  });

  it('lists the waves picking first, then released, then finished, with progress and finish', () => {
    expect(out.waves.map((w) => [w.code, w.group])).toEqual([['W1', 'picking'], ['W2', 'released'], ['W4', 'released'], ['W3', 'picked']]);
    // Pat: 6 lines since 50 minutes ago: 7.2 an hour; 6 lines left on W1: 50 minutes.
    expect(out.waves[0]!.eta).toEqual({ basis: 'picker', linesPerHour: 7.2, remainingMinutes: 50, finishAt: new Date(NOW + 50 * MINUTE).toISOString(), linesAhead: 0 });
    expect(out.waves[1]!.eta).toMatchObject({ linesAhead: 6, remainingMinutes: 84 });
    expect(out.waves[2]!.eta).toMatchObject({ basis: 'unassigned', finishAt: null });
    expect(out.waves[3]!.eta.basis).toBe('done');
    expect(out.waves[0]!.assignee).toEqual({ id: 'pat', name: 'Pat' });
    expect(out.floor).toEqual({ linesPerHour: 7.2, pickers: 1 });
  });

  it("gives each person's current task, queue, rate and last action", () => {
    expect(out.people.map((p) => [p.name, p.current?.code ?? null, p.queuedWaves, p.linesPerHour, p.lastAction?.name ?? null])).toEqual([
      ['Ana', null, 0, null, 'pack.confirm'],
      ['Pat', 'W1', 1, 7.2, 'pick.confirm'],
      [null, null, 0, null, 'receipt.close'],
    ]);
    expect(out.people[1]!.lastAction).toEqual({ name: 'pick.confirm', at: new Date(ago(5)).toISOString(), waveCode: 'W1' });
    expect(out.people[1]!.current).toEqual({ waveId: 'w1', code: 'W1', status: 'picking', linesDone: 4, lines: 10 });
  });

  it('a command before the look-back is neither a rate nor a last action', () => {
    const r = boardWaves({ now: NOW, query: { hours: 8, rateMinutes: 15 }, waves: [], recent: [cmd('ana', 'pick.confirm', 16, 'old')], names: new Map(), codes: new Map() });
    expect(r.people).toEqual([]);
  });
});

describe('leanStats', () => {
  const W = { start: NOW - 60 * MINUTE, end: NOW };
  const act = (userId: string, min: number) => ({ userId, flow: 'pick' as const, at: ago(min), units: 2, lines: 1 });
  const full = boardStats({
    window: W,
    query: { hours: 1, bucketMinutes: 30, idleMinutes: 5 },
    actions: [act('pat', 50), act('pat', 10), act('ana', 20)],
    quality: [],
    cycles: [],
    names: new Map(),
  });
  it.each([
    ['nobody asked for', undefined, [0, 0]],
    ["one person's buckets kept", 'pat', [0, 2]],
  ])('%s', (_, person, lengths) => {
    const lean = leanStats(full, person);
    expect(lean.people.map((p) => p.flows[0]!.buckets.length).sort()).toEqual(lengths);
    expect(lean.people.map((p) => [p.userId, p.units, p.unitsPerHour])).toEqual(full.people.map((p) => [p.userId, p.units, p.unitsPerHour]));
    expect(lean.flows).toEqual(full.flows);
  });
  it.each([[{ person: '' }], [{ person: 'x'.repeat(65) }], [{ hours: '0' }], [{ other: '1' }]])('refuses %j', (q) => {
    expect(BoardSummaryQuery.safeParse(q).success).toBe(false);
  });
  it('takes the stats query and a person', () => {
    expect(BoardSummaryQuery.parse({ person: 'u-1', bucketMinutes: '60' })).toEqual({ hours: 8, bucketMinutes: 60, idleMinutes: 5, person: 'u-1' });
  });
});
