import { describe, expect, it } from 'vitest';
import { fromAltCode } from './alt-code';
import { BurstDetector, WEDGE_PROFILES, wedgeOptions, type BurstOptions, type DetectedScan, type FeedResult, type KeyInput } from './burst-detector';

type Step = string | Omit<KeyInput, 'at'>;
const GS = '\u001d';

/** Plays steps `gap` ms apart (a string is one key per character); returns every result. */
function play(d: BurstDetector, steps: Step[], opts: { start?: number; gap?: number } = {}) {
  const gap = opts.gap ?? 8;
  let at = opts.start ?? 1000;
  const results: FeedResult[] = [];
  for (const step of steps) {
    const keys: Omit<KeyInput, 'at'>[] = typeof step === 'string' ? [...step].map((key) => ({ key })) : [step];
    for (const k of keys) {
      results.push(d.feed({ ...k, at }));
      at += gap;
    }
  }
  const scans: DetectedScan[] = results.flatMap((r) => r.scans);
  return { results, scans, raws: scans.map((s) => s.scan.raw), at: at - gap };
}

/** Types `text` then an optional terminator, like the old helper. */
function type(d: BurstDetector, text: string, opts: { start?: number; gap?: number; end?: 'Enter' | 'Tab' | null } = {}) {
  const end = opts.end === undefined ? 'Enter' : opts.end;
  return play(d, end ? [text, { key: end }] : [text], opts);
}

const enter = { key: 'Enter' };
const tab = { key: 'Tab' };
const alt = { key: 'Alt', code: 'AltLeft', altKey: true };
const altUp = { key: 'Alt', code: 'AltLeft', type: 'up' as const };
const np = (d: string) => ({ key: d, code: `Numpad${d}`, altKey: true });
const altCode = (digits: string): Step[] => [alt, ...[...digits].map(np), altUp];

describe('BurstDetector: bursts and typing', () => {
  it('reads a scanner burst ended by Enter', () => {
    const { scans } = type(new BurstDetector(), 'A01-03-2');
    expect(scans.map((s) => s.scan)).toEqual([{ source: 'wedge', raw: 'A01-03-2', at: expect.any(Number) }]);
  });

  it('ends a burst with no terminator after the quiet gap', () => {
    const d = new BurstDetector();
    const { scans, at } = type(d, '05012345678900', { end: null });
    expect(scans).toEqual([]);
    expect(d.flush(at + 20)).toEqual([]); // not quiet long enough yet
    const [done] = d.flush(at + 150);
    expect(done!.scan.raw).toBe('05012345678900');
    expect(done!.info).toMatchObject({ terminator: 'none', keys: 14, maxGapMs: 8, totalMs: 13 * 8 });
  });

  it('ignores human typing: keys slower than the burst gap never make a scan', () => {
    const d = new BurstDetector();
    const { scans, at } = type(d, 'A01-03-2', { gap: 140 });
    expect(scans).toEqual([]);
    expect(d.flush(at + 500)).toEqual([]);
  });

  it('lets Enter pass through when it does not end a scan', () => {
    const d = new BurstDetector();
    expect(d.feed({ key: 'x', at: 0 }).verdict).toBe('pass');
    expect(d.feed({ key: 'Enter', at: 300 }).verdict).toBe('pass');
    const end = type(d, 'T0001', { start: 1000, end: null });
    expect(d.feed({ key: 'Enter', at: end.at + 8 }).verdict).toBe('consumed');
  });

  it('drops a short burst (two fast keys) as typing', () => {
    expect(type(new BurstDetector(), 'ab').scans).toEqual([]);
  });

  it('starts a fresh burst after a slow gap (human keys before a scan are not glued on)', () => {
    const d = new BurstDetector();
    d.feed({ key: 'q', at: 0 });
    expect(type(d, 'T0007', { start: 700 }).raws).toEqual(['T0007']);
  });

  it('survives stalled keys inside a burst (a busy main thread), not human pacing', () => {
    const d = new BurstDetector();
    const keys: KeyInput[] = [
      { key: 'T', at: 0 },
      { key: '0', at: 8 },
      { key: '0', at: 180 }, // held back by a long task
      { key: '0', at: 188 },
      { key: '4', at: 350 }, // and again
      { key: 'Enter', at: 358 },
    ];
    expect(keys.flatMap((k) => d.feed(k).scans).map((s) => s.scan.raw)).toEqual(['T0004']);
    const human = [0, 130, 160, 290, 420, 445, 570].map((at, i) => ({ key: 'ABCDEFG'[i]!, at: 1000 + at }));
    human.push({ key: 'Enter', at: 1700 });
    expect(human.flatMap((k) => d.feed(k).scans)).toEqual([]);
  });

  it('a navigation key means a person is typing: the burst is dropped', () => {
    const d = new BurstDetector();
    d.feed({ key: 'A', at: 0 });
    d.feed({ key: 'B', at: 5 });
    expect(d.feed({ key: 'Backspace', at: 10 }).verdict).toBe('pass');
    expect(d.feed({ key: 'Enter', at: 15 }).scans).toEqual([]);
  });

  it('reports a too-slow terminated line for diagnosis without making it a scan', () => {
    const d = new BurstDetector();
    const { results, scans } = type(d, 'A01-03-2', { gap: 70 });
    expect(scans).toEqual([]);
    const last = results[results.length - 1]!;
    expect(last.verdict).toBe('pass');
    expect(last.rejected).toMatchObject({ raw: 'A01-03-2', info: { terminator: 'enter', maxGapMs: 70 } });
  });
});

