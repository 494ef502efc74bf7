import { applyReplenishConfirm, type ReplenishConfirmArgs } from '../../domain/replenish/confirm';
import type { Outcome } from '../../domain/commands/types';
import type { ReplenishStatus } from '../../domain/replenish/types';
import type { DecideEnv } from './push-decide';
import { loadLocation } from './receiving-state';
import { withReplenish } from './replenish-schema';

/**
 * The server side of replenish.confirm: the task (any status) and both bins, read inside
 * the batch's transaction, then the rule the device applies too. Roles were checked by
 * push-decide. Task rows are written at once (replenish-writes.ts), so a second confirm
 * of the same task in the same batch finds it done.
 */
export async function decideReplenish(args: ReplenishConfirmArgs, ctx: { userId: string; mutationId: string; now: string }, env: DecideEnv): Promise<Outcome> {
  const { trx, warehouseId } = env;
  const t = await withReplenish(trx)
    .selectFrom('replenishment_tasks')
    .select(['id', 'status', 'location_id', 'sku_id', 'from_location_id', 'lot', 'expiry', 'done_by'])
    .where('id', '=', args.taskId)
    .where('warehouse_id', '=', warehouseId)
    .executeTakeFirst();
  const task = t
    ? {
        id: t.id,
        status: t.status as ReplenishStatus,
        locationId: t.location_id,
        skuId: t.sku_id,
        fromLocationId: t.from_location_id,
        lot: t.lot,
        expiry: t.expiry,
        doneBy: t.done_by,
      }
    : null;
  const [from, to] = await Promise.all([loadLocation(trx, warehouseId, args.fromLocationId), loadLocation(trx, warehouseId, args.toLocationId)]);
  return applyReplenishConfirm({ task, from, to }, args, ctx);
}
