import { createHash } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import { ErrorCode } from '../../domain/errors';
import { isPhotoType, PHOTO_MAX_BYTES, PHOTO_TYPES } from '../../domain/photo-limits';
import type { DbKind } from '../db/connect';
import type { Database } from '../db/schema';
import { VersionClock } from '../db/version';
import { ApiError } from './api-error';
import type { EventHub } from './events';
import { touched, versionedWrite } from './shipping-tx';

/**
 * Photos uploaded from devices, resumably (docs/inbound.md, "Photos"). The device names
 * the photo and declares its size and SHA-256 first; bytes then arrive in chunks that
 * are appended only at the offset the server holds, so a chunk sent twice (a retry after
 * a lost answer) is refused instead of stored twice. The last chunk is checked against
 * the declared hash in the same transaction that marks the photo stored.
 */
export { PHOTO_CHUNK_MAX, PHOTO_MAX_BYTES, PHOTO_TYPES } from '../../domain/photo-limits';

export interface PhotoMeta {
  id: string;
  contentType: string;
  byteSize: number;
  sha256: string;
}

export interface PhotoState {
  id: string;
  /** Bytes the server holds: where the next chunk must start. */
  offset: number;
  byteSize: number;
  stored: boolean;
}

interface Caller {
  warehouseId: string;
  deviceId: string;
}

type Row = { id: string; warehouse_id: string; content_type: string; byte_size: number; sha256: string; received_bytes: number; stored: number };

const stateOf = (r: Row): PhotoState => ({ id: r.id, offset: Number(r.received_bytes), byteSize: Number(r.byte_size), stored: Number(r.stored) === 1 });

async function load(db: Kysely<Database> | Transaction<Database>, warehouseId: string, id: string): Promise<Row> {
  const r = await db
    .selectFrom('photos')
    .select(['id', 'warehouse_id', 'content_type', 'byte_size', 'sha256', 'received_bytes', 'stored'])
    .where('id', '=', id)
    .executeTakeFirst();
  // Another warehouse's photo is as good as absent: its existence is not ours to learn.
  if (!r || r.warehouse_id !== warehouseId) throw new ApiError(404, ErrorCode.NOT_FOUND, `photo ${id} not found`);
  return r;
}

/** Refusals that need no database: the declared photo cannot be accepted at all. */
export function checkMeta(meta: PhotoMeta): void {
  if (!isPhotoType(meta.contentType)) {
    throw new ApiError(415, ErrorCode.PHOTO_TYPE_UNSUPPORTED, `content type is one of ${PHOTO_TYPES.join(', ')}`);
  }
  if (meta.byteSize > PHOTO_MAX_BYTES) throw new ApiError(413, ErrorCode.PHOTO_TOO_LARGE, `a photo is at most ${PHOTO_MAX_BYTES} bytes`);
}

/**
 * Creates the photo, or answers the one already there when the device asks again with
 * the same declaration (a retry after a lost answer); a different declaration under the
 * same id is a conflict and changes nothing.
 */
export async function createPhoto(db: Kysely<Database>, events: EventHub, caller: Caller, meta: PhotoMeta): Promise<{ state: PhotoState; created: boolean }> {
  checkMeta(meta);
  return versionedWrite(db, events, async (trx, clock) => {
    const existing = await trx
      .selectFrom('photos')
      .select(['id', 'warehouse_id', 'content_type', 'byte_size', 'sha256', 'received_bytes', 'stored'])
      .where('id', '=', meta.id)
      .executeTakeFirst();
    if (existing) {
      const same =
        existing.warehouse_id === caller.warehouseId &&
        existing.content_type === meta.contentType &&
        Number(existing.byte_size) === meta.byteSize &&
        existing.sha256 === meta.sha256;
      if (!same) throw new ApiError(409, ErrorCode.PHOTO_CONFLICT, `photo ${meta.id} exists with another declaration`);
      return { state: stateOf(existing), created: false };
    }
    await trx
      .insertInto('photos')
      .values({
        id: meta.id,
        warehouse_id: caller.warehouseId,
        device_id: caller.deviceId,
        mutation_id: null,
        content_type: meta.contentType,
        byte_size: meta.byteSize,
        sha256: meta.sha256,
        received_bytes: 0,
        stored: 0,
        data: null,
        created_at: new Date().toISOString(),
        version: clock.tick(),
      })
      .execute();
    return { state: { id: meta.id, offset: 0, byteSize: meta.byteSize, stored: false }, created: true };
  });
}

