import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../errors';
import { AI_TABLE, aiAt, isPredefinedLength } from './gs1-ai-table';
import { gs1Year, parseGs1Date } from './gs1-date';
import { parseElementString, separatorWarnings } from './gs1-parse';
import type { Gs1Date } from './normalise';

const TODAY = new Date(Date.UTC(2026, 10, 24));

describe('AI table', () => {
  it('no AI is the start of another, so reading one never needs a guess', () => {
    const ais = [...AI_TABLE.keys()];
    for (const a of ais) for (const b of ais) if (a !== b) expect(b.startsWith(a), `${a} / ${b}`).toBe(false);
  });

  type Shape = { fixed?: number; max?: number; numeric: boolean; predefined: boolean };
  it.each<[string, Shape]>([
    ['00', { fixed: 18, numeric: true, predefined: true }],
    ['01', { fixed: 14, numeric: true, predefined: true }],
    ['02', { fixed: 14, numeric: true, predefined: true }],
    ['10', { max: 20, numeric: false, predefined: false }],
    ['11', { fixed: 6, numeric: true, predefined: true }],
    ['13', { fixed: 6, numeric: true, predefined: true }],
    ['15', { fixed: 6, numeric: true, predefined: true }],
    ['17', { fixed: 6, numeric: true, predefined: true }],
    ['21', { max: 20, numeric: false, predefined: false }],
    ['30', { max: 8, numeric: true, predefined: false }],
    ['37', { max: 8, numeric: true, predefined: false }],
    ['3100', { fixed: 6, numeric: true, predefined: true }],
    ['3165', { fixed: 6, numeric: true, predefined: true }],
    ['3203', { fixed: 6, numeric: true, predefined: true }],
    ['400', { max: 30, numeric: false, predefined: false }],
    ['410', { fixed: 13, numeric: true, predefined: true }],
    ['415', { fixed: 13, numeric: true, predefined: true }],
    ['420', { max: 20, numeric: false, predefined: false }],
    ['8005', { fixed: 6, numeric: true, predefined: false }],
  ])('AI %s', (ai, shape) => {
    const def = AI_TABLE.get(ai)!;
    expect({ fixed: def.fixed, max: def.max, numeric: def.numeric, predefined: isPredefinedLength(ai) }).toEqual({ fixed: undefined, max: undefined, ...shape });
  });

  it('finds 2, 3 and 4 digit AIs at any position', () => {
    expect(aiAt('xx3103001250', 2)?.ai).toBe('3103');
    expect(aiAt('4100614141000012')?.ai).toBe('410');
    expect(aiAt('0109501101530003')?.ai).toBe('01');
    expect(aiAt('2312')).toBeNull();
  });
});

describe('GS1 dates', () => {
  it.each([
    [26, 2026, 2026],
    [76, 2026, 2076], // +50
    [77, 2026, 1977], // +51
    [0, 2026, 2000],
    [99, 2000, 1999],
    [50, 2000, 2050],
    [51, 2000, 1951],
    [10, 2060, 2110], // -50
    [11, 2060, 2011], // -49
  ])('YY %i read in %i is %i', (yy, year, full) => expect(gs1Year(yy, year)).toBe(full));

  it.each<[string, Gs1Date | null]>([
    ['261231', { year: 2026, month: 12, day: 31, iso: '2026-12-31' }],
    ['260200', { year: 2026, month: 2, day: null, iso: '2026-02-28' }],
    ['240200', { year: 2024, month: 2, day: null, iso: '2024-02-29' }],
    ['260400', { year: 2026, month: 4, day: null, iso: '2026-04-30' }],
    ['000229', { year: 2000, month: 2, day: 29, iso: '2000-02-29' }],
    ['261301', null],
    ['260001', null],
    ['261232', null],
    ['260431', null],
    ['260230', null],
    ['2612', null],
    ['26123A', null],
  ])('%s', (raw, date) => expect(parseGs1Date(raw, TODAY)).toEqual(date));
});

describe('element strings', () => {
  it('reads a value ended by GS and the rest after it', () => {
    const r = parseElementString('10AB\u001d3724', TODAY);
    expect(r).toMatchObject({ ok: true, data: { lot: 'AB', count: 24 } });
  });

  it('reads a fixed field not of predefined length (8005) even when its separator is missing', () => {
    expect(parseElementString('800500036510AB', TODAY)).toMatchObject({ ok: true, data: { lot: 'AB' } });
  });

  it.each<[string, ErrorCode]>([
    ['', ErrorCode.GS1_TRUNCATED],
    ['\u001d', ErrorCode.GS1_TRUNCATED],
    ['X1', ErrorCode.GS1_UNKNOWN_AI],
    ['17261', ErrorCode.GS1_TRUNCATED],
  ])('%j is refused with %s', (text, code) => expect(parseElementString(text, TODAY)).toMatchObject({ ok: false, code }));

  it.each<[string, string | null]>([
    ['ABC1717250101', '17'], // expiry at the end
    ['ABC1717251301', null], // 17 + impossible date: coincidence
    ['LOT0109501101530003', '01'], // GTIN with its check digit
    ['LOT0109501101530004', null],
    ['X1726123121SER', '17'], // expiry and serial both swallowed
    ['SER10L1', '10'], // the lot partner of a serial
    ['ABC1234', null],
  ])('variable value %s suspects %s', (value, suspect) => {
    const field = value.startsWith('SER') ? '21' : '10';
    const w = separatorWarnings([{ ai: field, raw: value, value }], TODAY);
    expect(w[0]?.suspectAi ?? null).toBe(suspect);
  });
});
