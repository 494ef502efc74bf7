import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DeviceReport } from '../../domain/devices';
import { db } from '../local/db';
import { enqueue, markAcked } from '../local/outbox';
import { emptyPull, freshDb } from '../local/test-db';
import { AFTER_PUSH_GAP_MS, buildReport, Heartbeat, HEARTBEAT_MS } from './heartbeat';
import { SyncEngine } from './sync-engine';
import { useSyncStore } from './sync-store';

type Call = { url: string; auth: string | null; body: unknown };

/** A stand-in server: records every request; `answer` decides the reply or throws (offline). */
function standIn(answer: (url: string) => { status: number; body: unknown } = () => ({ status: 200, body: {} })) {
  const calls: Call[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    const headers = (init.headers ?? {}) as Record<string, string>;
    calls.push({ url, auth: headers.authorization ?? null, body: init.body ? JSON.parse(String(init.body)) : undefined });
    if (url.startsWith('/api/sync/events')) throw new TypeError('no events in tests');
    const res = answer(url);
    return new Response(JSON.stringify(res.body), { status: res.status, headers: { 'content-type': 'application/json' } });
  });
  return calls;
}

const confirm = (taskId: string, tote: string) => enqueue('pick.confirm', { waveId: 'w1', taskId, qty: 1, toteCode: tote, assignmentEpoch: 1 });
const rejection = (seq: number, seenAt: string | null) => ({
  id: `m-${seq}`,
  seq,
  name: 'pick.confirm',
  code: 'TASK_NOT_OPEN',
  message: 'no',
  createdAt: new Date().toISOString(),
  seenAt,
});
const beats = (calls: Call[]) => calls.filter((c) => c.url === '/api/devices/heartbeat');

beforeEach(async () => {
  await freshDb();
  useSyncStore.setState({ online: true, syncing: false, blockedCode: null, signedOut: false, pending: 0 });
});
afterEach(() => vi.unstubAllGlobals());

describe('device report', () => {
  it('counts the commands still pending, the oldest of them, and refusals not seen yet', async () => {
    await confirm('t1', 'T1');
    await confirm('t2', 'T2');
    await confirm('t3', 'T3');
    await markAcked(1);
    const second = await db().outbox.get(2);
    await db().rejections.bulkPut([rejection(7, null), rejection(8, null), rejection(9, new Date().toISOString())]);
    const r = await buildReport('9.9.9');
    expect(r).toMatchObject({ pending: 2, oldestPendingAt: new Date(second!.createdAt).toISOString(), rejectedUnseen: 2, appVersion: '9.9.9' });
    expect(DeviceReport.safeParse(r).success).toBe(true);
  });

  it('an empty outbox reports nothing pending and no oldest time', async () => {
    const r = await buildReport('1.0.0');
    expect(r).toMatchObject({ pending: 0, oldestPendingAt: null, rejectedUnseen: 0 });
    expect(DeviceReport.safeParse(r).success).toBe(true);
  });
});

describe('Heartbeat', () => {
  it("posts the report with the session's token", async () => {
    await confirm('t1', 'T1');
    const calls = standIn();
    expect(await new Heartbeat('2.0.0').maybeSend('tok-abc')).toBe(true);
    expect(beats(calls)).toHaveLength(1);
    expect(beats(calls)[0]).toMatchObject({ auth: 'Bearer tok-abc', body: { report: { pending: 1, rejectedUnseen: 0, appVersion: '2.0.0' } } });
  });

  it('sends no more often than the interval, except soon after a push', async () => {
    let now = 1_000_000;
    const calls = standIn();
    const hb = new Heartbeat('2.0.0', () => now);
    expect(await hb.maybeSend('tok')).toBe(true);
    now += HEARTBEAT_MS - 1;
    expect(await hb.maybeSend('tok')).toBe(false);
    expect(beats(calls)).toHaveLength(1);
    now += 1;
    expect(await hb.maybeSend('tok')).toBe(true);
    // A push right after a report: too soon, but owed; the next cycle past the short gap sends it.
    now += 1_000;
    expect(await hb.maybeSend('tok', { afterPush: true })).toBe(false);
    now += AFTER_PUSH_GAP_MS;
    expect(await hb.maybeSend('tok')).toBe(true);
    expect(beats(calls)).toHaveLength(3);
    now += AFTER_PUSH_GAP_MS;
    expect(await hb.maybeSend('tok')).toBe(false);
    expect(await hb.maybeSend('tok', { afterPush: true })).toBe(true);
    expect(beats(calls)).toHaveLength(4);
  });

  it('never throws: offline, a server error, a broken database', async () => {
    let now = 0;
    const hb = new Heartbeat('2.0.0', () => now);
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(hb.maybeSend('tok')).resolves.toBe(false);
    now += HEARTBEAT_MS;
    const calls = standIn(() => ({ status: 500, body: { error: { code: 'INTERNAL', message: 'boom' } } }));
    await expect(hb.maybeSend('tok')).resolves.toBe(true);
    expect(beats(calls)).toHaveLength(1);
    now += HEARTBEAT_MS;
    db().close();
    await expect(hb.maybeSend('tok')).resolves.toBe(false);
    expect(beats(calls)).toHaveLength(1);
  });

  it('sends nothing while the browser is offline', async () => {
    const calls = standIn();
    vi.stubGlobal('navigator', { onLine: false });
    expect(await new Heartbeat('2.0.0').maybeSend('tok')).toBe(false);
    expect(calls).toHaveLength(0);
  });

  it('follows a push in the sync cycle, and a failing heartbeat leaves the sync unharmed', async () => {
    await confirm('t1', 'T1');
    const calls = standIn((url) => {
      if (url === '/api/devices/heartbeat') return { status: 503, body: { error: { code: 'TRANSIENT', message: 'down' } } };
      if (url === '/api/sync/push') {
        const m = (calls.at(-1)!.body as { mutations: { id: string; seq: number }[] }).mutations;
        return { status: 200, body: { lastSeq: 1, results: m.map((x) => ({ id: x.id, seq: x.seq, status: 'applied' })) } };
      }
      return { status: 200, body: emptyPull({ lastSeq: 1 }) };
    });
    const engine = new SyncEngine();
    engine.request();
    await vi.waitFor(() => expect(beats(calls)).toHaveLength(1), { timeout: 2000 });
    await vi.waitFor(() => expect(useSyncStore.getState().syncing).toBe(false), { timeout: 2000 });
    const urls = calls.map((c) => c.url).filter((u) => !u.startsWith('/api/sync/events'));
    expect(urls.indexOf('/api/devices/heartbeat')).toBeGreaterThan(urls.indexOf('/api/sync/push'));
    // Read after the push was acknowledged: nothing waits any more.
    expect(beats(calls)[0]!.body).toMatchObject({ report: { pending: 0, oldestPendingAt: null } });
    expect(useSyncStore.getState()).toMatchObject({ online: true, blockedCode: null, signedOut: false });
    expect(await db().outbox.where('status').equals('pending').count()).toBe(0);
  });
});
