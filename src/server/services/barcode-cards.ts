import * as bwip from 'bwip-js';

/** The demo barcode sheet's pieces: escaped text, a barcode as SVG, a captioned card. */

// @types/bwip-js describes v3, which had no SVG output; v4 (installed) exports toSVG.
const toSVG = (bwip as unknown as { toSVG(opts: Record<string, unknown>): string }).toSVG;

export const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function svg(bcid: string, text: string): string {
  try {
    return toSVG({ bcid, text, scale: 2, height: 10, includetext: true, textxalign: 'center' });
  } catch {
    return `<span class="bad">cannot draw ${esc(text)}</span>`;
  }
}

/** GTIN-14 as printed on the pack: EAN-13, or UPC-A when it is a 12-digit GTIN. */
export function unitSymbol(gtin14: string): { bcid: string; text: string } {
  if (gtin14.startsWith('00')) return { bcid: 'upca', text: gtin14.slice(2) };
  if (gtin14.startsWith('0')) return { bcid: 'ean13', text: gtin14.slice(1) };
  return { bcid: 'itf14', text: gtin14 };
}

export const card = (title: string, body: string, sub = '') =>
  `<figure class="card"><figcaption><b>${esc(title)}</b>${sub ? `<br><small>${esc(sub)}</small>` : ''}</figcaption>${body}</figure>`;
