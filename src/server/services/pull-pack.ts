import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import { sscc, trackingNumber } from '../../domain/packing/numbers';
import { Address, PackConfig, type NumberLease, type PackItem, type PackOrder, type PackSnapshot } from '../../domain/packing/types';
import { hasAnyRole } from '../../domain/roles';
import type { Database } from '../db/schema';
import { toBoxType } from './mappers';

/** Roles that get the pack bench's working set in a pull. */
export const PACK_ROLES = ['packer', 'lead', 'admin'] as const;
/** A device's newest leases of each kind looked at; older blocks are long spent. */
const LEASES_LOOKED_AT = 40;
const MAX_LISTED = 2_000;

/**
 * Packing's whole working set for a device (PackSnapshot), or undefined when the user
 * does not pack or the warehouse has no pack settings. Read inside the pull's snapshot.
 */
export async function readPackSnapshot(
  trx: Transaction<Database>,
  warehouseId: string,
  deviceId: string,
  userId: string | null,
): Promise<PackSnapshot | undefined> {
  if (!userId) return undefined;
  const user = await trx.selectFrom('users').select('roles').where('id', '=', userId).where('warehouse_id', '=', warehouseId).executeTakeFirst();
  if (!user || !hasAnyRole(JSON.parse(user.roles) as string[], PACK_ROLES)) return undefined;
  const row = await trx.selectFrom('pack_configs').select('config').where('warehouse_id', '=', warehouseId).executeTakeFirst();
  if (!row) return undefined;
  const config = PackConfig.parse(JSON.parse(row.config));
  const boxes = await trx.selectFrom('box_types').selectAll().where('warehouse_id', '=', warehouseId).where('active', '=', 1).orderBy('code').execute();
  return {
    config,
    boxTypes: boxes.map(toBoxType),
    orders: await readPackOrders(trx, warehouseId),
    leases: await readOpenLeases(trx, warehouseId, deviceId, config),
    verifiers: await readVerifiers(trx, warehouseId),
    printers: (
      await trx
        .selectFrom('locations')
        .select(['id', 'printer_host'])
        .where('warehouse_id', '=', warehouseId)
        .where('type', '=', 'pack_bench')
        .where('printer_host', 'is not', null)
        .orderBy('code')
        .execute()
    ).map((l) => ({ locationId: l.id, host: l.printer_host! })),
  };
}

/** Units picked into one tote, grouped by order, SKU and lot (tasks with units only). */
export function groupPackItems(tasks: readonly { orderId: string; skuId: string; lot: string | null; expiry: string | null; qty: number }[]) {
  const byOrder = new Map<string, PackItem[]>();
  for (const t of tasks) {
    if (t.qty <= 0) continue;
    const items = byOrder.get(t.orderId) ?? [];
    const same = items.find((i) => i.skuId === t.skuId && i.lot === t.lot);
    if (same) same.qty += t.qty;
    else items.push({ skuId: t.skuId, lot: t.lot, expiry: t.expiry, qty: t.qty });
    byOrder.set(t.orderId, items);
  }
  return byOrder;
}

