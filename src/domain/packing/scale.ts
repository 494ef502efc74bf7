/**
 * Reading a bench scale's serial output (Web Serial on the device). Scales stream one
 * line per reading in a handful of common shapes; anything else, and anything the scale
 * itself flags as wrong (overload, negative, busy), is null so the packer types the
 * weight instead. The reading is whole grams, as the pack confirmation records it.
 */

export interface ScaleReading {
  grams: number;
  /** False while the scale says the load is still moving; confirm only a stable weight. */
  stable: boolean;
}

const GRAMS_PER: Record<string, number> = {
  g: 1,
  kg: 1000,
  lb: 453.59237,
  lbs: 453.59237,
  oz: 28.349523125,
};

// Optional sign, a decimal number (leading zeros and spaces as scales pad them), a unit.
const VALUE = /^([+-]?)\s*(\d+(?:\.\d*)?|\.\d+)\s*([a-z]+)$/i;

/** "+  1.234kg", "1234 g", "2.50 lb" -> grams, or null for a negative, unitless or unknown value. */
function grams(text: string): number | null {
  const m = VALUE.exec(text.trim());
  if (!m) return null;
  const [, sign, digits, unit] = m;
  const factor = GRAMS_PER[unit!.toLowerCase()];
  if (factor === undefined || sign === '-') return null;
  const g = Math.round(Number(digits) * factor);
  return Number.isSafeInteger(g) ? g : null;
}

// "ST,GS,+  1.234kg" (CAS and many OEM indicators) and "ST,+001.234 kg" (A&D): status,
// an optional gross/net/tare field, then the value. ST is stable, US unstable, OL overload.
const HEADED = /^(ST|US|OL|QT)\s*,\s*(?:(?:GS|NT|TR|G|N|T)\s*,\s*)?(.*)$/i;

// Mettler Toledo MT-SICS: "S S     1.234 kg" (stable), "S D ..." (dynamic); "S I" busy,
// "S +" / "S -" over or under range.
const SICS = /^S\s+([SD])\s+(.*)$/;

/** A scale's output line as a reading, or null when it is not a usable weight. */
export function parseScaleLine(line: string): ScaleReading | null {
  const text = line.replace(/[\r\n\0]/g, '').trim();
  if (text.length === 0 || text.length > 64) return null;

  const sics = SICS.exec(text);
  if (sics) {
    const g = grams(sics[2]!);
    return g === null ? null : { grams: g, stable: sics[1] === 'S' };
  }
  if (/^S\s/.test(text)) return null;

  const headed = HEADED.exec(text);
  if (headed) {
    const status = headed[1]!.toUpperCase();
    if (status !== 'ST' && status !== 'US') return null;
    const g = grams(headed[2]!);
    return g === null ? null : { grams: g, stable: status === 'ST' };
  }

  // A bare value: scales that print only on a stable weight (or on request) use this.
  const g = grams(text);
  return g === null ? null : { grams: g, stable: true };
}
