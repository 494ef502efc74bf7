import type { BarcodeFormat } from '../decoder/types';
import { onlyTwoD } from './formats';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The region of interest: the part of the frame that is decoded and outlined on screen.
 * Decoding a crop instead of the whole 1280x720 frame is several times faster and ignores
 * the neighbouring labels on a shelf edge. Linear codes get a wide band (a long EAN or
 * GS1-128 must fit end to end); when only 2D codes are wanted, a square.
 */
export function regionOfInterest(frameWidth: number, frameHeight: number, formats: readonly BarcodeFormat[]): Rect {
  const w = frameWidth;
  const h = frameHeight;
  if (w <= 0 || h <= 0) return { x: 0, y: 0, width: 0, height: 0 };
  let width: number;
  let height: number;
  if (onlyTwoD(formats)) {
    const side = Math.round(Math.min(w, h) * 0.7);
    width = side;
    height = side;
  } else {
    // A band 85% wide; tall enough for a DataMatrix or QR when the step takes those too.
    width = Math.round(w * 0.85);
    const band = formats.some((f) => f === 'qr_code' || f === 'data_matrix') ? 0.6 : 0.45;
    height = Math.round(Math.min(h * band, width));
  }
  // Even sizes: some engines and YUV paths dislike odd widths.
  width -= width % 2;
  height -= height % 2;
  return { x: Math.round((w - width) / 2), y: Math.round((h - height) / 2), width, height };
}
