import type { BarcodeFormat, Decoded, EngineName } from '../decoder/types';

/** Messages between the camera view and its decoding worker. */
export type ToWorker =
  /** Load the engine for these formats ahead of the first frame (while the camera starts). */
  | { type: 'warm'; formats: readonly BarcodeFormat[] }
  /** One RGBA crop (the region of interest); `buffer` is transferred, not copied. */
  | { type: 'decode'; id: number; width: number; height: number; buffer: ArrayBuffer; formats: readonly BarcodeFormat[] };

export type FromWorker =
  | { type: 'ready'; engine: EngineName }
  /** The answer to one frame: only then is the next frame grabbed. */
  | { type: 'decoded'; id: number; engine: EngineName; codes: Decoded[]; ms: number }
  | { type: 'failed'; id: number | null; message: string };
