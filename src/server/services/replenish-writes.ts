import type { Transaction } from 'kysely';
import type { Outcome } from '../../domain/commands/types';
import type { Database } from '../db/schema';
import type { WriteMeta } from './receiving-writes';
import { withReplenish } from './replenish-schema';

/**
 * Writes replenish.confirm's rows at once, inside the batch's transaction: the task
 * closed (only while still open or no_stock, so a second writer changes nothing), or,
 * for a confirm of a task someone else did, a blind count of the face. Ledger movements
 * travel with the batch's own writes (push.ts). Rows are named after the command.
 */
export async function writeReplenish(trx: Transaction<Database>, outcome: Outcome, meta: WriteMeta): Promise<void> {
  const r = outcome.replenish;
  if (!r) return;
  const { warehouseId, mutationId, version, now } = meta;
  if (r.done && outcome.status === 'applied') {
    await withReplenish(trx)
      .updateTable('replenishment_tasks')
      .set({ status: 'done', done_by: r.done.doneBy, done_qty: r.done.qty, done_from_location_id: r.done.fromLocationId, done_at: r.done.at, version })
      .where('id', '=', r.done.id)
      .where('warehouse_id', '=', warehouseId)
      .where('status', 'in', ['open', 'no_stock'])
      .execute();
  }
  if (r.countFace) {
    await trx
      .insertInto('count_tasks')
      .values({
        id: `${mutationId}:count`,
        warehouse_id: warehouseId,
        location_id: r.countFace.locationId,
        sku_id: r.countFace.skuId,
        reason: 'replenish_conflict',
        status: 'open',
        created_at: now,
        version,
      })
      .execute();
  }
}
