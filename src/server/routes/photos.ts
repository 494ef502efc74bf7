import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { ErrorCode } from '../../domain/errors';
import type { Role } from '../../domain/roles';
import type { DbKind } from '../db/connect';
import type { Database } from '../db/schema';
import { parseOr400 } from '../http';
import { ApiError } from '../services/api-error';
import type { EventHub } from '../services/events';
import { appendChunk, createPhoto, PHOTO_CHUNK_MAX, photoBytes, photoState, type PhotoState } from '../services/photos';
import { requireRole } from './print';

/** The clerks who photograph damage at the dock and returned units, and their leads. */
export const PHOTO_ROLES: Role[] = ['receiver', 'returns', 'lead'];

/** Device-made ids travel in URLs: letters, digits, dash and underscore only. */
const PhotoId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'a photo id is 1-64 letters, digits, - or _');
const IdParams = z.strictObject({ id: PhotoId });
export const PhotoCreate = z.strictObject({
  id: PhotoId,
  contentType: z.string().min(1).max(100),
  byteSize: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'sha256 is 64 lowercase hex digits'),
});
export const PhotoStatus = z.object({ id: z.string(), offset: z.number().int(), byteSize: z.number().int(), stored: z.boolean() });
const ChunkQuery = z.strictObject({ offset: z.string().regex(/^\d{1,10}$/, 'offset is a whole number of bytes') });
const CHUNK_TYPES = ['application/octet-stream', 'application/offset+octet-stream'];

export interface PhotoRouteOptions {
  db: Kysely<Database>;
  kind: DbKind;
  events: EventHub;
}

/** tus-style headers beside the JSON body, for clients that only look at a HEAD. */
function withOffset(reply: FastifyReply, s: PhotoState): PhotoState {
  reply.header('upload-offset', String(s.offset)).header('upload-length', String(s.byteSize)).header('cache-control', 'no-store');
  return s;
}

/** Resumable photo upload (services/photos.ts; protocol in docs/inbound.md). */
export function photoRoutes(app: FastifyInstance, { db, kind, events }: PhotoRouteOptions) {
  app.post('/api/photos', async (req, reply) => {
    const auth = requireRole(req, PHOTO_ROLES);
    const body = parseOr400(PhotoCreate, req.body);
    const { state, created } = await createPhoto(db, events, auth, body);
    return withOffset(reply.code(created ? 201 : 200), state);
  });

  // Fastify answers HEAD from this GET too: the same headers, no body.
  app.get('/api/photos/:id/upload', async (req, reply) => {
    const auth = requireRole(req, PHOTO_ROLES);
    const { id } = parseOr400(IdParams, req.params);
    return withOffset(reply, await photoState(db, auth.warehouseId, id));
  });

  app.get('/api/photos/:id', async (req, reply) => {
    const auth = requireRole(req, PHOTO_ROLES);
    const { id } = parseOr400(IdParams, req.params);
    const photo = await photoBytes(db, auth.warehouseId, id);
    // The bytes under an id never change once stored.
    return reply.type(photo.contentType).header('cache-control', 'private, max-age=31536000, immutable').send(photo.data);
  });

  // Raw chunks are accepted on this route only; the rest of the API stays JSON.
  void app.register(async (scope) => {
    scope.addContentTypeParser(CHUNK_TYPES, { parseAs: 'buffer', bodyLimit: PHOTO_CHUNK_MAX }, (_req, body, done) => done(null, body));
    scope.patch('/api/photos/:id', { bodyLimit: PHOTO_CHUNK_MAX }, async (req, reply) => {
      const auth = requireRole(req, PHOTO_ROLES);
      const { id } = parseOr400(IdParams, req.params);
      const { offset } = parseOr400(ChunkQuery, req.query);
      const chunk = req.body === undefined ? Buffer.alloc(0) : req.body;
      if (!Buffer.isBuffer(chunk)) throw new ApiError(415, ErrorCode.UNSUPPORTED_MEDIA_TYPE, 'send the chunk as application/octet-stream');
      return withOffset(reply, await appendChunk(db, kind, events, auth.warehouseId, id, Number(offset), chunk));
    });
  });
}
