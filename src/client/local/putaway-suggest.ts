import type { PutawayConfirmArgs } from '../../domain/commands/inbound';
import type { PutawayTask } from '../../domain/inbound/snapshot';
import type { BinQty } from '../../domain/inventory/putaway';
import type { Location } from '../../domain/model';
import { db } from './db';

/**
 * What putaway suggestions weigh on the device, as the server does (receiving-state.ts
 * loadPutawayWhere): every bin's pulled balance, the units this device's pending
 * putaway.confirm commands moved in, and the units open tasks are already headed to, so
 * two tasks are not sent to the same empty reserve bin.
 */
export async function putawayWhere(openTasks: readonly PutawayTask[]): Promise<{ locations: Location[]; balances: BinQty[] }> {
  const d = db();
  const [locations, stock, pending, pulled] = await Promise.all([
    d.locations.toArray(),
    d.stock.toArray(),
    d.outbox.filter((r) => r.name === 'putaway.confirm').toArray(),
    d.putawayTasks.toArray(),
  ]);
  const skuOf = new Map([...pulled, ...openTasks].map((t) => [t.id, t.skuId]));
  const balances: BinQty[] = stock.map((s) => ({ locationId: s.locationId, skuId: s.skuId, qty: s.qty }));
  for (const row of pending) {
    const a = row.args as PutawayConfirmArgs;
    const skuId = skuOf.get(a.taskId);
    if (skuId) balances.push({ locationId: a.toLocationId, skuId, qty: a.qty });
  }
  for (const t of openTasks) if (t.suggestedLocationId) balances.push({ locationId: t.suggestedLocationId, skuId: t.skuId, qty: t.qty });
  return { locations, balances };
}
