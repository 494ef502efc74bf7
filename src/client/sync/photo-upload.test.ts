import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ToteDb, db, setDatabase } from '../local/db';
import { getPhoto, KEEP_UPLOADED_MS, pendingPhotoIds, savePhoto } from '../local/photos';
import { NetworkError } from './api';
import { PHOTO_CHUNK, uploadPendingPhotos } from './photo-upload';

async function sha(b: Uint8Array): Promise<string> {
  const d = await crypto.subtle.digest('SHA-256', b as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(d)].map((x) => x.toString(16).padStart(2, '0')).join('');
}
const concat = (a: Uint8Array, b: Uint8Array) => {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
};
const same = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * A stand-in for the server's photo routes, keeping to the protocol: appends only at the
 * offset it holds, checks the hash on the last byte. `cut` makes the next PATCH fail as
 * a dropped connection, before or after the server applied it.
 */
class StandInServer {
  photos = new Map<string, { sha256: string; byteSize: number; bytes: Uint8Array; stored: boolean }>();
  /** Every byte appended, over all PATCHes: more than the photo's size means a byte was sent twice. */
  appended = 0;
  calls: string[] = [];
  cut: 'before' | 'after' | null = null;
  conflictOnce = false;
  status401 = false;

  fetch = async (url: string, init: RequestInit = {}): Promise<Response> => {
    const method = init.method ?? 'GET';
    this.calls.push(`${method} ${url}`);
    if (this.status401) return json(401, { error: { code: 'UNAUTHENTICATED', message: 'no' } });
    const u = new URL(url, 'http://tote.test');
    if (method === 'POST' && u.pathname === '/api/photos') {
      const b = JSON.parse(String(init.body)) as { id: string; sha256: string; byteSize: number };
      const p = this.photos.get(b.id) ?? { sha256: b.sha256, byteSize: b.byteSize, bytes: new Uint8Array(0), stored: false };
      this.photos.set(b.id, p);
      return json(200, this.state(b.id));
    }
    const m = /^\/api\/photos\/([^/]+)(\/upload)?$/.exec(u.pathname);
    const p = m ? this.photos.get(decodeURIComponent(m[1]!)) : undefined;
    if (!m || !p) return json(404, { error: { code: 'NOT_FOUND', message: 'no' } });
    const id = decodeURIComponent(m[1]!);
    if (method === 'GET' && m[2]) return json(200, this.state(id));
    if (method !== 'PATCH') return json(405, { error: { code: 'METHOD_NOT_ALLOWED', message: 'no' } });
    if (this.cut === 'before') {
      this.cut = null;
      throw new TypeError('Failed to fetch');
    }
    const offset = Number(u.searchParams.get('offset'));
    if (this.conflictOnce) {
      this.conflictOnce = false;
      return json(409, { error: { code: 'PHOTO_OFFSET_MISMATCH', message: 'no', details: { offset: 999, stored: false } } });
    }
    if (p.stored || offset !== p.bytes.length) return json(409, { error: { code: 'PHOTO_OFFSET_MISMATCH', message: 'no', details: this.state(id) } });
    const chunk = new Uint8Array(init.body as ArrayBuffer);
    p.bytes = concat(p.bytes, chunk);
    this.appended += chunk.length;
    if (p.bytes.length === p.byteSize) {
      if ((await sha(p.bytes)) !== p.sha256) {
        p.bytes = new Uint8Array(0);
        return json(422, { error: { code: 'PHOTO_HASH_MISMATCH', message: 'no', details: { offset: 0 } } });
      }
      p.stored = true;
    }
    if (this.cut === 'after') {
      this.cut = null;
      throw new TypeError('network connection was lost');
    }
    return json(200, this.state(id));
  };

  state(id: string) {
    const p = this.photos.get(id)!;
    return { id, offset: p.bytes.length, byteSize: p.byteSize, stored: p.stored };
  }

