/**
 * Windows Alt+numpad codes, as some scanner firmware sends every character (or just the
 * GS separator: Alt+029 / Alt+0029). With a leading 0 the code is Windows-1252; without,
 * the old OEM code page 437. Below 128 both are ASCII, control characters included.
 */
const CP437_HIGH =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0';
/** Windows-1252 0x80-0x9F; the rest of its upper half is Latin-1. Unassigned slots map to themselves. */
const CP1252_C1 =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** The character an Alt+numpad digit string stands for, or null for none (Alt+0). */
export function fromAltCode(digits: string): string | null {
  if (!/^\d+$/.test(digits)) return null;
  // Windows takes the code modulo 256.
  const v = Number(digits) % 256;
  if (v === 0) return null;
  if (v < 128) return String.fromCharCode(v);
  if (digits.startsWith('0')) return v < 160 ? CP1252_C1[v - 128]! : String.fromCharCode(v);
  return CP437_HIGH[v - 128]!;
}

export const ALT_CODE_TABLES = { CP437_HIGH, CP1252_C1 };
