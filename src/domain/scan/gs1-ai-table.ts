/**
 * The GS1 Application Identifiers Tote understands, from the GS1 General Specifications
 * (section 3, and figure 7.8.5-2 for the predefined lengths). An AI missing here makes
 * the whole scan `invalid` with GS1_UNKNOWN_AI: guessing the length of an unknown field
 * would silently misread every field after it.
 */

/** How the value of an AI is read. */
export type AiKind =
  /** Free text (CSET 82, or digits when `numeric`). */
  | 'text'
  /** YYMMDD, day 00 allowed. */
  | 'date'
  /** Six digits with `decimals` implied decimal places (the n of 310n). */
  | 'decimal'
  /** A whole number (AI 30, 37). */
  | 'count'
  /** Digits ending in a GS1 mod-10 check digit (GTIN, SSCC, GLN). */
  | 'checked';

export interface AiDef {
  ai: string;
  /** The GS1 data title, for docs and diagnostics. */
  title: string;
  kind: AiKind;
  /** Digits only; otherwise the GS1 AI encodable character set 82. */
  numeric: boolean;
  /** Exact length of a fixed-length value. */
  fixed?: number;
  /** Longest value of a variable-length field. */
  max?: number;
  decimals?: number;
  unit?: string;
}

/**
 * AIs whose first two digits are in this list have a length every GS1 reader knows in
 * advance, so no FNC1 separator follows them; every other AI (including fixed-length ones
 * such as 8005 or 422) must be followed by FNC1 unless it is last.
 */
const PREDEFINED_PREFIXES = new Set(['00', '01', '02', '03', '04', '11', '12', '13', '14', '15', '16', '17', '18', '19', '20', '31', '32', '33', '34', '35', '36', '41']);

export function isPredefinedLength(ai: string): boolean {
  return PREDEFINED_PREFIXES.has(ai.slice(0, 2));
}

const fixed = (ai: string, title: string, kind: AiKind, length: number, numeric = true): AiDef => ({ ai, title, kind, numeric, fixed: length });
const variable = (ai: string, title: string, max: number, numeric = false, kind: AiKind = 'text'): AiDef => ({ ai, title, kind, numeric, max });

/** 310n-316n, 320n, 330n: n (0-5) is the number of decimal places in the six digits. */
function decimals(prefix: string, title: string, unit: string): AiDef[] {
  return [0, 1, 2, 3, 4, 5].map((n) => ({ ai: `${prefix}${n}`, title, kind: 'decimal', numeric: true, fixed: 6, decimals: n, unit }));
}

const DEFS: AiDef[] = [
  fixed('00', 'SSCC', 'checked', 18),
  fixed('01', 'GTIN', 'checked', 14),
  fixed('02', 'CONTENT', 'checked', 14),
  variable('10', 'BATCH/LOT', 20),
  fixed('11', 'PROD DATE', 'date', 6),
  fixed('12', 'DUE DATE', 'date', 6),
  fixed('13', 'PACK DATE', 'date', 6),
  fixed('15', 'BEST BEFORE or BEST BY', 'date', 6),
  fixed('16', 'SELL BY', 'date', 6),
  fixed('17', 'USE BY or EXPIRY', 'date', 6),
  fixed('20', 'VARIANT', 'text', 2),
  variable('21', 'SERIAL', 20),
  variable('22', 'CPV', 20),
  variable('240', 'ADDITIONAL ID', 30),
  variable('241', 'CUST. PART No.', 30),
  variable('250', 'SECONDARY SERIAL', 30),
  variable('251', 'REF. TO SOURCE', 30),
  variable('30', 'VAR. COUNT', 8, true, 'count'),
  ...decimals('310', 'NET WEIGHT (kg)', 'kg'),
  ...decimals('311', 'LENGTH (m)', 'm'),
  ...decimals('312', 'WIDTH (m)', 'm'),
  ...decimals('313', 'HEIGHT (m)', 'm'),
  ...decimals('314', 'AREA (m²)', 'm2'),
  ...decimals('315', 'NET VOLUME (l)', 'l'),
  ...decimals('316', 'NET VOLUME (m³)', 'm3'),
  ...decimals('320', 'NET WEIGHT (lb)', 'lb'),
  ...decimals('330', 'GROSS WEIGHT (kg)', 'kg'),
  variable('37', 'COUNT', 8, true, 'count'),
  variable('400', 'ORDER NUMBER', 30),
  variable('401', 'GINC', 30),
  fixed('402', 'GSIN', 'checked', 17),
  variable('403', 'ROUTE', 30),
  fixed('410', 'SHIP TO LOC', 'checked', 13),
  fixed('411', 'BILL TO', 'checked', 13),
  fixed('412', 'PURCHASE FROM', 'checked', 13),
  fixed('413', 'SHIP FOR LOC', 'checked', 13),
  fixed('414', 'LOC No.', 'checked', 13),
  fixed('415', 'PAY TO', 'checked', 13),
  variable('420', 'SHIP TO POST', 20),
  variable('421', 'SHIP TO POST (ISO)', 12),
  fixed('422', 'ORIGIN', 'text', 3),
  fixed('8005', 'PRICE PER UNIT', 'text', 6),
  variable('90', 'INTERNAL', 30),
  ...['91', '92', '93', '94', '95', '96', '97', '98', '99'].map((ai) => variable(ai, 'INTERNAL', 90)),
];

export const AI_TABLE: ReadonlyMap<string, AiDef> = new Map(DEFS.map((d) => [d.ai, d]));

/**
 * The AI at the start of `text`, or null. AIs are prefix-free (no AI is the start of
 * another), so at most one of the 2-, 3- and 4-digit candidates is in the table.
 */
export function aiAt(text: string, pos = 0): AiDef | null {
  for (const len of [2, 3, 4]) {
    const def = AI_TABLE.get(text.slice(pos, pos + len));
    if (def) return def;
  }
  return null;
}

/** AIs that fill a named shortcut of Gs1Data (the rest are only in `elements`). */
export const SHORTCUT_FIELDS = {
  '00': 'sscc',
  '01': 'gtin14',
  '02': 'contentGtin14',
  '10': 'lot',
  '21': 'serial',
  '17': 'expiry',
  '15': 'bestBefore',
  '11': 'productionDate',
  '13': 'packDate',
  '30': 'count',
  '37': 'count',
  '410': 'shipToGln',
} as const;
