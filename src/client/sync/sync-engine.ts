import { ErrorCode } from '../../domain/errors';
import { PullResponse, SCHEMA_VERSION, type PushResponse, type SeqGapDetails } from '../../domain/sync';
import { hasAnyRole } from '../../domain/roles';
import * as local from '../local/sync-port';
import { apiFetch, NetworkError, type ApiResult } from './api';
import { backoffDelay } from './backoff';
import { Heartbeat } from './heartbeat';
import { PACK_ROLES, topUpLeases } from './lease-top-up';
import { emitServerPoke } from './pokes';
import { uploadPendingPhotos } from './photo-upload';
import { watchServerEvents } from './server-events';
import { withPushLock } from './push-lock';
import { quietGap } from './quiet-gap';
import { useSyncStore } from './sync-store';
import { setSyncTrigger } from './sync-trigger';

export const PUSH_BATCH = 200;
const INTERVAL_MS = 30_000;
/**
 * Local writes come in bursts (a picker scans every few seconds, a scanner far faster):
 * the first write of a burst schedules one push this long after it, and later writes
 * ride along, so the network and IndexedDB work never sits between a scan and its beep.
 */
export const PUSH_DELAY_MS = 500;
export const APP_VERSION: string = import.meta.env.VITE_APP_VERSION ?? '0.0.0-dev';

class RetryLater extends Error {}
class SignedOut extends Error {}

/**
 * Moves the outbox to the server and server changes to the device. It never holds data
 * of its own: everything it needs is re-read from IndexedDB each cycle, so a reload,
 * a crash or a second tab can pick up exactly where it left off.
 */
export class SyncEngine {
  private running = false;
  private again = false;
  /** Whether the next cycle pulls: asked by pokes, timers, reconnects; not by a plain push. */
  private wantPull = false;
  private pushTimer: ReturnType<typeof setTimeout> | null = null;
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private cleanups: (() => void)[] = [];
  private stopEvents: (() => void) | null = null;
  /** When the last local write (a scan, mostly) finished; see quiet-gap.ts. */
  private lastWriteAt: number | null = null;
  private wakers = new Set<() => void>();
  private heartbeat = new Heartbeat(APP_VERSION);
  /** Whether this cycle's push delivered a batch: the device report follows it at once. */
  private pushed = false;

  start(): void {
    if (this.cleanups.length) return;
    setSyncTrigger(() => this.request());
    const onOnline = () => {
      this.attempt = 0;
      useSyncStore.getState().set({ online: true });
      this.request();
    };
    const onOffline = () => useSyncStore.getState().set({ online: false });
    const onVisible = () => {
      if (document.visibilityState === 'visible') this.request();
    };
    window.addEventListener('online', onOnline);
    window.addEventListener('offline', onOffline);
    document.addEventListener('visibilitychange', onVisible);
    const interval = setInterval(() => this.request(), INTERVAL_MS);
    // The indicator reads the pending count live; the rest of the snapshot can wait for the push.
    const offWrite = local.onLocalWrite(() => {
      this.noteWrite();
      this.requestPush();
    });
    this.cleanups.push(
      () => window.removeEventListener('online', onOnline),
      () => window.removeEventListener('offline', onOffline),
      () => document.removeEventListener('visibilitychange', onVisible),
      () => clearInterval(interval),
      offWrite,
    );
    void local.prepareView(APP_VERSION).then(() => this.refresh());
    this.sessionChanged();
  }

