import type { Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { ErrorCode } from '../../domain/errors';
import { allocateLease } from '../../domain/packing/lease';
import { PackConfig, type LeaseKind, type NumberLease } from '../../domain/packing/types';
import type { DbKind } from '../db/connect';
import type { Database } from '../db/schema';
import { ApiError } from './api-error';

/**
 * Grants a device the next block of serials of a kind, cut from the warehouse's counter
 * inside one transaction: PostgreSQL locks the counter row (select ... for update) until
 * commit, SQLite runs one transaction at a time. So two devices asking at once get
 * disjoint blocks, and the unique (warehouse, kind, first) index is the backstop.
 */
export async function leaseNumbers(
  db: Kysely<Database>,
  kind: DbKind,
  who: { warehouseId: string; deviceId: string },
  leaseKind: LeaseKind,
  now = new Date(),
): Promise<NumberLease> {
  return db.transaction().execute(async (trx) => {
    const cfg = await trx.selectFrom('pack_configs').select('config').where('warehouse_id', '=', who.warehouseId).executeTakeFirst();
    if (!cfg) throw new ApiError(409, ErrorCode.LEASE_EXHAUSTED, 'packing is not set up in this warehouse');
    const size = PackConfig.parse(JSON.parse(cfg.config)).leaseBlock;
    const q = trx
      .selectFrom('number_counters')
      .select(['next', 'last'])
      .where('warehouse_id', '=', who.warehouseId)
      .where('kind', '=', leaseKind);
    const counter = await (kind === 'postgres' ? q.forUpdate() : q).executeTakeFirst();
    const block = counter ? allocateLease({ next: Number(counter.next), last: Number(counter.last) }, size) : null;
    if (!block) throw new ApiError(409, ErrorCode.LEASE_EXHAUSTED, `no ${leaseKind} serials left to lease`);
    const moved = await trx
      .updateTable('number_counters')
      .set({ next: block.next })
      .where('warehouse_id', '=', who.warehouseId)
      .where('kind', '=', leaseKind)
      // Compare-and-set: the counter is still where it was read.
      .where('next', '=', block.first)
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) !== 1) throw new Error('serial counter moved under its lock');
    const lease: NumberLease = { id: uuidv7(), kind: leaseKind, first: block.first, last: block.last };
    await trx
      .insertInto('number_leases')
      .values({ id: lease.id, warehouse_id: who.warehouseId, device_id: who.deviceId, kind: leaseKind, first: lease.first, last: lease.last, created_at: now.toISOString() })
      .execute();
    return lease;
  });
}

/** Every lease this device holds, oldest first. */
export async function deviceLeases(db: Kysely<Database>, who: { warehouseId: string; deviceId: string }): Promise<NumberLease[]> {
  const rows = await db
    .selectFrom('number_leases')
    .select(['id', 'kind', 'first', 'last'])
    .where('warehouse_id', '=', who.warehouseId)
    .where('device_id', '=', who.deviceId)
    .orderBy('kind')
    .orderBy('first')
    .execute();
  return rows.map((r) => ({ id: r.id, kind: r.kind as LeaseKind, first: Number(r.first), last: Number(r.last) }));
}
