import type { ApiErrorBody } from '../../domain/errors';
import { ErrorCode } from '../../domain/errors';
import { getPhoto, notePhotoUpload, pendingPhotoIds, pruneUploadedPhotos } from '../local/photos';
import { apiFetch, NetworkError, type ApiResult } from './api';

/**
 * Sends the photos waiting on the device, resumably (protocol in docs/inbound.md). The
 * server's offset is the truth: each photo starts from where the server says it is, a
 * chunk is recorded locally only once the server acknowledged it, and a refused offset
 * is re-read rather than guessed. A cut connection throws NetworkError out of here; the
 * next run asks the offset again and goes on from there.
 */
export const PHOTO_CHUNK = 256 * 1024;
/** Offset refusals in a row before a photo waits for the next run (something else is sending it). */
const MAX_OFFSET_RETRIES = 3;

interface PhotoStatus {
  id: string;
  offset: number;
  byteSize: number;
  stored: boolean;
}

type Failure = Extract<ApiResult<unknown>, { ok: false }>;

export interface PhotoUploadReport {
  uploaded: string[];
  /** Photos the server refused for good this run (they stay pending). */
  refused: { id: string; code: string }[];
  /** Set when the run stopped on an answer the sync engine handles (401, 5xx, 429). */
  stoppedBy: Failure | null;
}

export interface PhotoUploadOptions {
  /** Called before each local database write (the engine keeps them out of a scan). */
  beforeWrite?: () => Promise<void>;
}

let running = false;

/** Uploads every pending photo; a second call while one runs returns null at once. */
export async function uploadPendingPhotos(token: string, opts: PhotoUploadOptions = {}): Promise<PhotoUploadReport | null> {
  if (running) return null;
  running = true;
  try {
    const report: PhotoUploadReport = { uploaded: [], refused: [], stoppedBy: null };
    for (const id of await pendingPhotoIds()) {
      const outcome = await uploadOne(id, token, opts);
      if (outcome === 'uploaded') report.uploaded.push(id);
      else if (outcome !== 'skipped' && isTransport(outcome)) {
        report.stoppedBy = outcome;
        break;
      } else if (outcome !== 'skipped') report.refused.push({ id, code: outcome.code });
    }
    await opts.beforeWrite?.();
    await pruneUploadedPhotos();
    return report;
  } finally {
    running = false;
  }
}

const isTransport = (f: Failure) => f.status === 401 || f.status === 408 || f.status === 429 || f.status >= 500;

async function uploadOne(id: string, token: string, opts: PhotoUploadOptions): Promise<'uploaded' | 'skipped' | Failure> {
  const photo = await getPhoto(id);
  if (!photo || photo.status === 'uploaded') return 'skipped';
  const note = async (offset: number, stored: boolean) => {
    await opts.beforeWrite?.();
    await notePhotoUpload(id, offset, stored);
  };
  // Declaring is idempotent, and its answer is the server's offset: one round trip either way.
  const declared = await apiFetch<PhotoStatus>('/api/photos', {
    method: 'POST',
    token,
    body: { id, contentType: photo.contentType, byteSize: photo.byteSize, sha256: photo.sha256 },
  });
  if (!declared.ok) return declared;
  let { offset, stored } = checked(declared.body);
  let offsetRetries = 0;
  let hashRetried = false;
  while (!stored) {
    const res = await sendChunk(id, offset, photo.blob.slice(offset, Math.min(offset + PHOTO_CHUNK, photo.byteSize)), token);
    if (res.ok) {
      ({ offset, stored } = checked(res.body));
      offsetRetries = 0;
      await note(offset, stored);
      continue;
    }
    if (res.status === 409 && res.code === ErrorCode.PHOTO_OFFSET_MISMATCH && ++offsetRetries <= MAX_OFFSET_RETRIES) {
      const now = await apiFetch<PhotoStatus>(`/api/photos/${encodeURIComponent(id)}/upload`, { token });
      if (!now.ok) return now;
      ({ offset, stored } = checked(now.body));
      continue;
    }
    if (res.status === 422 && res.code === ErrorCode.PHOTO_HASH_MISMATCH && !hashRetried) {
      // The server dropped what it had; one more try from 0 before leaving it for the next run.
      hashRetried = true;
      offset = 0;
      await note(0, false);
      continue;
    }
    return res;
  }
  await note(photo.byteSize, true);
  return 'uploaded';
}

/** An answer cut short reads as no body: treat it like the cut it was. */
function checked(body: PhotoStatus | null): PhotoStatus {
  if (!body || typeof body.offset !== 'number' || typeof body.stored !== 'boolean') throw new NetworkError(new Error('photo upload answer cut short'));
  return body;
}

async function sendChunk(id: string, offset: number, chunk: Blob, token: string): Promise<ApiResult<PhotoStatus>> {
  let res: Response;
  try {
    res = await fetch(`/api/photos/${encodeURIComponent(id)}?offset=${offset}`, {
      method: 'PATCH',
      headers: { accept: 'application/json', 'content-type': 'application/octet-stream', authorization: `Bearer ${token}` },
      body: await chunk.arrayBuffer(),
      cache: 'no-store',
    });
  } catch (err) {
    throw new NetworkError(err);
  }
  const json: unknown = await res.json().catch(() => null);
  if (res.ok) return { ok: true, status: res.status, body: json as PhotoStatus };
  const err = (json as Partial<ApiErrorBody> | null)?.error;
  return {
    ok: false,
    status: res.status,
    code: err?.code ?? (res.status >= 500 ? 'TRANSIENT' : 'INTERNAL'),
    message: err?.message ?? res.statusText,
    details: err?.details,
  };
}
