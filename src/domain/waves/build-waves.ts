import type { Priority } from '../lead/orders';
/**
 * Wave building (issue 7): proposes waves from released orders under a lead's rules.
 * Pure and deterministic: the same orders and rules always give the same waves, so a
 * preview the lead approved is what a release would create. Where each line is picked
 * from (the allocation) is chosen by the caller.
 */

/** One bin a line's units come from, as the allocation chose it. */
export interface PlanBin {
  locationId: string;
  zone: string;
  walkSeq: number;
  qty: number;
}

export interface PlanLine {
  lineId: string;
  skuId: string;
  qty: number;
  /** At least one; a line split across bins has several. */
  bins: PlanBin[];
}

export interface PlanOrder {
  id: string;
  ref: string;
  /** ISO timestamps. */
  shipBy: string;
  carrier: string;
  /** When the carrier's truck leaves for this order (see carrierCutoff). */
  cutoff: string;
  /** Raised by a lead (POST /api/orders/:id/priority); absent means normal. */
  priority?: Priority;
  lines: PlanLine[];
}

/** Urgent orders are planned before high, high before normal, whatever their times. */
export const PRIORITY_RANK: Record<Priority, number> = { urgent: 0, high: 1, normal: 2 };
const rankOf = (o: PlanOrder) => PRIORITY_RANK[o.priority ?? 'normal'];

/** 'all': any zone; 'per_zone': every wave stays in one zone; a list: only those zones. */
export type ZoneRule = 'all' | 'per_zone' | readonly string[];

export interface WaveRules {
  groupBy: 'cutoff' | 'ship_by';
  zones: ZoneRule;
  /** single: one order per wave; multi: several orders on a cart, one tote each. */
  mode: 'single' | 'multi';
  maxOrders: number;
  maxLines: number;
  maxUnits: number;
  maxTotes: number;
}

export interface WalkEstimate {
  /** Distinct bins visited. */
  stops: number;
  firstSeq: number;
  lastSeq: number;
  /** lastSeq - firstSeq: walk-sequence steps from the first stop to the last. */
  span: number;
  /** See estimateWalk. */
  seconds: number;
}

export interface ProposedWave {
  seq: number;
  mode: 'single' | 'multi';
  /** The group's time (cut-off or ship-by) shared by its orders. */
  groupTime: string;
  orderIds: string[];
  orderRefs: string[];
  orders: number;
  lines: number;
  units: number;
  /** Sorted. */
  zones: string[];
  totes: number;
  walk: WalkEstimate;
}

export type LeftOutReason = 'too_large' | 'zone_excluded' | 'multi_zone' | 'no_stock';
export interface LeftOut {
  orderId: string;
  ref: string;
  reason: LeftOutReason;
  /** For too_large: the first limit the order alone exceeds. */
  limit?: 'maxLines' | 'maxUnits';
}

export interface WavePlan {
  waves: ProposedWave[];
  leftOut: LeftOut[];
}

/**
 * The walk model, deliberately simple: walk sequences number the bins along the pick
 * path, 10 apart per bin, so a bay of three levels spans 30 (the demo layout): about
 * 1.2 m, ~1.5 s with a cart, hence 0.05 s a step. A wave walks from its first stop to its
 * last once, stops at each distinct bin (~10 s to find, scan and turn) and handles each
 * unit (~3 s). Good for comparing proposals, not for payroll.
 */
export const WALK_MODEL = { secondsPerSeqStep: 0.05, secondsPerStop: 10, secondsPerUnit: 3 } as const;

export function estimateWalk(bins: readonly PlanBin[]): WalkEstimate {
  if (bins.length === 0) return { stops: 0, firstSeq: 0, lastSeq: 0, span: 0, seconds: 0 };
  const stops = new Set(bins.map((b) => b.locationId)).size;
  const seqs = bins.map((b) => b.walkSeq);
  const firstSeq = Math.min(...seqs);
  const lastSeq = Math.max(...seqs);
  const units = bins.reduce((n, b) => n + b.qty, 0);
  const seconds = Math.round(
    (lastSeq - firstSeq) * WALK_MODEL.secondsPerSeqStep + stops * WALK_MODEL.secondsPerStop + units * WALK_MODEL.secondsPerUnit,
  );
  return { stops, firstSeq, lastSeq, span: lastSeq - firstSeq, seconds };
}

