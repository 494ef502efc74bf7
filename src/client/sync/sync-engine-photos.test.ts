import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getPhoto, savePhoto } from '../local/photos';
import { enqueue } from '../local/outbox';
import { emptyPull, freshDb } from '../local/test-db';
import { PHOTO_CHUNK } from './photo-upload';
import { SyncEngine } from './sync-engine';
import { useSyncStore } from './sync-store';

/** The server as the engine sees it: push, pull, and the photo routes holding bytes in memory. */
function standIn(opts: { photoStatus?: number; cutPatch?: number } = {}) {
  const calls: string[] = [];
  const held = new Map<string, number>();
  let patches = 0;
  vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
    const method = init.method ?? 'GET';
    calls.push(`${method} ${url.split('?')[0]}`);
    const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    if (url.startsWith('/api/sync/events')) throw new TypeError('no events in tests');
    if (url === '/api/sync/push') {
      const m = JSON.parse(String(init.body)).mutations as { id: string; seq: number }[];
      return json(200, { lastSeq: m.at(-1)!.seq, results: m.map((x) => ({ id: x.id, seq: x.seq, status: 'applied' })) });
    }
    if (url.startsWith('/api/sync/pull')) return json(200, emptyPull({ lastSeq: 1 }));
    if (opts.photoStatus) return json(opts.photoStatus, { error: { code: 'UNAUTHENTICATED', message: 'no' } });
    if (method === 'POST' && url === '/api/photos') {
      const b = JSON.parse(String(init.body)) as { id: string; byteSize: number };
      const offset = held.get(b.id) ?? 0;
      held.set(b.id, offset);
      return json(200, { id: b.id, offset, byteSize: b.byteSize, stored: offset === b.byteSize });
    }
    if (method === 'PATCH') {
      if (++patches === opts.cutPatch) throw new TypeError('Failed to fetch');
      const id = decodeURIComponent(url.split('/')[3]!.split('?')[0]!);
      const size = (await getPhoto(id))!.byteSize;
      const offset = held.get(id)! + (init.body as ArrayBuffer).byteLength;
      held.set(id, offset);
      return json(200, { id, offset, byteSize: size, stored: offset === size });
    }
    return json(404, { error: { code: 'NOT_FOUND', message: url } });
  });
  return { calls, held };
}

async function syncOnce(engine: SyncEngine) {
  engine.request();
  await vi.waitFor(() => expect(useSyncStore.getState().syncing).toBe(false), { timeout: 2000 });
}

const photo = (n: number) => savePhoto(new Blob([new Uint8Array(n).fill(7)], { type: 'image/jpeg' }));

beforeEach(async () => {
  await freshDb();
  useSyncStore.setState({ online: true, syncing: false, blockedCode: null, signedOut: false, pending: 0 });
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('SyncEngine and photos', () => {
  it('uploads pending photos after the commands that name them', async () => {
    const id = await photo(PHOTO_CHUNK + 10);
    await enqueue('pick.confirm', { waveId: 'w1', taskId: 't1', qty: 1, toteCode: 'T1', assignmentEpoch: 1 });
    const { calls, held } = standIn();
    await syncOnce(new SyncEngine());
    // The heartbeat closes the cycle: wait for it rather than for a fixed time.
    await vi.waitFor(() => expect(calls).toContain('POST /api/devices/heartbeat'));
    expect(calls.filter((c) => !c.includes('/events'))).toEqual([
      'POST /api/sync/push',
      'GET /api/sync/pull',
      'POST /api/photos',
      `PATCH /api/photos/${id}`,
      `PATCH /api/photos/${id}`,
      'POST /api/devices/heartbeat',
    ]);
    expect(held.get(id)).toBe(PHOTO_CHUNK + 10);
    expect(await getPhoto(id)).toMatchObject({ status: 'uploaded' });

    calls.length = 0;
    await syncOnce(new SyncEngine());
    expect(calls.filter((c) => c.includes('/api/photos'))).toEqual([]);
  });

  it('a cut mid-photo leaves it pending with what the server acknowledged, and a later cycle finishes it', async () => {
    const id = await photo(PHOTO_CHUNK * 2 + 1);
    standIn({ cutPatch: 2 });
    await syncOnce(new SyncEngine());
    expect(useSyncStore.getState().online).toBe(false);
    expect(await getPhoto(id)).toMatchObject({ status: 'pending', uploadedBytes: PHOTO_CHUNK });
    await vi.waitFor(async () => expect(await getPhoto(id)).toMatchObject({ status: 'uploaded' }), { timeout: 5000 });
  });

  it('a signed-out answer to a photo signs the device out like any sync answer', async () => {
    const id = await photo(10);
    standIn({ photoStatus: 401 });
    await syncOnce(new SyncEngine());
    await vi.waitFor(() => expect(useSyncStore.getState().signedOut).toBe(true));
    expect(await getPhoto(id)).toMatchObject({ status: 'pending' });
  });
});
