import { PHOTO_CHUNK_MAX, PHOTO_MAX_BYTES, PHOTO_TYPES } from '../services/photos';
import { PhotoCreate, PhotoStatus } from './photos';
import { errors, json } from './openapi-shared';

const security = [{ bearer: [] }];
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' } };
const offsetHeaders = { 'upload-offset': { schema: { type: 'integer' } }, 'upload-length': { schema: { type: 'integer' } } };

/** Resumable photo upload (merged into /api/openapi.json); the protocol is in docs/inbound.md. */
export function photoPaths() {
  return {
    '/api/photos': {
      post: {
        security,
        summary: 'Declare a photo before its bytes (receivers, returns clerks, leads)',
        description:
          `Content types ${PHOTO_TYPES.join(', ')}; at most ${PHOTO_MAX_BYTES} bytes (413 PHOTO_TOO_LARGE). Idempotent: the same id with the same ` +
          'declaration answers 200 with the current offset; another declaration under that id is 409 PHOTO_CONFLICT.',
        requestBody: { required: true, content: json(PhotoCreate, 'input') },
        responses: {
          201: { description: 'created, offset 0', headers: offsetHeaders, content: json(PhotoStatus) },
          200: { description: 'already declared: where to resume', headers: offsetHeaders, content: json(PhotoStatus) },
          ...errors(400, 401, 403, 409, 413, 415),
        },
      },
    },
    '/api/photos/{id}/upload': {
      get: {
        security,
        summary: 'Where an upload stands: the offset the next chunk must start at (HEAD gives it as upload-offset)',
        parameters: [idParam],
        responses: { 200: { description: 'state', headers: offsetHeaders, content: json(PhotoStatus) }, ...errors(400, 401, 403, 404) },
      },
    },
    '/api/photos/{id}': {
      get: {
        security,
        summary: "A stored photo's bytes, to users of its warehouse",
        parameters: [idParam],
        responses: {
          200: { description: 'the photo', content: Object.fromEntries(PHOTO_TYPES.map((t) => [t, { schema: { type: 'string', format: 'binary' } }])) },
          ...errors(400, 401, 403, 404),
        },
      },
      patch: {
        security,
        summary: 'Append one chunk at ?offset=N',
        description:
          `Body application/octet-stream, 1 to ${PHOTO_CHUNK_MAX} bytes. Appended only when N is the offset the server holds, else 409 ` +
          'PHOTO_OFFSET_MISMATCH with details.offset. The chunk that completes the photo is checked against its SHA-256: a mismatch ' +
          'discards every byte (422 PHOTO_HASH_MISMATCH, offset back to 0); a match stores the photo.',
        parameters: [idParam, { name: 'offset', in: 'query', required: true, schema: { type: 'integer', minimum: 0 } }],
        requestBody: { required: true, content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } },
        responses: { 200: { description: 'new state', headers: offsetHeaders, content: json(PhotoStatus) }, ...errors(400, 401, 403, 404, 409, 413, 415, 422) },
      },
    },
  };
}
