// Per-frame decode time at 1280x720, as the camera worker calls the shipped engine: only
// the step's formats, camera-mode options. A frame with a label on it and a frame without
// (the common case: most frames show shelf, not code).
//   npx tsx tests/bench/decode-frame.ts [--json]
import bwipjs from 'bwip-js';
import { PNG } from 'pngjs';
import { CAMERA_TRY_HARDER, createEngine, SHIPPED_ENGINE } from '../../src/client/scan/decoder/index';
import type { BarcodeFormat, EngineName, Frame } from '../../src/client/scan/decoder/types';
import { figure, percentile, table, type Figure } from './figures';

const W = 1280;
const H = 720;
const BUDGET_MS = 30;

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296);
}

/** A dim warehouse scene: lighting gradient, boxes and shelf edges, sensor noise. */
function scene(seed: number): Uint8ClampedArray {
  const rnd = rng(seed);
  const lum = new Float32Array(W * H);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) lum[y * W + x] = 90 + 50 * (x / W) + 30 * Math.sin(y / 170);
  for (let i = 0; i < 14; i++) {
    const x0 = Math.floor(rnd() * W);
    const y0 = Math.floor(rnd() * H);
    const w = 40 + rnd() * 300;
    const h = 10 + rnd() * 200;
    const v = 40 + rnd() * 150;
    for (let y = y0; y < Math.min(H, y0 + h); y++) for (let x = x0; x < Math.min(W, x0 + w); x++) lum[y * W + x] = v;
  }
  const data = new Uint8ClampedArray(W * H * 4);
  for (let i = 0; i < W * H; i++) {
    const l = lum[i]! + (rnd() - 0.5) * 16;
    data[i * 4] = l;
    data[i * 4 + 1] = l;
    data[i * 4 + 2] = l;
    data[i * 4 + 3] = 255;
  }
  return data;
}

/** A white label with the code, pasted at (x, y) a little darker than paper white. */
async function withLabel(base: Uint8ClampedArray, bcid: string, text: string, x: number, y: number): Promise<Uint8ClampedArray> {
  const png = PNG.sync.read(await bwipjs.toBuffer({ bcid, text, scale: 2, height: 12, includetext: false, paddingwidth: 12, paddingheight: 8, backgroundcolor: 'FFFFFF' }));
  const data = new Uint8ClampedArray(base);
  for (let j = 0; j < png.height && y + j < H; j++)
    for (let i = 0; i < png.width && x + i < W; i++) {
      const l = 30 + (png.data[(j * png.width + i) * 4]! / 255) * 180;
      const o = ((y + j) * W + x + i) * 4;
      data[o] = l;
      data[o + 1] = l;
      data[o + 2] = l;
    }
  return data;
}

export interface FrameTimes {
  engine: EngineName;
  tryHarder: boolean;
  withCode: number[];
  withoutCode: number[];
  reads: number;
  attempts: number;
}

export async function measureFrames(opts: { engine?: EngineName; tryHarder?: boolean; rounds?: number } = {}): Promise<FrameTimes> {
  const engineName = opts.engine ?? SHIPPED_ENGINE;
  const tryHarder = opts.tryHarder ?? CAMERA_TRY_HARDER;
  const engine = await createEngine(engineName);
  const formats: BarcodeFormat[] = ['code_128', 'ean_13']; // a pick step: carton label or retail item
  const cases: { frame: Frame; expected: string | null }[] = [];
  for (let s = 1; s <= 4; s++) {
    const bg = scene(s);
    cases.push({ frame: { data: bg, width: W, height: H }, expected: null });
    const text = `TOTE-${1000 + s * 137}`;
    cases.push({ frame: { data: await withLabel(bg, 'code128', text, 200 + s * 120, 120 + s * 70), width: W, height: H }, expected: text });
  }
  const out: FrameTimes = { engine: engineName, tryHarder, withCode: [], withoutCode: [], reads: 0, attempts: 0 };
  for (const c of cases) await engine.decode(c.frame, { formats, tryHarder }); // warm-up
  for (let r = 0; r < (opts.rounds ?? 10); r++) {
    for (const c of cases) {
      const t0 = performance.now();
      const found = await engine.decode(c.frame, { formats, tryHarder });
      const ms = performance.now() - t0;
      if (c.expected === null) out.withoutCode.push(ms);
      else {
        out.withCode.push(ms);
        out.attempts++;
        if (found.some((d) => d.text === c.expected)) out.reads++;
      }
    }
  }
  engine.dispose?.();
  return out;
}

/** Rows for `npm run bench` (tests/bench/run.ts). */
export async function decodeFrameFigures(): Promise<Figure[]> {
  const t = await measureFrames();
  const mode = `${t.engine}, tryHarder ${t.tryHarder}`;
  return [
    figure('decode 1280x720 with code p95', percentile(t.withCode, 95), 'ms', '<=', BUDGET_MS, mode),
    figure('decode 1280x720 without code p95', percentile(t.withoutCode, 95), 'ms', '<=', BUDGET_MS, mode),
    figure('decode 1280x720 read rate', (100 * t.reads) / Math.max(1, t.attempts), '%', '>=', 100, mode),
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const figures = await decodeFrameFigures();
  if (process.argv.includes('--json')) console.log(JSON.stringify({ figures }));
  else {
    console.log(table(figures));
    // The other engine and the other mode, for the record (docs/decoding.md).
    for (const engine of ['zxing-js', 'zxing-wasm'] as const)
      for (const tryHarder of [false, true]) {
        const m = await measureFrames({ engine, tryHarder });
        const f = (v: number[]) => `mean ${(v.reduce((a, b) => a + b, 0) / v.length).toFixed(1)} p95 ${percentile(v, 95).toFixed(1)}`;
        console.log(`${engine} tryHarder=${tryHarder}: with code ${f(m.withCode)} ms, without ${f(m.withoutCode)} ms, read ${m.reads}/${m.attempts}`);
      }
  }
}
