import type { Transaction } from 'kysely';
import type { ReturnGradeArgs } from '../../domain/commands';
import { suggestPutaway, STORAGE_LOCATION_TYPES } from '../../domain/inventory/putaway';
import { dispositionFor } from '../../domain/inventory/returns';
import { countsAsReturned, type ReturnGradeState } from '../../domain/inventory/return-grade';
import type { ReturnableOrder } from '../../domain/inventory/snapshot';
import type { Database } from '../db/schema';
import type { DecideEnv } from './push-decide';

type Line = ReturnableOrder['lines'][number];

/** Parses a JSON column, or gives the raw text back (rules nobody can read quarantine everything). */
export function parseJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * What an order sent, per SKU and lot: its cartons' contents (what the packer verified),
 * else its order lines when no carton lists anything (packed before cartons kept contents).
 */
export async function shippedLines(trx: Transaction<Database>, orderIds: readonly string[]): Promise<Map<string, { lines: Line[]; tracking: string[] }>> {
  const out = new Map<string, { lines: Map<string, Line>; tracking: string[] }>();
  const of = (id: string) => {
    let o = out.get(id);
    if (!o) out.set(id, (o = { lines: new Map(), tracking: [] }));
    return o;
  };
  for (let i = 0; i < orderIds.length; i += 500) {
    const ids = orderIds.slice(i, i + 500);
    const cartons = await trx.selectFrom('cartons').select(['order_id', 'tracking_number', 'contents']).where('order_id', 'in', ids).orderBy('seq').execute();
    for (const c of cartons) {
      const o = of(c.order_id);
      o.tracking.push(c.tracking_number);
      const items = parseJson(c.contents);
      for (const it of Array.isArray(items) ? (items as { skuId?: unknown; lot?: unknown; qty?: unknown }[]) : []) {
        if (typeof it.skuId !== 'string' || typeof it.qty !== 'number' || it.qty <= 0) continue;
        const lot = typeof it.lot === 'string' ? it.lot : null;
        const k = JSON.stringify([it.skuId, lot]);
        const l = o.lines.get(k) ?? { skuId: it.skuId, lot, qty: 0 };
        l.qty += it.qty;
        o.lines.set(k, l);
      }
    }
    const withContents = new Set(ids.filter((id) => (out.get(id)?.lines.size ?? 0) > 0));
    const lines = await trx.selectFrom('order_lines').select(['order_id', 'sku_id', 'qty']).where('order_id', 'in', ids).orderBy('line_no').execute();
    for (const l of lines) {
      if (withContents.has(l.order_id)) continue;
      const o = of(l.order_id);
      const k = JSON.stringify([l.sku_id, null]);
      const row = o.lines.get(k) ?? { skuId: l.sku_id, lot: null, qty: 0 };
      row.qty += Number(l.qty);
      o.lines.set(k, row);
    }
  }
  return new Map([...out].map(([id, o]) => [id, { lines: [...o.lines.values()], tracking: o.tracking }]));
}

/** Units graded back per order and SKU (wrong items excluded: the ordered unit may still come). */
export async function returnedUnits(trx: Transaction<Database>, orderIds: readonly string[]): Promise<Map<string, ReturnableOrder['returned']>> {
  const out = new Map<string, ReturnableOrder['returned']>();
  for (let i = 0; i < orderIds.length; i += 500) {
    const rows = await trx
      .selectFrom('return_lines')
      .innerJoin('returns', 'returns.id', 'return_lines.return_id')
      .select(['returns.order_id', 'return_lines.sku_id', 'return_lines.grade', 'return_lines.qty'])
      .where('returns.order_id', 'in', orderIds.slice(i, i + 500))
      .execute();
    for (const r of rows) {
      if (!countsAsReturned(r.grade)) continue;
      const list = out.get(r.order_id) ?? [];
      const e = list.find((x) => x.skuId === r.sku_id);
      if (e) e.qty += Number(r.qty);
      else list.push({ skuId: r.sku_id, qty: Number(r.qty) });
      out.set(r.order_id, list);
    }
  }
  return out;
}