  stop(): void {
    for (const c of this.cleanups.splice(0)) c();
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.pushTimer) clearTimeout(this.pushTimer);
    this.pushTimer = null;
    this.stopEvents?.();
    this.stopEvents = null;
  }

  /** Call after sign-in or sign-out: restarts the server-event stream and syncs. */
  sessionChanged(): void {
    this.stopEvents?.();
    this.stopEvents = watchServerEvents({
      token: async () => (await local.getSession())?.token ?? null,
      onPoke: () => {
        this.request();
        emitServerPoke();
      },
    });
    useSyncStore.getState().set({ signedOut: false });
    this.request();
  }

  /**
   * After a local write: one push for the whole burst, PUSH_DELAY_MS after its first
   * write. The push does not pull unless the server refused something; the server's poke
   * (or the timer) brings the resulting rows.
   */
  requestPush(): void {
    if (this.pushTimer) return;
    this.pushTimer = setTimeout(() => {
      this.pushTimer = null;
      this.request({ pull: false });
    }, PUSH_DELAY_MS);
  }

  /** A local write just finished: the engine's own database work keeps out of its way. */
  noteWrite(): void {
    this.lastWriteAt = Date.now();
    for (const wake of [...this.wakers]) wake();
  }

  /** Resolves when the engine may touch IndexedDB without delaying a scan (quiet-gap.ts). */
  private async quietGap(heldSince: number): Promise<void> {
    for (;;) {
      const d = quietGap(Date.now(), this.lastWriteAt, heldSince);
      if (d.go) return;
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          this.wakers.delete(done);
          resolve();
        };
        const timer = setTimeout(done, d.wait);
        this.wakers.add(done);
      });
    }
  }

  /** Asks for a sync (push, then pull) soon; coalesces with one already running. */
  request(opts: { pull?: boolean } = {}): void {
    if (opts.pull !== false) this.wantPull = true;
    if (typeof navigator !== 'undefined' && !navigator.onLine) {
      useSyncStore.getState().set({ online: false });
      return;
    }
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.retryTimer) {
      clearTimeout(this.retryTimer);
      this.retryTimer = null;
    }
    void this.run();
  }

  async refresh(): Promise<void> {
    useSyncStore.getState().set(await local.syncSnapshot());
  }

  private async run(): Promise<void> {
    this.running = true;
    useSyncStore.getState().set({ syncing: true });
    try {
      do {
        this.again = false;
        await withPushLock(() => this.cycle());
      } while (this.again);
      this.attempt = 0;
    } catch (err) {
      this.wantPull = true; // whatever was cut short, the retry syncs in full
      if (err instanceof SignedOut) {
        await local.clearSession();
        useSyncStore.getState().set({ signedOut: true });
      } else {
        if (err instanceof NetworkError) useSyncStore.getState().set({ online: false });
        const delay = backoffDelay(this.attempt++);
        this.retryTimer = setTimeout(() => {
          this.retryTimer = null;
          this.request();
        }, delay);
      }
    } finally {
      this.running = false;
      useSyncStore.getState().set({ syncing: false });
      await this.quietGap(Date.now());
      await this.refresh().catch(() => undefined);
    }
  }

  private async cycle(): Promise<void> {
    // Every database step of the cycle waits for a gap in the scanning, all against one
    // clock, so a picker who never pauses holds the whole cycle back at most the cap.
    const heldSince = Date.now();
    await this.quietGap(heldSince);
    const session = await local.getSession();
    if (!session) return;
    const deviceId = await local.deviceId();
    const pull = this.wantPull;
    this.wantPull = false;
    let needsPull = false;
    this.pushed = false;
    if (!useSyncStore.getState().blockedCode) needsPull = await this.push(session.token, deviceId, heldSince);
    if (pull || needsPull) {
      await this.pull(session.token, session.user.id, heldSince);
      // Only benches number cartons: a picker's cycle touches no pack table.
      if (hasAnyRole(session.user.roles, PACK_ROLES)) {
        await this.quietGap(heldSince);
        await topUpLeases(session.token);
      }
    }
    // Photos ride after the commands that name them; each chunk's note waits for a scan gap.
    const photos = await uploadPendingPhotos(session.token, { beforeWrite: () => this.quietGap(heldSince) });
    if (photos?.stoppedBy) this.raise(photos.stoppedBy);
    // The lead's board hears what still waits here (heartbeat.ts); it never fails the cycle.
    await this.quietGap(heldSince);
    await this.heartbeat.maybeSend(session.token, { afterPush: this.pushed });
    useSyncStore.getState().set({ online: true });
  }

  /**
   * Sends the pending commands in FIFO batches. Returns true when the view needs server
   * rows to be right again (a command was refused, or the server's seq disagreed).
   */
  private async push(token: string, deviceId: string, heldSince: number): Promise<boolean> {
    let needsPull = false;
    for (;;) {
      const batch = await local.pendingBatch(PUSH_BATCH);
      if (!batch.length) return needsPull;
      const res = await apiFetch<PushResponse>('/api/sync/push', {
        method: 'POST',
        token,
        body: {
          deviceId,
          schemaVersion: SCHEMA_VERSION,
          appVersion: APP_VERSION,
          mutations: batch.map(({ status: _status, ...m }) => m),
        },
      });
      await this.quietGap(heldSince);
      if (res.ok) {
        this.pushed = true;
        if (res.body.results.some((r) => r.status === 'rejected')) needsPull = true;
        await local.storePushRejections(res.body.results);
        await local.markAcked(res.body.lastSeq);
        if (res.body.lastSeq < batch[0]!.seq) return true; // the server took nothing: do not spin
        continue;
      }
      this.raise(res);
      needsPull = true;
      if (res.status === 409 && res.code === ErrorCode.SEQ_GAP) {
        const expected = (res.details as Partial<SeqGapDetails> | undefined)?.expectedSeq;
        if (typeof expected === 'number' && (await local.resendFrom(expected))) continue;
      }
      useSyncStore.getState().set({ blockedCode: res.code });
      return needsPull;
    }
  }

  private async pull(token: string, userId: string, heldSince: number): Promise<void> {
    let cursor = await local.pullCursor(userId);
    for (;;) {
      const res = await apiFetch<unknown>(`/api/sync/pull?cursor=${cursor}`, { token });
      if (!res.ok) {
        this.raise(res);
        useSyncStore.getState().set({ blockedCode: res.code });
        return;
      }
      const page = PullResponse.safeParse(res.body);
      if (!page.success) {
        useSyncStore.getState().set({ blockedCode: ErrorCode.VALIDATION_FAILED });
        return;
      }
      await this.quietGap(heldSince);
      const stuck = page.data.hasMore && page.data.cursor <= cursor;
      await local.applyPullPage(page.data, { final: !page.data.hasMore || stuck, userId });
      if (!page.data.hasMore || stuck) break;
      cursor = page.data.cursor;
    }
    useSyncStore.getState().set({ lastSyncAt: new Date().toISOString() });
  }

  /** Turns transport-level answers into control flow; leaves real 4xx answers to the caller. */
  private raise(res: Extract<ApiResult<unknown>, { ok: false }>): void {
    if (res.status === 401) throw new SignedOut();
    if (res.status >= 500 || res.status === 429 || res.status === 408) throw new RetryLater();
  }
}

let engine: SyncEngine | null = null;

export function syncEngine(): SyncEngine {
  engine ??= new SyncEngine();
  return engine;
}