describe('BurstDetector: profiles', () => {
  it('accepts the slower Bluetooth profile', () => {
    expect(type(new BurstDetector(), 'A01-03-2', { gap: 70 }).scans).toEqual([]);
    expect(type(new BurstDetector(WEDGE_PROFILES.bluetooth), 'A01-03-2', { gap: 70 }).raws).toEqual(['A01-03-2']);
  });

  it('a profile switch applies to the next key, with no new detector', () => {
    const d = new BurstDetector(wedgeOptions('usb', null));
    expect(type(d, 'A01-03-2', { gap: 70 }).scans).toEqual([]);
    d.setOptions(wedgeOptions('bluetooth', '~'));
    expect(type(d, 'A0~1', { gap: 70, start: 5000 }).raws).toEqual([`A0${GS}1`]);
    d.setOptions(wedgeOptions('usb', null));
    expect(type(d, 'A01-03-2', { gap: 70, start: 9000 }).scans).toEqual([]);
  });
});

interface QuirkCase {
  name: string;
  steps: Step[];
  opts?: Partial<BurstOptions>;
  raws: string[];
  info?: Partial<DetectedScan['info']>;
}

// Each keyboard-wedge quirk seen on floor devices, as the keys the page receives.
const QUIRKS: QuirkCase[] = [
  { name: 'Enter terminator', steps: ['T0042', enter], raws: ['T0042'], info: { terminator: 'enter', keys: 5 } },
  { name: 'Tab terminator', steps: ['T0042', tab], raws: ['T0042'], info: { terminator: 'tab' } },
  { name: 'CR as Ctrl+M', steps: ['T0042', { key: 'm', code: 'KeyM', ctrlKey: true }], raws: ['T0042'], info: { terminator: 'enter' } },
  { name: 'AIM prefix is kept in the raw text', steps: [']E05012345678900', enter], raws: [']E05012345678900'] },
  { name: 'QR with AIM prefix', steps: [']Q1T0001', enter], raws: [']Q1T0001'] },
  {
    name: 'GS as Ctrl+] on a US layout',
    steps: [']C10109501101530003', { key: ']', code: 'BracketRight', ctrlKey: true }, '10ABC', enter],
    raws: [`]C10109501101530003${GS}10ABC`],
    info: { ctrlBracket: true, altNumpad: false },
  },
  {
    name: 'GS as Ctrl + the BracketRight key on a German layout (key "+")',
    steps: [{ key: 'Control', code: 'ControlLeft', ctrlKey: true }, '0109501101530003', { key: '+', code: 'BracketRight', ctrlKey: true }, '10AB', enter],
    raws: [`0109501101530003${GS}10AB`],
    info: { ctrlBracket: true },
  },
  {
    name: 'GS as Ctrl+Shift + BracketRight on a German layout (key "*")',
    steps: ['0109501101530003', { key: '*', code: 'BracketRight', ctrlKey: true }, '10AB', enter],
    raws: [`0109501101530003${GS}10AB`],
  },
  { name: 'GS delivered as the control character itself', steps: ['0109501101530003', GS, '10AB', enter], raws: [`0109501101530003${GS}10AB`] },
  { name: 'GS as a configured substitute', opts: { gsSubstitute: '~' }, steps: ['01095011015300', '~', '21', enter], raws: [`01095011015300${GS}21`], info: { gsSubstitute: true } },
  {
    name: 'GS as Alt+0029',
    steps: [']C10109501101530003', ...altCode('0029'), '10ABC', enter],
    raws: [`]C10109501101530003${GS}10ABC`],
    info: { altNumpad: true, ctrlBracket: false, keys: 25 },
  },
  { name: 'GS as Alt+029', steps: ['0109501101530003', ...altCode('029'), '10A', enter], raws: [`0109501101530003${GS}10A`] },
  { name: 'leading FNC1 as Alt+029, first in the burst', steps: [...altCode('029'), '0109501101530003', enter], raws: [`${GS}0109501101530003`] },
  {
    name: 'Alt keydown repeated between the digits of one code',
    steps: ['0109501101530003', alt, np('0'), alt, np('2'), alt, np('9'), altUp, '10A', enter],
    raws: [`0109501101530003${GS}10A`],
  },
  { name: 'every character as Alt+numpad', steps: [...altCode('065'), ...altCode('066'), ...altCode('067'), enter], raws: ['ABC'], info: { keys: 3 } },
  {
    name: 'Alt+numpad with NumLock off (key is a navigation name)',
    steps: [alt, { key: 'Insert', code: 'Numpad0', altKey: true }, { key: 'End', code: 'Numpad1', altKey: true }, np('2'), np('1'), altUp, 'B1', enter],
    raws: ['yB1'], // Alt+0121
  },
  {
    name: 'Alt-flagged printable keys already carrying their character',
    steps: [{ key: 'T', code: 'KeyT', altKey: true }, { key: '0', code: 'Digit0', altKey: true }, { key: '4', code: 'Digit4', altKey: true }, { key: '2', code: 'Digit2', altKey: true }, enter],
    raws: ['T042'],
    info: { altNumpad: false },
  },
  {
    name: 'AltGr characters (Ctrl+Alt on Windows) are characters, not shortcuts',
    steps: ['AB', { key: '@', code: 'KeyQ', ctrlKey: true, altKey: true }, { key: '{', code: 'Digit7', ctrlKey: true, altKey: true }, { key: ']', code: 'Digit9', ctrlKey: true, altKey: true }, 'C', enter],
    raws: ['AB@{]C'],
    info: { ctrlBracket: false },
  },
  {
    name: 'modifiers and dead keys inside a burst do not break it; Ctrl chords are not data',
    steps: [{ key: 'Shift' }, 'A', { key: 'Dead' }, '0', { key: 'c', ctrlKey: true }, 'Z', enter],
    raws: ['A0Z'],
  },
  { name: 'CR+LF makes one scan, not a second empty one', steps: ['T0042', enter, enter], raws: ['T0042'] },
  { name: 'CR + LF as Ctrl+J', steps: ['T0042', enter, { key: 'j', code: 'KeyJ', ctrlKey: true }], raws: ['T0042'] },
  { name: 'two scans back to back (each with CR+LF)', steps: ['T0042', enter, enter, 'T0043', enter, enter], raws: ['T0042', 'T0043'] },
];

