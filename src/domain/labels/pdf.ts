import type { LabelModel } from '../packing/types';
import { encodeCode128 } from './code128';
import { addressLines, cartonText, ssccElement, ssccText, trackingBarcodeData, weightText } from './label-model';
import { PdfDocument, type PdfPage } from './pdf-writer';

export { manifestPdf, type ManifestPdfInput } from './manifest-pdf';

/** 4 x 6 in, in points: the same label stock as the ZPL, for office printers and e-mail. */
const W = 288;
const H = 432;
const M = 10;
const INNER = W - 2 * M;
/** Each side of a Code 128 symbol needs 10 modules of white. */
const QUIET = 10;

/** Draws a Code 128 symbol centred across the label, modules at most `maxModule` points wide. */
export function drawCode128(page: PdfPage, x: number, y: number, width: number, height: number, widths: readonly number[], maxModule = 1.1): void {
  const modules = widths.reduce((a, b) => a + b, 0);
  const module = Math.min(maxModule, width / (modules + 2 * QUIET));
  page.barcode(x + (width - modules * module) / 2, y, widths, module, height);
}

function drawLabel(page: PdfPage, m: LabelModel): void {
  page.text(M, 18, 7, 'FROM', { bold: true });
  addressLines(m.shipFrom).forEach((line, k) => page.text(M, 29 + k * 9.5, 8, line, { maxWidth: INNER }));
  page.line(M, 76, W - M, 76, 1);

  page.text(M, 88, 8, 'SHIP TO', { bold: true });
  const [name = '', ...rest] = addressLines(m.shipTo);
  page.text(M, 107, 18, name, { bold: true, maxWidth: INNER });
  rest.forEach((line, k) => page.text(M, 126 + k * 17, 14, line, { maxWidth: INNER }));
  page.line(M, 192, W - M, 192, 1);

  const col = 156;
  page.text(M, 216, 22, m.carrier, { bold: true, maxWidth: col - M - 6 });
  page.text(M, 234, 11, m.service, { maxWidth: col - M - 6 });
  const right = { maxWidth: W - M - col };
  page.text(col, 206, 9.5, weightText(m.weightG), right);
  page.text(col, 219, 9.5, cartonText(m), { ...right, bold: true });
  page.text(col, 232, 9.5, `Order ${m.orderRef}`, right);
  page.text(col, 245, 9.5, m.date, right);
  page.line(M, 254, W - M, 254, 1);

  page.text(M, 265, 8, 'TRACKING #', { bold: true });
  const tracking = trackingBarcodeData(m.trackingNumber);
  if (tracking) drawCode128(page, M, 270, INNER, 46, encodeCode128(tracking));
  page.text(W / 2, 329, 11, tracking, { bold: true, align: 'center' });
  page.line(M, 338, W - M, 338, 1);

  page.text(M, 349, 8, 'SSCC', { bold: true });
  if (/^\d{18}$/.test(m.sscc)) drawCode128(page, M, 354, INNER, 50, encodeCode128(ssccElement(m.sscc), { gs1: true }));
  page.text(W / 2, 418, 11, ssccText(m.sscc), { bold: true, align: 'center' });
}

/** One 4 x 6 in page per carton, the same fields as `labelsZpl`. */
export function labelsPdf(models: readonly LabelModel[]): Uint8Array {
  const doc = new PdfDocument(models.length === 1 ? `Label ${models[0]!.trackingNumber}` : 'Labels');
  for (const m of models) drawLabel(doc.addPage(W, H), m);
  return doc.toBytes();
}
