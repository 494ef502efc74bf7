// Seeded synthetic barcode images for the decoder tests: every format Tote reads,
// including GS1-128 and GS1 DataMatrix with lot and expiry, drawn by bwip-js and then
// tilted, turned, blurred, noised and washed out. Writes a ZXing-style folder per format
// (`N.png`, `N.txt` expected text, `N.metadata.txt` symbology identifier). Output is
// generated, never committed.
//   npx tsx scripts/make-barcode-fixtures.ts [OUT_DIR] [--seed=N]
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import bwipjs from 'bwip-js';
import { PNG } from 'pngjs';

const GS = '\x1d';

export interface FixtureCode {
  subset: string;
  bcid: string;
  text: string;
  /** What a decoder must return: GS1 element strings, GS after a variable-length field. */
  expected: string;
  symbologyId: string;
  twoD: boolean;
}

export const FIXTURE_CODES: FixtureCode[] = [
  { subset: 'code128', bcid: 'code128', text: 'TOTE-4711/B', expected: 'TOTE-4711/B', symbologyId: ']C0', twoD: false },
  { subset: 'gs1-128', bcid: 'gs1-128', text: '(01)09501101530003(10)LOT42A(17)261231', expected: `0109501101530003${'10LOT42A'}${GS}17261231`, symbologyId: ']C1', twoD: false },
  { subset: 'gs1-128-sscc', bcid: 'gs1-128', text: '(00)034012345000000002', expected: '00034012345000000002', symbologyId: ']C1', twoD: false },
  { subset: 'code39', bcid: 'code39', text: 'LOC-A12-03', expected: 'LOC-A12-03', symbologyId: ']A0', twoD: false },
  { subset: 'itf', bcid: 'interleaved2of5', text: '15400141288763', expected: '15400141288763', symbologyId: ']I0', twoD: false },
  { subset: 'ean13', bcid: 'ean13', text: '4006381333931', expected: '4006381333931', symbologyId: ']E0', twoD: false },
  { subset: 'ean8', bcid: 'ean8', text: '96385074', expected: '96385074', symbologyId: ']E4', twoD: false },
  { subset: 'upca', bcid: 'upca', text: '036000291452', expected: '036000291452', symbologyId: ']E0', twoD: false },
  { subset: 'upce', bcid: 'upce', text: '01234565', expected: '01234565', symbologyId: ']E0', twoD: false },
  { subset: 'datamatrix', bcid: 'datamatrix', text: 'TOTE:T-00042', expected: 'TOTE:T-00042', symbologyId: ']d1', twoD: true },
  {
    subset: 'gs1-datamatrix',
    bcid: 'gs1datamatrix',
    text: '(01)09501101530003(17)270131(10)L0T-7(21)SN12345',
    expected: `01095011015300031727013110L0T-7${GS}21SN12345`,
    symbologyId: ']d2',
    twoD: true,
  },
  { subset: 'qrcode', bcid: 'qrcode', text: 'https://tote.example/l/A-12-03', expected: 'https://tote.example/l/A-12-03', symbologyId: ']Q1', twoD: true },
  { subset: 'gs1-qrcode', bcid: 'gs1qrcode', text: '(01)09501101530003(10)ABC123(17)261231', expected: `010950110153000310ABC123${GS}17261231`, symbologyId: ']Q3', twoD: true },
];

