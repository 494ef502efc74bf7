import { describe, expect, it } from 'vitest';
import { aimPrefix, rawTokens, symbologyName } from './scan-display';

describe('rawTokens', () => {
  it.each([
    ['plain text', 'T0042', undefined, [{ kind: 'text', text: 'T0042' }]],
    [
      'GS inside GS1 data, Enter terminator',
      ']C101095011015300031\u001d10AB',
      'enter',
      [
        { kind: 'text', text: ']C101095011015300031' },
        { kind: 'control', name: 'GS', code: 29 },
        { kind: 'text', text: '10AB' },
        { kind: 'control', name: 'CR', code: 13, terminator: true },
      ],
    ],
    [
      'leading GS, RS/EOT and CR+LF',
      '\u001d\u001e\u0004',
      'crlf',
      [
        { kind: 'control', name: 'GS', code: 29 },
        { kind: 'control', name: 'RS', code: 30 },
        { kind: 'control', name: 'EOT', code: 4 },
        { kind: 'control', name: 'CR', code: 13, terminator: true },
        { kind: 'control', name: 'LF', code: 10, terminator: true },
      ],
    ],
    ['Tab terminator', 'AB', 'tab', [{ kind: 'text', text: 'AB' }, { kind: 'control', name: 'TAB', code: 9, terminator: true }]],
    ['no terminator', 'AB\u007f', 'none', [{ kind: 'text', text: 'AB' }, { kind: 'control', name: 'DEL', code: 127 }]],
  ] as const)('%s', (_name, raw, term, tokens) => {
    expect(rawTokens(raw, term)).toEqual(tokens);
  });
});

describe('symbology', () => {
  it.each([
    [']C1', 'GS1-128'],
    [']C0', 'Code 128'],
    [']d2', 'GS1 DataMatrix'],
    [']d1', 'Data Matrix'],
    [']E0', 'EAN-13 / UPC'],
    [']Q1', 'QR Code'],
    [']X0', null],
  ])('%s is %s', (aim, name) => {
    expect(symbologyName(aim)).toBe(name);
  });

  it('reads the AIM prefix off the raw text only when it has one', () => {
    expect(aimPrefix(']C10109')).toBe(']C1');
    expect(aimPrefix('0109')).toBeNull();
    expect(aimPrefix(']')).toBeNull();
  });
});
