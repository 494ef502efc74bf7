import { prepareZXingModule, readBarcodes, type ReaderOptions, type ReadResult } from 'zxing-wasm/reader';
import { aimIdentifier, normaliseGs1Text } from './symbology';
import type { BarcodeFormat, Decoded, DecodeOptions, DecoderEngine, Frame } from './types';

type WasmFormat = NonNullable<ReaderOptions['formats']>[number];

const TO_WASM: Record<BarcodeFormat, WasmFormat> = {
  ean_13: 'EAN13',
  ean_8: 'EAN8',
  upc_a: 'UPCA',
  upc_e: 'UPCE',
  code_128: 'Code128',
  code_39: 'Code39',
  itf: 'ITF',
  data_matrix: 'DataMatrix',
  qr_code: 'QRCode',
};
// zxing-cpp names its output by canonical name; the HRI labels are accepted too in case a
// later release switches.
const FROM_WASM = new Map<string, BarcodeFormat>([
  ...Object.entries(TO_WASM).map(([k, v]) => [v, k as BarcodeFormat] as [string, BarcodeFormat]),
  ['EAN-13', 'ean_13'],
  ['EAN-8', 'ean_8'],
  ['UPC-A', 'upc_a'],
  ['UPC-E', 'upc_e'],
  ['Code 128', 'code_128'],
  ['Code 39', 'code_39'],
  ['Code39Std', 'code_39'],
  ['Data Matrix', 'data_matrix'],
  ['QR Code', 'qr_code'],
  ['QRCodeModel2', 'qr_code'],
]);

const NODE_WASM = 'zxing-wasm/reader/zxing_reader.wasm';

function isNode(): boolean {
  return Boolean((globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node);
}

/**
 * Points the Emscripten module at our own copy of the .wasm. Left alone, zxing-wasm's
 * locateFile fetches it from jsDelivr, which an offline-first app must never do.
 */
async function prepare(wasmUrl: string | undefined): Promise<void> {
  if (wasmUrl) {
    await prepareZXingModule({
      overrides: { locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasmUrl : prefix + path) },
      fireImmediately: true,
    });
    return;
  }
  if (!isNode()) throw new Error('zxing-wasm needs { wasmUrl } in the browser (a Vite ?url import of the bundled .wasm)');
  // Variable specifiers keep bundlers from pulling Node built-ins into the client chunk.
  const moduleName = 'node:module';
  const fsName = 'node:fs/promises';
  const { createRequire } = (await import(/* @vite-ignore */ moduleName)) as {
    createRequire(from: string): { resolve(id: string): string };
  };
  const { readFile } = (await import(/* @vite-ignore */ fsName)) as { readFile(file: string): Promise<Uint8Array> };
  const file = createRequire(import.meta.url).resolve(NODE_WASM);
  const bytes = await readFile(file);
  const wasmBinary = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  await prepareZXingModule({ overrides: { wasmBinary }, fireImmediately: true });
}

/**
 * zxing-cpp reports the real AIM identifier (`]C1`, `]d2`, `]Q3`, `]E0`...). Its Plain
 * text for GS1 symbols has no leading FNC1 and GS between variable-length fields; the
 * normaliser runs anyway so every engine gives the same shape. The identifier's modifier
 * is rebuilt from ours for non-GS1 symbols (e.g. zxing-cpp says `]C0`/`]A0`/`]I1`
 * depending on check characters) so results compare across engines.
 */
function toDecoded(r: ReadResult): Decoded | null {
  const format = FROM_WASM.get(r.format);
  if (!format) return null;
  const gs1 = r.contentType === 'GS1' || /^\](C1|d2|Q3)$/.test(r.symbologyIdentifier);
  const text = gs1 ? normaliseGs1Text(r.text) : format === 'upc_a' || format === 'upc_e' ? upcText(format, r.text) : r.text;
  const p = r.position;
  return {
    text,
    format,
    symbologyId: aimIdentifier(format, gs1),
    corners: [p.topLeft, p.topRight, p.bottomRight, p.bottomLeft].map(({ x, y }) => ({ x, y })),
  };
}

/**
 * zxing-cpp 3 spells every UPC as its 13-digit EAN-13 form. Tote (and ZXing's own test
 * data, and zxing-js) use the 12-digit UPC-A and the 8-digit UPC-E forms.
 */
export function upcText(format: 'upc_a' | 'upc_e', text: string): string {
  if (!/^0\d{12}$/.test(text)) return text;
  const a = text.slice(1);
  return format === 'upc_a' ? a : (compressUpcE(a) ?? a);
}

/** UPC-A back to the UPC-E it was expanded from (the four zero-suppression rules). */
function compressUpcE(a: string): string | null {
  const ns = a[0]!;
  if (ns !== '0' && ns !== '1') return null;
  const m = a.slice(1, 6);
  const p = a.slice(6, 11);
  const check = a[11]!;
  let six: string | null = null;
  if ('012'.includes(m[2]!) && m.endsWith('00') && p.startsWith('00')) six = m.slice(0, 2) + p.slice(2) + m[2];
  else if (m.endsWith('00') && p.startsWith('000')) six = m.slice(0, 3) + p.slice(3) + '3';
  else if (m.endsWith('0') && p.startsWith('0000')) six = m.slice(0, 4) + p[4] + '4';
  else if (p.startsWith('0000') && p[4]! >= '5') six = m + p[4];
  return six ? ns + six + check : null;
}

export class ZxingWasmEngine implements DecoderEngine {
  readonly name = 'zxing-wasm' as const;

  async decode(frame: Frame, opts: DecodeOptions): Promise<Decoded[]> {
    if (opts.formats.length === 0) return [];
    const hard = opts.tryHarder === true;
    const image = { data: frame.data, width: frame.width, height: frame.height, colorSpace: 'srgb' } as ImageData;
    const options: ReaderOptions = {
      formats: opts.formats.map((f) => TO_WASM[f]),
      tryHarder: hard,
      // Without it zxing-cpp misses DataMatrix turned 90° even when not trying harder.
      tryRotate: true,
      // Labels on the floor are dark on light; inverted codes are not worth the time.
      tryInvert: false,
      tryDownscale: true,
      maxNumberOfSymbols: 4,
      textMode: 'Plain',
      eanAddOnSymbol: 'Ignore',
    };
    let results = (await readBarcodes(image, options)).filter((r) => r.isValid);
    // The local-average binarizer loses bars under glare and on washed-out prints where one
    // global threshold still separates them; trying harder means trying that too.
    if (hard && results.length === 0) results = (await readBarcodes(image, { ...options, binarizer: 'FixedThreshold' })).filter((r) => r.isValid);
    return results.map(toDecoded).filter((d): d is Decoded => d !== null);
  }
}

export async function createZxingWasmEngine(opts: { wasmUrl?: string } = {}): Promise<ZxingWasmEngine> {
  await prepare(opts.wasmUrl);
  return new ZxingWasmEngine();
}
