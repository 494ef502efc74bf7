import { toGtin14 } from './gtin';

/** What every input adapter (wedge, camera, typed) emits. */
export interface RawScan {
  source: 'wedge' | 'camera' | 'keyboard';
  raw: string;
  /** AIM symbology identifier such as `]E0`, when the adapter knows it. */
  symbologyId?: string;
  at: number;
}

/**
 * A calendar date from a GS1 date AI (YYMMDD). `day` is null when the label printed day
 * 00 ("end of the month"); `iso` is then the month's last day.
 */
export interface Gs1Date {
  year: number;
  month: number;
  day: number | null;
  iso: string;
}

/** One Application Identifier and its value, as read. */
export interface Gs1Element {
  ai: string;
  /** The characters after the AI, as printed. */
  raw: string;
  /** Typed value: string for text, number for counts and decimal AIs, Gs1Date for dates. */
  value: string | number | Gs1Date;
  /** For decimal measures (310n, 320n...): 'kg', 'lb', 'm', 'm2', 'l'... */
  unit?: string;
}

/**
 * The GS1 data of one scan. The named fields are shortcuts into `elements` for what the
 * floor uses; `elements` keeps everything, in the order it was read.
 */
export interface Gs1Data {
  elements: Gs1Element[];
  sscc?: string;
  gtin14?: string;
  /** AI 02: GTIN of the trade items inside a logistic unit. */
  contentGtin14?: string;
  lot?: string;
  serial?: string;
  /** ISO dates (yyyy-mm-dd). */
  expiry?: string;
  bestBefore?: string;
  productionDate?: string;
  packDate?: string;
  /** AI 30 (variable count) or 37 (count of trade items in a logistic unit). */
  count?: number;
  netWeightKg?: number;
  netWeightLb?: number;
  shipToGln?: string;
}

/** Something the worker should confirm before the scan is accepted. */
export interface ScanWarning {
  /** An ErrorCode-style code, e.g. GS1_SEPARATOR_MAYBE_LOST. */
  code: string;
  /** The AI whose variable-length value looks like it swallowed another AI. */
  ai?: string;
  /** The value as read. */
  value?: string;
  /** The AI the value seems to contain, e.g. '17'. */
  suspectAi?: string;
}

export type ScanResult =
  /** A trade item: any GTIN print form, or GS1 data holding AI 01. */
  | { kind: 'gtin'; gtin14: string; text: string; symbologyId: string | null; gs1: Gs1Data | null; warnings: readonly ScanWarning[] }
  /** A logistic unit: AI 00. */
  | { kind: 'sscc'; sscc: string; text: string; symbologyId: string | null; gs1: Gs1Data; warnings: readonly ScanWarning[] }
  /** Valid GS1 data with neither a GTIN nor an SSCC (e.g. only 410 ship-to). */
  | { kind: 'gs1'; text: string; symbologyId: string | null; gs1: Gs1Data; warnings: readonly ScanWarning[] }
  /** A plain code: bin, tote, carton, badge, SKU code. */
  | { kind: 'code'; text: string; symbologyId: string | null }
  /** GS1 data that cannot be trusted (bad check digit, impossible date, unknown AI...). Refuse it. */
  | { kind: 'invalid'; code: string; text: string; symbologyId: string | null; detail?: string }
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
    if (g) return { kind: 'gtin', gtin14: g, text, symbologyId: sym, gs1: null, warnings: [] };
  }
  const gs1Symbology = sym === ']C1' || sym === ']d2' || sym === ']Q3' || sym === ']e0';
  if (gs1Symbology && /^01\d{14}/.test(text)) {
    const g = toGtin14(text.slice(2, 16));
    if (g) return { kind: 'gtin', gtin14: g, text, symbologyId: sym, gs1: null, warnings: [] };
  }
  if (/^\d+$/.test(text)) {
    // ]E0 with 8 digits is UPC-E (EAN-8 reports ]E4).
    const g = toGtin14(text, { upce: sym === ']E0' && text.length === 8 });
    if (g) return { kind: 'gtin', gtin14: g, text, symbologyId: sym, gs1: null, warnings: [] };
  }
  return { kind: 'code', text, symbologyId: sym };
}

/** Does a scan identify this SKU? GTIN-14 against its GS1 barcodes, text against its codes. */
export function scanMatchesSku(
  scan: ScanResult,
  sku: { code: string; barcodes: readonly { value: string; kind: string; packQty: number }[] },
): { packQty: number } | null {
  if (scan.kind === 'empty' || scan.kind === 'invalid') return null;
  if (scan.kind === 'sscc' || scan.kind === 'gs1') return null;
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
