import { getDocument, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import type { LabelModel } from '../packing/types';
import { encodeCode128 } from './code128';
import { buildLabelModel } from './label-model';
import { HOSTILE, SAMPLE_CONFIG, SAMPLE_LABEL_INPUT } from './label-samples';
import { labelsPdf, manifestPdf, type ManifestPdfInput } from './pdf';
import { labelZpl } from './zpl';

/**
 * Each page's text items, in drawing order, as a real PDF reader extracts them. Text
 * extraction needs no glyph data, so pdf.js's standard font files are not pointed at.
 */
async function pdfPages(bytes: Uint8Array): Promise<{ text: string[]; size: [number, number] }[]> {
  const doc = await getDocument({ data: bytes.slice(), verbosity: VerbosityLevel.ERRORS }).promise;
  const pages = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    const text = content.items.flatMap((i) => ('str' in i && i.str ? [i.str] : []));
    const [, , w, h] = page.view;
    pages.push({ text, size: [w!, h!] as [number, number] });
  }
  await doc.destroy();
  return pages;
}

/** Checks the cross-reference table by hand: every offset must land on its "n 0 obj". */
function expectValidXref(bytes: Uint8Array): void {
  const file = String.fromCharCode(...bytes);
  expect(file.startsWith('%PDF-1.4\n')).toBe(true);
  const start = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(file)![1]);
  expect(file.slice(start, start + 5)).toBe('xref\n');
  const [, count] = /^xref\n0 (\d+)\n/.exec(file.slice(start))!;
  const entries = file.slice(start).split('\n').slice(2, 2 + Number(count));
  expect(entries[0]).toBe('0000000000 65535 f ');
  entries.slice(1).forEach((e, k) => {
    expect(e).toMatch(/^\d{10} 00000 n $/);
    expect(file.slice(Number(e.slice(0, 10))).startsWith(`${k + 1} 0 obj\n`)).toBe(true);
  });
  for (const m of file.matchAll(/<< \/Length (\d+) >>\nstream\n/g)) {
    const body = m.index + m[0].length;
    expect(file.slice(body + Number(m[1]), body + Number(m[1]) + 10)).toBe('\nendstream');
  }
}

const model = buildLabelModel(SAMPLE_LABEL_INPUT);

describe('labelsPdf', () => {
  it('writes a PDF 1.4 whose xref offsets and stream lengths are exact', () => {
    expectValidXref(labelsPdf([model, buildLabelModel({ ...SAMPLE_LABEL_INPUT, cartonNo: 2 })]));
  });

  it('has one 4 x 6 in page per carton', async () => {
    const pages = await pdfPages(labelsPdf([model, buildLabelModel({ ...SAMPLE_LABEL_INPUT, cartonNo: 2 })]));
    expect(pages.map((p) => p.size)).toEqual([
      [288, 432],
      [288, 432],
    ]);
    expect(pages[1]!.text).toContain('Carton 2 of 2');
  });

  it('shows the tracking number, the SSCC in GS1 form and the ship-to address, accents intact', async () => {
    const [page] = await pdfPages(labelsPdf([model]));
    for (const want of ['RR123456785ES', '(00) 003761230000000426', 'José Núñez', 'Avenida de la Peña 12', 'Piso 3º B', 'Logroño, La Rioja 26001']) {
      expect(page!.text).toContain(want);
    }
  });

  it('draws the barcodes as filled rectangles, one per bar', () => {
    const file = String.fromCharCode(...labelsPdf([model]));
    const bars = (widths: number[]) => Math.ceil(widths.length / 2);
    const rects = file.match(/ re\n/g)!.length;
    expect(rects).toBe(bars(encodeCode128(model.trackingNumber)) + bars(encodeCode128(`00${model.sscc}`, { gs1: true })));
    // Each symbol has 3 bars and the stop 4: 13 symbols for the tracking number (B, C for the digits, B).
    expect(bars(encodeCode128(model.trackingNumber))).toBe(13 * 3 + 4);
  });

  it('prints the same fields as the ZPL from the same model', async () => {
    const zpl = labelZpl(model);
    const zplText = [...zpl.matchAll(/\^FD([^^]*)\^FS/g)].map((m) =>
      m[1]!.replace(/(?:_[0-9A-F]{2})+/g, (run) => new TextDecoder().decode(Uint8Array.from(run.slice(1).split('_'), (h) => parseInt(h, 16)))),
    );
    const zplFields = zplText.filter((t) => !t.startsWith('>;'));
    const [page] = await pdfPages(labelsPdf([model]));
    // Every text the ZPL prints is on the PDF page, and the other way round.
    expect([...page!.text].sort()).toEqual([...zplFields].sort());
    expect(zplText).toContain(`>;>800${model.sscc}`);
  });
});

