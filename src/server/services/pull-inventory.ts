import type { Transaction } from 'kysely';
import type { InventorySnapshot } from '../../domain/inventory/snapshot';
import type { Database } from '../db/schema';

/** Counting and returns' working set for floor roles; undefined for others. */
export async function readInventorySnapshot(trx: Transaction<Database>, warehouseId: string, userId: string | null): Promise<InventorySnapshot | undefined> {
  void trx;
  void warehouseId;
  void userId;
  return undefined;
}
