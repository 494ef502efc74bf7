// ZXing-style sample folders (`N.png` + `N.txt`; no .txt = nothing may be read) and how one
// engine fares on them. Shared by the conformance test and `npm run bench:decode`.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { BARCODE_FORMATS, type BarcodeFormat, type DecoderEngine, type Frame } from '../../src/client/scan/decoder/types';

export type Kind = '1d' | '2d' | 'unknown';

export interface Sample {
  file: string;
  /** null: an image in which nothing may be decoded. */
  expected: string | null;
}

export interface Subset {
  name: string;
  dir: string;
  samples: Sample[];
  /** Images we cannot load (pngjs reads PNG only), reported rather than silently dropped. */
  unreadable: string[];
}

const PREFIX_FORMATS: [RegExp, BarcodeFormat[], Kind][] = [
  [/^code-?128/i, ['code_128'], '1d'],
  [/^gs1-?128/i, ['code_128'], '1d'],
  [/^code-?39/i, ['code_39'], '1d'],
  [/^ean-?13/i, ['ean_13'], '1d'],
  [/^ean-?8/i, ['ean_8'], '1d'],
  [/^upc-?a/i, ['upc_a'], '1d'],
  [/^upc-?e/i, ['upc_e'], '1d'],
  [/^itf/i, ['itf'], '1d'],
  [/^(gs1-?)?data-?matrix/i, ['data_matrix'], '2d'],
  [/^(gs1-?)?qr-?code/i, ['qr_code'], '2d'],
];

/** What a folder is about, from its name (ZXing's naming); anything else: all formats. */
export function classify(name: string): { formats: BarcodeFormat[]; kind: Kind } {
  for (const [re, formats, kind] of PREFIX_FORMATS) if (re.test(name)) return { formats, kind };
  return { formats: [...BARCODE_FORMATS], kind: 'unknown' };
}

/** 1D codes are checked upside down, 2D codes on their side; unknown folders both ways. */
export function rotationsFor(kind: Kind): number[] {
  return kind === '1d' ? [0, 180] : kind === '2d' ? [0, 90] : [0, 90, 180];
}

const IMAGE = /\.(png|jpe?g|gif|bmp)$/i;

function isSubsetDir(dir: string): boolean {
  return readdirSync(dir).some((f) => IMAGE.test(f));
}

/** A folder that is itself a subset, or the parent of subsets (one level down). */
export function findSubsets(dir: string): string[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return [];
  if (isSubsetDir(dir)) return [dir];
  return readdirSync(dir)
    .sort()
    .map((d) => path.join(dir, d))
    .filter((d) => statSync(d).isDirectory() && isSubsetDir(d));
}

export function loadSubset(dir: string): Subset {
  const samples: Sample[] = [];
  const unreadable: string[] = [];
  const files = readdirSync(dir).filter((f) => IMAGE.test(f));
  files.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  for (const f of files) {
    if (!/\.png$/i.test(f)) {
      unreadable.push(f);
      continue;
    }
    // Exact text, trailing line breaks included: some QR codes end in "\r\n".
    const txt = path.join(dir, f.replace(/\.[^.]+$/, '.txt'));
    const expected = existsSync(txt) ? readFileSync(txt, 'utf8') : null;
    samples.push({ file: path.join(dir, f), expected });
  }
  return { name: path.basename(dir), dir, samples, unreadable };
}

export function readPng(file: string): Frame {
  const png = PNG.sync.read(readFileSync(file));
  // A copy (pngjs may hand back a slice of a pooled buffer, not 4-byte aligned), laid on
  // white: some samples are black modules on a transparent background, as on a web page.
  const data = new Uint8ClampedArray(png.data);
  for (let i = 0; i < data.length; i += 4) {
    const a = data[i + 3]!;
    if (a === 255) continue;
    for (let c = 0; c < 3; c++) data[i + c] = Math.round((data[i + c]! * a + 255 * (255 - a)) / 255);
    data[i + 3] = 255;
  }
  return { data, width: png.width, height: png.height };
}

/** Clockwise rotation by a multiple of 90°. */
export function rotateFrame(frame: Frame, degrees: number): Frame {
  const turns = (((degrees / 90) % 4) + 4) % 4;
  if (turns === 0) return frame;
  const { width: w, height: h, data } = frame;
  const ow = turns === 2 ? w : h;
  const oh = turns === 2 ? h : w;
  const out = new Uint32Array(w * h);
  const src = new Uint32Array(data.buffer, data.byteOffset, w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const [nx, ny] = turns === 1 ? [h - 1 - y, x] : turns === 2 ? [w - 1 - x, h - 1 - y] : [y, w - 1 - x];
      out[ny * ow + nx] = src[y * w + x]!;
    }
  }
  return { data: new Uint8ClampedArray(out.buffer), width: ow, height: oh };
}

export interface Outcome {
  subset: string;
  engine: string;
  rotation: number;
  images: number;
  read: number;
  misread: number;
  falseReads: number;
  ms: number[];
  /** Files misread or falsely read, for the failure message. */
  wrong: string[];
}

/**
 * Decodes every sample at one rotation. Frames are decoded already loaded and rotated, so
 * the times are the engine's alone.
 */
export async function evaluate(
  engine: DecoderEngine,
  subset: Subset,
  rotation: number,
  opts: { tryHarder: boolean; formats?: readonly BarcodeFormat[]; frames?: Map<string, Frame> },
): Promise<Outcome> {
  const formats = opts.formats ?? classify(subset.name).formats;
  const o: Outcome = { subset: subset.name, engine: engine.name, rotation, images: subset.samples.length, read: 0, misread: 0, falseReads: 0, ms: [], wrong: [] };
  for (const s of subset.samples) {
    const key = `${s.file}@${rotation}`;
    let frame = opts.frames?.get(key);
    if (!frame) {
      frame = rotateFrame(readPng(s.file), rotation);
      opts.frames?.set(key, frame);
    }
    const t0 = performance.now();
    const found = await engine.decode(frame, { formats, tryHarder: opts.tryHarder });
    o.ms.push(performance.now() - t0);
    if (found.length === 0) continue;
    if (s.expected === null) {
      o.falseReads++;
      o.wrong.push(`${path.basename(s.file)}: read ${JSON.stringify(found[0]!.text)}`);
    } else if (found.some((d) => d.text === s.expected)) {
      o.read++;
    } else {
      o.misread++;
      o.wrong.push(`${path.basename(s.file)}: read ${JSON.stringify(found[0]!.text)}, expected ${JSON.stringify(s.expected)}`);
    }
  }
  return o;
}

export function mean(values: number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}

export function p95(values: number[]): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(0.95 * s.length) - 1))]!;
}
