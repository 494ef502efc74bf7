import type { BarcodeFormat } from './types';

/** ASCII 29, the GS1 variable-length field separator (what FNC1 means inside the data). */
export const GS = '\x1d';

/**
 * AIM symbology identifier for a format when the engine cannot tell us the modifier.
 * The modifier matters only where it says "GS1": callers pass `gs1` for those.
 */
export function aimIdentifier(format: BarcodeFormat, gs1 = false): string {
  switch (format) {
    case 'code_128':
      return gs1 ? ']C1' : ']C0';
    case 'code_39':
      return ']A0';
    case 'itf':
      return ']I0';
    case 'ean_13':
    case 'upc_a':
    case 'upc_e':
      return ']E0';
    case 'ean_8':
      return ']E4';
    case 'data_matrix':
      return gs1 ? ']d2' : ']d1';
    case 'qr_code':
      return gs1 ? ']Q3' : ']Q1';
  }
}

/** Identifiers whose data is GS1 element strings. */
export function isGs1Identifier(symbologyId: string): boolean {
  return symbologyId === ']C1' || symbologyId === ']d2' || symbologyId === ']Q3' || symbologyId === ']e0';
}

/**
 * One shape for GS1 text whatever the engine: the leading FNC1 is carried by the
 * symbology identifier, so a leading GS (or a "]C1"-style prefix some engines put in the
 * text) is dropped; inner GS separators stay as 0x1D.
 */
export function normaliseGs1Text(text: string): string {
  let t = text;
  if (/^\][A-Za-z]\d/.test(t)) t = t.slice(3);
  while (t.startsWith(GS)) t = t.slice(1);
  return t;
}
