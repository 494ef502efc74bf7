import type { Kysely, Transaction } from 'kysely';
import { ErrorCode } from '../../domain/errors';
import type { Database } from '../db/schema';
import { writeWave } from '../db/wave-writer';
import { ApiError } from './api-error';
import type { EventHub } from './events';
import { versionedWrite } from './shipping-tx';
import { allocateOrders, releasedOrders } from './wave-planning';

export interface ReleaseWave {
  mode: 'single' | 'multi';
  orderIds: string[];
}

export interface ReleasedWave {
  id: string;
  code: string;
  kind: 'single' | 'cluster';
  orderIds: string[];
  tasks: number;
}

/** The next free W-nnnn code; writers are serialised by the version clock, so two never take the same one. */
async function nextCodes(trx: Transaction<Database>, warehouseId: string, n: number): Promise<string[]> {
  const rows = await trx.selectFrom('waves').select('code').where('warehouse_id', '=', warehouseId).where('code', 'like', 'W-%').execute();
  const top = rows.reduce((m, r) => Math.max(m, /^W-\d+$/.test(r.code) ? Number(r.code.slice(2)) : 0), 0);
  return Array.from({ length: n }, (_, i) => `W-${String(top + i + 1).padStart(4, '0')}`);
}

/**
 * Creates the proposed waves and their pick tasks (released, unassigned) in one
 * transaction, bins allocated afresh from the stock as it is now. All or nothing: an
 * order that is missing (404), not released, already in a wave or not fully
 * allocatable (409) refuses the whole release and nothing is written.
 */
export async function releaseWaves(
  db: Kysely<Database>,
  events: EventHub,
  warehouseId: string,
  waves: readonly ReleaseWave[],
  now: string,
): Promise<ReleasedWave[]> {
  const ids = waves.flatMap((w) => w.orderIds);
  return versionedWrite(db, events, async (trx, clock) => {
    const found = await trx.selectFrom('orders').select(['id', 'status']).where('warehouse_id', '=', warehouseId).where('id', 'in', ids).execute();
    const missing = ids.filter((id) => !found.some((o) => o.id === id));
    if (missing.length > 0) throw new ApiError(404, ErrorCode.ORDER_NOT_FOUND, `order ${missing[0]} not found`, { orderIds: missing });
    const notReleased = found.filter((o) => o.status !== 'released').map((o) => o.id).sort();
    if (notReleased.length > 0) throw new ApiError(409, ErrorCode.ORDER_NOT_RELEASED, `order ${notReleased[0]} is not released`, { orderIds: notReleased });
    const waved = await trx.selectFrom('pick_tasks').select('order_id').distinct().where('order_id', 'in', ids).execute();
    if (waved.length > 0) {
      const inWave = waved.map((t) => t.order_id).sort();
      throw new ApiError(409, ErrorCode.ORDER_ALREADY_IN_WAVE, `order ${inWave[0]} is already in a wave`, { orderIds: inWave });
    }
    const orders = new Map((await releasedOrders(trx, warehouseId, ids)).map((o) => [o.id, o]));
    // Allocated in the proposal's order: its first wave is the most urgent.
    const { allocated, noStock } = await allocateOrders(trx, warehouseId, ids.map((id) => ({ o: orders.get(id)!, cutoff: '' })), now);
    if (noStock.length > 0) {
      throw new ApiError(409, ErrorCode.ORDER_NOT_ALLOCATABLE, `order ${noStock[0]!.orderId} cannot be allocated`, { orders: noStock });
    }
    const byId = new Map(allocated.map((o) => [o.id, o]));
    const codes = await nextCodes(trx, warehouseId, waves.length);
    const out: ReleasedWave[] = [];
    for (const [i, w] of waves.entries()) {
      const kind = w.mode === 'multi' ? 'cluster' : 'single';
      const lines = w.orderIds.flatMap((id) => {
        const o = byId.get(id)!;
        return o.lines.flatMap((l) =>
          l.bins.map((b) => ({ orderId: o.id, orderLineId: l.lineId, orderRef: o.ref, skuId: l.skuId, qty: b.qty, locationId: b.locationId, lot: b.lot, expiry: b.expiry })),
        );
      });
      const id = await writeWave(trx, clock, { warehouseId, code: codes[i]!, assignedUserId: null, kind, now, lines });
      out.push({ id, code: codes[i]!, kind, orderIds: w.orderIds, tasks: lines.length });
    }
    // The orders changed too (they are in a wave now): a new version each, for pulls and conflict checks.
    for (const id of ids) await trx.updateTable('orders').set({ version: clock.tick() }).where('id', '=', id).execute();
    return out;
  });
}
