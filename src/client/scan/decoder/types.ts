/**
 * The one seam between Tote and a barcode engine. The camera worker, the decoder
 * conformance test and `npm run bench:decode` all talk to engines through this, so which
 * engine ships is a one-line choice (see `index.ts`).
 */

/** Format names as the Web's BarcodeDetector spells them. */
export const BARCODE_FORMATS = [
  'ean_13',
  'ean_8',
  'upc_a',
  'upc_e',
  'code_128',
  'code_39',
  'itf',
  'data_matrix',
  'qr_code',
] as const;
export type BarcodeFormat = (typeof BARCODE_FORMATS)[number];

/** An RGBA frame (ImageData's layout), from a canvas in the browser or a PNG in Node. */
export interface Frame {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

export interface DecodeOptions {
  /** Only these formats are looked for: each step asks for what it expects. */
  formats: readonly BarcodeFormat[];
  /** Spend more time per frame (rotations, denser scan lines). */
  tryHarder?: boolean;
}

export interface Decoded {
  text: string;
  format: BarcodeFormat;
  /**
   * AIM symbology identifier (`]C1` GS1-128, `]d2` GS1 DataMatrix, `]E0` EAN-13/UPC-A/UPC-E,
   * `]E4` EAN-8...). The normaliser relies on it to tell GS1 data from plain text.
   */
  symbologyId: string;
  /** Where the code was found, in frame pixels, when the engine says. */
  corners?: readonly { x: number; y: number }[];
}

export type EngineName = 'zxing-js' | 'zxing-wasm' | 'native';

export interface DecoderEngine {
  readonly name: EngineName;
  /** Every code found in the frame (usually zero or one). Never throws for "nothing found". */
  decode(frame: Frame, opts: DecodeOptions): Promise<Decoded[]>;
  dispose?(): void;
}
