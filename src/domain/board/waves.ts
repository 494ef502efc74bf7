import { z } from 'zod';
import { compareQueue, DEFAULT_RATE_MINUTES, estimateFinishes, floorRate, pickerRates, type EtaWave, type PickLine } from './eta';
import { MINUTE } from './rates';
import { BoardStatsQuery, type BoardStatsResponse } from './stats';

/** GET /api/board/waves query (docs/board-stats.md, "Waves and current tasks"). Anything else is a 400. */
export const BoardWavesQuery = z.strictObject({
  /** Waves finished in the last `hours` hours stay on the board. */
  hours: z.coerce.number().int().min(1).max(24).default(8),
  /** The look-back of the pick rates the estimates use. */
  rateMinutes: z.coerce.number().int().min(15).max(240).default(DEFAULT_RATE_MINUTES),
});
export type BoardWavesQuery = z.infer<typeof BoardWavesQuery>;

/** Finished waves listed at most (the most recently finished first). */
export const DONE_WAVES_MAX = 100;

export const BOARD_GROUPS = ['released', 'picking', 'picked', 'dropped'] as const;
export type BoardGroup = (typeof BOARD_GROUPS)[number];

const Iso = z.string();
const Ref = z.object({ id: z.string(), name: z.string().nullable() });

export const BoardWave = z.object({
  id: z.string(),
  code: z.string(),
  kind: z.string(),
  status: z.string(),
  /** released (planned too), picking, picked (done, totes not dropped yet), dropped (at a pack bench). */
  group: z.enum(BOARD_GROUPS),
  assignee: Ref.nullable(),
  orders: z.number(),
  lines: z.number(),
  /** Lines picked or short. */
  linesDone: z.number(),
  units: z.number(),
  unitsPicked: z.number(),
  shorts: z.number(),
  releasedAt: Iso.nullable(),
  startedAt: Iso.nullable(),
  completedAt: Iso.nullable(),
  droppedAt: Iso.nullable(),
  eta: z.object({
    basis: z.enum(['picker', 'floor', 'none', 'unassigned', 'done']),
    linesPerHour: z.number().nullable(),
    remainingMinutes: z.number().nullable(),
    finishAt: Iso.nullable(),
    linesAhead: z.number(),
  }),
});
export type BoardWave = z.infer<typeof BoardWave>;

export const BoardPerson = z.object({
  userId: z.string(),
  name: z.string().nullable(),
  /** The wave in hand: the one they are picking, else the next one assigned to them. */
  current: z.object({ waveId: z.string(), code: z.string(), status: z.string(), linesDone: z.number(), lines: z.number() }).nullable(),
  /** Their other open waves, waiting behind the current one. */
  queuedWaves: z.number(),
  recentLines: z.number(),
  /** Their own recent pick rate (null below the minimum lines). */
  linesPerHour: z.number().nullable(),
  lastAction: z.object({ name: z.string(), at: Iso, waveCode: z.string().nullable() }).nullable(),
});
export type BoardPerson = z.infer<typeof BoardPerson>;

export const BoardWavesResponse = z.object({
  now: Iso,
  hours: z.number(),
  rateMinutes: z.number(),
  floor: z.object({ linesPerHour: z.number().nullable(), pickers: z.number() }),
  waves: z.array(BoardWave),
  people: z.array(BoardPerson),
});
export type BoardWavesResponse = z.infer<typeof BoardWavesResponse>;

/** One wave as read, with its tasks counted. Times in ms. */
export interface WaveRead {
  id: string;
  code: string;
  kind: string;
  status: string;
  assignedUserId: string | null;
  releasedAt: number | null;
  completedAt: number | null;
  droppedAt: number | null;
  startedAt: number | null;
  orders: number;
  lines: number;
  linesDone: number;
  units: number;
  unitsPicked: number;
  shorts: number;
}

/** An applied command of one person in the look-back (any command: it is what they last did). */
export interface RecentCommand {
  userId: string;
  name: string;
  at: number;
  waveId: string | null;
}

export interface BoardWavesInputs {
  now: number;
  query: BoardWavesQuery;
  waves: readonly WaveRead[];
  recent: readonly RecentCommand[];
  names: ReadonlyMap<string, string>;
  /** Codes of waves a recent command names that are not on the board. */
  codes: ReadonlyMap<string, string>;
}

const PICK_LINES = new Set(['pick.confirm', 'pick.short']);

export function boardGroup(w: Pick<WaveRead, 'status' | 'droppedAt'>): BoardGroup {
  if (w.status === 'done') return w.droppedAt !== null ? 'dropped' : 'picked';
  return w.status === 'picking' ? 'picking' : 'released';
}

