import { writeFileSync } from 'node:fs';
import bwipjs from 'bwip-js';
import { PNG } from 'pngjs';

/**
 * Writes a Y4M clip for Chromium's fake camera (`--use-file-for-fake-video-capture`):
 * a barcode drawn by bwip-js on a grey card, as a phone camera would see a label. Frames
 * differ a little (sensor noise, a hand's few pixels of drift) so a decoder is not only
 * ever shown one perfect image. Chromium loops the clip.
 */
export interface Symbol {
  /** bwip-js encoder: code128, ean13, gs1-128, gs1datamatrix, qrcode... */
  bcid: string;
  /** For GS1 encoders, bracketed AIs: `(01)05012345678900(17)271231(10)L42`. */
  text: string;
  /** Pixels per module. */
  scale?: number;
  /** Bar height in mm (linear codes). */
  height?: number;
}

export interface ClipOptions {
  width?: number;
  height?: number;
  frames?: number;
  /** Deterministic noise and drift. */
  seed?: number;
  /** Frames with no code at all (a blank card) appended after the coded ones. */
  blankFrames?: number;
}

interface Rgb {
  width: number;
  height: number;
  data: Uint8Array; // RGB
}

export async function drawSymbol(sym: Symbol): Promise<Rgb> {
  const png = await bwipjs.toBuffer({
    bcid: sym.bcid,
    text: sym.text,
    scale: sym.scale ?? 3,
    ...(sym.height ? { height: sym.height } : {}),
    paddingwidth: 8,
    paddingheight: 8,
    backgroundcolor: 'FFFFFF',
  });
  const img = PNG.sync.read(png);
  const rgb = new Uint8Array(img.width * img.height * 3);
  for (let i = 0, j = 0; i < img.data.length; i += 4, j += 3) {
    const a = img.data[i + 3]! / 255; // transparent pixels are the white card
    rgb[j] = Math.round(img.data[i]! * a + 255 * (1 - a));
    rgb[j + 1] = Math.round(img.data[i + 1]! * a + 255 * (1 - a));
    rgb[j + 2] = Math.round(img.data[i + 2]! * a + 255 * (1 - a));
  }
  return { width: img.width, height: img.height, data: rgb };
}

function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 0x100000000;
  };
}

/** One 4:2:0 frame (JPEG/full-range BT.601, as `C420jpeg` says) of the symbol at (ox, oy). */
function frame(w: number, h: number, sym: Rgb | null, ox: number, oy: number, noise: number, rand: () => number): Buffer {
  const rgb = new Uint8Array(w * h * 3).fill(170); // a grey shelf around the white label
  if (sym) {
    for (let y = 0; y < sym.height; y++) {
      const ty = oy + y;
      if (ty < 0 || ty >= h) continue;
      for (let x = 0; x < sym.width; x++) {
        const tx = ox + x;
        if (tx < 0 || tx >= w) continue;
        const s = (y * sym.width + x) * 3;
        const d = (ty * w + tx) * 3;
        rgb[d] = sym.data[s]!;
        rgb[d + 1] = sym.data[s + 1]!;
        rgb[d + 2] = sym.data[s + 2]!;
      }
    }
  }
  const out = Buffer.alloc(w * h * 1.5);
  const cw = w / 2;
  const ch = h / 2;
  const clamp = (v: number) => (v < 0 ? 0 : v > 255 ? 255 : Math.round(v));
  for (let i = 0; i < w * h; i++) {
    const n = noise ? (rand() - 0.5) * 2 * noise : 0;
    out[i] = clamp(0.299 * rgb[i * 3]! + 0.587 * rgb[i * 3 + 1]! + 0.114 * rgb[i * 3 + 2]! + n);
  }
  for (let y = 0; y < ch; y++) {
    for (let x = 0; x < cw; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (const [dx, dy] of [[0, 0], [1, 0], [0, 1], [1, 1]] as const) {
        const p = ((2 * y + dy) * w + 2 * x + dx) * 3;
        r += rgb[p]!;
        g += rgb[p + 1]!;
        b += rgb[p + 2]!;
      }
      r /= 4;
      g /= 4;
      b /= 4;
      out[w * h + y * cw + x] = clamp(-0.168736 * r - 0.331264 * g + 0.5 * b + 128);
      out[w * h + cw * ch + y * cw + x] = clamp(0.5 * r - 0.418688 * g - 0.081312 * b + 128);
    }
  }
  return out;
}

/** Renders the symbol (or nothing, for `null`) into a Y4M file at `file`. */
export async function writeBarcodeY4m(file: string, sym: Symbol | null, opts: ClipOptions = {}): Promise<void> {
  const w = opts.width ?? 1280;
  const h = opts.height ?? 720;
  const n = opts.frames ?? 6;
  const rand = rng(opts.seed ?? 7);
  const img = sym ? await drawSymbol(sym) : null;
  if (img && (img.width > w || img.height > h)) throw new Error(`symbol ${img.width}x${img.height} does not fit a ${w}x${h} frame`);
  const parts: Buffer[] = [Buffer.from(`YUV4MPEG2 W${w} H${h} F30:1 Ip A1:1 C420jpeg\n`)];
  const cx = img ? Math.round((w - img.width) / 2) : 0;
  const cy = img ? Math.round((h - img.height) / 2) : 0;
  for (let i = 0; i < n; i++) {
    // Frame 0 is clean and centred; the others drift a few pixels and carry sensor noise.
    const drift = i === 0 ? 0 : Math.round((rand() - 0.5) * 12);
    const driftY = i === 0 ? 0 : Math.round((rand() - 0.5) * 8);
    parts.push(Buffer.from('FRAME\n'), frame(w, h, img, cx + drift, cy + driftY, i === 0 ? 0 : 12, rand));
  }
  for (let i = 0; i < (opts.blankFrames ?? 0); i++) parts.push(Buffer.from('FRAME\n'), frame(w, h, null, 0, 0, 12, rand));
  writeFileSync(file, Buffer.concat(parts));
}
