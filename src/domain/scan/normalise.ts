import { ErrorCode } from '../errors';
import { parseBracketed, parseElementString, toBracketed } from './gs1-parse';
import { toGtin14 } from './gtin';
import { decideForm, readPrefix } from './scan-form';

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

export interface NormaliseOptions {
  /** A printable character the scanner sends in place of GS (scanner settings), e.g. '~'. */
  gsSubstitute?: string | null;
  /** Anchors the GS1 century window for two-digit years; defaults to now. */
  today?: Date;
}

/**
 * Turns a raw scan into a typed result. The symbology decides how the content is read
 * (design §6: route by symbology, never by content alone); `decideForm` documents the
 * one exception, GS1 data in a Code 128 that reached us without an AIM prefix.
 */
export function normaliseScan(scan: RawScan, opts: NormaliseOptions = {}): ScanResult {
  const read = readPrefix(scan);
  if (read.text === '' && !read.fnc1) return { kind: 'empty' };
  const today = opts.today ?? new Date();
  const form = decideForm(read, opts.gsSubstitute ?? null, today);
  const sym = read.sym;
  switch (form.kind) {
    case 'gtin':
      return gtinForm(form.digits, sym, form.upce);
    case 'gs1': {
      const parsed = form.bracketed ? parseBracketed(form.text, today) : parseElementString(form.text, today);
      if (!parsed.ok) return { kind: 'invalid', code: parsed.code, text: read.text, symbologyId: sym, detail: parsed.detail };
      return fromGs1(parsed.data, parsed.warnings, sym);
    }
    case 'code':
      if (read.text === '') return { kind: 'empty' };
      return { kind: 'code', text: read.text, symbologyId: sym };
  }
}

function fromGs1(gs1: Gs1Data, warnings: readonly ScanWarning[], sym: string | null): ScanResult {
  const text = toBracketed(gs1);
  // A logistic unit label may also carry AI 02 (its content) or even 01; it is still the unit.
  if (gs1.sscc) return { kind: 'sscc', sscc: gs1.sscc, text, symbologyId: sym, gs1, warnings };
  if (gs1.gtin14) return { kind: 'gtin', gtin14: gs1.gtin14, text, symbologyId: sym, gs1, warnings };
  return { kind: 'gs1', text, symbologyId: sym, gs1, warnings };
}

function gtinForm(text: string, sym: string | null, upce: boolean): ScanResult {
  const g = toGtin14(text, { upce });
  if (g) return { kind: 'gtin', gtin14: g, text, symbologyId: sym, gs1: null, warnings: [] };
  return { kind: 'invalid', code: ErrorCode.BAD_CHECK_DIGIT, text, symbologyId: sym };
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