describe('BurstDetector: wedge quirks', () => {
  it.each(QUIRKS)('$name', ({ steps, opts, raws, info }) => {
    const d = new BurstDetector(opts);
    const { scans } = play(d, steps);
    expect(scans.map((s) => s.scan.raw)).toEqual(raws);
    if (info) expect(scans[0]!.info).toMatchObject(info);
    // The burst detector never splits AIM prefixes off: the normaliser reads them.
    for (const s of scans) expect(s.scan.symbologyId).toBeUndefined();
  });

  it('the LF of CR+LF is consumed and flagged, so it neither presses a button nor scans', () => {
    const d = new BurstDetector();
    const { results } = play(d, ['T0042', enter, enter]);
    const lf = results[results.length - 1]!;
    expect(lf).toMatchObject({ verdict: 'consumed', scans: [], lineFeed: true });
    // A later Enter on its own is a person's again.
    expect(d.feed({ key: 'Enter', at: 5000 }).verdict).toBe('pass');
  });

  it('a Tab ending a burst is consumed (focus must not move); a lone Tab passes', () => {
    const d = new BurstDetector();
    const { results } = play(d, ['T0042', tab]);
    expect(results[results.length - 1]!.verdict).toBe('consumed');
    expect(d.feed({ key: 'Tab', at: 9000 }).verdict).toBe('pass');
  });

  it('records per-key timing: gaps, first-to-last and the largest gap', () => {
    const d = new BurstDetector();
    const keys: KeyInput[] = [
      { key: 'A', at: 0 },
      { key: 'B', at: 10 },
      { key: 'C', at: 40 },
      { key: 'D', at: 45 },
      { key: 'Enter', at: 50 },
    ];
    const [scan] = keys.flatMap((k) => d.feed(k).scans);
    expect(scan!.info).toMatchObject({ gaps: [10, 30, 5, 5], totalMs: 50, maxGapMs: 30, keys: 4, terminator: 'enter' });
  });
});

describe('fromAltCode', () => {
  it.each([
    ['0029', GS],
    ['029', GS],
    ['29', GS],
    ['065', 'A'],
    ['65', 'A'],
    ['0233', 'é'], // Windows-1252
    ['130', 'é'], // code page 437
    ['0128', '€'],
    ['321', 'A'], // modulo 256
    ['0', null],
    ['', null],
  ])('Alt+%s', (digits, ch) => {
    expect(fromAltCode(digits)).toBe(ch);
  });
});
