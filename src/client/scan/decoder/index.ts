import type { BarcodeFormat, DecoderEngine, EngineName } from './types';

export type { BarcodeFormat, Decoded, DecodeOptions, DecoderEngine, EngineName, Frame } from './types';
export { BARCODE_FORMATS } from './types';

/**
 * The engine Tote ships where the browser has no usable BarcodeDetector. Chosen by
 * measurement (docs/decoding.md): whichever reads more of the sample set within the
 * per-frame budget.
 */
export const SHIPPED_ENGINE: EngineName = 'zxing-wasm';

/**
 * What the camera worker passes as `tryHarder` for live frames. Measured per 1280x720
 * frame against the 30 ms budget (docs/decoding.md); a missed frame is retried by the
 * next one anyway, so speed wins over per-frame effort.
 */
export const CAMERA_TRY_HARDER = false;

export interface EngineOptions {
  /**
   * Where zxing-wasm's .wasm lives. In the browser pass a Vite `?url` import of the
   * bundled file so it is precached and never fetched from a CDN; in Node it is read from
   * node_modules when omitted.
   */
  wasmUrl?: string;
}

/** Each engine is its own dynamic import, so only the one used lands in a (lazy) chunk. */
export async function createEngine(name: EngineName, opts: EngineOptions = {}): Promise<DecoderEngine> {
  switch (name) {
    case 'zxing-js': {
      const { ZxingJsEngine } = await import('./zxing-js-engine');
      return new ZxingJsEngine();
    }
    case 'zxing-wasm': {
      const { createZxingWasmEngine } = await import('./zxing-wasm-engine');
      return createZxingWasmEngine(opts);
    }
    case 'native': {
      const { createNativeEngine } = await import('./native-engine');
      const engine = await createNativeEngine();
      if (!engine) throw new Error('BarcodeDetector is not available in this browser');
      return engine;
    }
  }
}

/**
 * Native BarcodeDetector when the browser has one that reports every format the caller
 * needs (Android Chrome); otherwise the shipped ZXing engine.
 */
export async function createPreferredEngine(formats: readonly BarcodeFormat[], opts: EngineOptions = {}): Promise<DecoderEngine> {
  const { createNativeEngine } = await import('./native-engine');
  const native = await createNativeEngine(formats);
  return native ?? createEngine(SHIPPED_ENGINE, opts);
}