export async function photoState(db: Kysely<Database>, warehouseId: string, id: string): Promise<PhotoState> {
  return stateOf(await load(db, warehouseId, id));
}

const mismatch = (r: Row) =>
  new ApiError(409, ErrorCode.PHOTO_OFFSET_MISMATCH, `the server holds ${r.received_bytes} bytes of photo ${r.id}`, {
    offset: Number(r.received_bytes),
    stored: Number(r.stored) === 1,
  });

/**
 * Appends one chunk at `offset`. The UPDATE itself re-checks the offset, so of two
 * copies of the same chunk racing in, one appends and the other is refused.
 */
export async function appendChunk(
  db: Kysely<Database>,
  kind: DbKind,
  events: EventHub,
  warehouseId: string,
  id: string,
  offset: number,
  chunk: Buffer,
): Promise<PhotoState> {
  const before = await load(db, warehouseId, id);
  if (Number(before.stored) === 1 || offset !== Number(before.received_bytes)) throw mismatch(before);
  const size = Number(before.byte_size);
  if (chunk.length === 0) throw new ApiError(400, ErrorCode.VALIDATION_FAILED, 'a chunk has at least one byte');
  if (offset + chunk.length > size) throw new ApiError(413, ErrorCode.PHOTO_TOO_LARGE, `photo ${id} was declared as ${size} bytes`);
  const completes = offset + chunk.length === size;

  let hashFailed = false;
  let version: number | null = null;
  const state = await db.transaction().execute(async (trx) => {
    // The last chunk bumps the version: take the clock first, in the same order as every
    // other writer, so the counter's row lock never waits behind this photo's.
    const clock = completes ? await VersionClock.begin(trx) : null;
    const joined = kind === 'postgres' ? sql<Uint8Array>`coalesce(data, ''::bytea) || ${chunk}` : sql<Uint8Array>`cast(coalesce(data, x'') || ${chunk} as blob)`;
    const r = await trx
      .updateTable('photos')
      .set({ data: joined, received_bytes: sql`received_bytes + ${chunk.length}` })
      .where('id', '=', id)
      .where('received_bytes', '=', offset)
      .where('stored', '=', 0)
      .executeTakeFirst();
    if (touched(r) !== 1) throw mismatch(await load(trx, warehouseId, id));
    if (!clock) return { id, offset: offset + chunk.length, byteSize: size, stored: false };

    const { data } = await trx.selectFrom('photos').select('data').where('id', '=', id).executeTakeFirstOrThrow();
    const digest = createHash('sha256').update(data ?? new Uint8Array()).digest('hex');
    if (digest !== before.sha256) {
      // Keep nothing of a photo that arrived damaged: the device sends it again from 0.
      await trx.updateTable('photos').set({ data: null, received_bytes: 0 }).where('id', '=', id).execute();
      hashFailed = true;
      return { id, offset: 0, byteSize: size, stored: false };
    }
    await trx.updateTable('photos').set({ stored: 1, version: clock.tick() }).where('id', '=', id).execute();
    version = await clock.finish(trx);
    return { id, offset: size, byteSize: size, stored: true };
  });
  if (version !== null) events.poke(version);
  if (hashFailed) throw new ApiError(422, ErrorCode.PHOTO_HASH_MISMATCH, `photo ${id} does not match its SHA-256; send it again from 0`, { offset: 0, stored: false });
  return state;
}

/** A stored photo's bytes; one still arriving is not there yet. */
export async function photoBytes(db: Kysely<Database>, warehouseId: string, id: string): Promise<{ contentType: string; data: Buffer }> {
  const r = await load(db, warehouseId, id);
  if (Number(r.stored) !== 1) throw new ApiError(404, ErrorCode.NOT_FOUND, `photo ${id} is not uploaded yet`);
  const { data } = await db.selectFrom('photos').select('data').where('id', '=', id).executeTakeFirstOrThrow();
  return { contentType: r.content_type, data: Buffer.from(data ?? new Uint8Array()) };
}
