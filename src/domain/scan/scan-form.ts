import { aiAt } from './gs1-ai-table';
import { GS, parseElementString } from './gs1-parse';
import { hasValidCheckDigit, toGtin14 } from './gtin';
import type { RawScan } from './normalise';

/** A scan with its AIM prefix and FNC1 taken off. */
export interface Prefixed {
  /** The content as read (no AIM prefix, no leading FNC1, no terminator). */
  text: string;
  /** AIM symbology identifier from the content or the adapter, e.g. `]C1`; null when unknown. */
  sym: string | null;
  /** The content began with FNC1 (0x1D), which only GS1 symbologies put there. */
  fnc1: boolean;
}

const AIM = /^\][A-Za-z][0-9A-Za-z]/;

export function readPrefix(scan: RawScan): Prefixed {
  let text = scan.raw.replace(/[\r\n\t]+$/, '').trim();
  let sym = scan.symbologyId ?? null;
  const aim = AIM.exec(text);
  if (aim) {
    sym = aim[0];
    text = text.slice(3);
  }
  const fnc1 = text.startsWith(GS);
  if (fnc1) text = text.slice(1);
  return { text, sym, fnc1 };
}

/** AIM identifiers of symbologies that carry GS1 element strings (FNC1 in first position). */
const GS1_SYMBOLOGIES = new Set([']C1', ']e0', ']e1', ']e2', ']d2', ']Q3', ']J1']);
/** EAN/UPC: ]E0 EAN-13, UPC-A and UPC-E; ]E4 EAN-8; ]E3 EAN-13 with an add-on. */
const EAN_UPC = new Set([']E0', ']E3', ']E4']);
const ITF = new Set([']I0', ']I1']);
/** Plain Code 128, Data Matrix and QR: they can hold GS1 data printed or read without FNC1. */
const GS1_CAPABLE = new Set([']C0', ']d1', ']Q1']);

export type Form =
  | { kind: 'gtin'; digits: string; upce: boolean }
  | { kind: 'gs1'; text: string; bracketed: boolean }
  | { kind: 'code' };

const HRI = /^\(\d{2,4}\)/;

/**
 * How to read a scan. The symbology decides whenever the scanner tells us (an AIM prefix
 * or the camera's format). Without one, only these are read as more than a plain code:
 * - 12 to 14 digits: a GTIN, refused when its check digit is wrong;
 * - 8 digits with a valid check digit: a GTIN-8 (otherwise a plain number, e.g. a badge);
 * - `(AI)value...` human-readable GS1;
 * - a Code 128 whose AIM prefix was lost but whose content is unmistakably GS1 (see
 *   `looksLikeGs1`). The same test applies to content reported as plain Code 128, Data
 *   Matrix or QR (]C0, ]d1, ]Q1).
 */
export function decideForm(p: Prefixed, gsSubstitute: string | null, today: Date): Form {
  const { text, sym } = p;
  // The substitute only ever stands for GS inside GS1 data; a bin label keeps its '-'.
  let gsText = gsSubstitute ? text.split(gsSubstitute).join(GS) : text;
  let fnc1 = p.fnc1;
  if (!fnc1 && gsText.startsWith(GS)) {
    fnc1 = true;
    gsText = gsText.slice(1);
  }
  const digits = /^\d+$/.test(text);

  if (sym && EAN_UPC.has(sym)) {
    if (!digits) return { kind: 'code' };
    // The add-on (2 or 5 digits after an EAN-13) is an issue or price number, not the item.
    const main = sym === ']E3' && (text.length === 15 || text.length === 18) ? text.slice(0, 13) : text;
    return { kind: 'gtin', digits: main, upce: sym === ']E0' && text.length === 8 };
  }
  if (sym && ITF.has(sym)) return digits && text.length === 14 ? { kind: 'gtin', digits: text, upce: false } : { kind: 'code' };
  if ((sym && GS1_SYMBOLOGIES.has(sym)) || fnc1) {
    return { kind: 'gs1', text: gsText, bracketed: HRI.test(gsText) };
  }
  if (HRI.test(text)) return { kind: 'gs1', text, bracketed: true };
  if (sym) {
    // A plain symbology (]C0 Code 128, ]d1 Data Matrix, ]Q1 QR...) that holds a valid GTIN
    // is that GTIN; any other content, bad check digit included, is just a code...
    if (digits && toGtin14(text)) return { kind: 'gtin', digits: text, upce: false };
    // ...unless it is unmistakably GS1: a camera without symbology identifiers (native
    // BarcodeDetector) reports GS1 data whose only FNC1 was the leading one as plain.
    if (GS1_CAPABLE.has(sym) && looksLikeGs1(gsText, today)) return { kind: 'gs1', text: gsText, bracketed: false };
    return { kind: 'code' };
  }
  if (digits && text.length >= 12 && text.length <= 14) return { kind: 'gtin', digits: text, upce: false };
  if (digits && text.length === 8 && hasValidCheckDigit(text)) return { kind: 'gtin', digits: text, upce: false };
  if (looksLikeGs1(gsText, today)) return { kind: 'gs1', text: gsText, bracketed: false };
  return { kind: 'code' };
}

/**
 * GS1 data read without an AIM prefix (a scanner set not to send one): the content is GS1
 * only if it starts with AI 00, 01 or 02 whose whole fixed value is digits with a valid
 * check digit (one chance in a thousand for a random number, none for `A-03-2-B` or
 * `T0001`); or if it holds a GS (or the configured substitute) and the whole of it parses
 * as valid GS1 data, so a bin `10-03-2` read with '-' as the substitute stays a bin.
 */
export function looksLikeGs1(text: string, today: Date): boolean {
  const head = text.slice(0, 2);
  const fixedLength = head === '00' ? 18 : head === '01' || head === '02' ? 14 : 0;
  if (fixedLength) {
    const value = text.slice(2, 2 + fixedLength);
    // Longer than a bare GTIN-14, which 14 digits alone would be.
    if (value.length === fixedLength && /^\d+$/.test(value) && hasValidCheckDigit(value)) return true;
  }
  return text.includes(GS) && aiAt(text) !== null && parseElementString(text, today, { warn: false }).ok;
}
