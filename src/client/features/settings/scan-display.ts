import type { Terminator } from '../../scan/burst-detector';

/**
 * Pure helpers for showing a scan as it arrived: control characters become named tokens
 * (a GS is invisible otherwise, and its absence is the most common scanner fault).
 */
export type RawToken = { kind: 'text'; text: string } | { kind: 'control'; name: string; code: number; terminator?: boolean };

const C0 = ['NUL', 'SOH', 'STX', 'ETX', 'EOT', 'ENQ', 'ACK', 'BEL', 'BS', 'TAB', 'LF', 'VT', 'FF', 'CR', 'SO', 'SI', 'DLE', 'DC1', 'DC2', 'DC3', 'DC4', 'NAK', 'SYN', 'ETB', 'CAN', 'EM', 'SUB', 'ESC', 'FS', 'GS', 'RS', 'US'];

function controlName(code: number): string | null {
  if (code < 0x20) return C0[code]!;
  if (code === 0x7f) return 'DEL';
  return null;
}

/** The raw text as runs of printable text and control tokens, then the terminator's keys. */
export function rawTokens(raw: string, terminator?: Terminator): RawToken[] {
  const out: RawToken[] = [];
  let text = '';
  for (const ch of raw) {
    const code = ch.codePointAt(0)!;
    const name = controlName(code);
    if (name === null) {
      text += ch;
      continue;
    }
    if (text) out.push({ kind: 'text', text });
    text = '';
    out.push({ kind: 'control', name, code });
  }
  if (text) out.push({ kind: 'text', text });
  const end: Record<Terminator, [string, number][]> = { enter: [['CR', 13]], tab: [['TAB', 9]], crlf: [['CR', 13], ['LF', 10]], none: [] };
  if (terminator) for (const [name, code] of end[terminator]) out.push({ kind: 'control', name, code, terminator: true });
  return out;
}

const AIM = /^\][A-Za-z][0-9A-Za-z]/;

/** The AIM symbology identifier a raw scan starts with, if any. */
export function aimPrefix(raw: string): string | null {
  return AIM.exec(raw)?.[0] ?? null;
}

const EXACT: Record<string, string> = {
  ']C1': 'GS1-128',
  ']d2': 'GS1 DataMatrix',
  ']Q3': 'GS1 QR Code',
  ']e0': 'GS1 DataBar',
  ']E0': 'EAN-13 / UPC',
  ']E4': 'EAN-8',
  ']J1': 'GS1 DotCode',
};
const FAMILY: Record<string, string> = {
  A: 'Code 39',
  C: 'Code 128',
  d: 'Data Matrix',
  E: 'EAN / UPC',
  e: 'GS1 DataBar',
  F: 'Codabar',
  G: 'Code 93',
  I: 'Interleaved 2 of 5',
  L: 'PDF417',
  Q: 'QR Code',
  U: 'MaxiCode',
  z: 'Aztec',
};

/** A person's name for an AIM identifier ("]C1" → "GS1-128"); null when unknown. Product names: not translated. */
export function symbologyName(aim: string): string | null {
  return EXACT[aim] ?? FAMILY[aim.charAt(1)] ?? null;
}
