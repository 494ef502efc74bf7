import * as zxingNamespace from '@zxing/library';
import type { Result } from '@zxing/library';
import { aimIdentifier, GS, normaliseGs1Text } from './symbology';
import type { BarcodeFormat, Decoded, DecodeOptions, DecoderEngine, Frame } from './types';

// Bundlers load the package's ES build; Node loads its CommonJS build, whose exports only
// show up under `default`. Either way we want the same object.
// (Reflect.get: a plain `.default` makes the bundler warn that the ES build has none.)
const zx: typeof zxingNamespace = 'MultiFormatReader' in zxingNamespace ? zxingNamespace : (Reflect.get(zxingNamespace, 'default') as typeof zxingNamespace);
const { BarcodeFormat: ZxFormat, BinaryBitmap, DecodeHintType, HybridBinarizer, MultiFormatReader, RGBLuminanceSource } = zx;
type ZxFormat = zxingNamespace.BarcodeFormat;
type DecodeHintType = zxingNamespace.DecodeHintType;

const TO_ZX: Record<BarcodeFormat, ZxFormat> = {
  ean_13: ZxFormat.EAN_13,
  ean_8: ZxFormat.EAN_8,
  upc_a: ZxFormat.UPC_A,
  upc_e: ZxFormat.UPC_E,
  code_128: ZxFormat.CODE_128,
  code_39: ZxFormat.CODE_39,
  itf: ZxFormat.ITF,
  data_matrix: ZxFormat.DATA_MATRIX,
  qr_code: ZxFormat.QR_CODE,
};
const FROM_ZX = new Map<ZxFormat, BarcodeFormat>(Object.entries(TO_ZX).map(([k, v]) => [v, k as BarcodeFormat]));
const ONE_D: ReadonlySet<BarcodeFormat> = new Set(['ean_13', 'ean_8', 'upc_a', 'upc_e', 'code_128', 'code_39', 'itf']);

/** Luminance as ZXing computes it (cheap integer weights), one byte per pixel. */
export function toLuminance(frame: Frame): Uint8ClampedArray {
  const { data, width, height } = frame;
  const out = new Uint8ClampedArray(width * height);
  for (let i = 0, p = 0; i < out.length; i++, p += 4) out[i] = (data[p]! + 2 * data[p + 1]! + data[p + 2]!) >> 2;
  return out;
}

/** Rotates a luminance plane 90° clockwise (output is height x width). */
function rotate90(lum: Uint8ClampedArray, width: number, height: number): Uint8ClampedArray {
  const out = new Uint8ClampedArray(lum.length);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) out[x * height + (height - 1 - y)] = lum[row + x]!;
  }
  return out;
}

// zxing-js logs every non-ReaderException a sub-reader throws (with a stack) from
// MultiFormatReader.decodeInternal; on a camera feed that is one warning per frame. Only
// that message is dropped, and only while our own synchronous decode call runs.
const NOISY_WARNING = 'MultiFormatReader: non-ReaderException';
function quietly<T>(fn: () => T): T {
  const original = console.warn;
  console.warn = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].startsWith(NOISY_WARNING)) return;
    original.apply(console, args);
  };
  try {
    return fn();
  } finally {
    console.warn = original;
  }
}

/**
 * The GS1 flag, from what zxing-js leaves us: Code 128 gets "]C1" in its text (ASSUME_GS1
 * hint); DataMatrix and QR tell it by their first data codeword (232 = FNC1; QR mode
 * indicator 0101 = FNC1 in first position, possibly after an ECI designator).
 */
function isGs1(format: BarcodeFormat, result: Result): boolean {
  const text = result.getText();
  if (format === 'code_128') return text.startsWith(']C1');
  const raw = result.getRawBytes();
  if (!raw || raw.length === 0) return false;
  if (format === 'data_matrix') return raw[0] === 232;
  if (format === 'qr_code') {
    const mode = raw[0]! >> 4;
    if (mode === 5) return true;
    // ECI (0111) then an 8-bit designator, then the next mode indicator.
    if (mode === 7 && raw.length > 1 && (raw[0]! & 0x08) === 0) return (raw[1]! & 0x0f) === 5;
  }
  return false;
}

function toDecoded(result: Result, map: (x: number, y: number) => { x: number; y: number }): Decoded | null {
  const format = FROM_ZX.get(result.getBarcodeFormat());
  if (!format) return null;
  const gs1 = isGs1(format, result);
  let text = result.getText();
  if (format === 'code_128' && text.startsWith(']C1')) text = text.slice(3);
  if (gs1) text = normaliseGs1Text(text);
  // ASSUME_GS1 also turns FNC1 in plain Code 128 into GS; there it carries no data (ZXing
  // drops it by default, zxing-cpp too), so plain Code 128 text matches across engines.
  else if (format === 'code_128') text = text.replaceAll(GS, '');
  const corners = (result.getResultPoints() ?? []).filter(Boolean).map((p) => map(p.getX(), p.getY()));
  return { text, format, symbologyId: aimIdentifier(format, gs1), corners };
}

export class ZxingJsEngine implements DecoderEngine {
  readonly name = 'zxing-js' as const;
  private reader = new MultiFormatReader();
  private key = '';

  private configure(opts: DecodeOptions): void {
    const key = `${[...opts.formats].sort().join(',')}|${opts.tryHarder ? 1 : 0}`;
    if (key === this.key) return;
    const hints = new Map<DecodeHintType, unknown>();
    hints.set(DecodeHintType.POSSIBLE_FORMATS, opts.formats.map((f) => TO_ZX[f]));
    // Keeps FNC1 as "]C1" / GS in Code 128 text instead of dropping it.
    hints.set(DecodeHintType.ASSUME_GS1, true);
    if (opts.tryHarder) hints.set(DecodeHintType.TRY_HARDER, true);
    this.reader.setHints(hints);
    this.key = key;
  }

  async decode(frame: Frame, opts: DecodeOptions): Promise<Decoded[]> {
    if (opts.formats.length === 0) return [];
    this.configure(opts);
    const { width, height } = frame;
    const lum = toLuminance(frame);
    const attempt = (plane: Uint8ClampedArray, w: number, h: number): Result | null => {
      const bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(plane, w, h)));
      try {
        return quietly(() => this.reader.decodeWithState(bitmap));
      } catch {
        return null; // NotFound / Checksum / Format: "nothing here" is not an error
      }
    };
    const found = attempt(lum, width, height);
    if (found) {
      const d = toDecoded(found, (x, y) => ({ x, y }));
      return d ? [d] : [];
    }
    // RGBLuminanceSource cannot rotate, so zxing-js's own try-harder never sees a
    // vertical 1D code; do that one rotation ourselves.
    if (opts.tryHarder && opts.formats.some((f) => ONE_D.has(f))) {
      const rotated = attempt(rotate90(lum, width, height), height, width);
      if (rotated) {
        // Rotated (x', y') came from original (y' , height - 1 - x').
        const d = toDecoded(rotated, (x, y) => ({ x: y, y: height - 1 - x }));
        return d ? [d] : [];
      }
    }
    return [];
  }

  dispose(): void {
    this.reader.reset();
  }
}
