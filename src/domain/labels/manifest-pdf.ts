import type { Address } from '../packing/types';
import { encodeCode128 } from './code128';
import { addressLines, printable, weightText } from './label-model';
import { PdfDocument, type PdfPage } from './pdf-writer';

export interface ManifestPdfInput {
  code: string;
  carrier: string;
  dock: string;
  closedAt: string | null;
  shipFrom: Address;
  cartons: {
    trackingNumber: string;
    sscc: string;
    orderRef: string;
    weightG: number;
    shipToName: string;
    postalCode: string;
  }[];
}

/** A4: the carrier's driver signs it at the dock. */
const W = 595;
const H = 842;
const M = 36;
const ROW = 14;
const BOTTOM = H - 54;

const COLUMNS: { title: string; x: number; width: number; right?: boolean }[] = [
  { title: '#', x: M, width: 24 },
  { title: 'Tracking', x: M + 26, width: 84 },
  { title: 'SSCC', x: M + 112, width: 104 },
  { title: 'Order', x: M + 218, width: 74 },
  { title: 'Ship to', x: M + 294, width: 118 },
  { title: 'Postal code', x: M + 420, width: 58 },
  { title: 'kg', x: W - M, width: 40, right: true },
];

function header(page: PdfPage, m: ManifestPdfInput, first: boolean): number {
  page.text(M, 50, 18, 'Shipping manifest', { bold: true });
  page.text(M, 70, 11, printable(m.code, 60), { bold: true, maxWidth: 260 });
  if (!first) return tableHead(page, 92);
  page.text(M, 88, 10, `Carrier: ${printable(m.carrier, 40)}`, { maxWidth: 260 });
  page.text(M, 102, 10, `Dock: ${printable(m.dock, 40)}`, { maxWidth: 260 });
  page.text(M, 116, 10, `Closed: ${m.closedAt ? printable(m.closedAt, 40) : 'open'}`, { maxWidth: 260 });
  page.text(M, 136, 8, 'SHIP FROM', { bold: true });
  addressLines(m.shipFrom).forEach((line, k) => page.text(M, 147 + k * 10, 8.5, printable(line), { maxWidth: 260 }));
  // The manifest's own code, so the dock can scan the sheet to find the manifest.
  const data = barcodeText(m.code);
  if (data) {
    const widths = encodeCode128(data);
    const modules = widths.reduce((a, b) => a + b, 0);
    const module = Math.min(1.2, 220 / (modules + 20));
    page.barcode(W - M - modules * module, 40, widths, module, 50);
    page.text(W - M, 104, 9, data, { align: 'right' });
  }
  return tableHead(page, 210);
}

/** Code 128 takes ASCII: anything else in a code is left out of the symbol (the text shows it). */
function barcodeText(code: string): string {
  return printable(code, 40).replace(/[^\x20-\x7e]/g, '');
}

function tableHead(page: PdfPage, y: number): number {
  for (const c of COLUMNS) page.text(c.x, y, 8.5, c.title, { bold: true, align: c.right ? 'right' : 'left' });
  page.line(M, y + 4, W - M, y + 4, 0.75);
  return y + 4 + ROW;
}

/** The carrier's copy of what leaves the dock: every carton, totals, the manifest's code as Code 128. */
export function manifestPdf(m: ManifestPdfInput): Uint8Array {
  const doc = new PdfDocument(`Manifest ${printable(m.code, 60)}`);
  const pages: PdfPage[] = [];
  const newPage = (): number => {
    const page = doc.addPage(W, H);
    pages.push(page);
    return header(page, m, pages.length === 1);
  };
  let y = newPage();
  let totalG = 0;
  m.cartons.forEach((c, k) => {
    if (y > BOTTOM) y = newPage();
    const page = pages[pages.length - 1]!;
    totalG += Math.max(0, c.weightG);
    const cells = [
      String(k + 1),
      printable(c.trackingNumber, 40),
      printable(c.sscc, 40),
      printable(c.orderRef, 40),
      printable(c.shipToName, 60),
      printable(c.postalCode, 20),
      (c.weightG / 1000).toFixed(2),
    ];
    COLUMNS.forEach((col, i) => page.text(col.x, y, 8.5, cells[i]!, { maxWidth: col.width, align: col.right ? 'right' : 'left' }));
    y += ROW;
  });
  if (y + 2 * ROW > BOTTOM) y = newPage();
  const last = pages[pages.length - 1]!;
  last.line(M, y - ROW + 4, W - M, y - ROW + 4, 0.75);
  last.text(M, y + 4, 10, `Cartons: ${m.cartons.length}`, { bold: true });
  last.text(M + 160, y + 4, 10, `Total weight: ${weightText(totalG)}`, { bold: true });
  last.text(M, y + 40, 9, 'Driver signature: ______________________________     Date: ______________');

  pages.forEach((page, k) => page.text(W - M, H - 28, 8, `Page ${k + 1} of ${pages.length}`, { align: 'right' }));
  return doc.toBytes();
}
