import { describe, expect, it } from 'vitest';
import { parseScaleLine, type ScaleReading } from './scale';

const stable = (grams: number): ScaleReading => ({ grams, stable: true });
const moving = (grams: number): ScaleReading => ({ grams, stable: false });

describe('parseScaleLine', () => {
  it.each<{ name: string; line: string; expected: ScaleReading | null }>([
    // Status-headed lines (CAS, OEM indicators, A&D)
    { name: 'stable gross in kg', line: 'ST,GS,+  1.234kg', expected: stable(1234) },
    { name: 'unstable gross in kg', line: 'US,GS,+  0.998kg', expected: moving(998) },
    { name: 'stable net', line: 'ST,NT,+  0.250kg', expected: stable(250) },
    { name: 'with CR LF', line: 'ST,GS,+  1.234kg\r\n', expected: stable(1234) },
    { name: 'A&D form without a gross field', line: 'ST,+00001.234  kg', expected: stable(1234) },
    { name: 'A&D unstable in grams', line: 'US,+000456.0  g', expected: moving(456) },
    { name: 'no sign', line: 'ST,GS,  2.000kg', expected: stable(2000) },
    { name: 'lower-case header', line: 'st,gs,+  0.100kg', expected: stable(100) },
    { name: 'headed pounds', line: 'ST,GS,+  2.50lb', expected: stable(1134) },
    { name: 'overload', line: 'OL,GS,+99.999kg', expected: null },
    { name: 'counting mode', line: 'QT,+00000012 PC', expected: null },
    { name: 'negative (tare left on)', line: 'ST,GS,-  0.120kg', expected: null },
    { name: 'headed but no unit', line: 'ST,GS,+  1.234', expected: null },
    { name: 'headed but no value', line: 'ST,GS,', expected: null },
    // Bare values
    { name: 'kg with padding', line: '  1.234 kg', expected: stable(1234) },
    { name: 'grams', line: '1234 g', expected: stable(1234) },
    { name: 'grams with a decimal rounds', line: '1234.6 g', expected: stable(1235) },
    { name: 'kg rounding to the gram', line: '0.0015 kg', expected: stable(2) },
    { name: 'upper-case unit', line: '1.5 KG', expected: stable(1500) },
    { name: 'pounds', line: '  2.50 lb', expected: stable(1134) },
    { name: 'lbs', line: '1 lbs', expected: stable(454) },
    { name: 'ounces', line: '  12.0 oz', expected: stable(340) },
    { name: 'leading decimal point', line: '.5 kg', expected: stable(500) },
    { name: 'zero (empty platform)', line: '  0.000 kg', expected: stable(0) },
    { name: 'explicit plus', line: '+1.000 kg', expected: stable(1000) },
    { name: 'negative', line: ' -0.050 kg', expected: null },
    // MT-SICS
    { name: 'SICS stable', line: 'S S     1.234 kg', expected: stable(1234) },
    { name: 'SICS dynamic', line: 'S D     1.230 kg', expected: moving(1230) },
    { name: 'SICS grams', line: 'S S      812.4 g', expected: stable(812) },
    { name: 'SICS negative', line: 'S S    -0.010 kg', expected: null },
    { name: 'SICS busy', line: 'S I', expected: null },
    { name: 'SICS overload', line: 'S +', expected: null },
    { name: 'SICS underload', line: 'S -', expected: null },
    // Garbage
    { name: 'empty line', line: '', expected: null },
    { name: 'only whitespace', line: '  \r\n', expected: null },
    { name: 'dashes for overload', line: '--------', expected: null },
    { name: 'number without unit', line: '1234', expected: null },
    { name: 'unknown unit', line: '1.234 ct', expected: null },
    { name: 'two numbers', line: '1.2.3 kg', expected: null },
    { name: 'text', line: 'HELLO', expected: null },
    { name: 'binary noise', line: '\u0002\u00ff\u0013kg', expected: null },
    { name: 'exponent notation', line: '1e3 g', expected: null },
    { name: 'a very long line', line: `${'1'.repeat(80)} g`, expected: null },
  ])('$name: $line', ({ line, expected }) => {
    expect(parseScaleLine(line)).toEqual(expected);
  });
});
