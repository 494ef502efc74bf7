import { z } from 'zod';

/**
 * What a handheld tells the server about itself (issue 7, the live board's devices):
 * enough for a lead to see work stranded on a device nobody is using. Sent by the
 * client's heartbeat (src/client/sync/heartbeat.ts), never inside a push.
 */

/** A device with commands still waiting and not seen for this long is `stranded`. */
export const STRANDED_AFTER_MINUTES = 10;
/** Far above any real outbox (a shift is a few thousand scans): bigger is a broken report. */
export const MAX_REPORTED_PENDING = 1_000_000;
export const MAX_REPORTED_REJECTED = 100_000;

const count = (max: number) => z.number().int().min(0).max(max);

export const DeviceReport = z
  .strictObject({
    /** Outbox rows the server has not acknowledged yet. */
    pending: count(MAX_REPORTED_PENDING),
    /** When the oldest of them was recorded on the device; null when none are pending. */
    oldestPendingAt: z.iso.datetime({ offset: true }).nullable(),
    /** Refused commands nobody on the device has looked at yet. */
    rejectedUnseen: count(MAX_REPORTED_REJECTED),
    appVersion: z.string().regex(/^[\x21-\x7e]{1,50}$/, 'an app version is 1-50 printable characters'),
    online: z.boolean().optional(),
    /** Only where the browser exposes the Battery Status API. */
    batteryPct: z.number().int().min(0).max(100).optional(),
  })
  .refine((r) => (r.pending === 0) === (r.oldestPendingAt === null), {
    path: ['oldestPendingAt'],
    message: 'oldestPendingAt is null exactly when nothing is pending',
  });
export type DeviceReport = z.infer<typeof DeviceReport>;

export const HeartbeatBody = z.strictObject({ report: DeviceReport });
export type HeartbeatBody = z.infer<typeof HeartbeatBody>;

export const HeartbeatResponse = z.object({ deviceId: z.string(), reportedAt: z.string() });
export type HeartbeatResponse = z.infer<typeof HeartbeatResponse>;

export const DeviceView = z.object({
  id: z.string(),
  name: z.string().nullable(),
  /** Who last signed in on it. */
  user: z.object({ id: z.string(), name: z.string() }).nullable(),
  lastSeen: z.string(),
  appVersion: z.string().nullable(),
  pending: z.number().int(),
  oldestPendingAt: z.string().nullable(),
  /** Seconds from oldestPendingAt to the server's now (device clocks may be off). */
  oldestPendingAgeSec: z.number().int().nullable(),
  rejectedUnseen: z.number().int(),
  batteryPct: z.number().int().nullable(),
  /** When the figures above were reported; null for a device that never sent a heartbeat. */
  reportedAt: z.string().nullable(),
  lastSeq: z.number().int(),
  stranded: z.boolean(),
});
export type DeviceView = z.infer<typeof DeviceView>;

export const DevicesResponse = z.object({
  now: z.string(),
  strandedAfterMinutes: z.number().int(),
  devices: z.array(DeviceView),
});
export type DevicesResponse = z.infer<typeof DevicesResponse>;

/** Pending work and silence: the lead should go and find this handheld. */
export function isStranded(d: { pending: number; lastSeen: string }, now: Date, afterMinutes = STRANDED_AFTER_MINUTES): boolean {
  const seen = Date.parse(d.lastSeen);
  return d.pending > 0 && (Number.isNaN(seen) || now.getTime() - seen > afterMinutes * 60_000);
}

/** Stranded first, then most pending work, then the longest silent; id breaks ties. */
export function compareDevices(a: DeviceView, b: DeviceView): number {
  if (a.stranded !== b.stranded) return a.stranded ? -1 : 1;
  if (a.pending !== b.pending) return b.pending - a.pending;
  if (a.lastSeen !== b.lastSeen) return a.lastSeen < b.lastSeen ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
