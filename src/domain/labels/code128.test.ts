import { describe, expect, it } from 'vitest';
import {
  CODE128_PATTERNS,
  code128Check,
  code128Modules,
  code128Values,
  encodeCode128,
  FNC1,
  GS,
  START_A,
  START_B,
  START_C,
  STOP,
} from './code128';

const sum = (ws: readonly number[]) => ws.reduce((a, b) => a + b, 0);

describe('Code 128 pattern table', () => {
  it('has 106 distinct 11-module symbols of three bars and three spaces, and a 13-module stop', () => {
    expect(CODE128_PATTERNS).toHaveLength(107);
    for (const p of CODE128_PATTERNS.slice(0, 106)) {
      expect(p).toMatch(/^[1-4]{6}$/);
      expect(sum([...p].map(Number))).toBe(11);
      // Bars (even positions) always add up to an even number of modules: the symbol's parity.
      expect(sum([...p].filter((_, k) => k % 2 === 0).map(Number)) % 2).toBe(0);
    }
    expect(new Set(CODE128_PATTERNS).size).toBe(107);
    expect(CODE128_PATTERNS[STOP]).toBe('2331112');
    expect(CODE128_PATTERNS[START_C]).toBe('211232');
  });
});

describe('encodeCode128', () => {
  it('gives the published check symbol for PJJ123C (55, set B throughout)', () => {
    expect(code128Values('PJJ123C')).toEqual([START_B, 48, 42, 42, 17, 18, 19, 35, 55]);
  });

  it('computes the check as start + sum of position x value, mod 103', () => {
    expect(code128Check([START_B, 33, 34])).toBe((104 + 33 + 2 * 34) % 103);
    expect(code128Check([START_C, 12, 34])).toBe((105 + 12 + 68) % 103);
  });

  it('starts an SSCC in set C with FNC1, then pairs AI 00 and the 18 digits', () => {
    const values = code128Values('00376123450000000016', { gs1: true });
    expect(values.slice(0, 2)).toEqual([START_C, FNC1]);
    expect(values.slice(2, -1)).toEqual([0, 37, 61, 23, 45, 0, 0, 0, 0, 16]);
    expect(values).toHaveLength(13);
  });

  it('switches to set C for a long digit run inside text and back to B after', () => {
    const v = code128Values('AB12345678CD');
    expect(v.slice(0, -1)).toEqual([START_B, 33, 34, 99, 12, 34, 56, 78, 100, 35, 36]);
  });

  it('stays in set B for short digit runs where switching costs more', () => {
    expect(code128Values('A12B').slice(0, -1)).toEqual([START_B, 33, 17, 18, 34]);
    expect(code128Values('1234').slice(0, -1)).toEqual([START_C, 12, 34]);
  });

  it('uses the fewest symbols for an odd digit run (one digit in B, the rest in C)', () => {
    // 5 digits: 2 pairs in C + 1 digit in B + one switch + start = 5 symbols before the check.
    expect(code128Values('12345')).toHaveLength(6);
  });

  it('reaches control characters through set A', () => {
    expect(code128Values('a\tb').slice(0, -1)).toEqual([START_B, 65, 101, 73, 100, 66]);
    expect(code128Values('\r\n')[0]).toBe(START_A);
  });

  it('encodes a GS1 group separator as FNC1 between fields', () => {
    const v = code128Values(`10ABC${GS}17250101`, { gs1: true });
    // FNC1 right after the start code is what marks the symbol as GS1-128.
    expect(v[1]).toBe(FNC1);
    expect(v.filter((x) => x === FNC1)).toHaveLength(2);
  });

  it('refuses characters Code 128 cannot carry', () => {
    expect(() => encodeCode128('niño')).toThrow(RangeError);
    expect(() => encodeCode128('📦')).toThrow(RangeError);
  });

  it('returns element widths from the start bar to the final bar', () => {
    const values = code128Values('Tote 42');
    const widths = encodeCode128('Tote 42');
    expect(widths).toHaveLength(values.length * 6 + 7);
    expect(sum(widths)).toBe(values.length * 11 + 13);
    expect(widths.slice(0, 6).join('')).toBe(CODE128_PATTERNS[START_B]);
    expect(widths.slice(-7).join('')).toBe('2331112');
    const modules = code128Modules('Tote 42');
    expect(modules).toHaveLength(sum(widths));
    expect(modules[0]).toBe(true);
    expect(modules.at(-1)).toBe(true);
    expect(modules.slice(0, 11).map((m) => (m ? 1 : 0)).join('')).toBe('11010010000');
  });

  it('encodes the empty string as start, check and stop', () => {
    expect(code128Values('')).toEqual([START_B, START_B % 103]);
  });
});