  patches() {
    return this.calls.filter((c) => c.startsWith('PATCH')).length;
  }
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function jpeg(n: number): Blob {
  const b = new Uint8Array(n);
  for (let i = 0; i < n; i++) b[i] = (i * 7919 + 13) % 256;
  return new Blob([b], { type: 'image/jpeg' });
}
const bytesOf = async (b: Blob) => new Uint8Array(await b.arrayBuffer());

let server: StandInServer;
beforeEach(() => {
  setDatabase(new ToteDb(`photo-upload-${Math.random()}`));
  server = new StandInServer();
  vi.stubGlobal('fetch', server.fetch);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('photo upload', () => {
  it('sends a photo in chunks from offset 0, records each acknowledged chunk and marks it uploaded', async () => {
    const blob = jpeg(PHOTO_CHUNK * 2 + 1000);
    const id = await savePhoto(blob);
    const report = await uploadPendingPhotos('tok');
    expect(report).toEqual({ uploaded: [id], refused: [], stoppedBy: null });
    expect(server.patches()).toBe(3);
    expect(await sha(server.photos.get(id)!.bytes)).toBe(await sha(await bytesOf(blob)));
    expect(await getPhoto(id)).toMatchObject({ status: 'uploaded', uploadedBytes: blob.size });
    expect(await pendingPhotoIds()).toEqual([]);
  });

  it('resumes after the connection is cut mid-photo from the offset the server holds, sending no byte twice', async () => {
    const blob = jpeg(PHOTO_CHUNK * 3 + 5);
    const id = await savePhoto(blob);
    // The second chunk reaches the server but its answer is lost.
    let patches = 0;
    const inner = server.fetch;
    vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
      if (init?.method === 'PATCH' && ++patches === 2) server.cut = 'after';
      return inner(url, init);
    });
    await expect(uploadPendingPhotos('tok')).rejects.toBeInstanceOf(NetworkError);
    // Only what the server acknowledged is recorded on the device.
    expect(await getPhoto(id)).toMatchObject({ status: 'pending', uploadedBytes: PHOTO_CHUNK });
    expect(server.state(id).offset).toBe(PHOTO_CHUNK * 2);

    server.cut = 'before'; // the next try is cut before anything arrives
    await expect(uploadPendingPhotos('tok')).rejects.toBeInstanceOf(NetworkError);
    expect(server.state(id).offset).toBe(PHOTO_CHUNK * 2);

    expect(await uploadPendingPhotos('tok')).toMatchObject({ uploaded: [id] });
    expect(server.appended).toBe(blob.size);
    expect(same(server.photos.get(id)!.bytes, await bytesOf(blob))).toBe(true);
    expect(await getPhoto(id)).toMatchObject({ status: 'uploaded', uploadedBytes: blob.size });
  });

  it('never sends a stored photo again, even when the answer to its last chunk was lost', async () => {
    const id = await savePhoto(jpeg(1000));
    server.cut = 'after';
    await expect(uploadPendingPhotos('tok')).rejects.toBeInstanceOf(NetworkError);
    expect(server.state(id).stored).toBe(true);
    expect(await getPhoto(id)).toMatchObject({ status: 'pending' });

    server.calls = [];
    expect(await uploadPendingPhotos('tok')).toMatchObject({ uploaded: [id] });
    expect(server.calls).toEqual(['POST /api/photos']);
    expect(await getPhoto(id)).toMatchObject({ status: 'uploaded', uploadedBytes: 1000 });

    server.calls = [];
    expect(await uploadPendingPhotos('tok')).toEqual({ uploaded: [], refused: [], stoppedBy: null });
    expect(server.calls).toEqual([]);
    expect(server.appended).toBe(1000);
  });

  it('re-reads the offset after a refused one instead of guessing', async () => {
    const blob = jpeg(PHOTO_CHUNK + 10);
    const id = await savePhoto(blob);
    server.conflictOnce = true;
    expect(await uploadPendingPhotos('tok')).toMatchObject({ uploaded: [id] });
    expect(server.calls).toContain(`GET /api/photos/${id}/upload`);
    expect(server.appended).toBe(blob.size);
  });

  it('sends a photo again from 0 when the server found it damaged', async () => {
    const blob = jpeg(3000);
    const id = await savePhoto(blob);
    const inner = server.fetch;
    let damaged = false;
    vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
      if (init?.method === 'PATCH' && !damaged) {
        damaged = true;
        const b = new Uint8Array(init.body as ArrayBuffer);
        b[5] = b[5]! ^ 1;
        return inner(url, { ...init, body: b.buffer });
      }
      return inner(url, init);
    });
    expect(await uploadPendingPhotos('tok')).toMatchObject({ uploaded: [id] });
    expect(await sha(server.photos.get(id)!.bytes)).toBe(await sha(await bytesOf(blob)));
  });

  it('stops on a signed-out answer for the engine to handle, and runs one upload at a time', async () => {
    const id = await savePhoto(jpeg(10));
    server.status401 = true;
    expect((await uploadPendingPhotos('tok'))?.stoppedBy?.status).toBe(401);
    expect(await getPhoto(id)).toMatchObject({ status: 'pending', uploadedBytes: 0 });

    server.status401 = false;
    const [a, b] = await Promise.all([uploadPendingPhotos('tok'), uploadPendingPhotos('tok')]);
    expect([a?.uploaded, b]).toEqual([[id], null]);
    expect(server.appended).toBe(10);
  });

  it('drops uploaded photos from the device after a week, never a pending one', async () => {
    const old = await savePhoto(jpeg(10));
    const oldPending = await savePhoto(jpeg(11));
    const weekAgo = new Date(Date.now() - KEEP_UPLOADED_MS - 1000).toISOString();
    await db().photos.update(old, { createdAt: weekAgo });
    await db().photos.update(oldPending, { createdAt: weekAgo });
    server.status401 = true;
    await uploadPendingPhotos('tok');
    expect(await db().photos.count()).toBe(2);
    server.status401 = false;
    const fresh = await savePhoto(jpeg(12));
    expect((await uploadPendingPhotos('tok'))?.uploaded.sort()).toEqual([old, oldPending, fresh].sort());
    // Uploaded in this run: the two a week old are dropped, today's stays.
    expect((await db().photos.toArray()).map((p) => p.id)).toEqual([fresh]);
    server.status401 = true;
    await db().photos.update(fresh, { createdAt: weekAgo, status: 'pending' });
    await uploadPendingPhotos('tok');
    expect(await db().photos.count()).toBe(1);
  });

  it('refuses to queue what the server could never take', async () => {
    await expect(savePhoto(new Blob([new Uint8Array(10)], { type: 'image/gif' }))).rejects.toMatchObject({ code: 'PHOTO_TYPE_UNSUPPORTED' });
    await expect(savePhoto(new Blob([new Uint8Array(8 * 1024 * 1024 + 1)], { type: 'image/jpeg' }))).rejects.toMatchObject({ code: 'PHOTO_TOO_LARGE' });
    await expect(savePhoto(new Blob([], { type: 'image/jpeg' }))).rejects.toMatchObject({ code: 'PHOTO_UNREADABLE' });
    expect(await db().photos.count()).toBe(0);
  });
});