const hostileModel: LabelModel = buildLabelModel({
  ...SAMPLE_LABEL_INPUT,
  shipTo: HOSTILE,
  orderRef: 'a) Tj ET BT (pwn',
  carrierService: '\\) Tj (x',
});

describe('hostile text in PDFs', () => {
  it('keeps parentheses, backslashes, markup and SQL as text; other scripts print as ?', async () => {
    const bytes = labelsPdf([hostileModel]);
    expectValidXref(bytes);
    const [page] = await pdfPages(bytes);
    expect(page!.text).toEqual(
      expect.arrayContaining([
        `O'Brien"); DROP TABLE x;--`,
        '<img src=x onerror=alert(1)>',
        'C:\\ (x)) \\) ^XZ~JA _5E',
        'Order a) Tj ET BT (pwn',
        '\\) Tj (x',
      ]),
    );
    expect(page!.text.find((t) => t.startsWith('Zürich'))).toMatch(/^Zürich \? \?\?, /);
  });
});

describe('models not made by buildLabelModel', () => {
  it('still give both formats, with no barcode for data a symbol cannot carry', async () => {
    const raw: LabelModel = { ...model, trackingNumber: 'ñ(1)\\', sscc: 'not an sscc', orderRef: 'Tab\there', date: '\u0000' };
    const zpl = labelZpl(raw);
    expect(zpl).toContain('^FD1^FS');
    expect(zpl).not.toContain('>;>8');
    const [page] = await pdfPages(labelsPdf([raw]));
    expect(page!.text).toEqual(expect.arrayContaining(['1', 'Order Tab?here', '(00) not an sscc']));
  });
});

const manifest: ManifestPdfInput = {
  code: 'MAN-2026-0042',
  carrier: 'Correos',
  dock: 'Dock 3',
  closedAt: '2026-11-24T18:30:00Z',
  shipFrom: SAMPLE_CONFIG.shipFrom,
  cartons: Array.from({ length: 120 }, (_, k) => ({
    trackingNumber: `RR${String(10000000 + k)}0ES`,
    sscc: `0037612300000${String(k).padStart(5, '0')}`,
    orderRef: `SO-${1000 + k}`,
    weightG: 1000 + k,
    shipToName: k === 7 ? 'Ana (Peña) \\ <b>' : `Customer ${k}`,
    postalCode: '26001',
  })),
};

describe('manifestPdf', () => {
  it('lists every carton over as many A4 pages as it takes, numbered, with totals on the last', async () => {
    const bytes = manifestPdf(manifest);
    expectValidXref(bytes);
    const pages = await pdfPages(bytes);
    expect(pages.length).toBeGreaterThan(1);
    for (const p of pages) expect(p.size).toEqual([595, 842]);
    const all = pages.flatMap((p) => p.text);
    for (const c of manifest.cartons) {
      expect(all).toContain(c.trackingNumber);
      expect(all).toContain(c.sscc);
    }
    expect(all.filter((t) => t.startsWith('RR'))).toHaveLength(120);
    expect(all).toContain('Ana (Peña) \\ <b>');
    pages.forEach((p, k) => expect(p.text).toContain(`Page ${k + 1} of ${pages.length}`));
    const totalG = manifest.cartons.reduce((g, c) => g + c.weightG, 0);
    expect(pages.at(-1)!.text).toEqual(expect.arrayContaining(['Cartons: 120', `Total weight: ${(totalG / 1000).toFixed(2)} kg / ${(totalG / 453.59237).toFixed(2)} lb`]));
    expect(pages[0]!.text).toEqual(expect.arrayContaining(['MAN-2026-0042', 'Carrier: Correos', 'Dock: Dock 3', 'Tote Fulfilment']));
  });

  it('says an unclosed manifest is open and draws its code as Code 128 even when empty', async () => {
    const bytes = manifestPdf({ ...manifest, closedAt: null, cartons: [] });
    const [page] = await pdfPages(bytes);
    expect(page!.text).toEqual(expect.arrayContaining(['Closed: open', 'Cartons: 0', 'Page 1 of 1']));
    expect(String.fromCharCode(...bytes)).toMatch(/ re\nf/);
  });
});