const zonesOf = (o: PlanOrder) => [...new Set(o.lines.flatMap((l) => l.bins.map((b) => b.zone)))].sort();
const unitsOf = (o: PlanOrder) => o.lines.reduce((n, l) => n + l.qty, 0);
const groupTime = (o: PlanOrder, rules: WaveRules) => (rules.groupBy === 'cutoff' ? o.cutoff : o.shipBy);

interface Open {
  key: string;
  rank: number;
  time: string;
  orders: PlanOrder[];
  lines: number;
  units: number;
}

function fits(w: Open, o: PlanOrder, rules: WaveRules): boolean {
  const orders = w.orders.length + 1;
  const cap = rules.mode === 'single' ? 1 : Math.min(rules.maxOrders, rules.maxTotes);
  return orders <= cap && w.lines + o.lines.length <= rules.maxLines && w.units + unitsOf(o) <= rules.maxUnits;
}

function close(w: Open, seq: number, mode: WaveRules['mode']): ProposedWave {
  const bins = w.orders.flatMap((o) => o.lines.flatMap((l) => l.bins));
  return {
    seq,
    mode,
    groupTime: w.time,
    orderIds: w.orders.map((o) => o.id),
    orderRefs: w.orders.map((o) => o.ref),
    orders: w.orders.length,
    lines: w.lines,
    units: w.units,
    zones: [...new Set(bins.map((b) => b.zone))].sort(),
    // One tote per order in both modes: a single-order wave is one order in one tote.
    totes: w.orders.length,
    walk: estimateWalk(bins),
  };
}

/**
 * Orders go by priority (urgent, high, normal; each planned as its own group), then
 * earliest group time first (ties: ref, then id), each into the open wave of
 * its group (its time, and its zone under per_zone); when it would break any maximum the
 * wave is closed and a new one opened, so urgent orders are never held behind later ones.
 * An order that breaks a maximum on its own is left out, as are orders outside the
 * allowed zones and, under per_zone, orders that span zones.
 */
export function buildWaves(orders: readonly PlanOrder[], rules: WaveRules): WavePlan {
  const leftOut: LeftOut[] = [];
  const sorted = [...orders].sort(
    (a, b) =>
      rankOf(a) - rankOf(b) || groupTime(a, rules).localeCompare(groupTime(b, rules)) || a.ref.localeCompare(b.ref) || a.id.localeCompare(b.id),
  );
  const allowed = Array.isArray(rules.zones) ? new Set(rules.zones as readonly string[]) : null;
  const open = new Map<string, Open>();
  const done: Open[] = [];
  for (const o of sorted) {
    const zones = zonesOf(o);
    if (allowed && zones.some((z) => !allowed.has(z))) {
      leftOut.push({ orderId: o.id, ref: o.ref, reason: 'zone_excluded' });
      continue;
    }
    if (rules.zones === 'per_zone' && zones.length > 1) {
      leftOut.push({ orderId: o.id, ref: o.ref, reason: 'multi_zone' });
      continue;
    }
    if (o.lines.length > rules.maxLines || unitsOf(o) > rules.maxUnits) {
      leftOut.push({ orderId: o.id, ref: o.ref, reason: 'too_large', limit: o.lines.length > rules.maxLines ? 'maxLines' : 'maxUnits' });
      continue;
    }
    const time = groupTime(o, rules);
    // A raised order never shares a wave with lower ones: its wave goes out first.
    const key = JSON.stringify([rankOf(o), time, rules.zones === 'per_zone' ? (zones[0] ?? '') : '']);
    let w = open.get(key);
    if (w && !fits(w, o, rules)) {
      done.push(w);
      w = undefined;
    }
    if (!w) {
      w = { key, rank: rankOf(o), time, orders: [], lines: 0, units: 0 };
      open.set(key, w);
    }
    w.orders.push(o);
    w.lines += o.lines.length;
    w.units += unitsOf(o);
  }
  done.push(...open.values());
  // Numbered by urgency: priority, group time, then the first order's place in the sorted list.
  const place = new Map(sorted.map((o, i) => [o.id, i]));
  done.sort((a, b) => a.rank - b.rank || a.time.localeCompare(b.time) || place.get(a.orders[0]!.id)! - place.get(b.orders[0]!.id)!);
  return { waves: done.map((w, i) => close(w, i + 1, rules.mode)), leftOut };
}
