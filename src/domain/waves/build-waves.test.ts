import { describe, expect, it } from 'vitest';
import { buildWaves, estimateWalk, type PlanOrder, type WaveRules } from './build-waves';
import { carrierCutoff, carrierOf } from './cutoff';

const D1 = '2026-11-26';
const D2 = '2026-11-27';
/** An order with one line per [zone, walkSeq, qty]. */
function order(id: string, cutoff: string, lines: [string, number, number][], shipBy = cutoff): PlanOrder {
  return {
    id,
    ref: `SO-${id}`,
    shipBy,
    carrier: 'UPS',
    cutoff,
    lines: lines.map(([zone, walkSeq, qty], i) => ({
      lineId: `${id}-${i + 1}`,
      skuId: `sku-${id}-${i}`,
      qty,
      bins: [{ locationId: `loc-${zone}-${walkSeq}`, zone, walkSeq, qty }],
    })),
  };
}
const rules = (p: Partial<WaveRules> = {}): WaveRules => ({
  groupBy: 'cutoff', zones: 'all', mode: 'multi', maxOrders: 10, maxLines: 50, maxUnits: 100, maxTotes: 10, ...p,
});
const at = (d: string, t: string) => `${d}T${t}:00.000Z`;

const o1 = order('o1', at(D1, '15:00'), [['A', 10, 1]]);
const o2 = order('o2', at(D1, '17:00'), [['A', 20, 2], ['B', 200, 1]]);
const o3 = order('o3', at(D1, '15:00'), [['B', 150, 3]]);
const o4 = order('o4', at(D2, '15:00'), [['A', 5, 1]], at(D1, '09:00'));
const big = order('big', at(D1, '14:00'), [['A', 1, 60], ['A', 2, 60]]);

interface Case {
  name: string;
  orders: PlanOrder[];
  rules: WaveRules;
  waves: string[][];
  leftOut?: [string, string, string?][];
}

const cases: Case[] = [
  { name: 'empty input proposes nothing', orders: [], rules: rules(), waves: [] },
  { name: 'groups by cut-off, earliest first, never mixing cut-offs', orders: [o2, o4, o3, o1], rules: rules(), waves: [['o1', 'o3'], ['o2'], ['o4']] },
  { name: 'groups by ship-by when asked', orders: [o2, o4, o3, o1], rules: rules({ groupBy: 'ship_by' }), waves: [['o4'], ['o1', 'o3'], ['o2']] },
  { name: 'ties on time are broken by ref, whatever the input order', orders: [o3, o1], rules: rules(), waves: [['o1', 'o3']] },
  { name: 'single mode: one order per wave', orders: [o3, o1], rules: rules({ mode: 'single' }), waves: [['o1'], ['o3']] },
  { name: 'maxOrders splits a group', orders: [o1, o3], rules: rules({ maxOrders: 1 }), waves: [['o1'], ['o3']] },
  { name: 'maxTotes splits a group (one tote per order)', orders: [o1, o3], rules: rules({ maxTotes: 1 }), waves: [['o1'], ['o3']] },
  { name: 'maxLines splits a group', orders: [o1, o3], rules: rules({ maxLines: 1 }), waves: [['o1'], ['o3']] },
  { name: 'maxUnits splits a group', orders: [o1, o3], rules: rules({ maxUnits: 3 }), waves: [['o1'], ['o3']] },
  { name: 'limits met exactly still fit', orders: [o1, o3], rules: rules({ maxUnits: 4, maxLines: 2, maxOrders: 2, maxTotes: 2 }), waves: [['o1', 'o3']] },
  {
    name: 'an order over maxUnits alone is reported, not dropped',
    orders: [big, o1], rules: rules(), waves: [['o1']], leftOut: [['big', 'too_large', 'maxUnits']],
  },
  {
    name: 'an order over maxLines alone is reported',
    orders: [o2, o1], rules: rules({ maxLines: 1 }), waves: [['o1']], leftOut: [['o2', 'too_large', 'maxLines']],
  },
  {
    name: 'per_zone keeps each wave in one zone and reports orders that span zones',
    orders: [o1, o2, o3], rules: rules({ zones: 'per_zone' }), waves: [['o1'], ['o3']], leftOut: [['o2', 'multi_zone']],
  },
  {
    name: 'a zone list leaves out orders with any line elsewhere',
    orders: [o1, o2, o3], rules: rules({ zones: ['A'] }), waves: [['o1']], leftOut: [['o3', 'zone_excluded'], ['o2', 'zone_excluded']],
  },
  {
    name: 'an urgent order gets its own wave ahead of earlier cut-offs',
    orders: [o1, o3, { ...o4, priority: 'urgent' }], rules: rules(), waves: [['o4'], ['o1', 'o3']],
  },
  {
    name: 'a high order never shares a wave with normal ones of the same cut-off',
    orders: [o1, { ...o3, priority: 'high' }], rules: rules(), waves: [['o3'], ['o1']],
  },
  {
    name: 'urgent before high before normal, each by time within',
    orders: [{ ...o2, priority: 'high' }, { ...o4, priority: 'urgent' }, { ...o1, priority: 'high' }, o3], rules: rules(), waves: [['o4'], ['o1'], ['o2'], ['o3']],
  },
  {
    name: 'orders of one priority and time still share a wave',
    orders: [{ ...o1, priority: 'high' }, { ...o3, priority: 'high' }], rules: rules(), waves: [['o1', 'o3']],
  },
  { name: 'normal is the same as no priority', orders: [{ ...o1, priority: 'normal' }, o3], rules: rules(), waves: [['o1', 'o3']] },
];

