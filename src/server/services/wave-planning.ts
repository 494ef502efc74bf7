import type { Kysely } from 'kysely';
import { allocate, netOfOpenNeeds, type StockLot } from '../../domain/picking/allocation';
import { PRIORITIES, type Priority } from '../../domain/lead/orders';
import { buildWaves, PRIORITY_RANK, type LeftOut, type PlanBin, type PlanLine, type PlanOrder, type ProposedWave, type WaveRules } from '../../domain/waves/build-waves';
import { carrierCutoff, carrierOf } from '../../domain/waves/cutoff';
import type { Database } from '../db/schema';
import { minShelfLife } from './short-stock';

/** A line no stock covers, so its order cannot go into a wave yet. */
export interface ShortLine {
  lineId: string;
  skuId: string;
  qty: number;
  shortQty: number;
}

export type PlanLeftOut = LeftOut & { shortLines?: ShortLine[] };

export interface WavePreview {
  /** Released orders not yet in any wave, all of them considered. */
  considered: number;
  waves: ProposedWave[];
  leftOut: PlanLeftOut[];
}

export interface ReleasedOrder {
  id: string;
  ref: string;
  sellerId: string;
  service: string;
  shipBy: string;
  priority: Priority;
  lines: { id: string; skuId: string; qty: number }[];
}

const CHUNK = 500;
const chunks = <T>(xs: readonly T[]) => Array.from({ length: Math.ceil(xs.length / CHUNK) }, (_, i) => xs.slice(i * CHUNK, (i + 1) * CHUNK));

/** Orders released but in no wave (no pick task names them); all of them, or those of `onlyIds`. */
export async function releasedOrders(db: Kysely<Database>, warehouseId: string, onlyIds?: readonly string[]): Promise<ReleasedOrder[]> {
  let q = db.selectFrom('orders');
  if (onlyIds) q = q.where('id', 'in', onlyIds.length > 0 ? [...onlyIds] : ['']);
  const orders = await q
    .select(['id', 'external_id', 'seller_id', 'carrier_service', 'ship_by', 'priority'])
    .where('warehouse_id', '=', warehouseId)
    .where('status', '=', 'released')
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('pick_tasks').select('pick_tasks.id').whereRef('pick_tasks.order_id', '=', 'orders.id'))))
    .orderBy('id')
    .execute();
  const lines = new Map<string, ReleasedOrder['lines']>();
  for (const part of chunks(orders.map((o) => o.id))) {
    // A line a lead cancelled is not picked (POST /api/orders/:id/cancel-lines).
    const rows = await db
      .selectFrom('order_lines')
      .select(['id', 'order_id', 'sku_id', 'qty'])
      .where('order_id', 'in', part)
      .where('cancelled_at', 'is', null)
      .orderBy('order_id')
      .orderBy('line_no')
      .execute();
    for (const r of rows) lines.set(r.order_id, [...(lines.get(r.order_id) ?? []), { id: r.id, skuId: r.sku_id, qty: Number(r.qty) }]);
  }
  return orders.map((o) => ({
    id: o.id, ref: o.external_id, sellerId: o.seller_id, service: o.carrier_service, shipBy: o.ship_by,
    priority: (PRIORITIES as readonly string[]).includes(o.priority) ? (o.priority as Priority) : 'normal',
    lines: lines.get(o.id) ?? [],
  }));
}

interface SkuFacts {
  lotTracked: boolean;
  expiryTracked: boolean;
  minShelfLifeDays: number | undefined;
  stock: StockLot[];
}

/** Each SKU's pickable balances per (bin, lot, expiry), net of what open pick tasks still need. */
async function skuFacts(db: Kysely<Database>, warehouseId: string, skuIds: string[]): Promise<{ facts: Map<string, SkuFacts>; zoneOf: Map<string, string> }> {
  const facts = new Map<string, SkuFacts>();
  const zoneOf = new Map<string, string>();
  for (const part of chunks(skuIds)) {
    const skus = await db
      .selectFrom('skus')
      .leftJoin('sellers', 'sellers.id', 'skus.seller_id')
      .select(['skus.id', 'skus.lot_tracked', 'skus.expiry_tracked', 'sellers.rules'])
      .where('skus.id', 'in', part)
      .execute();
    for (const s of skus) {
      facts.set(s.id, { lotTracked: Boolean(Number(s.lot_tracked)), expiryTracked: Boolean(Number(s.expiry_tracked)), minShelfLifeDays: minShelfLife(s.rules), stock: [] });
    }
    const sums = await db
      .selectFrom('stock_ledger')
      .innerJoin('locations', 'locations.id', 'stock_ledger.location_id')
      .select(['stock_ledger.sku_id', 'stock_ledger.location_id', 'stock_ledger.lot', 'stock_ledger.expiry', 'locations.walk_seq', 'locations.type', 'locations.zone'])
      .select((eb) => eb.fn.sum<number>('stock_ledger.delta').as('balance'))
      .where('stock_ledger.warehouse_id', '=', warehouseId)
      .where('stock_ledger.sku_id', 'in', part)
      .where('locations.type', 'in', ['pick_face', 'reserve'])
      .groupBy(['stock_ledger.sku_id', 'stock_ledger.location_id', 'stock_ledger.lot', 'stock_ledger.expiry', 'locations.walk_seq', 'locations.type', 'locations.zone'])
      .execute();
    for (const r of sums) {
      zoneOf.set(r.location_id!, r.zone);
      facts.get(r.sku_id)?.stock.push({
        locationId: r.location_id!, walkSeq: Number(r.walk_seq), locationType: r.type as StockLot['locationType'],
        lot: r.lot, expiry: r.expiry, available: Number(r.balance),
      });
    }
    const open = await db
      .selectFrom('pick_tasks')
      .select(['id', 'sku_id', 'location_id', 'lot', 'qty', 'picked_qty'])
      .where('warehouse_id', '=', warehouseId)
      .where('status', '=', 'open')
      .where('sku_id', 'in', part)
      .execute();
    for (const [skuId, f] of facts) {
      if (!part.includes(skuId)) continue;
      const needs = open.filter((t) => t.sku_id === skuId).map((t) => ({ id: t.id, locationId: t.location_id, lot: t.lot, need: Number(t.qty) - Number(t.picked_qty) }));
      netOfOpenNeeds(f.stock, needs, '');
    }
  }
  return { facts, zoneOf };
}

