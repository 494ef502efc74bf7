import type { Insertable, Kysely, Transaction } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { countTaskForLead, newCountTasks, periodicCountTasks, type CountTaskRequest } from '../../domain/inventory/count';
import { STORAGE_LOCATION_TYPES } from '../../domain/inventory/putaway';
import type { CountTaskView } from '../../domain/inventory/snapshot';
import { ErrorCode } from '../../domain/errors';
import type { CountTasksTable, Database } from '../db/schema';
import type { VersionClock } from '../db/version';
import { ApiError } from './api-error';
import { toCountTaskView } from './count-state';
import { loadCountSettings } from './count-settings';
import type { EventHub } from './events';
import { versionedWrite } from './shipping-tx';

/** Open count tasks of the warehouse as requests, for newCountTasks to skip duplicates. */
async function openRequests(trx: Transaction<Database>, warehouseId: string, locationIds?: readonly string[]): Promise<CountTaskRequest[]> {
  let q = trx.selectFrom('count_tasks').select(['location_id', 'sku_id', 'reason']).where('warehouse_id', '=', warehouseId).where('status', '=', 'open');
  if (locationIds) q = q.where('location_id', 'in', locationIds);
  const rows = await q.execute();
  return rows.map((r) => ({ source: 'lead_request', locationId: r.location_id, skuId: r.sku_id, zone: null, requestedBy: null }));
}

function row(warehouseId: string, r: CountTaskRequest & { locationId: string }, now: string, version: number): Insertable<CountTasksTable> {
  return { id: uuidv7(), warehouse_id: warehouseId, location_id: r.locationId, sku_id: r.skuId, reason: r.source, status: 'open', created_at: now, version };
}

/**
 * A lead's request to count a bin (or one SKU in it). An open count that already covers
 * it is answered instead of a second one: `created` false.
 */
export async function requestCount(
  db: Kysely<Database>,
  events: EventHub,
  who: { warehouseId: string; userId: string },
  body: { locationId: string; skuId?: string | null },
): Promise<{ created: boolean; task: CountTaskView }> {
  return versionedWrite(db, events, async (trx, clock) => {
    const loc = await trx.selectFrom('locations').select('id').where('id', '=', body.locationId).where('warehouse_id', '=', who.warehouseId).executeTakeFirst();
    if (!loc) throw new ApiError(404, ErrorCode.LOCATION_NOT_FOUND, `location ${body.locationId} is not in this warehouse`);
    const skuId = body.skuId ?? null;
    if (skuId !== null) {
      const sku = await trx.selectFrom('skus').select('id').where('id', '=', skuId).where('warehouse_id', '=', who.warehouseId).executeTakeFirst();
      if (!sku) throw new ApiError(404, ErrorCode.SKU_NOT_FOUND, `SKU ${skuId} is not in this warehouse`);
    }
    const req = countTaskForLead(who.userId, body.locationId, skuId);
    const fresh = newCountTasks(await openRequests(trx, who.warehouseId, [body.locationId]), [req]);
    if (fresh.length === 0) {
      const open = await trx
        .selectFrom('count_tasks')
        .selectAll()
        .where('warehouse_id', '=', who.warehouseId)
        .where('location_id', '=', body.locationId)
        .where('status', '=', 'open')
        .where((eb) => eb.or([eb('sku_id', 'is', null), ...(skuId === null ? [] : [eb('sku_id', '=', skuId)])]))
        .orderBy('created_at')
        .executeTakeFirstOrThrow();
      return { created: false, task: toCountTaskView(open) };
    }
    const r = row(who.warehouseId, { ...req, locationId: body.locationId }, new Date().toISOString(), clock.tick());
    await trx.insertInto('count_tasks').values(r).execute();
    const stored = await trx.selectFrom('count_tasks').selectAll().where('id', '=', r.id).executeTakeFirstOrThrow();
    return { created: true, task: toCountTaskView(stored) };
  });
}

/**
 * The periodic schedule: every storage zone not counted for `everyDays` (else the
 * warehouse's setting, default 30) gets a whole-bin
 * count of each of its storage bins (none for a bin with an open count already). A
 * zone's last count is its latest periodic task. `today` is the UTC date: the warehouse
 * has no time zone on record.
 */
export async function createPeriodicCounts(
  trx: Transaction<Database>,
  clock: VersionClock,
  warehouseId: string,
  now: Date,
  everyDaysIn?: number,
): Promise<{ zones: string[]; created: number }> {
  const everyDays = everyDaysIn ?? (await loadCountSettings(trx, warehouseId)).periodicEveryDays;
  const bins = await trx
    .selectFrom('locations')
    .select(['id', 'zone'])
    .where('warehouse_id', '=', warehouseId)
    .where('type', 'in', [...STORAGE_LOCATION_TYPES])
    .orderBy('walk_seq')
    .orderBy('id')
    .execute();
  const last = await trx
    .selectFrom('count_tasks')
    .innerJoin('locations', 'locations.id', 'count_tasks.location_id')
    .select(['locations.zone', (eb) => eb.fn.max<string>('count_tasks.created_at').as('last')])
    .where('count_tasks.warehouse_id', '=', warehouseId)
    .where('count_tasks.reason', '=', 'periodic')
    .groupBy('locations.zone')
    .execute();
  const lastCounted = new Map(last.map((l) => [l.zone, l.last]));
  const due = periodicCountTasks([...new Set(bins.map((b) => b.zone))], lastCounted, now.toISOString().slice(0, 10), everyDays);
  if (due.length === 0) return { zones: [], created: 0 };
  const dueZones = new Set(due.map((d) => d.zone));
  const candidates: CountTaskRequest[] = bins
    .filter((b) => dueZones.has(b.zone))
    .map((b) => ({ source: 'periodic', locationId: b.id, skuId: null, zone: null, requestedBy: null }));
  const fresh = newCountTasks(await openRequests(trx, warehouseId), candidates);
  const zones = [...dueZones].filter((z): z is string => z !== null).sort();
  if (fresh.length === 0) return { zones, created: 0 };
  const iso = now.toISOString();
  const version = clock.tick();
  const rows = fresh.map((r) => row(warehouseId, r as CountTaskRequest & { locationId: string }, iso, version));
  for (let i = 0; i < rows.length; i += 200) await trx.insertInto('count_tasks').values(rows.slice(i, i + 200)).execute();
  return { zones, created: rows.length };
}

/** The periodic schedule in its own transaction, every device poked when anything was created. */
export function runPeriodicCounts(db: Kysely<Database>, events: EventHub, warehouseId: string, now: Date, everyDays?: number) {
  return versionedWrite(db, events, (trx, clock) => createPeriodicCounts(trx, clock, warehouseId, now, everyDays));
}
