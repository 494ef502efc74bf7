import type { Kysely } from 'kysely';
import type { FaceLimitsResponse, ReplenishmentView, ReplenishmentsQuery } from '../../domain/replenish/api';
import { effectiveLimits } from '../../domain/replenish/limits';
import type { ReplenishStatus } from '../../domain/replenish/types';
import type { Database } from '../db/schema';
import { withReplenish } from './replenish-schema';

/** Replenishments for the lead's board, oldest first, with bin and SKU codes. */
export async function listReplenishments(db: Kysely<Database>, warehouseId: string, q: ReplenishmentsQuery): Promise<ReplenishmentView[]> {
  const statuses = q.status === 'active' ? ['open', 'no_stock'] : [q.status];
  const rows = await withReplenish(db)
    .selectFrom('replenishment_tasks as r')
    .innerJoin('locations as f', 'f.id', 'r.location_id')
    .innerJoin('skus as s', 's.id', 'r.sku_id')
    .leftJoin('locations as b', 'b.id', 'r.from_location_id')
    .select([
      'r.id', 'r.status', 'r.location_id', 'f.code as face_code', 'r.sku_id', 's.code as sku_code', 's.name as sku_name', 'r.seller_id',
      'r.from_location_id', 'b.code as from_code', 'r.lot', 'r.expiry', 'r.qty', 'r.min_qty', 'r.max_qty', 'r.on_hand', 'r.created_at',
      'r.done_by', 'r.done_qty', 'r.done_at',
    ])
    .where('r.warehouse_id', '=', warehouseId)
    .where('r.status', 'in', statuses)
    .orderBy('r.created_at')
    .orderBy('r.id')
    .limit(q.limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    status: r.status as ReplenishStatus,
    pickFace: { id: r.location_id, code: r.face_code },
    sku: { id: r.sku_id, code: r.sku_code, name: r.sku_name },
    sellerId: r.seller_id,
    from: r.from_location_id && r.from_code ? { id: r.from_location_id, code: r.from_code } : null,
    lot: r.lot,
    expiry: r.expiry,
    qty: Number(r.qty),
    minQty: Number(r.min_qty),
    maxQty: Number(r.max_qty),
    onHandAtRaise: Number(r.on_hand),
    createdAt: r.created_at,
    doneBy: r.done_by,
    doneQty: r.done_qty === null ? null : Number(r.done_qty),
    doneAt: r.done_at,
  }));
}

/** A pick face's SKUs (held now, or with limits set) and the limits in force for each. */
export async function readFaceLimits(db: Kysely<Database>, face: { id: string; code: string }): Promise<FaceLimitsResponse> {
  const rdb = withReplenish(db);
  const held = await db
    .selectFrom('stock_ledger')
    .select(['sku_id', (eb) => eb.fn.sum<number>('delta').as('qty')])
    .where('location_id', '=', face.id)
    .groupBy('sku_id')
    .execute();
  const rows = await rdb.selectFrom('pick_face_limits').selectAll().where('location_id', '=', face.id).execute();
  const onHand = new Map(held.map((h) => [h.sku_id, Number(h.qty)]));
  const limits = new Map(rows.map((r) => [r.sku_id, { minQty: Number(r.min_qty), maxQty: Number(r.max_qty) }]));
  const ids = [...new Set([...held.filter((h) => Number(h.qty) !== 0).map((h) => h.sku_id), ...limits.keys()])];
  const skus = ids.length ? await db.selectFrom('skus').select(['id', 'code', 'low_stock_threshold']).where('id', 'in', ids).orderBy('code').execute() : [];
  return {
    locationId: face.id,
    code: face.code,
    skus: skus.map((s) => {
      const l = effectiveLimits(limits.get(s.id) ?? null, Number(s.low_stock_threshold));
      return { skuId: s.id, skuCode: s.code, onHand: onHand.get(s.id) ?? 0, minQty: l.min, maxQty: l.max, source: l.source };
    }),
  };
}
