import type { Transaction } from 'kysely';
import { hasAnyRole } from '../../domain/roles';
import { REPLENISH_ROLES, type ReplenishSnapshot, type ReplenishStatus } from '../../domain/replenish/types';
import type { Database } from '../db/schema';
import { withReplenish } from './replenish-schema';

/**
 * Replenishment's working set for receivers and leads (and admins): every open task of
 * the warehouse, whole, on the last page of a pull like receiving's; undefined for other
 * roles. no_stock tasks stay on the lead's board: there is nothing to carry yet.
 */
export async function readReplenishSnapshot(trx: Transaction<Database>, warehouseId: string, userId: string | null): Promise<ReplenishSnapshot | undefined> {
  if (!userId) return undefined;
  const user = await trx.selectFrom('users').select('roles').where('id', '=', userId).where('warehouse_id', '=', warehouseId).executeTakeFirst();
  if (!user || !hasAnyRole(JSON.parse(user.roles) as string[], REPLENISH_ROLES)) return undefined;
  const rows = await withReplenish(trx)
    .selectFrom('replenishment_tasks')
    .select(['id', 'location_id', 'sku_id', 'from_location_id', 'lot', 'expiry', 'qty', 'status', 'min_qty', 'max_qty', 'created_at', 'version'])
    .where('warehouse_id', '=', warehouseId)
    .where('status', '=', 'open')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return {
    tasks: rows.map((r) => ({
      id: r.id,
      locationId: r.location_id,
      skuId: r.sku_id,
      fromLocationId: r.from_location_id,
      lot: r.lot,
      expiry: r.expiry,
      qty: Number(r.qty),
      status: r.status as ReplenishStatus,
      minQty: Number(r.min_qty),
      maxQty: Number(r.max_qty),
      createdAt: r.created_at,
      version: Number(r.version),
    })),
  };
}
