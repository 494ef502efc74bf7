import type { Kysely } from 'kysely';
import { compareDevices, isStranded, STRANDED_AFTER_MINUTES, type DeviceReport, type DeviceView, type DevicesResponse } from '../../domain/devices';
import { ErrorCode } from '../../domain/errors';
import type { Database } from '../db/schema';
import { ApiError } from './api-error';

/**
 * A heartbeat's report replaces the last one: the figures are the device's own view of
 * its outbox, so only the newest matters. Seen and version move as on a push.
 */
export async function recordReport(
  db: Kysely<Database>,
  at: { warehouseId: string; deviceId: string },
  report: DeviceReport,
  now = new Date(),
): Promise<{ deviceId: string; reportedAt: string }> {
  const iso = now.toISOString();
  const r = await db
    .updateTable('devices')
    .set({
      last_seen: iso,
      app_version: report.appVersion,
      pending: report.pending,
      oldest_pending_at: report.oldestPendingAt === null ? null : new Date(report.oldestPendingAt).toISOString(),
      rejected_unseen: report.rejectedUnseen,
      battery_pct: report.batteryPct ?? null,
      reported_at: iso,
    })
    .where('id', '=', at.deviceId)
    .where('warehouse_id', '=', at.warehouseId)
    .executeTakeFirst();
  // The session names its device, so this is a device moved to another warehouse since.
  if (Number(r.numUpdatedRows) !== 1) throw new ApiError(403, ErrorCode.DEVICE_MISMATCH, 'this session\'s device is not in its warehouse');
  return { deviceId: at.deviceId, reportedAt: iso };
}

/** Every device of the warehouse for the lead's board, stranded ones first. */
export async function listDevices(db: Kysely<Database>, warehouseId: string, now = new Date()): Promise<DevicesResponse> {
  const rows = await db
    .selectFrom('devices')
    .leftJoin('users', 'users.id', 'devices.user_id')
    .select([
      'devices.id',
      'devices.name',
      'devices.user_id',
      'users.name as user_name',
      'devices.last_seen',
      'devices.app_version',
      'devices.pending',
      'devices.oldest_pending_at',
      'devices.rejected_unseen',
      'devices.battery_pct',
      'devices.reported_at',
      'devices.last_seq',
    ])
    .where('devices.warehouse_id', '=', warehouseId)
    .execute();
  const devices = rows.map((r): DeviceView => {
    const pending = Number(r.pending);
    const oldest = r.oldest_pending_at;
    const view: DeviceView = {
      id: r.id,
      name: r.name,
      user: r.user_id && r.user_name !== null ? { id: r.user_id, name: r.user_name } : null,
      lastSeen: r.last_seen,
      appVersion: r.app_version,
      pending,
      oldestPendingAt: oldest,
      oldestPendingAgeSec: oldest === null ? null : Math.max(0, Math.floor((now.getTime() - Date.parse(oldest)) / 1000)),
      rejectedUnseen: Number(r.rejected_unseen),
      batteryPct: r.battery_pct === null ? null : Number(r.battery_pct),
      reportedAt: r.reported_at,
      lastSeq: Number(r.last_seq),
      stranded: false,
    };
    view.stranded = isStranded(view, now);
    return view;
  });
  devices.sort(compareDevices);
  return { now: now.toISOString(), strandedAfterMinutes: STRANDED_AFTER_MINUTES, devices };
}
