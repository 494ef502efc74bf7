import type { LabelModel } from '../packing/types';
import { addressLines, cartonText, ssccElement, ssccText, trackingBarcodeData, weightText } from './label-model';

/**
 * ZPL II for a 4 x 6 in label on a 203 dpi thermal printer (812 x 1218 dots). Text fields
 * go through ^FH with `_xx` escapes so data can never end a field (^) or issue a control
 * command (~): a customer's name like "^XZ~JA" prints as written instead of cancelling jobs.
 */

const WIDTH = 812;
const HEIGHT = 1218;
const LEFT = 30;
const INNER = WIDTH - 2 * LEFT;

const utf8 = new TextEncoder();

/** Field data for ^FH_ : every byte outside printable ASCII, and ^ ~ _, as _XX of its UTF-8. */
export function zplEscape(text: string): string {
  let out = '';
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c >= 0x20 && c < 0x7f && ch !== '^' && ch !== '~' && ch !== '_') out += ch;
    else for (const b of utf8.encode(ch)) out += '_' + b.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

/**
 * Shortens text to what fits across `widthDots` in font 0 at height `h` (its glyphs average
 * about half the height). ^FB would wrap and clip, but it also reads backslashes as
 * commands, so text stays in plain fields and is cut here.
 */
function fit(text: string, h: number, widthDots: number): string {
  const max = Math.max(1, Math.floor(widthDots / (h * 0.5)));
  const chars = [...text];
  return chars.length <= max ? text : chars.slice(0, max - 1).join('') + '…';
}

function field(x: number, y: number, h: number, text: string, widthDots = INNER): string {
  return `^FO${x},${y}^A0N,${h},${h}^FH_^FD${zplEscape(fit(text, h, widthDots))}^FS`;
}

function rule(y: number): string {
  return `^FO${LEFT},${y}^GB${INNER},3,3^FS`;
}

/** One label, ^XA to ^XZ. */
export function labelZpl(m: LabelModel): string {
  const z: string[] = ['^XA', '^CI28', `^PW${WIDTH}`, `^LL${HEIGHT}`, '^LH0,0'];

  z.push(field(LEFT, 30, 24, 'FROM'));
  addressLines(m.shipFrom).forEach((line, k) => z.push(field(LEFT, 60 + k * 28, 26, line)));
  z.push(rule(210));

  z.push(field(LEFT, 228, 26, 'SHIP TO'));
  const [name = '', ...rest] = addressLines(m.shipTo);
  z.push(field(LEFT, 262, 54, name));
  rest.forEach((line, k) => z.push(field(LEFT, 330 + k * 50, 42, line)));
  z.push(rule(540));

  const col = 440;
  z.push(field(LEFT, 560, 70, m.carrier, col - LEFT - 20));
  z.push(field(LEFT, 640, 34, m.service, col - LEFT - 20));
  z.push(field(col, 560, 30, weightText(m.weightG), WIDTH - col - LEFT));
  z.push(field(col, 600, 30, cartonText(m), WIDTH - col - LEFT));
  z.push(field(col, 640, 30, `Order ${m.orderRef}`, WIDTH - col - LEFT));
  z.push(field(col, 680, 30, m.date, WIDTH - col - LEFT));
  z.push(rule(720));

  z.push(field(LEFT, 738, 26, 'TRACKING #'));
  // Interpretation line under the bars: the printer prints exactly the encoded data, which
  // is letters and digits only, so never a ^BC invocation code (>).
  z.push(`^FO60,775^BY3^BCN,140,Y,N,N,A^FD${trackingBarcodeData(m.trackingNumber)}^FS`);
  z.push(rule(960));

  z.push(field(LEFT, 975, 26, 'SSCC'));
  // GS1-128: >; starts set C, >8 is FNC1, then AI 00 and the 18 digits.
  if (/^\d{18}$/.test(m.sscc)) z.push(`^FO60,1005^BY3^BCN,140,N,N,N,N^FD>;>8${ssccElement(m.sscc)}^FS`);
  z.push(field(60, 1155, 34, ssccText(m.sscc)));

  z.push('^XZ');
  return z.join('\n') + '\n';
}

/** Every carton's label in one job, in order. */
export function labelsZpl(models: readonly LabelModel[]): string {
  return models.map(labelZpl).join('');
}