describe('buildWaves', () => {
  it.each(cases)('$name', (c) => {
    const plan = buildWaves(c.orders, c.rules);
    expect(plan.waves.map((w) => w.orderIds)).toEqual(c.waves);
    expect(plan.waves.map((w) => w.seq)).toEqual(c.waves.map((_, i) => i + 1));
    expect(plan.leftOut.map((l) => [l.orderId, l.reason, ...(l.limit ? [l.limit] : [])])).toEqual(c.leftOut ?? []);
    for (const w of plan.waves) {
      expect(w.orders).toBeLessThanOrEqual(c.rules.mode === 'single' ? 1 : c.rules.maxOrders);
      expect(w.totes).toBeLessThanOrEqual(c.rules.maxTotes);
      expect(w.lines).toBeLessThanOrEqual(c.rules.maxLines);
      expect(w.units).toBeLessThanOrEqual(c.rules.maxUnits);
    }
    // Every order is in exactly one wave or left out.
    const seen = [...plan.waves.flatMap((w) => w.orderIds), ...plan.leftOut.map((l) => l.orderId)].sort();
    expect(seen).toEqual(c.orders.map((o) => o.id).sort());
    // Deterministic whatever the input order.
    expect(buildWaves([...c.orders].reverse(), c.rules)).toEqual(plan);
  });

  it('sums a wave: orders, lines, units, zones, totes and its walk', () => {
    const [w] = buildWaves([o1, o2], rules({ groupBy: 'ship_by' })).waves.filter((x) => x.orders === 1 && x.orderIds[0] === 'o2');
    expect(w).toMatchObject({ orders: 1, lines: 2, units: 3, zones: ['A', 'B'], totes: 1, orderRefs: ['SO-o2'], groupTime: o2.shipBy });
    expect(w!.walk).toEqual({ stops: 2, firstSeq: 20, lastSeq: 200, span: 180, seconds: Math.round(180 * 0.05 + 2 * 10 + 3 * 3) });
  });
});

describe('estimateWalk', () => {
  it.each([
    { name: 'no bins', bins: [], want: { stops: 0, span: 0, seconds: 0 } },
    { name: 'one bin twice is one stop', bins: [{ locationId: 'x', zone: 'A', walkSeq: 4, qty: 1 }, { locationId: 'x', zone: 'A', walkSeq: 4, qty: 2 }], want: { stops: 1, span: 0, seconds: 19 } },
    { name: 'span is first to last', bins: [{ locationId: 'x', zone: 'A', walkSeq: 10, qty: 1 }, { locationId: 'y', zone: 'A', walkSeq: 610, qty: 1 }], want: { stops: 2, span: 600, seconds: 56 } },
  ])('$name', ({ bins, want }) => {
    expect(estimateWalk(bins)).toMatchObject(want);
  });
});

describe('carrier cut-off', () => {
  it.each([
    ['UPS Ground', '2026-11-26T17:00:00.000Z', 'UPS', '2026-11-26T17:00:00.000Z'],
    ['USPS Priority Mail', '2026-11-26T17:00:00.000Z', 'USPS', '2026-11-26T15:00:00.000Z'],
    ['FedEx Home Delivery', '2026-11-26T09:00:00.000Z', 'FedEx', '2026-11-26T16:30:00.000Z'],
    ['Acme Freight', '2026-11-26T09:00:00.000Z', 'Acme', '2026-11-26T17:00:00.000Z'],
  ])('%s shipping by %s', (service, shipBy, carrier, cutoff) => {
    expect(carrierOf(service)).toBe(carrier);
    expect(carrierCutoff(service, shipBy)).toBe(cutoff);
  });
});
