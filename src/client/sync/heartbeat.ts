import { DeviceReport, MAX_REPORTED_PENDING, MAX_REPORTED_REJECTED } from '../../domain/devices';
import { db } from '../local/db';
import { apiFetch } from './api';

/** Without a push to report on, one heartbeat a minute is plenty for the lead's board. */
export const HEARTBEAT_MS = 60_000;
/**
 * After a push the figures changed, so the report goes at once, but a scanning burst
 * pushes every half second: reports after pushes keep at least this far apart.
 */
export const AFTER_PUSH_GAP_MS = 5_000;
const TIMEOUT_MS = 10_000;

interface BatteryManagerLike {
  level: number;
}
type BatteryNavigator = Navigator & { getBattery?: () => Promise<BatteryManagerLike> };

/**
 * The device's own view of its outbox for the lead's board: read from IndexedDB in one
 * transaction so the count and the oldest row agree.
 */
export async function buildReport(appVersion: string): Promise<DeviceReport> {
  const d = db();
  const { pending, oldest, rejectedUnseen } = await d.transaction('r', [d.outbox, d.rejections], async () => {
    // A fresh collection each: Dexie's first() narrows the collection it is called on.
    const waiting = () => d.outbox.where('[status+seq]').between(['pending', -Infinity], ['pending', Infinity]);
    const [pending, first, rejectedUnseen] = await Promise.all([
      waiting().count(),
      waiting().first(),
      d.rejections.filter((r) => r.seenAt === null).count(),
    ]);
    return { pending, oldest: first?.createdAt ?? null, rejectedUnseen };
  });
  const report: DeviceReport = {
    pending: Math.min(pending, MAX_REPORTED_PENDING),
    oldestPendingAt: pending > 0 ? normaliseIso(oldest) : null,
    rejectedUnseen: Math.min(rejectedUnseen, MAX_REPORTED_REJECTED),
    appVersion,
    online: typeof navigator === 'undefined' ? true : navigator.onLine,
  };
  const battery = await batteryPct();
  if (battery !== null) report.batteryPct = battery;
  return report;
}

/** A row's createdAt as the server reads it; an unreadable one reports as now (still pending). */
function normaliseIso(iso: string | null): string {
  const t = iso === null ? Number.NaN : Date.parse(iso);
  return new Date(Number.isNaN(t) ? Date.now() : t).toISOString();
}

async function batteryPct(): Promise<number | null> {
  try {
    const nav = typeof navigator === 'undefined' ? undefined : (navigator as BatteryNavigator);
    if (!nav?.getBattery) return null;
    const b = await nav.getBattery();
    return Number.isFinite(b.level) ? Math.max(0, Math.min(100, Math.round(b.level * 100))) : null;
  } catch {
    return null;
  }
}

/**
 * Sends the device report on the sync engine's cycle. It is only a report: nothing it
 * does may fail a sync, so every error is swallowed and the next cycle tries again.
 */
export class Heartbeat {
  private lastAt: number | null = null;
  private sending = false;
  /** A push happened since the last report but too soon to report it: the next cycle does. */
  private owed = false;

  constructor(
    private readonly appVersion: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** Returns whether a report was sent (even one the server then refused). */
  async maybeSend(token: string, opts: { afterPush?: boolean } = {}): Promise<boolean> {
    if (this.sending) return false;
    if (typeof navigator !== 'undefined' && !navigator.onLine) return false;
    const t = this.now();
    const gap = opts.afterPush || this.owed ? AFTER_PUSH_GAP_MS : HEARTBEAT_MS;
    if (this.lastAt !== null && t - this.lastAt < gap) {
      if (opts.afterPush) this.owed = true;
      return false;
    }
    // Counted as sent even if it fails: a report is not worth retrying harder than this.
    this.sending = true;
    this.lastAt = t;
    this.owed = false;
    try {
      const parsed = DeviceReport.safeParse(await buildReport(this.appVersion));
      if (!parsed.success) return false;
      const signal = typeof AbortSignal !== 'undefined' && 'timeout' in AbortSignal ? AbortSignal.timeout(TIMEOUT_MS) : undefined;
      await apiFetch('/api/devices/heartbeat', { method: 'POST', token, body: { report: parsed.data }, signal });
      return true;
    } catch {
      return false;
    } finally {
      this.sending = false;
    }
  }
}
