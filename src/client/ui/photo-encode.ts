import { DomainError, ErrorCode } from '../../domain/errors';

/** Enough to see damage on a label or a seam, small enough to upload over a weak radio. */
export const PHOTO_MAX_EDGE = 1600;
export const PHOTO_QUALITY = 0.8;

/** The size to draw at: the longest edge at most `max`, the shape kept, never enlarged. */
export function fitWithin(width: number, height: number, max = PHOTO_MAX_EDGE): { width: number; height: number } {
  const scale = Math.min(1, max / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

async function encodeJpeg(source: CanvasImageSource, width: number, height: number): Promise<Blob> {
  if (!width || !height) throw new DomainError(ErrorCode.PHOTO_UNREADABLE, 'no picture to encode');
  const size = fitWithin(width, height);
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new DomainError(ErrorCode.PHOTO_UNREADABLE, 'no 2d canvas');
  ctx.drawImage(source, 0, 0, size.width, size.height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', PHOTO_QUALITY));
  if (!blob || blob.size === 0) throw new DomainError(ErrorCode.PHOTO_UNREADABLE, 'the picture could not be encoded');
  return blob;
}

/** The video's current frame as a JPEG. */
export function frameToJpeg(video: HTMLVideoElement): Promise<Blob> {
  return encodeJpeg(video, video.videoWidth, video.videoHeight);
}

/**
 * A picked file re-encoded as a JPEG: phones hand over HEIC or 12-megapixel originals
 * the server would refuse, and a photo is only queued in a shape it can take.
 */
export async function fileToJpeg(file: Blob): Promise<Blob> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    throw new DomainError(ErrorCode.PHOTO_UNREADABLE, 'the file is not a picture this browser can read');
  }
  try {
    return await encodeJpeg(bitmap, bitmap.width, bitmap.height);
  } finally {
    bitmap.close();
  }
}
