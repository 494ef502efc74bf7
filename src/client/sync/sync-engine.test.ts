import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../local/db';
import { getMeta } from '../local/meta';
import { enqueue } from '../local/outbox';
import { emptyPull, freshDb } from '../local/test-db';
import { PUSH_DELAY_MS, SyncEngine } from './sync-engine';
import { useSyncStore } from './sync-store';

type Handler = (url: string, init: RequestInit) => { status: number; body: unknown };

function mockFetch(handler: Handler) {
  const calls: { url: string; body: unknown }[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    const body = init.body ? JSON.parse(String(init.body)) : undefined;
    calls.push({ url, body });
    if (url.startsWith('/api/sync/events')) throw new TypeError('no events in tests');
    const res = handler(url, init);
    return new Response(JSON.stringify(res.body), { status: res.status, headers: { 'content-type': 'application/json' } });
  });
  return calls;
}

async function syncOnce(engine: SyncEngine) {
  engine.request();
  await vi.waitFor(() => expect(useSyncStore.getState().syncing).toBe(false), { timeout: 2000 });
  await new Promise((r) => setTimeout(r, 20));
}

const confirm = (taskId: string, tote: string) => enqueue('pick.confirm', { waveId: 'w1', taskId, qty: 1, toteCode: tote, assignmentEpoch: 1 });

beforeEach(async () => {
  await freshDb();
  useSyncStore.setState({ online: true, syncing: false, blockedCode: null, signedOut: false, pending: 0 });
});
afterEach(() => vi.unstubAllGlobals());