/** A bin as released: the allocation's lot and expiry ride along for the pick task. */
export type ReleaseBin = PlanBin & { lot: string | null; expiry: string | null };
export type AllocatedLine = Omit<PlanLine, 'bins'> & { bins: ReleaseBin[] };
export type AllocatedOrder = Omit<PlanOrder, 'lines'> & { lines: AllocatedLine[] };

/**
 * Chooses each order's bins (allocation's rules: pick face before reserve, FEFO for
 * expiry-tracked SKUs) in the order given, so the first order gets the units when two
 * compete. An order is placed whole or not at all. Reads only.
 */
export async function allocateOrders(
  db: Kysely<Database>,
  warehouseId: string,
  orders: readonly { o: ReleasedOrder; cutoff: string }[],
  now: string,
): Promise<{ allocated: AllocatedOrder[]; noStock: PlanLeftOut[] }> {
  const { facts, zoneOf } = await skuFacts(db, warehouseId, [...new Set(orders.flatMap(({ o }) => o.lines.map((l) => l.skuId)))].sort());
  const today = now.slice(0, 10);
  const allocated: AllocatedOrder[] = [];
  const noStock: PlanLeftOut[] = [];
  for (const { o, cutoff } of orders) {
    const lines: AllocatedOrder['lines'] = [];
    const short: ShortLine[] = [];
    const taken: { lot: StockLot; qty: number }[] = [];
    for (const l of o.lines) {
      const f = facts.get(l.skuId);
      const r = f
        ? allocate({ skuId: l.skuId, qty: l.qty }, f, f.stock, { today, ...(f.minShelfLifeDays !== undefined ? { minShelfLifeDays: f.minShelfLifeDays } : {}) })
        : { allocations: [], shortQty: l.qty };
      if (r.shortQty > 0 || r.allocations.length === 0) {
        short.push({ lineId: l.id, skuId: l.skuId, qty: l.qty, shortQty: r.shortQty > 0 ? r.shortQty : l.qty });
        continue;
      }
      // Held at once so the order's next line (and later orders) never count these units again.
      for (const a of r.allocations) {
        const lot = f!.stock.find((s) => s.locationId === a.locationId && s.lot === a.lot && (s.expiry ?? '').slice(0, 10) === (a.expiry ?? ''));
        if (lot) {
          lot.available -= a.qty;
          taken.push({ lot, qty: a.qty });
        }
      }
      lines.push({
        lineId: l.id, skuId: l.skuId, qty: l.qty,
        bins: r.allocations.map((a) => ({ locationId: a.locationId, zone: zoneOf.get(a.locationId) ?? '', walkSeq: a.walkSeq, qty: a.qty, lot: a.lot, expiry: a.expiry })),
      });
    }
    if (short.length > 0 || o.lines.length === 0) {
      // What its other lines took goes back.
      for (const t of taken) t.lot.available += t.qty;
      noStock.push({ orderId: o.id, ref: o.ref, reason: 'no_stock', shortLines: short });
      continue;
    }
    allocated.push({ id: o.id, ref: o.ref, shipBy: o.shipBy, carrier: carrierOf(o.service), cutoff, priority: o.priority, lines });
  }
  return { allocated, noStock };
}

/** Most urgent first (priority, then time under the rules' grouping, ties by ref then id): the order buildWaves uses. */
export function byUrgency(released: readonly ReleasedOrder[], groupBy: WaveRules['groupBy']) {
  const timed = released.map((o) => ({ o, cutoff: carrierCutoff(o.service, o.shipBy) }));
  const time = (x: (typeof timed)[number]) => (groupBy === 'cutoff' ? x.cutoff : x.o.shipBy);
  return timed.sort(
    (a, b) =>
      PRIORITY_RANK[a.o.priority] - PRIORITY_RANK[b.o.priority] ||
      time(a).localeCompare(time(b)) ||
      a.o.ref.localeCompare(b.o.ref) ||
      a.o.id.localeCompare(b.o.id),
  );
}

/** The waves the rules would build from every released order not yet in a wave. Writes nothing. */
export async function previewWaves(db: Kysely<Database>, warehouseId: string, rules: WaveRules, now: string): Promise<WavePreview> {
  const released = await releasedOrders(db, warehouseId);
  const { allocated, noStock } = await allocateOrders(db, warehouseId, byUrgency(released, rules.groupBy), now);
  const built = buildWaves(allocated, rules);
  return { considered: released.length, waves: built.waves, leftOut: [...built.leftOut, ...noStock] };
}