/** return.grade's state, read inside the batch's transaction (earlier returns of the batch are written already). */
export async function loadReturnState(env: DecideEnv, a: ReturnGradeArgs): Promise<ReturnGradeState> {
  const { trx, warehouseId } = env;
  const order = await trx
    .selectFrom('orders')
    .select(['id', 'external_id', 'seller_id', 'status'])
    .where('id', '=', a.orderId)
    .where('warehouse_id', '=', warehouseId)
    .executeTakeFirst();
  const location = await trx.selectFrom('locations').select(['id', 'type']).where('id', '=', a.locationId).where('warehouse_id', '=', warehouseId).executeTakeFirst();
  const returnExists = (await trx.selectFrom('returns').select('id').where('id', '=', a.returnId).executeTakeFirst()) !== undefined;
  if (!order) return { order: null, location: location ?? null, sellerRules: null, returnExists };
  const seller = await trx.selectFrom('sellers').select('rules').where('id', '=', order.seller_id).executeTakeFirst();
  const sellerRules = parseJson(seller?.rules ?? null);
  const shipped = (await shippedLines(trx, [order.id])).get(order.id)?.lines ?? [];
  const returned = (await returnedUnits(trx, [order.id])).get(order.id) ?? [];

  const found = [...new Set(a.units.map((u) => u.foundSkuId).filter((s): s is string => s !== null))];
  const known = new Set(
    found.length === 0 ? [] : (await trx.selectFrom('skus').select('id').where('id', 'in', found).where('warehouse_id', '=', warehouseId).execute()).map((s) => s.id),
  );
  const lotted = a.units.filter((u) => u.lot !== null);
  const expiries = new Map<string, string>();
  if (lotted.length > 0) {
    const rows = await trx
      .selectFrom('stock_ledger')
      .select(['sku_id', 'lot', (eb) => eb.fn.max<string>('expiry').as('expiry')])
      .where('warehouse_id', '=', warehouseId)
      .where('sku_id', 'in', [...new Set(lotted.map((u) => (u.grade === 'wrong_item' ? (u.foundSkuId ?? u.skuId) : u.skuId)))])
      .where('lot', 'in', [...new Set(lotted.map((u) => u.lot!))])
      .where('expiry', 'is not', null)
      .groupBy(['sku_id', 'lot'])
      .execute();
    for (const r of rows) if (r.expiry) expiries.set(JSON.stringify([r.sku_id, r.lot]), r.expiry);
  }
  const restocks = a.units.some((u) => dispositionFor(u.grade, sellerRules, { sealed: u.sealed }).disposition === 'restock');
  return {
    order: { orderId: order.id, ref: order.external_id, sellerId: order.seller_id, status: env.batch.orderStatus.get(order.id) ?? order.status, lines: shipped, returned },
    location: location ?? null,
    sellerRules,
    returnExists,
    skuExists: (id) => known.has(id),
    expiryOf: (sku, lot) => expiries.get(JSON.stringify([sku, lot])) ?? null,
    ...(restocks ? { suggest: await putawaySuggester(trx, warehouseId, a.locationId) } : {}),
  };
}

/**
 * suggestPutaway over the warehouse's storage bins and their balances. Suggestions made
 * for earlier units of the same return count as used, so two restocks do not both pick
 * the last empty reserve bin.
 */
async function putawaySuggester(trx: Transaction<Database>, warehouseId: string, fromLocationId: string) {
  const types = [...STORAGE_LOCATION_TYPES];
  const locs = await trx
    .selectFrom('locations')
    .select(['id', 'code', 'zone', 'type', 'walk_seq', 'capacity'])
    .where('warehouse_id', '=', warehouseId)
    .where('type', 'in', types)
    .execute();
  const locations = locs.map((l) => ({
    id: l.id, code: l.code, zone: l.zone, type: l.type as (typeof types)[number], walkSeq: Number(l.walk_seq), capacity: l.capacity === null ? null : Number(l.capacity),
  }));
  const rows = await trx
    .selectFrom('stock_ledger')
    .innerJoin('locations', 'locations.id', 'stock_ledger.location_id')
    .select(['stock_ledger.location_id', 'stock_ledger.sku_id', (eb) => eb.fn.sum<number>('stock_ledger.delta').as('qty')])
    .where('stock_ledger.warehouse_id', '=', warehouseId)
    .where('locations.type', 'in', types)
    .groupBy(['stock_ledger.location_id', 'stock_ledger.sku_id'])
    .execute();
  const balances = rows.map((r) => ({ locationId: r.location_id!, skuId: r.sku_id, qty: Number(r.qty) }));
  return (skuId: string, qty: number): string | null => {
    const s = suggestPutaway({ sku: { id: skuId }, qty, locations, balances, fromLocationId });
    if (!s.location) return null;
    balances.push({ locationId: s.location.id, skuId, qty });
    return s.location.id;
  };
}
