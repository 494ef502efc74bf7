import { toGtin14 } from './gtin';

/** What every input adapter (wedge, camera, typed) emits. */
export interface RawScan {
  source: 'wedge' | 'camera' | 'keyboard';
  raw: string;
  /** AIM symbology identifier such as `]E0`, when the adapter knows it. */
  symbologyId?: string;
  at: number;
}

export type ScanResult =
  | { kind: 'gtin'; gtin14: string; text: string; symbologyId: string | null }
  | { kind: 'code'; text: string; symbologyId: string | null }
  | { kind: 'empty' };

const AIM = /^\](?:[A-Za-z][0-9A-Za-z])/;
const GS = '\u001d';

/**
 * Turns a raw scan into a typed result. This is the seam the full GS1 parser plugs into
 * (lot, expiry, SSCC, weights); today it understands AIM prefixes, GTIN in every print
 * form, `(01)` human-readable and unbracketed AI 01 from GS1 symbologies.
 */
export function normaliseScan(scan: RawScan): ScanResult {
  let text = scan.raw.replace(/[\r\n\t]+$/g, '');
  let sym = scan.symbologyId ?? null;
  const aim = AIM.exec(text);
  if (aim) {
    sym = aim[0];
    text = text.slice(3);
  }
  if (text.startsWith(GS)) text = text.slice(1); // FNC1 in first position
  text = text.trim();
  if (text === '') return { kind: 'empty' };

  const human = /^\(01\)(\d{14})/.exec(text);
  if (human) {
    const g = toGtin14(human[1]!);
    if (g) return { kind: 'gtin', gtin14: g, text, symbologyId: sym };
  }
  const gs1Symbology = sym === ']C1' || sym === ']d2' || sym === ']Q3' || sym === ']e0';
  if (gs1Symbology && /^01\d{14}/.test(text)) {
    const g = toGtin14(text.slice(2, 16));
    if (g) return { kind: 'gtin', gtin14: g, text, symbologyId: sym };
  }
  if (/^\d+$/.test(text)) {
    // ]E0 with 8 digits is UPC-E (EAN-8 reports ]E4).
    const g = toGtin14(text, { upce: sym === ']E0' && text.length === 8 });
    if (g) return { kind: 'gtin', gtin14: g, text, symbologyId: sym };
  }
  return { kind: 'code', text, symbologyId: sym };
}

/** Does a scan identify this SKU? GTIN-14 against its GS1 barcodes, text against its codes. */
export function scanMatchesSku(
  scan: ScanResult,
  sku: { code: string; barcodes: readonly { value: string; kind: string; packQty: number }[] },
): { packQty: number } | null {
  if (scan.kind === 'empty') return null;
  if (scan.kind === 'gtin') {
    const b = sku.barcodes.find((x) => x.value === scan.gtin14);
    return b ? { packQty: b.packQty } : null;
  }
  const t = scan.text.toUpperCase();
  if (sku.code.toUpperCase() === t) return { packQty: 1 };
  const b = sku.barcodes.find((x) => x.value.toUpperCase() === t);
  return b ? { packQty: b.packQty } : null;
}

/** Bin, tote and badge labels compare case-insensitively and ignore surrounding blanks. */
export function sameCode(a: string, b: string): boolean {
  return a.trim().toUpperCase() === b.trim().toUpperCase();
}
