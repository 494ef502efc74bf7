import { ErrorCode } from '../errors';
import { aiAt, SHORTCUT_FIELDS, type AiDef } from './gs1-ai-table';
import { parseGs1Date } from './gs1-date';
import { hasValidCheckDigit } from './gtin';
import type { Gs1Data, Gs1Element, ScanWarning } from './normalise';

export const GS = '\u001d';

export type Gs1ErrorCode =
  | typeof ErrorCode.GS1_UNKNOWN_AI
  | typeof ErrorCode.GS1_BAD_LENGTH
  | typeof ErrorCode.GS1_BAD_CHECK_DIGIT
  | typeof ErrorCode.GS1_BAD_DATE
  | typeof ErrorCode.GS1_BAD_CHARACTER
  | typeof ErrorCode.GS1_DUPLICATE_AI
  | typeof ErrorCode.GS1_TRUNCATED;

export type Gs1Parse =
  | { ok: true; data: Gs1Data; warnings: ScanWarning[] }
  /** `detail` names the AI (and what was wrong with it) for the log and the diagnosis screen. */
  | { ok: false; code: Gs1ErrorCode; detail: string };

type ElementCheck = { ok: true; element: Gs1Element } | { ok: false; code: Gs1ErrorCode; detail: string };

/** GS1 AI encodable character set 82: what an alphanumeric AI value may contain. */
const CSET82 = /^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]+$/;

const fail = (code: Gs1ErrorCode, detail: string) => ({ ok: false as const, code, detail });

/** Checks one value against its AI's definition and types it. */
export function readElement(def: AiDef, raw: string, today: Date): ElementCheck {
  const { ai } = def;
  if (def.fixed !== undefined ? raw.length !== def.fixed : raw.length < 1 || raw.length > def.max!) {
    return fail(ErrorCode.GS1_BAD_LENGTH, `${ai}: ${raw.length} characters`);
  }
  if (!(def.numeric ? /^\d+$/ : CSET82).test(raw)) return fail(ErrorCode.GS1_BAD_CHARACTER, `${ai}: ${JSON.stringify(raw)}`);
  switch (def.kind) {
    case 'checked':
      if (!hasValidCheckDigit(raw)) return fail(ErrorCode.GS1_BAD_CHECK_DIGIT, `${ai}: ${raw}`);
      return { ok: true, element: { ai, raw, value: raw } };
    case 'date': {
      const date = parseGs1Date(raw, today);
      if (!date) return fail(ErrorCode.GS1_BAD_DATE, `${ai}: ${raw}`);
      return { ok: true, element: { ai, raw, value: date } };
    }
    case 'decimal': {
      // Built from the digits, not divided, so 001250 with 3 places is exactly 1.25.
      const n = def.decimals!;
      const value = Number(`${raw.slice(0, 6 - n)}.${raw.slice(6 - n) || '0'}`);
      return { ok: true, element: { ai, raw, value, unit: def.unit! } };
    }
    case 'count':
      return { ok: true, element: { ai, raw, value: Number(raw) } };
    case 'text':
      return { ok: true, element: { ai, raw, value: raw } };
  }
}

/** Adds an element unless the same AI was already read; a different value for it is a refusal. */
function add(elements: Gs1Element[], el: Gs1Element): Gs1Parse | null {
  const prior = elements.find((e) => e.ai === el.ai);
  if (!prior) elements.push(el);
  else if (prior.raw !== el.raw) return fail(ErrorCode.GS1_DUPLICATE_AI, `${el.ai}: ${prior.raw} / ${el.raw}`);
  return null;
}

/** Fills the named shortcuts from the elements. */
export function gs1Data(elements: Gs1Element[]): Gs1Data {
  const data: Gs1Data = { elements };
  const target = data as unknown as Record<string, unknown>;
  for (const el of elements) {
    const field = (SHORTCUT_FIELDS as Record<string, string>)[el.ai];
    if (field) target[field] ??= typeof el.value === 'object' ? el.value.iso : el.value;
    if (el.ai.startsWith('310')) data.netWeightKg = el.value as number;
    if (el.ai.startsWith('320')) data.netWeightLb = el.value as number;
  }
  return data;
}

/**
 * An element string as scanners send it: AIs and values run together, variable-length
 * values ended by GS (FNC1) unless last. The leading FNC1 and any AIM prefix are gone.
 */
