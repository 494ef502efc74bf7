import type { Transaction } from 'kysely';
import type { PackConfirmArgs, PackMissingArgs } from '../../domain/commands';
import { numberStates, serialOf, type PackState } from '../../domain/packing/confirm';
import { verifyOverrideProof } from '../../domain/packing/override';
import { PackConfig, type NumberLease, type OrderStatus, type WeightOverride } from '../../domain/packing/types';
import { hasAnyRole } from '../../domain/roles';
import type { Database } from '../db/schema';
import type { BatchMemory } from './push-state';
import { groupPackItems } from './pull-pack';
import type { WaveCache } from './wave-cache';

export interface PackEnv {
  trx: Transaction<Database>;
  batch: BatchMemory;
  warehouseId: string;
  /** The pushing device: numbers must come from its own leases. */
  deviceId: string;
}

/**
 * The state pack.confirm and pack.missing decide on, read inside the batch's
 * transaction with this batch's earlier commands laid over it (an order packed, a tote
 * freed, a number used a few commands ago). Null when the warehouse has no pack settings.
 */
export async function loadPackState(env: PackEnv, waves: WaveCache, a: PackConfirmArgs | PackMissingArgs): Promise<PackState | null> {
  const { trx, batch, warehouseId } = env;
  const cfg = await trx.selectFrom('pack_configs').select('config').where('warehouse_id', '=', warehouseId).executeTakeFirst();
  if (!cfg) return null;
  const config = PackConfig.parse(JSON.parse(cfg.config));
  const statusOf = (id: string, stored: string) => batch.orderStatus.get(id) ?? (stored as OrderStatus);

  const o = await trx
    .selectFrom('orders')
    .select(['id', 'external_id', 'seller_id', 'status', 'carrier_service'])
    .where('id', '=', a.orderId)
    .where('warehouse_id', '=', warehouseId)
    .executeTakeFirst();
  const order = o ? { id: o.id, ref: o.external_id, sellerId: o.seller_id, status: statusOf(o.id, o.status), carrierService: o.carrier_service } : null;

  const t = await trx.selectFrom('totes').select(['code', 'status', 'location_id', 'wave_id']).where('warehouse_id', '=', warehouseId).where('code', '=', a.toteCode).executeTakeFirst();
  const patched = batch.totes.get(a.toteCode);
  const toteRow = patched ?? (t ? { status: (t.status ?? 'free') as 'free', locationId: t.location_id ?? null, waveId: t.wave_id ?? null } : null);
  const tote = toteRow ? { code: a.toteCode, status: toteRow.status, waveId: toteRow.waveId, benchId: toteRow.locationId } : null;

  const tasks = tote?.waveId ? (await waves.whole(tote.waveId)).tasks.filter((x) => x.toteCode === a.toteCode && x.pickedQty > 0) : [];
  const byOrder = groupPackItems(tasks.map((x) => ({ orderId: x.orderId, skuId: x.skuId, lot: x.lot, expiry: x.expiry, qty: x.pickedQty })));
  const items = byOrder.get(a.orderId) ?? [];
  const otherIds = [...byOrder.keys()].filter((id) => id !== a.orderId);
  const others = otherIds.length
    ? await trx.selectFrom('orders').select(['id', 'status']).where('id', 'in', otherIds).where('warehouse_id', '=', warehouseId).execute()
    : [];
  const otherOrders = others.map((r) => ({ orderId: r.id, status: statusOf(r.id, r.status) }));

  const state: PackState = { order, items, tote, boxTypes: {}, skus: {}, config, overrideValid: null, numbers: {}, otherOrders };
  if (!('cartons' in a)) return state;

  const boxIds = [...new Set(a.cartons.map((c) => c.boxTypeId))];
  const boxes = await trx.selectFrom('box_types').select(['id', 'code', 'tare_g', 'active']).where('warehouse_id', '=', warehouseId).where('id', 'in', boxIds).execute();
  const skuIds = [...new Set([...items.map((i) => i.skuId), ...a.cartons.flatMap((c) => c.items.map((i) => i.skuId))])];
  const skus = await trx.selectFrom('skus').select(['id', 'weight_g']).where('warehouse_id', '=', warehouseId).where('id', 'in', skuIds).execute();
  return {
    ...state,
    boxTypes: Object.fromEntries(boxes.map((b) => [b.id, { id: b.id, code: b.code, tareG: Number(b.tare_g), active: Boolean(Number(b.active)) }])),
    skus: Object.fromEntries(skus.map((s) => [s.id, { weightG: Number(s.weight_g) }])),
    numbers: await loadNumberStates(env, config, a.cartons),
    overrideValid: a.override ? await overrideHolds(env, a.orderId, a.override) : null,
    idsTaken: await idsTaken(env, a),
  };
}

/** Each carton number: leased to this device (and of this warehouse's form), and not on a carton yet. */
async function loadNumberStates(env: PackEnv, config: PackConfig, cartons: PackConfirmArgs['cartons']) {
  const leases: NumberLease[] = [];
  const used = new Set<string>(env.batch.numbersUsed);
  for (const c of cartons) {
    for (const [kind, value, col] of [['tracking', c.trackingNumber, 'tracking_number'], ['sscc', c.sscc, 'sscc']] as const) {
      const serial = serialOf(config, kind, value);
      if (serial === null) continue;
      const rows = await env.trx
        .selectFrom('number_leases')
        .select(['id', 'first', 'last'])
        .where('warehouse_id', '=', env.warehouseId)
        .where('device_id', '=', env.deviceId)
        .where('kind', '=', kind)
        .where('first', '<=', serial)
        .where('last', '>=', serial)
        .execute();
      leases.push(...rows.map((r) => ({ id: r.id, kind, first: Number(r.first), last: Number(r.last) })));
      if (await env.trx.selectFrom('cartons').select('id').where(col, '=', value).executeTakeFirst()) used.add(value);
    }
  }
  return numberStates(config, leases, used, cartons);
}

/** A lead or admin of this warehouse with an override key signed this order and nonce, and the nonce is fresh. */
async function overrideHolds(env: PackEnv, orderId: string, o: WeightOverride): Promise<boolean> {
  const lead = await env.trx
    .selectFrom('users')
    .select(['roles', 'override_key'])
    .where('id', '=', o.leadUserId)
    .where('warehouse_id', '=', env.warehouseId)
    .executeTakeFirst();
  if (!lead?.override_key || !hasAnyRole(JSON.parse(lead.roles) as string[], ['lead'])) return false;
  if (env.batch.noncesUsed.has(o.nonce)) return false;
  if (await env.trx.selectFrom('shipments').select('id').where('override_nonce', '=', o.nonce).executeTakeFirst()) return false;
  return verifyOverrideProof(lead.override_key, orderId, o.nonce, o.proof);
}

async function idsTaken(env: PackEnv, a: PackConfirmArgs): Promise<boolean> {
  const cartonIds = a.cartons.map((c) => c.cartonId);
  if (env.batch.idsUsed.has(a.shipmentId) || cartonIds.some((id) => env.batch.idsUsed.has(id))) return true;
  if (await env.trx.selectFrom('shipments').select('id').where('id', '=', a.shipmentId).executeTakeFirst()) return true;
  return Boolean(await env.trx.selectFrom('cartons').select('id').where('id', 'in', cartonIds).executeTakeFirst());
}
