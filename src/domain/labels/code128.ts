/**
 * Code 128 (ISO/IEC 15417) and GS1-128, drawn by Tote itself so the PDF labels need no
 * barcode library and the ZPL and PDF bars come from the same symbol values.
 */

/**
 * Bar/space widths of symbol values 0..105 (six elements, 11 modules each, bar first)
 * and the stop pattern (106) with its final bar: seven elements, 13 modules.
 */
export const CODE128_PATTERNS: readonly string[] = [
  '212222', '222122', '222221', '121223', '121322', '131222', '122213', '122312', '132212', '221213',
  '221312', '231212', '112232', '122132', '122231', '113222', '123122', '123221', '223211', '221132',
  '221231', '213212', '223112', '312131', '311222', '321122', '321221', '312212', '322112', '322211',
  '212123', '212321', '232121', '111323', '131123', '131321', '112313', '132113', '132311', '211313',
  '231113', '231311', '112133', '112331', '132131', '113123', '113321', '133121', '313121', '211331',
  '231131', '213113', '213311', '213131', '311123', '311321', '331121', '312113', '312311', '332111',
  '314111', '221411', '431111', '111224', '111422', '121124', '121421', '141122', '141221', '112214',
  '112412', '122114', '122411', '142112', '142211', '241211', '221114', '413111', '241112', '134111',
  '111242', '121142', '121241', '114212', '124112', '124211', '411212', '421112', '421211', '212141',
  '214121', '412121', '111143', '111341', '131141', '114113', '114311', '411113', '411311', '113141',
  '114131', '311141', '411131', '211412', '211214', '211232', '2331112',
];

export const FNC1 = 102;
export const START_A = 103;
export const START_B = 104;
export const START_C = 105;
export const STOP = 106;
/** Group separator: in GS1 data it ends a variable-length field and is encoded as FNC1. */
export const GS = '\u001d';

type CodeSet = 'A' | 'B' | 'C';
const SETS: readonly CodeSet[] = ['B', 'C', 'A'];
const START: Record<CodeSet, number> = { A: START_A, B: START_B, C: START_C };
// "CODE x" switch values differ per current set only for the set you are leaving.
const SWITCH_TO: Record<CodeSet, number> = { A: 101, B: 100, C: 99 };

/** One thing to encode: an ASCII character, a digit pair (set C only), or FNC1. */
type Token = { kind: 'fnc1' } | { kind: 'char'; code: number };

function isDigit(code: number | undefined): boolean {
  return code !== undefined && code >= 48 && code <= 57;
}

/** The symbol value of the token at `i` in `set`, and how many characters it uses; null if it cannot. */
function valueIn(set: CodeSet, tokens: readonly Token[], i: number): { value: number; used: number } | null {
  const t = tokens[i]!;
  if (t.kind === 'fnc1') return { value: FNC1, used: 1 };
  const c = t.code;
  if (set === 'C') {
    const next = tokens[i + 1];
    if (isDigit(c) && next?.kind === 'char' && isDigit(next.code)) return { value: (c - 48) * 10 + (next.code - 48), used: 2 };
    return null;
  }
  if (set === 'A') return c < 32 ? { value: c + 64, used: 1 } : c < 96 ? { value: c - 32, used: 1 } : null;
  return c >= 32 && c < 128 ? { value: c - 32, used: 1 } : null;
}

function tokenize(data: string, gs1: boolean): Token[] {
  const tokens: Token[] = gs1 ? [{ kind: 'fnc1' }] : [];
  for (const ch of data) {
    const code = ch.codePointAt(0)!;
    if (gs1 && ch === GS) tokens.push({ kind: 'fnc1' });
    else if (code > 127) throw new RangeError(`Code 128 cannot encode ${JSON.stringify(ch)} (U+${code.toString(16).toUpperCase()})`);
    else tokens.push({ kind: 'char', code });
  }
  return tokens;
}

/**
 * Symbol values from start code to check symbol (no stop): the fewest symbols over every
 * way of switching between sets A, B and C (shortest path over position x set). Set B is
 * preferred on ties, then staying in the current set, so plain text reads as plain text.
 */
export function code128Values(data: string, opts: { gs1?: boolean } = {}): number[] {
  const tokens = tokenize(data, opts.gs1 === true);
  const n = tokens.length;
  // cost[i][s]: symbols to encode tokens[i..] already in set s.
  const cost: Record<CodeSet, number>[] = Array.from({ length: n + 1 }, () => ({ A: Infinity, B: Infinity, C: Infinity }));
  cost[n] = { A: 0, B: 0, C: 0 };
  const stay = (i: number, s: CodeSet): number => {
    const v = valueIn(s, tokens, i);
    return v ? 1 + cost[i + v.used]![s] : Infinity;
  };
  for (let i = n - 1; i >= 0; i--) {
    const here = cost[i]!;
    for (const s of SETS) here[s] = stay(i, s);
    for (const s of SETS) for (const t of SETS) if (t !== s) here[s] = Math.min(here[s], 1 + stay(i, t));
  }
  let set = SETS.reduce((best, s) => (cost[0]![s] < cost[0]![best] ? s : best), 'B' as CodeSet);
  if (n === 0) set = 'B';
  if (!Number.isFinite(cost[0]![set])) throw new RangeError('Code 128 cannot encode this data');
  const values = [START[set]];
  let i = 0;
  while (i < n) {
    if (stay(i, set) > cost[i]![set]) {
      // Staying costs more than the best: switch to the set that achieves it.
      const target = SETS.find((t) => t !== set && 1 + stay(i, t) === cost[i]![set])!;
      values.push(SWITCH_TO[target]);
      set = target;
    }
    const v = valueIn(set, tokens, i)!;
    values.push(v.value);
    i += v.used;
  }
  values.push(code128Check(values));
  return values;
}

/** The modulo-103 check symbol over the start code and data symbols. */
export function code128Check(values: readonly number[]): number {
  let sum = values[0] ?? 0;
  for (let k = 1; k < values.length; k++) sum += k * values[k]!;
  return sum % 103;
}

/**
 * Element widths in modules, bar first, alternating bar/space, from the start code to the
 * stop pattern's final bar. Quiet zones (10 modules each side) are the renderer's job.
 */
export function encodeCode128(data: string, opts: { gs1?: boolean } = {}): number[] {
  const widths: number[] = [];
  for (const v of [...code128Values(data, opts), STOP]) for (const w of CODE128_PATTERNS[v]!) widths.push(Number(w));
  return widths;
}

/** The same as modules: true for each dark module. */
export function code128Modules(data: string, opts: { gs1?: boolean } = {}): boolean[] {
  const modules: boolean[] = [];
  encodeCode128(data, opts).forEach((w, k) => {
    for (let m = 0; m < w; m++) modules.push(k % 2 === 0);
  });
  return modules;
}
