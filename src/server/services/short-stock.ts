import type { Transaction } from 'kysely';
import type { PickShortArgs, PickShortState } from '../../domain/commands';
import { netOfOpenNeeds, type StockLot } from '../../domain/picking/allocation';
import type { Database } from '../db/schema';
import type { BatchMemory } from './push-state';
import type { WaveCache } from './wave-cache';

/** A seller's rules JSON may set the minimum shelf life at dispatch; allocation's default otherwise. */
export function minShelfLife(rules: string | null): number | undefined {
  try {
    const v = (JSON.parse(rules ?? '{}') as { minShelfLifeDays?: unknown }).minShelfLifeDays;
    return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

const key = (loc: string, lot: string | null, expiry: string | null) => JSON.stringify([loc, lot, expiry]);

/**
 * pick.short's state: the wave view of pick.confirm plus the SKU's stock per (bin, lot,
 * expiry) net of what every other open task of the SKU still needs, read in the batch's
 * transaction. The batch's own earlier movements and tasks count too (they are written
 * at its end): the ledger rows it added, and tasks as the wave cache holds them.
 */
export async function loadShortState(
  trx: Transaction<Database>,
  warehouseId: string,
  waves: WaveCache,
  batch: BatchMemory,
  a: PickShortArgs,
  now: string,
): Promise<PickShortState> {
  const base = await waves.forPick(a.waveId, a.taskId, a.toteCode);
  const today = now.slice(0, 10);
  const task = base.tasks.find((t) => t.id === a.taskId);
  if (!task || task.status !== 'open') return { ...base, stock: [], sku: { lotTracked: false, expiryTracked: false }, today };
  const sku = await trx
    .selectFrom('skus')
    .leftJoin('sellers', 'sellers.id', 'skus.seller_id')
    .select(['skus.lot_tracked', 'skus.expiry_tracked', 'sellers.rules'])
    .where('skus.id', '=', task.skuId)
    .executeTakeFirst();
  const sums = await trx
    .selectFrom('stock_ledger')
    .innerJoin('locations', 'locations.id', 'stock_ledger.location_id')
    .select(['stock_ledger.location_id', 'stock_ledger.lot', 'stock_ledger.expiry', 'locations.walk_seq', 'locations.type'])
    .select((eb) => eb.fn.sum<number>('stock_ledger.delta').as('balance'))
    .where('stock_ledger.sku_id', '=', task.skuId)
    .where('stock_ledger.warehouse_id', '=', warehouseId)
    .groupBy(['stock_ledger.location_id', 'stock_ledger.lot', 'stock_ledger.expiry', 'locations.walk_seq', 'locations.type'])
    .execute();
  const lots = new Map<string, StockLot>();
  for (const r of sums) {
    lots.set(key(r.location_id!, r.lot, r.expiry), {
      locationId: r.location_id!, walkSeq: Number(r.walk_seq), locationType: r.type as StockLot['locationType'],
      lot: r.lot, expiry: r.expiry, available: Number(r.balance),
    });
  }
  for (const m of batch.ledger) {
    const lot = m.location_id && m.sku_id === task.skuId ? lots.get(key(m.location_id, m.lot ?? null, m.expiry ?? null)) : undefined;
    if (lot) lot.available += m.delta;
  }
  // What other open tasks still need is not free: stored rows for waves this batch did
  // not load, the in-memory rows (newer) for waves it did.
  const stored = await trx
    .selectFrom('pick_tasks')
    .select(['id', 'wave_id', 'location_id', 'lot', 'qty', 'picked_qty'])
    .where('sku_id', '=', task.skuId)
    .where('status', '=', 'open')
    .where('warehouse_id', '=', warehouseId)
    .execute();
  const needs = [
    ...stored.filter((t) => !waves.holds(t.wave_id)).map((t) => ({ id: t.id, locationId: t.location_id, lot: t.lot, need: Number(t.qty) - Number(t.picked_qty) })),
    ...waves.openTasksOfSku(task.skuId).map((t) => ({ id: t.id, locationId: t.locationId, lot: t.lot, need: t.qty - t.pickedQty })),
  ];
  const all = [...lots.values()];
  netOfOpenNeeds(all, needs, task.id);
  const days = minShelfLife(sku?.rules ?? null);
  return {
    ...base,
    stock: all,
    sku: { lotTracked: Boolean(Number(sku?.lot_tracked ?? 0)), expiryTracked: Boolean(Number(sku?.expiry_tracked ?? 0)) },
    today,
    ...(days !== undefined ? { minShelfLifeDays: days } : {}),
  };
}
