/**
 * What a photo may be, the same on the device (checked when it is taken, so a photo the
 * server would refuse is never queued) and on the server (checked when it is declared).
 */
export const PHOTO_MAX_BYTES = 8 * 1024 * 1024;
/** Largest chunk the server takes in one request. */
export const PHOTO_CHUNK_MAX = 1024 * 1024;
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;

export function isPhotoType(type: string): boolean {
  return (PHOTO_TYPES as readonly string[]).includes(type);
}
