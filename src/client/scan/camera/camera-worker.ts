/**
 * Decodes camera frames off the main thread, so the screen (and the scan feedback) never
 * waits on a decode. The view sends one frame at a time and waits for the answer before
 * grabbing the next: a slow engine lowers the frame rate instead of queueing stale frames.
 */
import { CAMERA_TRY_HARDER, createPreferredEngine, SHIPPED_ENGINE } from '../decoder';
import type { BarcodeFormat, DecoderEngine } from '../decoder/types';
import type { FromWorker, ToWorker } from './camera-protocol';

interface WorkerScope {
  onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
  postMessage(message: FromWorker): void;
}
const scope = self as unknown as WorkerScope;

// One engine per set of formats: the native detector is built for its formats, and a
// step that asks for other ones may need the shipped engine instead. Few sets exist
// (one per kind of step), so they are kept. The .wasm URL is the bundled, precached
// asset: the engine must never reach for a CDN, the camera has to work offline.
const engines = new Map<string, Promise<DecoderEngine>>();

/** The bundled .wasm's URL, only when the wasm engine ships (else it is not even built). */
async function wasmUrl(): Promise<string | undefined> {
  if (SHIPPED_ENGINE !== 'zxing-wasm') return undefined;
  return (await import('zxing-wasm/reader/zxing_reader.wasm?url')).default;
}

function engineFor(formats: readonly BarcodeFormat[]): Promise<DecoderEngine> {
  const key = [...formats].sort().join(',');
  let p = engines.get(key);
  if (!p) {
    p = wasmUrl().then((url) => createPreferredEngine(formats, url ? { wasmUrl: url } : {}));
    engines.set(key, p);
    p.catch(() => engines.delete(key)); // let a later frame try again
  }
  return p;
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

scope.onmessage = (e) => {
  const msg = e.data;
  if (msg.type === 'warm') {
    engineFor(msg.formats).then(
      (engine) => scope.postMessage({ type: 'ready', engine: engine.name }),
      (err: unknown) => scope.postMessage({ type: 'failed', id: null, message: message(err) }),
    );
    return;
  }
  const { id, width, height, buffer, formats } = msg;
  void (async () => {
    let engine: DecoderEngine;
    try {
      engine = await engineFor(formats);
    } catch (err) {
      scope.postMessage({ type: 'failed', id, message: message(err) });
      return;
    }
    const t0 = performance.now();
    // A frame the engine chokes on is a frame with nothing read; the next one may do.
    const codes = await engine.decode({ data: new Uint8ClampedArray(buffer), width, height }, { formats, tryHarder: CAMERA_TRY_HARDER }).catch(() => []);
    scope.postMessage({ type: 'decoded', id, engine: engine.name, codes, ms: performance.now() - t0 });
  })();
};
