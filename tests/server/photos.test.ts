import { createHash, randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VersionClock } from '../../src/server/db/version';
import { PHOTO_CHUNK_MAX, PHOTO_MAX_BYTES } from '../../src/server/services/photos';
import { BACKENDS } from './helpers/backends';
import { digest, login, startHarness, type Harness } from './helpers/harness';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const codeOf = (r: LightMyRequestResponse) => (r.json() as { error?: { code: string } }).error?.code;

/** Bytes that would break a text path: NULs, invalid UTF-8, every byte value. */
function photoBytes(n: number): Buffer {
  const b = randomBytes(n);
  b[0] = 0xff;
  b[1] = 0xd8;
  b[2] = 0;
  b[n - 1] = 0;
  return b;
}

/** A device signed in as someone; each sign-in is a new session, as after a restart. */
async function session(h: Harness, badge: string, deviceId = `dev-${badge}-${Math.random().toString(36).slice(2, 8)}`) {
  const token = await login(h.app, badge, deviceId);
  const auth = { authorization: `Bearer ${token}` };
  return {
    create: (body: Record<string, unknown>) => h.app.inject({ method: 'POST', url: '/api/photos', headers: auth, payload: body }),
    offset: (id: string, method: 'GET' | 'HEAD' = 'GET') => h.app.inject({ method, url: `/api/photos/${id}/upload`, headers: auth }),
    chunk: (id: string, offset: number | string, bytes: Buffer | string, type = 'application/octet-stream') =>
      h.app.inject({ method: 'PATCH', url: `/api/photos/${id}?offset=${offset}`, headers: { ...auth, 'content-type': type }, payload: bytes }),
    get: (id: string) => h.app.inject({ method: 'GET', url: `/api/photos/${id}`, headers: auth }),
  };
}
type Session = Awaited<ReturnType<typeof session>>;

const declare = (id: string, bytes: Buffer, contentType = 'image/jpeg') => ({ id, contentType, byteSize: bytes.length, sha256: sha(bytes) });

async function row(h: Harness, id: string) {
  return h.db.db.selectFrom('photos').selectAll().where('id', '=', id).executeTakeFirst();
}

