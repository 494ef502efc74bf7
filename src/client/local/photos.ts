import { DomainError, ErrorCode } from '../../domain/errors';
import { isPhotoType, PHOTO_MAX_BYTES } from '../../domain/photo-limits';
import { db, type PhotoRow } from './db';
import { notifyLocalWrite } from './events';

/**
 * Photos taken on the device (damage at the dock, a returned unit). Each is stored in
 * IndexedDB under an id made here before any command names it, and uploaded by the sync
 * engine, resumably (sync/photo-upload.ts), until the server holds every byte once.
 */
export async function savePhoto(blob: Blob): Promise<string> {
  const contentType = blob.type || 'image/jpeg';
  // Refused here rather than queued: a photo the server can never take would wait forever.
  if (!isPhotoType(contentType)) throw new DomainError(ErrorCode.PHOTO_TYPE_UNSUPPORTED, `photos are JPEG, PNG or WebP, not ${contentType}`);
  if (blob.size === 0) throw new DomainError(ErrorCode.PHOTO_UNREADABLE, 'the photo is empty');
  if (blob.size > PHOTO_MAX_BYTES) throw new DomainError(ErrorCode.PHOTO_TOO_LARGE, `a photo is at most ${PHOTO_MAX_BYTES} bytes`);
  const id = crypto.randomUUID();
  const row: PhotoRow = {
    id,
    blob,
    contentType,
    byteSize: blob.size,
    sha256: await sha256Hex(blob),
    uploadedBytes: 0,
    status: 'pending',
    createdAt: new Date().toISOString(),
  };
  await db().photos.put(row);
  notifyLocalWrite();
  return id;
}

export async function getPhoto(id: string): Promise<PhotoRow | undefined> {
  return db().photos.get(id);
}

/** Photos the server does not hold yet, oldest first. */
export async function pendingPhotoIds(): Promise<string[]> {
  const rows = await db().photos.where('status').equals('pending').toArray();
  return rows.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id)).map((r) => r.id);
}

export async function pendingPhotoCount(): Promise<number> {
  return db().photos.where('status').equals('pending').count();
}

/**
 * Records what the server confirmed it holds. Only ever moves a pending photo forward
 * to 'uploaded': an uploaded photo is never set back to pending and sent again.
 */
export async function notePhotoUpload(id: string, uploadedBytes: number, stored: boolean): Promise<void> {
  await db().transaction('rw', db().photos, async () => {
    const row = await db().photos.get(id);
    if (!row || row.status === 'uploaded') return;
    await db().photos.update(id, stored ? { uploadedBytes: row.byteSize, status: 'uploaded' } : { uploadedBytes });
  });
}

/** How long an uploaded photo stays on the device (for screens that still show it) before its bytes are dropped. */
export const KEEP_UPLOADED_MS = 7 * 24 * 3600_000;

/** Drops photos the server has held for a while: a handheld's storage is small. Never a pending one. */
export async function pruneUploadedPhotos(now = Date.now(), keepMs = KEEP_UPLOADED_MS): Promise<number> {
  const cutoff = new Date(now - keepMs).toISOString();
  return db().photos.where('status').equals('uploaded').and((p) => p.createdAt < cutoff).delete();
}

async function sha256Hex(blob: Blob): Promise<string> {
  // A view, not the bare buffer: some runtimes (jsdom) refuse an ArrayBuffer from another realm.
  const digest = await crypto.subtle.digest('SHA-256', new Uint8Array(await blob.arrayBuffer()));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
