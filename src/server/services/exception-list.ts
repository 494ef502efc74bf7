import type { Kysely, Transaction } from 'kysely';
import { allowedActions } from '../../domain/exceptions/actions';
import type { ExceptionItem } from '../../domain/exceptions/view';
import { COUNTER_ROLES } from '../../domain/exceptions/plan';
import { hasAnyRole } from '../../domain/roles';
import type { Database } from '../db/schema';

export type { ExceptionItem };

export interface ExceptionFilter {
  status: 'open' | 'handled';
  types?: readonly string[];
  ids?: readonly string[];
  limit: number;
}

function json(s: string | null | undefined): Record<string, unknown> | null {
  if (!s) return null;
  try {
    const v: unknown = JSON.parse(s);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/**
 * The queue: open exceptions oldest first (a work queue is worked from the front), handled
 * ones most recently handled first. The order is the exception's own or, for a short pick,
 * its task's. Reads through the (warehouse, status, created_at) index of migration 0018.
 */
export async function listExceptions(db: Kysely<Database> | Transaction<Database>, warehouseId: string, f: ExceptionFilter, nowMs = Date.now()): Promise<ExceptionItem[]> {
  let q = db
    .selectFrom('exceptions as e')
    .leftJoin('skus as s', 's.id', 'e.sku_id')
    .leftJoin('locations as l', 'l.id', 'e.location_id')
    .leftJoin('waves as w', 'w.id', 'e.wave_id')
    .leftJoin('pick_tasks as t', 't.id', 'e.task_id')
    .leftJoin('users as r', 'r.id', 'e.raised_by')
    .leftJoin('users as h', 'h.id', 'e.handled_by')
    .select([
      'e.id', 'e.type', 'e.status', 'e.qty', 'e.created_at', 'e.resolved_at', 'e.details', 'e.order_id', 'e.wave_id',
      'e.handled_by', 'e.handled_at', 'e.handled_action', 'e.handled_note', 'e.handled_result',
      's.id as sku_id', 's.code as sku_code', 's.name as sku_name',
      'l.id as loc_id', 'l.code as loc_code',
      'w.code as wave_code',
      't.order_id as task_order_id',
      'r.id as raiser_id', 'r.name as raiser_name',
      'h.name as handler_name',
    ])
    .where('e.warehouse_id', '=', warehouseId)
    .where('e.status', '=', f.status === 'open' ? 'open' : 'resolved');
  if (f.types && f.types.length > 0) q = q.where('e.type', 'in', [...f.types]);
  if (f.ids) q = q.where('e.id', 'in', [...f.ids]);
  q = f.status === 'open' ? q.orderBy('e.created_at', 'asc').orderBy('e.id', 'asc') : q.orderBy('e.resolved_at', 'desc').orderBy('e.id', 'desc');
  const rows = await q.limit(f.limit).execute();
  const orderIds = [...new Set(rows.map((r) => r.order_id ?? r.task_order_id).filter((x): x is string => !!x))];
  const orders = new Map<string, { id: string; ref: string; status: string }>();
  for (let i = 0; i < orderIds.length; i += 500) {
    const os = await db.selectFrom('orders').select(['id', 'external_id', 'status']).where('id', 'in', orderIds.slice(i, i + 500)).execute();
    for (const o of os) orders.set(o.id, { id: o.id, ref: o.external_id, status: o.status });
  }
  return rows.map((r): ExceptionItem => {
    const details = json(r.details);
    const orderId = r.order_id ?? r.task_order_id;
    const open = r.status === 'open';
    return {
      id: r.id,
      type: r.type,
      status: open ? 'open' : 'handled',
      qty: Number(r.qty),
      createdAt: r.created_at,
      ageSeconds: Math.max(0, Math.floor((nowMs - Date.parse(r.created_at)) / 1000)),
      sku: r.sku_id ? { id: r.sku_id, code: r.sku_code!, name: r.sku_name! } : null,
      location: r.loc_id ? { id: r.loc_id, code: r.loc_code! } : null,
      order: orderId ? (orders.get(orderId) ?? null) : null,
      wave: r.wave_id && r.wave_code ? { id: r.wave_id, code: r.wave_code } : null,
      raisedBy: r.raiser_id ? { id: r.raiser_id, name: r.raiser_name! } : null,
      toteCode: str(details?.toteCode),
      details,
      allowedActions: open ? allowedActions(r.type) : [],
      handled: open
        ? null
        : {
            by: r.handled_by ? { id: r.handled_by, name: r.handler_name ?? r.handled_by } : null,
            at: r.handled_at ?? r.resolved_at,
            action: r.handled_action,
            note: r.handled_note,
            result: json(r.handled_result),
          },
    };
  });
}

/** Who may be asked to count (the assign-count picker): active users of the warehouse with a counting role. */
export async function listCounters(db: Kysely<Database>, warehouseId: string): Promise<{ id: string; name: string }[]> {
  const users = await db.selectFrom('users').select(['id', 'name', 'roles']).where('warehouse_id', '=', warehouseId).orderBy('name').execute();
  return users.filter((u) => hasAnyRole(JSON.parse(u.roles) as string[], COUNTER_ROLES)).map((u) => ({ id: u.id, name: u.name }));
}
