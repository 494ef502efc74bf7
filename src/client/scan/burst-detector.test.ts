import { describe, expect, it } from 'vitest';
import { BurstDetector, WEDGE_PROFILES, type KeyInput } from './burst-detector';
import type { RawScan } from '../../domain/scan/normalise';

/** Feeds `text` as keys `gap` ms apart from `start`; returns every scan emitted. */
function type(d: BurstDetector, text: string, opts: { start?: number; gap?: number; end?: 'Enter' | 'Tab' | null; endGap?: number } = {}) {
  const gap = opts.gap ?? 8;
  let at = opts.start ?? 1000;
  const scans: RawScan[] = [];
  for (const key of text) {
    scans.push(...d.feed({ key, at }).scans);
    at += gap;
  }
  const end = opts.end === undefined ? 'Enter' : opts.end;
  if (end) scans.push(...d.feed({ key: end, at: at - gap + (opts.endGap ?? gap) }).scans);
  return { scans, at };
}

describe('BurstDetector', () => {
  it('reads a scanner burst ended by Enter', () => {
    const d = new BurstDetector();
    const { scans } = type(d, 'A01-03-2');
    expect(scans).toEqual([{ source: 'wedge', raw: 'A01-03-2', at: expect.any(Number) }]);
  });

  it('reads a burst ended by Tab', () => {
    const d = new BurstDetector();
    expect(type(d, 'T0042', { end: 'Tab' }).scans.map((s) => s.raw)).toEqual(['T0042']);
  });

  it('ends a burst with no terminator after the quiet gap', () => {
    const d = new BurstDetector();
    const { scans, at } = type(d, '05012345678900', { end: null });
    expect(scans).toEqual([]);
    expect(d.flush(at + 20)).toEqual([]); // not quiet long enough yet
    expect(d.flush(at + 150).map((s) => s.raw)).toEqual(['05012345678900']);
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
    // A scan's Enter is consumed so it does not also press the focused button.
    const end = type(d, 'T0001', { start: 1000, end: null });
    expect(d.feed({ key: 'Enter', at: end.at }).verdict).toBe('consumed');
  });

  it('drops a short burst (two fast keys) as typing', () => {
    const d = new BurstDetector();
    expect(type(d, 'ab').scans).toEqual([]);
  });

  it('starts a fresh burst after a slow gap (human keys before a scan are not glued on)', () => {
    const d = new BurstDetector();
    d.feed({ key: 'q', at: 0 });
    const { scans } = type(d, 'T0007', { start: 700 });
    expect(scans.map((s) => s.raw)).toEqual(['T0007']);
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
    expect(keys.flatMap((k) => d.feed(k).scans).map((s) => s.raw)).toEqual(['T0004']);
    // Mostly-slow keys with the odd fast rollover are still a person.
    const human = [0, 130, 160, 290, 420, 445, 570].map((at, i) => ({ key: 'ABCDEFG'[i]!, at: 1000 + at }));
    human.push({ key: 'Enter', at: 1700 });
    expect(human.flatMap((k) => d.feed(k).scans)).toEqual([]);
  });

  it('accepts the slower Bluetooth profile', () => {
    const usb = new BurstDetector();
    expect(type(usb, 'A01-03-2', { gap: 70 }).scans).toEqual([]);
    const bt = new BurstDetector(WEDGE_PROFILES.bluetooth);
    expect(type(bt, 'A01-03-2', { gap: 70 }).scans.map((s) => s.raw)).toEqual(['A01-03-2']);
  });

  it('splits an AIM symbology prefix off as symbologyId', () => {
    const d = new BurstDetector();
    const [scan] = type(d, ']E05012345678900').scans;
    expect(scan).toMatchObject({ raw: '5012345678900', symbologyId: ']E0' });
    const [qr] = type(d, ']Q1T0001', { start: 5000 }).scans;
    expect(qr).toMatchObject({ raw: 'T0001', symbologyId: ']Q1' });
  });

  it('maps Ctrl+] and a configured substitute character to GS', () => {
    const d = new BurstDetector({ gsSubstitute: '~' });
    const keys: KeyInput[] = [..."]C10109501101530003"].map((key, i) => ({ key, at: 100 + i * 5 }));
    keys.push({ key: ']', at: 200, ctrlKey: true });
    keys.push(...[...'10ABC'].map((key, i) => ({ key, at: 205 + i * 5 })));
    keys.push({ key: '~', at: 235 }, { key: '2', at: 240 }, { key: '1', at: 245 }, { key: 'Enter', at: 250 });
    const scans = keys.flatMap((k) => d.feed(k).scans);
    expect(scans).toHaveLength(1);
    expect(scans[0]!.symbologyId).toBe(']C1');
    expect(scans[0]!.raw).toBe('0109501101530003\u001d10ABC\u001d21');
  });

  it('is not broken by modifiers, dead keys, AltGr characters or Alt-flagged keystrokes', () => {
    const d = new BurstDetector();
    const keys: KeyInput[] = [
      { key: 'Shift', at: 0 },
      { key: 'A', at: 2 },
      { key: 'Dead', at: 10 },
      { key: '0', at: 18 },
      { key: 'Alt', at: 26, altKey: true },
      { key: '1', at: 34, altKey: true }, // an Alt+numpad code digit: skipped, burst intact
      { key: '@', at: 42, ctrlKey: true, altKey: true }, // AltGr+Q on a German layout
      { key: 'x', at: 50, altKey: false },
      { key: 'c', at: 58, ctrlKey: true }, // a Ctrl chord is not data
      { key: 'Z', at: 66 },
      { key: 'Enter', at: 74 },
    ];
    const scans = keys.flatMap((k) => d.feed(k).scans);
    expect(scans.map((s) => s.raw)).toEqual(['A0@xZ']);
  });

  it('a navigation key means a person is typing: the burst is dropped', () => {
    const d = new BurstDetector();
    d.feed({ key: 'A', at: 0 });
    d.feed({ key: 'B', at: 5 });
    expect(d.feed({ key: 'Backspace', at: 10 }).verdict).toBe('pass');
    expect(d.feed({ key: 'Enter', at: 15 }).scans).toEqual([]);
  });
});
