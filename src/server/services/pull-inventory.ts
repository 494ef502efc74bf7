import type { Transaction } from 'kysely';
import { RETURNABLE_ORDER_STATUSES } from '../../domain/inventory/return-grade';
import type { InventorySnapshot, ReturnableOrder } from '../../domain/inventory/snapshot';
import { hasAnyRole, type Role } from '../../domain/roles';
import type { Database } from '../db/schema';
import { toCountTaskView } from './count-state';
import { parseJson, returnedUnits, shippedLines } from './returns-state';

/** Who counts (count.submit's roles) and who grades returns (return.grade's). */
const COUNT_ROLES: Role[] = ['picker', 'packer', 'receiver', 'returns', 'lead'];
const RETURNS_ROLES: Role[] = ['returns', 'lead'];
/** How far back a customer's return is still received against its order. */
export const RETURN_WINDOW_DAYS = 90;
/** A device holds at most this many open count tasks; a lead's periodic schedule can make many. */
const MAX_COUNT_TASKS = 500;

/** Counting and returns' working set for floor roles; undefined for others. */
export async function readInventorySnapshot(trx: Transaction<Database>, warehouseId: string, userId: string | null): Promise<InventorySnapshot | undefined> {
  if (userId === null) return undefined;
  const user = await trx.selectFrom('users').select('roles').where('id', '=', userId).where('warehouse_id', '=', warehouseId).executeTakeFirst();
  const roles = user ? (parseJson(user.roles) as string[]) : [];
  const counts = hasAnyRole(roles, COUNT_ROLES);
  const returns = hasAnyRole(roles, RETURNS_ROLES);
  if (!counts && !returns) return undefined;
  return {
    countTasks: counts ? await openCountTasks(trx, warehouseId, userId) : [],
    returnables: returns ? await returnableOrders(trx, warehouseId, new Date()) : [],
    returnRules: returns ? await sellerReturnRules(trx, warehouseId) : [],
  };
}

/** Open tasks this user may count: not assigned to someone else, not a recount of their own count. Blind. */
async function openCountTasks(trx: Transaction<Database>, warehouseId: string, userId: string) {
  const rows = await trx
    .selectFrom('count_tasks')
    .selectAll()
    .where('warehouse_id', '=', warehouseId)
    .where('status', '=', 'open')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows
    .map(toCountTaskView)
    .filter((t) => (t.assignedTo === null || t.assignedTo === userId) && !t.excludeUserIds.includes(userId))
    .slice(0, MAX_COUNT_TASKS);
}

/** Shipped (or packed) orders of the last RETURN_WINDOW_DAYS, with what was sent and what came back. */
export async function returnableOrders(trx: Transaction<Database>, warehouseId: string, now: Date): Promise<ReturnableOrder[]> {
  const since = new Date(now.getTime() - RETURN_WINDOW_DAYS * 86_400_000).toISOString();
  const orders = await trx
    .selectFrom('orders')
    .select(['id', 'external_id', 'seller_id', 'status'])
    .where('warehouse_id', '=', warehouseId)
    .where('status', 'in', [...RETURNABLE_ORDER_STATUSES])
    .where((eb) => eb(eb.fn.coalesce('shipped_at', 'packed_at', 'created_at'), '>=', since))
    .orderBy('id')
    .execute();
  const ids = orders.map((o) => o.id);
  const shipped = await shippedLines(trx, ids);
  const returned = await returnedUnits(trx, ids);
  return orders.map((o) => ({
    orderId: o.id,
    ref: o.external_id,
    sellerId: o.seller_id,
    status: o.status,
    trackingNumbers: shipped.get(o.id)?.tracking ?? [],
    lines: shipped.get(o.id)?.lines ?? [],
    returned: returned.get(o.id) ?? [],
  }));
}

/** Each seller's `returns` rule only (returnRulesOf reads `{ returns }`): the rest of their rules is not the floor's business. */
async function sellerReturnRules(trx: Transaction<Database>, warehouseId: string) {
  const sellers = await trx.selectFrom('sellers').select(['id', 'rules']).where('warehouse_id', '=', warehouseId).orderBy('id').execute();
  return sellers.map((s) => {
    const rules = parseJson(s.rules);
    const returns = typeof rules === 'object' && rules !== null ? (rules as Record<string, unknown>).returns : undefined;
    return { sellerId: s.id, rules: { returns: returns ?? null } };
  });
}