describe('SyncEngine', () => {
  it('pushes the outbox in seq order, then pulls and forgets what the server holds', async () => {
    await confirm('t1', 'T1');
    await confirm('t2', 'T2');
    const calls = mockFetch((url, init) => {
      if (url === '/api/sync/push') {
        const m = JSON.parse(String(init.body)).mutations as { id: string; seq: number }[];
        return { status: 200, body: { lastSeq: 2, results: m.map((x) => ({ id: x.id, seq: x.seq, status: 'applied' })) } };
      }
      return { status: 200, body: emptyPull({ cursor: 7, lastSeq: 2 }) };
    });
    await syncOnce(new SyncEngine());
    const push = calls.find((c) => c.url === '/api/sync/push')!.body as { deviceId: string; mutations: { seq: number }[] };
    expect(push.deviceId).toBe('dev-1');
    expect(push.mutations.map((m) => m.seq)).toEqual([1, 2]);
    expect(calls.some((c) => c.url === '/api/sync/pull?cursor=0')).toBe(true);
    expect(await db().outbox.count()).toBe(0);
    expect(await getMeta('cursor')).toBe(7);
    expect(useSyncStore.getState().lastSyncAt).not.toBeNull();
  });

  it('on 409 SEQ_GAP resends from the expected seq', async () => {
    await confirm('t1', 'T1');
    await confirm('t2', 'T2');
    const firstSeqs: number[] = [];
    mockFetch((url, init) => {
      if (url === '/api/sync/push') {
        const m = JSON.parse(String(init.body)).mutations as { id: string; seq: number }[];
        firstSeqs.push(m[0]!.seq);
        if (m[0]!.seq === 1) return { status: 409, body: { error: { code: 'SEQ_GAP', message: 'gap', details: { expectedSeq: 2 } } } };
        return { status: 200, body: { lastSeq: 2, results: m.map((x) => ({ id: x.id, seq: x.seq, status: 'applied' })) } };
      }
      return { status: 200, body: emptyPull({ lastSeq: 2 }) };
    });
    await syncOnce(new SyncEngine());
    expect(firstSeqs).toEqual([1, 2]);
    expect(await db().outbox.count()).toBe(0);
  });

  it('on 400 marks sync blocked and keeps the outbox', async () => {
    await confirm('t1', 'T1');
    mockFetch((url) =>
      url === '/api/sync/push'
        ? { status: 400, body: { error: { code: 'VALIDATION_FAILED', message: 'bad' } } }
        : { status: 200, body: emptyPull() },
    );
    await syncOnce(new SyncEngine());
    expect(useSyncStore.getState().blockedCode).toBe('VALIDATION_FAILED');
    expect(await db().outbox.count()).toBe(1);
  });

  it('on 401 signs out but keeps the outbox', async () => {
    await confirm('t1', 'T1');
    mockFetch(() => ({ status: 401, body: { error: { code: 'UNAUTHENTICATED', message: 'no' } } }));
    await syncOnce(new SyncEngine());
    expect(useSyncStore.getState().signedOut).toBe(true);
    expect(await getMeta('session')).toBeNull();
    expect(await db().outbox.count()).toBe(1);
  });

  it('stores refusals from a push and keeps going', async () => {
    await confirm('t1', 'T1');
    mockFetch((url, init) => {
      if (url === '/api/sync/push') {
        const m = JSON.parse(String(init.body)).mutations as { id: string; seq: number }[];
        return { status: 200, body: { lastSeq: 1, results: [{ id: m[0]!.id, seq: 1, status: 'rejected', code: 'LINE_ALREADY_PICKED', message: 'x' }] } };
      }
      return { status: 200, body: emptyPull({ lastSeq: 1 }) };
    });
    await syncOnce(new SyncEngine());
    expect(await db().rejections.toArray()).toMatchObject([{ seq: 1, code: 'LINE_ALREADY_PICKED', name: 'pick.confirm' }]);
    expect((await db().tasks.get('t1'))!.status).toBe('open'); // the refused pick's effect is gone
  });

  it('coalesces a burst of local writes into one push and does not pull after it', async () => {
    const calls = mockFetch((url, init) => {
      if (url === '/api/sync/push') {
        const m = JSON.parse(String(init.body)).mutations as { id: string; seq: number }[];
        return { status: 200, body: { lastSeq: m[m.length - 1]!.seq, results: m.map((x) => ({ id: x.id, seq: x.seq, status: 'applied' })) } };
      }
      return { status: 200, body: emptyPull() };
    });
    const engine = new SyncEngine();
    for (const [task, tote] of [['t1', 'T1'], ['t2', 'T2'], ['t3', 'T3']] as const) {
      await confirm(task, tote);
      engine.requestPush();
    }
    expect(calls.filter((c) => c.url === '/api/sync/push')).toHaveLength(0); // not yet: the burst may go on
    await new Promise((r) => setTimeout(r, PUSH_DELAY_MS + 50));
    await vi.waitFor(() => expect(useSyncStore.getState().syncing).toBe(false));
    const pushes = calls.filter((c) => c.url === '/api/sync/push');
    expect(pushes).toHaveLength(1);
    expect((pushes[0]!.body as { mutations: unknown[] }).mutations).toHaveLength(3);
    expect(calls.some((c) => c.url.startsWith('/api/sync/pull'))).toBe(false); // the server's poke brings the rows
    // Acked but not yet pulled: still shown as picked.
    expect(await db().tasks.get('t1')).toMatchObject({ status: 'picked' });
  });

  it('pulls after a push that had a command refused', async () => {
    await confirm('t1', 'T1');
    const calls = mockFetch((url, init) => {
      if (url === '/api/sync/push') {
        const m = JSON.parse(String(init.body)).mutations as { id: string; seq: number }[];
        return { status: 200, body: { lastSeq: 1, results: [{ id: m[0]!.id, seq: 1, status: 'rejected', code: 'WAVE_CLOSED', message: 'x' }] } };
      }
      return { status: 200, body: emptyPull({ lastSeq: 1 }) };
    });
    const engine = new SyncEngine();
    engine.requestPush();
    await new Promise((r) => setTimeout(r, PUSH_DELAY_MS + 50));
    await vi.waitFor(() => expect(useSyncStore.getState().syncing).toBe(false));
    await vi.waitFor(async () => expect((await db().tasks.get('t1'))!.status).toBe('open'));
    expect(calls.some((c) => c.url.startsWith('/api/sync/pull'))).toBe(true);
  });

  it('holds its database work while the device is being scanned, then pushes in the pause', async () => {
    const calls = mockFetch((url, init) => {
      if (url === '/api/sync/push') {
        const m = JSON.parse(String(init.body)).mutations as { id: string; seq: number }[];
        return { status: 200, body: { lastSeq: m[m.length - 1]!.seq, results: m.map((x) => ({ id: x.id, seq: x.seq, status: 'applied' })) } };
      }
      return { status: 200, body: emptyPull() };
    });
    const engine = new SyncEngine();
    await confirm('t1', 'T1');
    engine.noteWrite();
    engine.requestPush();
    // The push timer has fired and the cycle has started, held by the quiet gap...
    await vi.waitFor(() => expect(useSyncStore.getState().syncing).toBe(true), { timeout: PUSH_DELAY_MS * 4 });
    await confirm('t2', 'T2'); // ...while the picker is still scanning
    engine.noteWrite();
    expect(calls.filter((c) => c.url === '/api/sync/push')).toHaveLength(0);
    await vi.waitFor(() => expect(calls.filter((c) => c.url === '/api/sync/push')).toHaveLength(1), { timeout: 2000 });
    expect((calls.find((c) => c.url === '/api/sync/push')!.body as { mutations: unknown[] }).mutations).toHaveLength(2);
    await vi.waitFor(async () => expect(await db().outbox.where('status').equals('pending').count()).toBe(0));
  });
});