const GROUP_ORDER: Record<BoardGroup, number> = { picking: 0, released: 1, picked: 2, dropped: 3 };
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** The board's waves with progress and finish, and each person's current task (pure). */
export function boardWaves(i: BoardWavesInputs): BoardWavesResponse {
  const from = i.now - i.query.rateMinutes * MINUTE;
  const recent = i.recent.filter((c) => Number.isFinite(c.at) && c.at >= from && c.at <= i.now);
  const pickLines: PickLine[] = recent.filter((c) => PICK_LINES.has(c.name));
  const rates = pickerRates(pickLines, i.now, i.query.rateMinutes);
  const etaIn: EtaWave[] = i.waves.map((w) => ({ ...w, remainingLines: w.lines - w.linesDone }));
  const etas = estimateFinishes(etaIn, rates, i.now);
  const name = (id: string) => i.names.get(id) ?? null;

  const waves: BoardWave[] = i.waves.map((w) => {
    const e = etas.get(w.id)!;
    return {
      id: w.id,
      code: w.code,
      kind: w.kind,
      status: w.status,
      group: boardGroup(w),
      assignee: w.assignedUserId === null ? null : { id: w.assignedUserId, name: name(w.assignedUserId) },
      orders: w.orders,
      lines: w.lines,
      linesDone: w.linesDone,
      units: w.units,
      unitsPicked: w.unitsPicked,
      shorts: w.shorts,
      releasedAt: iso(w.releasedAt),
      startedAt: iso(w.startedAt),
      completedAt: iso(w.completedAt),
      droppedAt: iso(w.droppedAt),
      eta: { ...e, finishAt: iso(e.finishAt) },
    };
  });
  waves.sort((a, b) => GROUP_ORDER[a.group] - GROUP_ORDER[b.group] || a.code.localeCompare(b.code));

  // Everyone holding an open wave or active in the look-back.
  const open = new Map<string, EtaWave[]>();
  for (const w of etaIn) {
    if (w.assignedUserId === null || etas.get(w.id)!.basis === 'done') continue;
    open.set(w.assignedUserId, [...(open.get(w.assignedUserId) ?? []), w]);
  }
  const last = new Map<string, RecentCommand>();
  for (const c of recent) if (!last.has(c.userId) || last.get(c.userId)!.at < c.at) last.set(c.userId, c);
  const byId = new Map(i.waves.map((w) => [w.id, w]));
  const codeOf = (id: string | null) => (id === null ? null : (byId.get(id)?.code ?? i.codes.get(id) ?? null));
  const people = [...new Set([...open.keys(), ...last.keys()])].map((userId): BoardPerson => {
    const queue = [...(open.get(userId) ?? [])].sort(compareQueue);
    const head = queue[0] ? byId.get(queue[0].id)! : null;
    const r = rates.get(userId);
    const l = last.get(userId);
    return {
      userId,
      name: name(userId),
      current: head && { waveId: head.id, code: head.code, status: head.status, linesDone: head.linesDone, lines: head.lines },
      queuedWaves: Math.max(0, queue.length - 1),
      recentLines: r?.lines ?? 0,
      linesPerHour: r?.linesPerHour ?? null,
      lastAction: l ? { name: l.name, at: new Date(l.at).toISOString(), waveCode: codeOf(l.waveId) } : null,
    };
  });
  people.sort((a, b) => (a.name ?? a.userId).localeCompare(b.name ?? b.userId) || a.userId.localeCompare(b.userId));

  return {
    now: new Date(i.now).toISOString(),
    hours: i.query.hours,
    rateMinutes: i.query.rateMinutes,
    floor: { linesPerHour: floorRate(rates.values()), pickers: [...rates.values()].filter((r) => r.linesPerHour !== null).length },
    waves,
    people,
  };
}

/**
 * GET /api/board/summary: the stats' query, plus the one person whose own buckets the
 * board's chart shows. Everyone else's per-flow buckets are left out: with 200 people
 * they are half of the stats' answer, and a live board parses it every 30 s.
 */
export const BoardSummaryQuery = BoardStatsQuery.extend({ person: z.string().min(1).max(64).optional() });
export type BoardSummaryQuery = z.infer<typeof BoardSummaryQuery>;

/** The stats answer without per-person buckets, except `person`'s (pure). */
export function leanStats(s: BoardStatsResponse, person: string | undefined): BoardStatsResponse {
  return { ...s, people: s.people.map((p) => (p.userId === person ? p : { ...p, flows: p.flows.map((f) => ({ ...f, buckets: [] })) })) };
}
