import { db, type PhotoRow } from './db';

/**
 * Photos taken on the device (damage at the dock, a returned unit). Each is stored in
 * IndexedDB under an id made here before any command names it, and uploaded by the sync
 * engine, resumably (sync/photo-upload.ts), until the server holds every byte once.
 */
export async function savePhoto(blob: Blob): Promise<string> {
  const id = crypto.randomUUID();
  const row: PhotoRow = {
    id,
    blob,
    contentType: blob.type || 'image/jpeg',
    byteSize: blob.size,
    sha256: await sha256Hex(blob),
    uploadedBytes: 0,
    status: 'pending',
    createdAt: new Date().toISOString(),
  };
  await db().photos.put(row);
  return id;
}

export async function getPhoto(id: string): Promise<PhotoRow | undefined> {
  return db().photos.get(id);
}

async function sha256Hex(blob: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
