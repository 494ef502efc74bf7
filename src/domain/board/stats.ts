import { z } from 'zod';
import { FLOWS, type BoardAction } from './actions';
import { accuracyFigures, cycleFigures, type AccuracyFigures, type OrderCycle, type PickQuality } from './quality';
import { floorFlows, MINUTE, peopleFigures, round1, type Bucket, type FlowFigures, type ShiftWindow } from './rates';

/** GET /api/board/stats query. Every parameter is optional; anything else is a 400. */
export const BoardStatsQuery = z.strictObject({
  hours: z.coerce.number().int().min(1).max(24).default(8),
  bucketMinutes: z.coerce.number().int().refine((n) => [15, 30, 60].includes(n), 'one of 15, 30, 60').default(30),
  idleMinutes: z.coerce.number().int().min(1).max(60).default(5),
});
export type BoardStatsQuery = z.infer<typeof BoardStatsQuery>;

const Iso = z.string();
const BucketOut = z.object({ start: Iso, end: Iso, units: z.number(), lines: z.number(), unitsPerHour: z.number(), linesPerHour: z.number() });
const FlowOut = z.object({
  flow: z.enum(FLOWS),
  units: z.number(),
  lines: z.number(),
  unitsPerHour: z.number(),
  linesPerHour: z.number(),
  buckets: z.array(BucketOut),
});
const AccuracyOut = z.object({
  userId: z.string(),
  name: z.string().nullable(),
  lines: z.number(),
  rejected: z.number(),
  undone: z.number(),
  shorts: z.number(),
  wrongPer100Lines: z.number().nullable(),
  shortsPer100Lines: z.number().nullable(),
});

export const BoardStatsResponse = z.object({
  window: z.object({ start: Iso, end: Iso, hours: z.number(), bucketMinutes: z.number(), idleMinutes: z.number() }),
  people: z.array(
    z.object({
      userId: z.string(),
      name: z.string().nullable(),
      units: z.number(),
      lines: z.number(),
      unitsPerHour: z.number(),
      linesPerHour: z.number(),
      idleMinutes: z.number(),
      sinceLastMinutes: z.number(),
      firstAt: Iso,
      lastAt: Iso,
      flows: z.array(FlowOut),
    }),
  ),
  flows: z.array(FlowOut),
  cycle: z.object({
    count: z.number(),
    p50Minutes: z.number().nullable(),
    p90Minutes: z.number().nullable(),
    /** The longest first, at most CYCLE_LIST_MAX of them. */
    orders: z.array(z.object({ orderId: z.string(), externalId: z.string().nullable(), releasedAt: Iso, shippedAt: Iso, cycleMinutes: z.number() })),
  }),
  accuracy: z.object({ floor: AccuracyOut.omit({ userId: true, name: true }), people: z.array(AccuracyOut) }),
});
export type BoardStatsResponse = z.infer<typeof BoardStatsResponse>;

export const CYCLE_LIST_MAX = 100;

const iso = (ms: number) => new Date(ms).toISOString();
const minutes = (ms: number) => round1(ms / MINUTE);
const bucketOut = (b: Bucket) => ({ ...b, start: iso(b.start), end: iso(b.end) });
const flowOut = (f: FlowFigures) => ({ ...f, buckets: f.buckets.map(bucketOut) });

export interface BoardInputs {
  window: ShiftWindow;
  query: BoardStatsQuery;
  actions: readonly BoardAction[];
  quality: readonly PickQuality[];
  cycles: readonly (OrderCycle & { externalId?: string | null })[];
  names: ReadonlyMap<string, string>;
}

/** Every figure of the board from what the server read, as the API answers it. */
export function boardStats(i: BoardInputs): BoardStatsResponse {
  const opts = { bucketMinutes: i.query.bucketMinutes, idleMinutes: i.query.idleMinutes };
  const name = (id: string) => i.names.get(id) ?? null;
  const cycle = cycleFigures(i.cycles);
  const ext = new Map(i.cycles.map((c) => [c.orderId, c.externalId ?? null]));
  const acc = accuracyFigures(i.quality);
  const { userId: _floor, ...floor } = acc.floor;
  return {
    window: { start: iso(i.window.start), end: iso(i.window.end), hours: i.query.hours, ...opts },
    people: peopleFigures(i.actions, i.window, opts).map((p) => ({
      userId: p.userId,
      name: name(p.userId),
      units: p.units,
      lines: p.lines,
      unitsPerHour: p.unitsPerHour,
      linesPerHour: p.linesPerHour,
      idleMinutes: minutes(p.idleMs),
      sinceLastMinutes: minutes(p.sinceLastMs),
      firstAt: iso(p.firstAt),
      lastAt: iso(p.lastAt),
      flows: p.flows.map(flowOut),
    })),
    flows: floorFlows(i.actions, i.window, opts).map(flowOut),
    cycle: {
      count: cycle.count,
      p50Minutes: cycle.p50Ms === null ? null : minutes(cycle.p50Ms),
      p90Minutes: cycle.p90Ms === null ? null : minutes(cycle.p90Ms),
      orders: cycle.orders.slice(0, CYCLE_LIST_MAX).map((o) => ({
        orderId: o.orderId,
        externalId: ext.get(o.orderId) ?? null,
        releasedAt: iso(o.releasedAt),
        shippedAt: iso(o.shippedAt),
        cycleMinutes: minutes(o.cycleMs),
      })),
    },
    accuracy: { floor, people: acc.people.map((a: AccuracyFigures) => ({ ...a, name: name(a.userId) })) },
  };
}
