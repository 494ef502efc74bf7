import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { VersionClock } from '../db/version';
import type { EventHub } from './events';

/**
 * One write transaction for the shipping routes: the version clock is taken first, so
 * on PostgreSQL every read inside sees the latest commits and writers queue on its row
 * lock (a manifest closed twice at once is decided by the second seeing the first's
 * commit). Devices are poked after commit so their next pull picks the change up.
 */
export async function versionedWrite<T>(
  db: Kysely<Database>,
  events: EventHub,
  fn: (trx: Transaction<Database>, clock: VersionClock) => Promise<T>,
): Promise<T> {
  let version: number | null = null;
  const out = await db.transaction().execute(async (trx) => {
    const clock = await VersionClock.begin(trx);
    const result = await fn(trx, clock);
    if (clock.changed) version = await clock.finish(trx);
    return result;
  });
  if (version !== null) events.poke(version);
  return out;
}

/** Rows an UPDATE touched, the same on both dialects. */
export function touched(r: { numUpdatedRows: bigint } | { numDeletedRows: bigint }): number {
  return Number('numUpdatedRows' in r ? r.numUpdatedRows : r.numDeletedRows);
}