export function parseElementString(text: string, today: Date, opts: { warn?: boolean } = {}): Gs1Parse {
  const elements: Gs1Element[] = [];
  let pos = 0;
  while (pos < text.length) {
    if (text[pos] === GS) {
      pos++; // a separator after a predefined-length field is redundant but harmless
      continue;
    }
    const def = aiAt(text, pos);
    if (!def) return fail(ErrorCode.GS1_UNKNOWN_AI, text.slice(pos, pos + 4));
    const start = pos + def.ai.length;
    let end: number;
    if (def.fixed !== undefined) {
      end = start + def.fixed;
      const raw = text.slice(start, Math.min(end, text.length));
      if (raw.includes(GS)) return fail(ErrorCode.GS1_BAD_LENGTH, `${def.ai}: ${raw.indexOf(GS)} characters`);
      if (end > text.length) return fail(ErrorCode.GS1_TRUNCATED, `${def.ai}: ${raw.length} of ${def.fixed}`);
    } else {
      const gs = text.indexOf(GS, start);
      end = gs < 0 ? text.length : gs;
      if (end === start) return fail(end === text.length ? ErrorCode.GS1_TRUNCATED : ErrorCode.GS1_BAD_LENGTH, `${def.ai}: empty`);
    }
    const read = readElement(def, text.slice(start, end), today);
    if (!read.ok) return read;
    const dup = add(elements, read.element);
    if (dup) return dup;
    pos = end;
  }
  if (elements.length === 0) return fail(ErrorCode.GS1_TRUNCATED, 'no data');
  const warnings = opts.warn === false ? [] : separatorWarnings(elements, today);
  return { ok: true, data: gs1Data(elements), warnings };
}

/**
 * The human-readable form printed under the bars, `(01)09501101530003(17)261231(10)AB1`.
 * The brackets delimit every field, so no separator can be lost and nothing is warned.
 */
export function parseBracketed(text: string, today: Date): Gs1Parse {
  const marks = [...text.matchAll(/\((\d{2,4})\)/g)];
  if (marks.length === 0 || marks[0]!.index !== 0) return fail(ErrorCode.GS1_UNKNOWN_AI, text.slice(0, 6));
  const elements: Gs1Element[] = [];
  for (const [i, m] of marks.entries()) {
    const def = aiAt(m[1]!);
    if (!def || def.ai !== m[1]) return fail(ErrorCode.GS1_UNKNOWN_AI, m[1]!);
    const end = marks[i + 1]?.index ?? text.length;
    const raw = text.slice(m.index + m[0].length, end).trim();
    if (raw === '' && i === marks.length - 1) return fail(ErrorCode.GS1_TRUNCATED, `${def.ai}: empty`);
    const read = readElement(def, raw, today);
    if (!read.ok) return read;
    const dup = add(elements, read.element);
    if (dup) return dup;
  }
  return { ok: true, data: gs1Data(elements), warnings: [] };
}

/** AIs whose value proves itself (a check digit or a real date), so a match inside a lot is no coincidence. */
const selfChecking = (def: AiDef) => def.kind === 'checked' || def.kind === 'date';
/** Lot and serial travel together; one swallowing the other is the commonest lost separator. */
const LOT_SERIAL = new Set(['10', '21']);

/**
 * A variable-length value runs to the next separator, so a lost separator makes it swallow
 * the fields after it: lot `ABC` then expiry `17 250101` reads as lot `ABC17250101`. We
 * look inside each variable value for a tail that is itself a complete, valid element
 * string starting with an AI not read elsewhere, and whose first AI is self-checking (a
 * date or a check digit) or is the lot/serial partner of this field. The worker confirms.
 */
export function separatorWarnings(elements: Gs1Element[], today: Date): ScanWarning[] {
  const present = new Set(elements.map((e) => e.ai));
  const warnings: ScanWarning[] = [];
  for (const el of elements) {
    const def = aiAt(el.ai);
    if (!def || def.max === undefined) continue;
    const suspect = findSuspect(el, present, today);
    if (suspect) warnings.push({ code: ErrorCode.GS1_SEPARATOR_MAYBE_LOST, ai: el.ai, value: el.raw, suspectAi: suspect });
  }
  return warnings;
}

function findSuspect(el: Gs1Element, present: Set<string>, today: Date): string | null {
  const candidates = (accept: (d: AiDef) => boolean): string | null => {
    for (let i = 1; i < el.raw.length - 1; i++) {
      const tail = el.raw.slice(i);
      const def = aiAt(tail);
      if (!def || present.has(def.ai) || !accept(def)) continue;
      if (parseElementString(tail, today, { warn: false }).ok) return def.ai;
    }
    return null;
  };
  // Self-checking suspects first: a date or check digit at the very end is the stronger sign.
  return candidates(selfChecking) ?? (LOT_SERIAL.has(el.ai) ? candidates((d) => LOT_SERIAL.has(d.ai)) : null);
}

/** `(01)09501101530003(17)261231`: how Tote shows GS1 data to people. */
export function toBracketed(data: Gs1Data): string {
  return data.elements.map((e) => `(${e.ai})${e.raw}`).join('');
}
