import { aimIdentifier, GS, normaliseGs1Text } from './symbology';
import { BARCODE_FORMATS, type BarcodeFormat, type Decoded, type DecodeOptions, type DecoderEngine, type Frame } from './types';

/** The slice of the Shape Detection API we use (not in TypeScript's DOM lib everywhere). */
interface DetectedBarcodeLike {
  rawValue: string;
  format: string;
  cornerPoints?: readonly { x: number; y: number }[];
}
interface BarcodeDetectorLike {
  detect(image: ImageData): Promise<DetectedBarcodeLike[]>;
}
export interface BarcodeDetectorClass {
  new (opts: { formats: string[] }): BarcodeDetectorLike;
  getSupportedFormats(): Promise<string[]>;
}

const KNOWN: ReadonlySet<string> = new Set(BARCODE_FORMATS);

function detectorClass(): BarcodeDetectorClass | undefined {
  return (globalThis as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector;
}

function toImageData(frame: Frame): ImageData {
  if (typeof ImageData !== 'undefined' && frame instanceof ImageData) return frame;
  return new ImageData(frame.data as Uint8ClampedArray<ArrayBuffer>, frame.width, frame.height);
}

/**
 * BarcodeDetector gives no symbology identifier. A leading or inner GS can only come from
 * FNC1 in Code 128 / DataMatrix / QR, i.e. GS1 data, so that is taken as the GS1 flag;
 * GS1 data whose only FNC1 is the leading one may arrive without it and is then reported
 * as plain (]C0/]d1/]Q1). Documented in docs/decoding.md.
 */
function toDecoded(d: DetectedBarcodeLike): Decoded | null {
  if (!KNOWN.has(d.format)) return null;
  const format = d.format as BarcodeFormat;
  const gs1Capable = format === 'code_128' || format === 'data_matrix' || format === 'qr_code';
  const gs1 = gs1Capable && d.rawValue.includes(GS);
  const text = gs1 ? normaliseGs1Text(d.rawValue) : d.rawValue;
  return { text, format, symbologyId: aimIdentifier(format, gs1), ...(d.cornerPoints ? { corners: d.cornerPoints.map(({ x, y }) => ({ x, y })) } : {}) };
}

export class NativeEngine implements DecoderEngine {
  readonly name = 'native' as const;
  private detectors = new Map<string, BarcodeDetectorLike>();

  constructor(
    private readonly Detector: BarcodeDetectorClass,
    readonly supported: ReadonlySet<string>,
  ) {}

  async decode(frame: Frame, opts: DecodeOptions): Promise<Decoded[]> {
    const formats = opts.formats.filter((f) => this.supported.has(f));
    if (formats.length === 0) return [];
    const key = [...formats].sort().join(',');
    let detector = this.detectors.get(key);
    if (!detector) {
      detector = new this.Detector({ formats });
      this.detectors.set(key, detector);
    }
    let found: DetectedBarcodeLike[];
    try {
      found = await detector.detect(toImageData(frame));
    } catch {
      return []; // a detector failing on one frame is "nothing found", not a crash
    }
    const wanted = new Set<string>(formats);
    return found.filter((d) => wanted.has(d.format)).map(toDecoded).filter((d): d is Decoded => d !== null);
  }

  dispose(): void {
    this.detectors.clear();
  }
}

/**
 * The native engine, or null when the browser has no BarcodeDetector or it does not
 * report every one of `formats` (a step must never silently lose a format it expects).
 */
export async function createNativeEngine(
  formats: readonly BarcodeFormat[] = [],
  Detector: BarcodeDetectorClass | undefined = detectorClass(),
): Promise<NativeEngine | null> {
  if (!Detector || typeof Detector.getSupportedFormats !== 'function') return null;
  let supported: string[];
  try {
    supported = await Detector.getSupportedFormats();
  } catch {
    return null;
  }
  const set = new Set(supported);
  if (set.size === 0 || !formats.every((f) => set.has(f))) return null;
  return new NativeEngine(Detector, set);
}
