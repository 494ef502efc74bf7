// Tote's own Code 128 encoder (the labels' bars) read back by the shipped decoder: what
// the printer draws must scan as exactly what was meant, and GS1-128 must scan as GS1.
import { readBarcodes } from 'zxing-wasm/reader';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/client/scan/decoder/index';
import type { DecoderEngine, Frame } from '../../src/client/scan/decoder/types';
import { encodeCode128, GS } from '../../src/domain/labels/code128';
import { buildLabelModel, labelsPdf, manifestPdf } from '../../src/domain/labels/index';
import { SAMPLE_CONFIG, SAMPLE_LABEL_INPUT } from '../../src/domain/labels/label-samples';

const PX = 3;
const QUIET = 10;
const MARGIN = 10;
const BAR_HEIGHT = 60;

/** The widths as a grey image: black bars on white, quiet zones both sides, 3 px per module. */
function rasterise(widths: readonly number[]): Frame {
  const modules = widths.reduce((a, b) => a + b, 0);
  const width = (modules + 2 * QUIET) * PX;
  const height = BAR_HEIGHT + 2 * MARGIN;
  const data = new Uint8ClampedArray(width * height * 4).fill(255);
  let x = QUIET * PX;
  widths.forEach((w, k) => {
    if (k % 2 === 0) {
      for (let y = MARGIN; y < MARGIN + BAR_HEIGHT; y++) {
        for (let dx = 0; dx < w * PX; dx++) {
          const i = (y * width + x + dx) * 4;
          data[i] = data[i + 1] = data[i + 2] = 0;
        }
      }
    }
    x += w * PX;
  });
  return { data, width, height };
}

let engine: DecoderEngine;
beforeAll(async () => {
  engine = await createEngine('zxing-wasm');
});

const PLAIN = [
  'PJJ123C',
  'RR123456785GB',
  'AB12345678CD',
  '12345',
  '0123456789012345678901',
  'MAN-2026-0042',
  'Hello, World! 42',
  'a\tb',
  "'; DROP TABLE cartons;--",
  '<script>alert(1)</script>',
  '(a) \\b\\ )(',
  '~^_{}|`',
];

describe('Code 128 encoder read back by zxing-wasm', () => {
  for (const text of PLAIN) {
    it(`reads ${JSON.stringify(text)}`, async () => {
      const frame = rasterise(encodeCode128(text));
      const found = await engine.decode(frame, { formats: ['code_128'] });
      expect(found.map((d) => [d.text, d.format, d.symbologyId])).toEqual([[text, 'code_128', ']C0']]);
    });
  }

  it('reads an SSCC as GS1-128 (FNC1 first: ]C1) with AI 00', async () => {
    const element = '00376123450000000016';
    const frame = rasterise(encodeCode128(element, { gs1: true }));
    const raw = await readBarcodes({ ...frame, colorSpace: 'srgb' } as ImageData, { formats: ['Code128'], textMode: 'Plain' });
    expect(raw.map((r) => [r.symbologyIdentifier, r.contentType, r.text])).toEqual([[']C1', 'GS1', element]]);
    const found = await engine.decode(frame, { formats: ['code_128'] });
    expect(found.map((d) => [d.text, d.symbologyId])).toEqual([[element, ']C1']]);
  });

  it('reads a GS1 separator between variable-length fields as GS', async () => {
    const element = `10ABC123${GS}17250101`;
    const frame = rasterise(encodeCode128(element, { gs1: true }));
    const raw = await readBarcodes({ ...frame, colorSpace: 'srgb' } as ImageData, { formats: ['Code128'], textMode: 'Plain' });
    expect(raw.map((r) => [r.symbologyIdentifier, r.text])).toEqual([[']C1', element]]);
  });

  it('gives a different reading when one bar is wrong (the check symbol is checked)', async () => {
    const widths = encodeCode128('PJJ123C');
    // Swap a bar and the space after it inside the first data symbol: still 11 modules, other value.
    const broken = [...widths];
    [broken[6], broken[7]] = [broken[7]!, broken[6]!];
    const found = await engine.decode(rasterise(broken), { formats: ['code_128'] });
    expect(found.map((d) => d.text)).not.toContain('PJJ123C');
  });
});

/**
 * The bars a PDF draws (`x y w h re` in its content streams), grouped into symbols by
 * their row, each rasterised at 4 px per point: a pixel column is black when its centre
 * falls inside a bar. This checks the PDF's geometry, not just the encoder.
 */
function pdfSymbols(bytes: Uint8Array): Frame[] {
  const file = String.fromCharCode(...bytes);
  const rows = new Map<string, { x: number; w: number }[]>();
  for (const m of file.matchAll(/^([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+) re$/gm)) {
    const key = `${m[2]}/${m[4]}`;
    rows.set(key, [...(rows.get(key) ?? []), { x: Number(m[1]), w: Number(m[3]) }]);
  }
  const SCALE = 4;
  return [...rows.values()].map((bars) => {
    const left = Math.min(...bars.map((b) => b.x)) - 15;
    const right = Math.max(...bars.map((b) => b.x + b.w)) + 15;
    const width = Math.ceil((right - left) * SCALE);
    const height = 80;
    const data = new Uint8ClampedArray(width * height * 4).fill(255);
    for (let px = 0; px < width; px++) {
      const x = left + (px + 0.5) / SCALE;
      if (!bars.some((b) => x >= b.x && x < b.x + b.w)) continue;
      for (let y = 10; y < height - 10; y++) data.fill(0, (y * width + px) * 4, (y * width + px) * 4 + 3);
    }
    return { data, width, height };
  });
}

describe('barcodes drawn in the PDFs', () => {
  it('label: the tracking number reads as Code 128 and the SSCC as GS1-128', async () => {
    const model = buildLabelModel(SAMPLE_LABEL_INPUT);
    const read = [];
    for (const frame of pdfSymbols(labelsPdf([model]))) read.push(...(await engine.decode(frame, { formats: ['code_128'] })));
    expect(read.map((d) => [d.text, d.symbologyId])).toEqual([
      [model.trackingNumber, ']C0'],
      [`00${model.sscc}`, ']C1'],
    ]);
  });

  it('manifest: its code reads back', async () => {
    const bytes = manifestPdf({ code: 'MAN-2026-0042', carrier: 'Correos', dock: 'D3', closedAt: null, shipFrom: SAMPLE_CONFIG.shipFrom, cartons: [] });
    const read = [];
    for (const frame of pdfSymbols(bytes)) read.push(...(await engine.decode(frame, { formats: ['code_128'] })));
    expect(read.map((d) => d.text)).toEqual(['MAN-2026-0042']);
  });
});
