/** GS1 mod-10 check digit of the digits before it (GTIN-8/12/13/14, SSCC). */
export function gs1CheckDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const d = body.charCodeAt(body.length - 1 - i) - 48;
    sum += i % 2 === 0 ? d * 3 : d;
  }
  return (10 - (sum % 10)) % 10;
}

export function hasValidCheckDigit(digits: string): boolean {
  if (!/^\d{2,}$/.test(digits)) return false;
  return gs1CheckDigit(digits.slice(0, -1)) === Number(digits[digits.length - 1]);
}

/** UPC-E (8 digits with number system and check digit) expanded to UPC-A. */
export function upcEToUpcA(upce: string): string | null {
  if (!/^[01]\d{7}$/.test(upce)) return null;
  const [ns, d1, d2, d3, d4, d5, d6, check] = upce.split('');
  let body: string;
  switch (d6) {
    case '0':
    case '1':
    case '2':
      body = `${ns}${d1}${d2}${d6}0000${d3}${d4}${d5}`;
      break;
    case '3':
      body = `${ns}${d1}${d2}${d3}00000${d4}${d5}`;
      break;
    case '4':
      body = `${ns}${d1}${d2}${d3}${d4}00000${d5}`;
      break;
    default:
      body = `${ns}${d1}${d2}${d3}${d4}${d5}0000${d6}`;
  }
  return body + check;
}

/**
 * Any GTIN form (8, 12, 13 or 14 digits) padded to GTIN-14, or null when it is not a
 * GTIN with a valid check digit. UPC-E only when the symbology says so (`upce`), since
 * eight digits alone are read as GTIN-8.
 */
export function toGtin14(digits: string, opts: { upce?: boolean } = {}): string | null {
  let d = digits;
  if (opts.upce) {
    const a = upcEToUpcA(d);
    if (!a) return null;
    d = a;
  }
  if (!/^\d+$/.test(d) || ![8, 12, 13, 14].includes(d.length)) return null;
  if (!hasValidCheckDigit(d)) return null;
  return d.padStart(14, '0');
}