/** Every order with units in a tote waiting at a bench, whatever its status (packed ones show done). */
async function readPackOrders(trx: Transaction<Database>, warehouseId: string): Promise<PackOrder[]> {
  const totes = await trx
    .selectFrom('totes')
    .select(['code', 'location_id', 'wave_id'])
    .where('warehouse_id', '=', warehouseId)
    .where('status', '=', 'awaiting_packing')
    .where('wave_id', 'is not', null)
    .orderBy('code')
    .execute();
  if (totes.length === 0) return [];
  const out: PackOrder[] = [];
  for (let i = 0; i < totes.length; i += 200) {
    const chunk = totes.slice(i, i + 200);
    const tasks = await trx
      .selectFrom('pick_tasks')
      .select(['wave_id', 'tote_code', 'order_id', 'sku_id', 'lot', 'expiry', 'picked_qty'])
      .where('wave_id', 'in', [...new Set(chunk.map((t) => t.wave_id!))])
      .where('tote_code', 'in', chunk.map((t) => t.code))
      .where('picked_qty', '>', 0)
      .orderBy('walk_seq')
      .orderBy('id')
      .execute();
    const orderIds = [...new Set(tasks.map((t) => t.order_id))];
    const orders = orderIds.length
      ? await trx.selectFrom('orders').selectAll().where('id', 'in', orderIds).where('warehouse_id', '=', warehouseId).execute()
      : [];
    const orderById = new Map(orders.map((o) => [o.id, o]));
    for (const tote of chunk) {
      const mine = tasks.filter((t) => t.tote_code === tote.code && t.wave_id === tote.wave_id);
      const grouped = groupPackItems(mine.map((t) => ({ orderId: t.order_id, skuId: t.sku_id, lot: t.lot ?? null, expiry: t.expiry ?? null, qty: Number(t.picked_qty) })));
      for (const [orderId, items] of grouped) {
        const o = orderById.get(orderId);
        if (!o) continue;
        out.push({
          orderId,
          orderRef: o.external_id,
          sellerId: o.seller_id,
          status: o.status as PackOrder['status'],
          toteCode: tote.code,
          benchId: tote.location_id ?? null,
          shipTo: parseAddress(o.ship_to),
          carrierService: o.carrier_service,
          items,
        });
      }
    }
  }
  return out;
}

function parseAddress(json: string): Address {
  const r = Address.safeParse(JSON.parse(json));
  return r.success ? r.data : { name: '', line1: '', city: '', region: '', postalCode: '', country: '' };
}

/** The device's leases that still hold a serial no carton carries. */
async function readOpenLeases(trx: Transaction<Database>, warehouseId: string, deviceId: string, config: PackConfig): Promise<NumberLease[]> {
  const out: NumberLease[] = [];
  for (const kind of ['tracking', 'sscc'] as const) {
    const leases = await trx
      .selectFrom('number_leases')
      .select(['id', 'kind', 'first', 'last'])
      .where('warehouse_id', '=', warehouseId)
      .where('device_id', '=', deviceId)
      .where('kind', '=', kind)
      .orderBy('first', 'desc')
      .limit(LEASES_LOOKED_AT)
      .execute();
    const col = kind === 'tracking' ? 'tracking_number' : 'sscc';
    const make = (n: number) => (kind === 'tracking' ? trackingNumber(config, n) : sscc(config, n));
    const blocks = leases.reverse().map((l) => ({ id: l.id, first: Number(l.first), last: Number(l.last) }));
    // A block too big to list is sent as it is: the device knows what it used.
    const listed = blocks.filter((b) => b.last - b.first < MAX_LISTED);
    const values = listed.flatMap((b) => Array.from({ length: b.last - b.first + 1 }, (_, i) => make(b.first + i)));
    const used = new Set<string>();
    for (let i = 0; i < values.length; i += 500) {
      const rows = await trx.selectFrom('cartons').select(col).where(col, 'in', values.slice(i, i + 500)).execute();
      for (const r of rows) used.add((r as Record<string, string>)[col]!);
    }
    for (const b of blocks) {
      const spent = b.last - b.first < MAX_LISTED && Array.from({ length: b.last - b.first + 1 }, (_, i) => make(b.first + i)).every((v) => used.has(v));
      if (!spent) out.push({ id: b.id, kind, first: b.first, last: b.last });
    }
  }
  return out;
}

async function readVerifiers(trx: Transaction<Database>, warehouseId: string): Promise<PackSnapshot['verifiers']> {
  const users = await trx
    .selectFrom('users')
    .select(['id', 'name', 'badge', 'roles', 'override_salt', 'override_key', 'override_iterations'])
    .where('warehouse_id', '=', warehouseId)
    .where('override_key', 'is not', null)
    .orderBy('badge')
    .execute();
  return users
    .filter((u) => hasAnyRole(JSON.parse(u.roles) as string[], ['lead']) && u.override_salt && u.override_iterations)
    .map((u) => ({
      userId: u.id,
      name: u.name,
      badge: u.badge,
      salt: u.override_salt!,
      iterations: Number(u.override_iterations),
      // Devices get only the key's hash: it checks a PIN but cannot make a proof.
      check: createHash('sha256').update(Buffer.from(u.override_key!, 'hex')).digest('hex'),
    }));
}
