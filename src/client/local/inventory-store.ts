import type { InventorySnapshot } from '../../domain/inventory/snapshot';
import { db } from './db';

/** Counting and returns' working set on the device (PullResponse.inventory), replaced whole by each pull. */
export function inventoryTables() {
  const d = db();
  return [d.countTasks, d.returnables, d.inventoryMeta];
}

/** Inside the pull's transaction: replaces the snapshot. */
export async function applyInventorySnapshotInTx(snap: InventorySnapshot): Promise<void> {
  const d = db();
  await Promise.all([d.countTasks.clear(), d.returnables.clear()]);
  await Promise.all([
    d.countTasks.bulkPut(snap.countTasks),
    d.returnables.bulkPut(snap.returnables),
    d.inventoryMeta.put({ key: 'returnRules', value: snap.returnRules }),
  ]);
}