/** Deterministic so a failing image can be regenerated bit for bit. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Plane {
  w: number;
  h: number;
  v: Float32Array;
}

interface Variant {
  name: string;
  angle: number; // degrees, clockwise
  blur: number; // box-blur radius, px
  noise: number; // Gaussian sigma, grey levels
  ink: number;
  paper: number;
}

function variants(code: FixtureCode, rnd: () => number): Variant[] {
  const jitter = (n: number) => (rnd() * 2 - 1) * n;
  const turned = code.twoD ? 90 : 180;
  return [
    { name: 'clean', angle: 0, blur: 0, noise: 0, ink: 20, paper: 235 },
    { name: 'tilt', angle: jitter(code.twoD ? 30 : 8), blur: 0, noise: 4, ink: 30, paper: 220 },
    { name: 'turned', angle: turned + jitter(4), blur: 0, noise: 4, ink: 30, paper: 220 },
    { name: 'blur', angle: jitter(3), blur: 1, noise: 3, ink: 30, paper: 220 },
    { name: 'noise', angle: jitter(3), blur: 0, noise: 18, ink: 30, paper: 220 },
    { name: 'low-contrast', angle: jitter(3), blur: 0, noise: 3, ink: 115, paper: 175 },
  ];
}

async function render(code: FixtureCode): Promise<Plane> {
  const png = PNG.sync.read(
    await bwipjs.toBuffer({ bcid: code.bcid, text: code.text, scale: 3, ...(code.twoD ? {} : { height: 18 }), includetext: false, paddingwidth: 0, paddingheight: 0 }),
  );
  const v = new Float32Array(png.width * png.height);
  for (let i = 0; i < v.length; i++) {
    const a = png.data[i * 4 + 3]! / 255; // bwip-js draws on a transparent background
    v[i] = (1 - a) + (a * (png.data[i * 4]! + png.data[i * 4 + 1]! + png.data[i * 4 + 2]!)) / 765;
  }
  return { w: png.width, h: png.height, v };
}

/** The code (0 = ink, 1 = paper) turned by `angle` onto a shaded label with a margin. */
function place(code: Plane, vr: Variant, rnd: () => number): Plane {
  const rad = (vr.angle * Math.PI) / 180;
  const cos = Math.cos(rad);
  const sin = Math.sin(rad);
  const margin = 48;
  const w = Math.ceil(Math.abs(code.w * cos) + Math.abs(code.h * sin)) + 2 * margin;
  const h = Math.ceil(Math.abs(code.w * sin) + Math.abs(code.h * cos)) + 2 * margin;
  const out = new Float32Array(w * h);
  const shade = rnd() * 25; // uneven lighting across the label
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const dx = x - w / 2;
      const dy = y - h / 2;
      const sx = dx * cos + dy * sin + code.w / 2;
      const sy = -dx * sin + dy * cos + code.h / 2;
      const paper = vr.paper - (shade * x) / w;
      let c = 1;
      if (sx >= 0 && sy >= 0 && sx < code.w - 1 && sy < code.h - 1) {
        const x0 = Math.floor(sx);
        const y0 = Math.floor(sy);
        const fx = sx - x0;
        const fy = sy - y0;
        const at = (xx: number, yy: number) => code.v[yy * code.w + xx]!;
        c = (at(x0, y0) * (1 - fx) + at(x0 + 1, y0) * fx) * (1 - fy) + (at(x0, y0 + 1) * (1 - fx) + at(x0 + 1, y0 + 1) * fx) * fy;
      }
      out[y * w + x] = vr.ink + (paper - vr.ink) * c;
    }
  }
  return { w, h, v: out };
}

function boxBlur(p: Plane, r: number): Plane {
  if (r <= 0) return p;
  const tmp = new Float32Array(p.v.length);
  const out = new Float32Array(p.v.length);
  const n = 2 * r + 1;
  for (let y = 0; y < p.h; y++)
    for (let x = 0; x < p.w; x++) {
      let s = 0;
      for (let k = -r; k <= r; k++) s += p.v[y * p.w + Math.min(p.w - 1, Math.max(0, x + k))]!;
      tmp[y * p.w + x] = s / n;
    }
  for (let y = 0; y < p.h; y++)
    for (let x = 0; x < p.w; x++) {
      let s = 0;
      for (let k = -r; k <= r; k++) s += tmp[Math.min(p.h - 1, Math.max(0, y + k)) * p.w + x]!;
      out[y * p.w + x] = s / n;
    }
  return { ...p, v: out };
}

function toPng(p: Plane, noise: number, rnd: () => number): Buffer {
  const png = new PNG({ width: p.w, height: p.h });
  for (let i = 0; i < p.v.length; i++) {
    // Box-Muller: Gaussian sensor noise.
    const g = noise > 0 ? Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd()) * noise : 0;
    const l = Math.max(0, Math.min(255, Math.round(p.v[i]! + g)));
    png.data[i * 4] = l;
    png.data[i * 4 + 1] = l;
    png.data[i * 4 + 2] = l;
    png.data[i * 4 + 3] = 255;
  }
  return PNG.sync.write(png);
}

/** Writes every fixture under `outDir`; returns the number of images. */
export async function makeFixtures(outDir: string, seed = 20261124): Promise<number> {
  const rnd = mulberry32(seed);
  let count = 0;
  for (const code of FIXTURE_CODES) {
    const dir = path.join(outDir, code.subset);
    mkdirSync(dir, { recursive: true });
    const drawn = await render(code);
    for (const [i, vr] of variants(code, rnd).entries()) {
      const plane = boxBlur(place(drawn, vr, rnd), vr.blur);
      const base = path.join(dir, `${i + 1}`);
      writeFileSync(`${base}.png`, toPng(plane, vr.noise, rnd));
      writeFileSync(`${base}.txt`, code.expected);
      writeFileSync(`${base}.metadata.txt`, `SYMBOLOGY_IDENTIFIER=${code.symbologyId}\nVARIANT=${vr.name} angle=${vr.angle.toFixed(1)}\n`);
      count++;
    }
  }
  return count;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const out = args.find((a) => !a.startsWith('--')) ?? '.tmp/barcode-fixtures';
  const seed = Number(args.find((a) => a.startsWith('--seed='))?.slice(7) ?? 20261124);
  const n = await makeFixtures(out, seed);
  console.log(`${n} images in ${out} (seed ${seed})`);
}
