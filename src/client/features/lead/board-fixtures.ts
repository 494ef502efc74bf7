import { FLOWS } from '../../../domain/board/actions';
import type { BoardStatsResponse } from '../../../domain/board/stats';
import type { BoardWave, BoardWavesResponse } from '../../../domain/board/waves';
import type { DeviceView, DevicesResponse } from '../../../domain/devices';
import { BOARD_BUCKET_MINUTES, type BoardData } from './board-api';

/**
 * Test and bench support: a believable floor's board answers (never imported by the
 * app). `tick` moves the work on, so each update changes what the board shows.
 */
export interface FloorSize {
  waves: number;
  devices: number;
  /** People who worked this shift (one per device unless said). */
  people?: number;
  now?: number;
  tick?: number;
}

const MIN = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();
const GROUPS = ['picking', 'released', 'picked', 'dropped'] as const;

export function floorData({ waves: nWaves, devices: nDevices, people: nPeople = nDevices, now = Date.UTC(2026, 10, 25, 14, 0, 0), tick = 0 }: FloorSize): BoardData {
  const name = (i: number) => `Person ${String(i + 1).padStart(3, '0')}`;
  const uid = (i: number) => `u-${i + 1}`;
  const hours = 8;
  const start = now - hours * 60 * MIN;
  const bucket = BOARD_BUCKET_MINUTES * MIN;
  const nBuckets = (hours * 60 * MIN) / bucket;
  const buckets = (seed: number, scale: number) =>
    Array.from({ length: nBuckets }, (_, b) => {
      const units = Math.round(scale * (1 + ((seed * 7 + b * 3 + tick) % 5)));
      return { start: iso(start + b * bucket), end: iso(start + (b + 1) * bucket), units, lines: Math.ceil(units / 2), unitsPerHour: units, linesPerHour: Math.ceil(units / 2) };
    });
  const flow = (f: (typeof FLOWS)[number], seed: number, scale: number) => {
    const b = buckets(seed, scale);
    const units = b.reduce((s, x) => s + x.units, 0);
    const lines = b.reduce((s, x) => s + x.lines, 0);
    return { flow: f, units, lines, unitsPerHour: Math.round((units / hours) * 10) / 10, linesPerHour: Math.round((lines / hours) * 10) / 10, buckets: b };
  };
  const people = Array.from({ length: nPeople }, (_, i) => {
    const flows = [flow(FLOWS[i % FLOWS.length]!, i, 3), ...(i % 4 === 0 ? [flow(FLOWS[(i + 1) % FLOWS.length]!, i + 1, 1)] : [])];
    const units = flows.reduce((s, f) => s + f.units, 0);
    const lines = flows.reduce((s, f) => s + f.lines, 0);
    return {
      userId: uid(i), name: name(i), units, lines, unitsPerHour: Math.round((units / hours) * 10) / 10, linesPerHour: Math.round((lines / hours) * 10) / 10,
      idleMinutes: (i * 3 + tick) % 40, sinceLastMinutes: (i + tick) % 12, firstAt: iso(start + MIN), lastAt: iso(now - ((i + tick) % 12) * MIN), flows,
    };
  });
  const orders = Array.from({ length: 100 }, (_, i) => ({ orderId: `o-${i}`, externalId: `SO-${1000 + i}`, releasedAt: iso(start + i * MIN), shippedAt: iso(start + i * MIN + (300 - i * 2 + tick) * MIN), cycleMinutes: 300 - i * 2 + tick }));
  const accPeople = people.map((p, i) => ({ userId: p.userId, name: p.name, lines: 100 + i, rejected: i % 3, undone: (i + tick) % 2, shorts: i % 5, wrongPer100Lines: Math.round((((i % 3) + ((i + tick) % 2)) * 1000) / (100 + i)) / 10, shortsPer100Lines: Math.round(((i % 5) * 1000) / (100 + i)) / 10 }));
  accPeople.sort((a, b) => b.wrongPer100Lines - a.wrongPer100Lines);
  const stats: BoardStatsResponse = {
    window: { start: iso(start), end: iso(now), hours, bucketMinutes: BOARD_BUCKET_MINUTES, idleMinutes: 5 },
    people,
    flows: FLOWS.map((f, k) => flow(f, k, nPeople / 2)),
    cycle: { count: 240, p50Minutes: 180 + tick, p90Minutes: 280 + tick, orders },
    accuracy: { floor: { lines: 20_000, rejected: 40, undone: 25 + tick, shorts: 60, wrongPer100Lines: 0.3, shortsPer100Lines: 0.3 }, people: accPeople },
  };
  const waveList: BoardWave[] = Array.from({ length: nWaves }, (_, i) => {
    const group = GROUPS[i % GROUPS.length]!;
    const lines = 20 + (i % 7) * 5;
    const done = group === 'released' ? 0 : group === 'picking' ? Math.min(lines - 1, (i * 3 + tick) % lines) : lines;
    const assignee = group === 'released' && i % 8 === 1 ? null : { id: uid(i % nPeople), name: name(i % nPeople) };
    const open = group === 'released' || group === 'picking';
    return {
      id: `wave-${i}`, code: `W-${String(i + 1).padStart(4, '0')}`, kind: i % 2 ? 'cluster' : 'single', status: open ? group : 'done', group, assignee,
      orders: 1 + (i % 6), lines, linesDone: done, units: lines * 2, unitsPicked: done * 2, shorts: i % 9 === 0 ? 1 : 0,
      releasedAt: iso(now - (90 + i) * MIN), startedAt: group === 'released' ? null : iso(now - (60 + i) * MIN),
      completedAt: open ? null : iso(now - (i % 50) * MIN), droppedAt: group === 'dropped' ? iso(now - (i % 30) * MIN) : null,
      eta: open
        ? assignee
          ? { basis: 'picker', linesPerHour: 60, remainingMinutes: lines - done, finishAt: iso(now + (lines - done + (i % 3) * 10) * MIN), linesAhead: (i % 3) * 10 }
          : { basis: 'unassigned', linesPerHour: 60, remainingMinutes: lines, finishAt: null, linesAhead: 0 }
        : { basis: 'done', linesPerHour: null, remainingMinutes: null, finishAt: null, linesAhead: 0 },
    };
  });
  const wavesAnswer: BoardWavesResponse = {
    now: iso(now), hours, rateMinutes: 60, floor: { linesPerHour: 55.5 + tick, pickers: Math.ceil(nPeople / 2) }, waves: waveList,
    people: people.map((p, i) => {
      const w = waveList.find((x) => x.assignee?.id === p.userId && (x.group === 'picking' || x.group === 'released'));
      return {
        userId: p.userId, name: p.name, current: w ? { waveId: w.id, code: w.code, status: w.status, linesDone: w.linesDone, lines: w.lines } : null,
        queuedWaves: i % 3 === 0 ? 1 : 0, recentLines: 30 + i, linesPerHour: 30 + (i % 20), lastAction: { name: i % 2 ? 'pick.confirm' : 'pack.confirm', at: iso(now - ((i + tick) % 12) * MIN), waveCode: w?.code ?? null },
      };
    }),
  };
  const devices: DeviceView[] = Array.from({ length: nDevices }, (_, i) => {
    const stranded = i % 50 === 7;
    return {
      id: `dev-${i}`, name: `Handheld ${i + 1}`, user: { id: uid(i % nPeople), name: name(i % nPeople) }, lastSeen: iso(now - (stranded ? 30 : (i + tick) % 3) * MIN),
      appVersion: i % 10 === 0 ? '1.6.2' : '1.7.0', pending: stranded ? 12 : i % 4, oldestPendingAt: stranded || i % 4 ? iso(now - 35 * MIN) : null,
      oldestPendingAgeSec: stranded || i % 4 ? 35 * 60 : null, rejectedUnseen: 0, batteryPct: 50 + (i % 50), reportedAt: iso(now - MIN), lastSeq: 100 + i + tick, stranded,
    };
  });
  const devicesAnswer: DevicesResponse = { now: iso(now), strandedAfterMinutes: 10, devices };
  return { stats, waves: wavesAnswer, devices: devicesAnswer };
}