describe.each(BACKENDS)('photo upload on %s', (kind) => {
  let h: Harness;
  let rita: Session;
  let rosa: Session;
  beforeAll(async () => {
    h = await startHarness(kind);
    [rita, rosa] = await Promise.all([session(h, 'U3001'), session(h, 'U4001')]);
  });
  afterAll(async () => h?.close());

  it('stores a photo sent in chunks, byte for byte, and serves it to the warehouse with its content type', async () => {
    const bytes = photoBytes(600_000);
    const created = await rita.create(declare('ph-chunks', bytes));
    expect(created.statusCode).toBe(201);
    expect(created.json()).toEqual({ id: 'ph-chunks', offset: 0, byteSize: 600_000, stored: false });
    const createdVersion = Number((await row(h, 'ph-chunks'))!.version);
    let offset = 0;
    for (const size of [250_000, 250_000, 100_000]) {
      const r = await rita.chunk('ph-chunks', offset, bytes.subarray(offset, offset + size));
      expect(r.statusCode).toBe(200);
      offset += size;
      expect(r.json()).toEqual({ id: 'ph-chunks', offset, byteSize: 600_000, stored: offset === 600_000 });
      expect(r.headers['upload-offset']).toBe(String(offset));
    }
    const stored = (await row(h, 'ph-chunks'))!;
    expect([Number(stored.stored), Number(stored.received_bytes)]).toEqual([1, 600_000]);
    expect(Number(stored.version)).toBeGreaterThan(createdVersion);
    expect(sha(Buffer.from(stored.data!))).toBe(sha(bytes));

    const got = await rosa.get('ph-chunks'); // returns clerk of the same warehouse
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('image/jpeg');
    expect(sha(got.rawPayload)).toBe(sha(bytes));
  });

  it('resumes a cut upload from the offset the server holds, in a new session, and stores it once', async () => {
    const bytes = photoBytes(700_000);
    const deviceId = 'dev-photo-resume';
    const first = await session(h, 'U3001', deviceId);
    expect((await first.create(declare('ph-resume', bytes, 'image/png'))).statusCode).toBe(201);
    expect((await first.chunk('ph-resume', 0, bytes.subarray(0, 262_144))).statusCode).toBe(200);
    // The connection drops here: the second chunk never arrives. The app restarts and signs in again.
    const second = await session(h, 'U3001', deviceId);
    expect((await second.create(declare('ph-resume', bytes, 'image/png'))).json()).toMatchObject({ offset: 262_144, stored: false });
    const head = await second.offset('ph-resume', 'HEAD');
    expect([head.statusCode, head.headers['upload-offset'], head.body]).toEqual([200, '262144', '']);
    const at = (await second.offset('ph-resume')).json().offset as number;
    expect(at).toBe(262_144);
    // The first chunk resent (its answer was lost) is refused with the offset, not appended again.
    const dup = await second.chunk('ph-resume', 0, bytes.subarray(0, 262_144));
    expect([dup.statusCode, codeOf(dup), dup.json().error.details]).toEqual([409, 'PHOTO_OFFSET_MISMATCH', { offset: 262_144, stored: false }]);
    expect((await second.chunk('ph-resume', at, bytes.subarray(at))).json()).toMatchObject({ offset: 700_000, stored: true });

    const rows = await h.db.db.selectFrom('photos').selectAll().where('id', '=', 'ph-resume').execute();
    expect(rows).toHaveLength(1);
    expect(sha(Buffer.from(rows[0]!.data!))).toBe(sha(bytes));
    expect(Buffer.from(rows[0]!.data!).equals(bytes)).toBe(true);
  });

  it('takes a stored photo sent again as already there and changes nothing', async () => {
    const bytes = photoBytes(1000);
    await rita.create(declare('ph-again', bytes));
    expect((await rita.chunk('ph-again', 0, bytes)).json()).toMatchObject({ stored: true });
    const before = await digest(h);
    const again = await rita.create(declare('ph-again', bytes));
    expect([again.statusCode, again.json()]).toEqual([200, { id: 'ph-again', offset: 1000, byteSize: 1000, stored: true }]);
    const resend = await rita.chunk('ph-again', 0, bytes);
    expect([resend.statusCode, codeOf(resend), resend.json().error.details]).toEqual([409, 'PHOTO_OFFSET_MISMATCH', { offset: 1000, stored: true }]);
    expect((await rita.chunk('ph-again', 1000, bytes)).statusCode).toBe(409);
    expect(await digest(h)).toBe(before);
  });

  it('refuses a chunk at the wrong offset, and of two copies racing in appends one', async () => {
    const bytes = photoBytes(2000);
    await rita.create(declare('ph-offset', bytes));
    const before = await digest(h);
    for (const off of [1, 5, 1999, 2000]) {
      const r = await rita.chunk('ph-offset', off, bytes.subarray(0, 1));
      expect([r.statusCode, codeOf(r), r.json().error.details]).toEqual([409, 'PHOTO_OFFSET_MISMATCH', { offset: 0, stored: false }]);
    }
    expect(await digest(h)).toBe(before);
    const both = await Promise.all([rita.chunk('ph-offset', 0, bytes.subarray(0, 500)), rita.chunk('ph-offset', 0, bytes.subarray(0, 500))]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(Number((await row(h, 'ph-offset'))!.received_bytes)).toBe(500);
    expect((await rita.chunk('ph-offset', 500, bytes.subarray(500))).json()).toMatchObject({ stored: true });
    expect(Buffer.from((await row(h, 'ph-offset'))!.data!).equals(bytes)).toBe(true);
  });

  it('discards a photo whose bytes do not match its SHA-256 and takes it again from 0', async () => {
    const bytes = photoBytes(3000);
    await rita.create(declare('ph-hash', bytes));
    expect((await rita.chunk('ph-hash', 0, bytes.subarray(0, 1000))).statusCode).toBe(200);
    const bad = Buffer.from(bytes.subarray(1000));
    bad[10] = bad[10]! ^ 1;
    const r = await rita.chunk('ph-hash', 1000, bad);
    expect([r.statusCode, codeOf(r), r.json().error.details]).toEqual([422, 'PHOTO_HASH_MISMATCH', { offset: 0, stored: false }]);
    const after = (await row(h, 'ph-hash'))!;
    expect([Number(after.received_bytes), Number(after.stored), after.data]).toEqual([0, 0, null]);
    expect((await rita.get('ph-hash')).statusCode).toBe(404);
    expect((await rita.chunk('ph-hash', 0, bytes)).json()).toMatchObject({ stored: true });
    expect(sha((await rita.get('ph-hash')).rawPayload)).toBe(sha(bytes));
  });

  it('refuses photos over the size limit, chunks past the declared size and chunks over the chunk limit', async () => {
    const before = await digest(h);
    const big = await rita.create({ id: 'ph-big', contentType: 'image/jpeg', byteSize: PHOTO_MAX_BYTES + 1, sha256: 'a'.repeat(64) });
    expect([big.statusCode, codeOf(big)]).toEqual([413, 'PHOTO_TOO_LARGE']);
    expect(await digest(h)).toBe(before);

    const bytes = photoBytes(100);
    await rita.create(declare('ph-over', bytes));
    const mid = await digest(h);
    const over = await rita.chunk('ph-over', 0, Buffer.concat([bytes, Buffer.from([1])]));
    expect([over.statusCode, codeOf(over)]).toEqual([413, 'PHOTO_TOO_LARGE']);
    const huge = await rita.chunk('ph-over', 0, Buffer.alloc(PHOTO_CHUNK_MAX + 1));
    expect([huge.statusCode, codeOf(huge)]).toEqual([413, 'BODY_TOO_LARGE']);
    expect(await digest(h)).toBe(mid);
  });

  it('refuses other content types and anything but raw bytes as a chunk', async () => {
    const before = await digest(h);
    for (const contentType of ['image/gif', 'text/html', 'application/octet-stream', 'image/jpeg; x=1']) {
      const r = await rita.create({ id: 'ph-type', contentType, byteSize: 10, sha256: 'b'.repeat(64) });
      expect([r.statusCode, codeOf(r)], contentType).toEqual([415, 'PHOTO_TYPE_UNSUPPORTED']);
    }
    expect(await digest(h)).toBe(before);
    const bytes = photoBytes(10);
    await rita.create(declare('ph-raw', bytes));
    const mid = await digest(h);
    const asJson = await rita.chunk('ph-raw', 0, JSON.stringify({ a: 1 }), 'application/json');
    expect([asJson.statusCode, codeOf(asJson)]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
    const asText = await rita.chunk('ph-raw', 0, 'hello', 'text/plain');
    expect([asText.statusCode, codeOf(asText)]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
    expect(await digest(h)).toBe(mid);
  });

  it('refuses another declaration under a taken id, and bad input of every kind, with a 4xx code and no change', async () => {
    const bytes = photoBytes(50);
    await rita.create(declare('ph-taken', bytes));
    const before = await digest(h);
    for (const other of [declare('ph-taken', photoBytes(50)), declare('ph-taken', bytes, 'image/png'), { ...declare('ph-taken', bytes), byteSize: 51 }]) {
      const r = await rita.create(other);
      expect([r.statusCode, codeOf(r)]).toEqual([409, 'PHOTO_CONFLICT']);
    }
    const badBodies: unknown[] = [
      {},
      { ...declare('ph-x', bytes), extra: 1 },
      { ...declare('ph-x', bytes), id: 'has space' },
      { ...declare('ph-x', bytes), id: '../etc' },
      { ...declare('ph-x', bytes), id: 'x'.repeat(65) },
      { ...declare('ph-x', bytes), byteSize: 0 },
      { ...declare('ph-x', bytes), byteSize: -1 },
      { ...declare('ph-x', bytes), byteSize: 1.5 },
      { ...declare('ph-x', bytes), byteSize: '50' },
      { ...declare('ph-x', bytes), byteSize: 1e300 },
      { ...declare('ph-x', bytes), sha256: 'A'.repeat(64) },
      { ...declare('ph-x', bytes), sha256: 'abc' },
      [],
    ];
    for (const body of badBodies) {
      const r = await rita.create(body as Record<string, unknown>);
      expect(r.statusCode, JSON.stringify(body)).toBe(400);
      expect(codeOf(r)).toMatch(/^(VALIDATION_FAILED|MALFORMED_JSON)$/);
    }
    for (const off of ['-1', 'abc', '1.5', '99999999999', '']) {
      const r = await rita.chunk('ph-taken', off, bytes);
      expect([r.statusCode, codeOf(r)], off).toEqual([400, 'VALIDATION_FAILED']);
    }
    const empty = await rita.chunk('ph-taken', 0, Buffer.alloc(0));
    expect([empty.statusCode, codeOf(empty)]).toEqual([400, 'VALIDATION_FAILED']);
    expect((await rita.chunk('ph-absent', 0, bytes)).statusCode).toBe(404);
    expect((await rita.offset('bad%20id')).statusCode).toBe(400);
    expect((await rita.offset('ph-absent')).statusCode).toBe(404);
    expect(await digest(h)).toBe(before);
  });

  it("answers another warehouse's photo as not found, and asks for a signed-in receiver, returns clerk or lead", async () => {
    const bytes = photoBytes(64);
    await h.db.db.transaction().execute(async (trx) => {
      const clock = await VersionClock.begin(trx);
      const now = new Date().toISOString();
      await trx.insertInto('warehouses').values({ id: 'wh-photo-other', code: 'FC8', name: 'Elsewhere', version: clock.tick(), created_at: now }).execute();
      await trx
        .insertInto('photos')
        .values({
          id: 'ph-foreign', warehouse_id: 'wh-photo-other', device_id: 'dev-x', mutation_id: null, content_type: 'image/jpeg', byte_size: 64,
          sha256: sha(bytes), received_bytes: 64, stored: 1, data: bytes, created_at: now, version: clock.tick(),
        })
        .execute();
      await clock.finish(trx);
    });
    const lead = await session(h, 'U5001');
    const picker = await session(h, 'U1001');
    const before = await digest(h);
    for (const r of [await rita.get('ph-foreign'), await rita.offset('ph-foreign'), await rita.chunk('ph-foreign', 64, bytes)]) {
      expect([r.statusCode, codeOf(r)]).toEqual([404, 'NOT_FOUND']);
    }
    const claim = await rita.create(declare('ph-foreign', bytes));
    expect([claim.statusCode, codeOf(claim)]).toEqual([409, 'PHOTO_CONFLICT']);

    expect((await lead.get('ph-chunks')).statusCode).toBe(200);
    for (const r of [await picker.get('ph-chunks'), await picker.offset('ph-chunks'), await picker.create(declare('ph-pick', bytes)), await picker.chunk('ph-chunks', 0, bytes)]) {
      expect([r.statusCode, codeOf(r)]).toEqual([403, 'FORBIDDEN']);
    }
    for (const [method, url] of [
      ['POST', '/api/photos'],
      ['GET', '/api/photos/ph-chunks'],
      ['GET', '/api/photos/ph-chunks/upload'],
      ['HEAD', '/api/photos/ph-chunks/upload'],
      ['PATCH', '/api/photos/ph-chunks?offset=0'],
    ] as const) {
      for (const headers of [{}, { authorization: 'Bearer nope' }]) {
        const r = await h.app.inject({ method, url, headers });
        expect(r.statusCode, `${method} ${url}`).toBe(401);
      }
    }
    expect(await digest(h)).toBe(before);
    const doc = (await h.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/photos', '/api/photos/{id}/upload', '/api/photos/{id}']));
  });
});
