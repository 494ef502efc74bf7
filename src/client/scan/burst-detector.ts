import type { RawScan } from '../../domain/scan/normalise';
import { fromAltCode } from './alt-code';

export interface KeyInput {
  key: string;
  /** The physical key (`KeyboardEvent.code`): tells a numpad digit from a top-row one, and finds Ctrl+] on any layout. */
  code?: string;
  at: number;
  ctrlKey?: boolean;
  altKey?: boolean;
  /** Only key releases of Alt matter (they complete an Alt+numpad code); default 'down'. */
  type?: 'down' | 'up';
}

export interface BurstOptions {
  /** Longest gap between two keys of one scan. USB/serial wedges: ~50 ms; Bluetooth HID: up to ~80 ms. */
  maxGapMs: number;
  /** With no terminator, a burst ends after this much quiet. */
  quietMs: number;
  /** Shorter bursts are typing, not scans. */
  minLength: number;
  /** A printable character some scanners are configured to send in place of GS (0x1D). */
  gsSubstitute: string | null;
  /**
   * A gap up to this long does not end a burst. A busy main thread (a slow handheld, a
   * render landing mid-scan) can hold keys back; what marks a scanner is that many of
   * its gaps are short, which human typing does not achieve.
   */
  stallMs: number;
}

export const WEDGE_PROFILES = {
  usb: { maxGapMs: 50, quietMs: 100, minLength: 3, gsSubstitute: null, stallMs: 500 },
  bluetooth: { maxGapMs: 80, quietMs: 160, minLength: 3, gsSubstitute: null, stallMs: 600 },
} satisfies Record<string, BurstOptions>;

export type WedgeProfile = keyof typeof WEDGE_PROFILES;

/** The detector options for this device's scanner settings. */
export function wedgeOptions(profile: WedgeProfile, gsSubstitute: string | null): BurstOptions {
  return { ...WEDGE_PROFILES[profile], gsSubstitute };
}

export type Terminator = 'enter' | 'tab' | 'crlf' | 'none';

/** How a burst arrived: what the "Test your scanner" screen shows and diagnoses. */
export interface BurstInfo {
  terminator: Terminator;
  /** Inter-arrival times of the burst's keys (characters, then the terminator), in ms. */
  gaps: number[];
  /** First character to last key (the terminator when there is one), in ms. */
  totalMs: number;
  maxGapMs: number;
  /** Characters read (the terminator not counted). */
  keys: number;
  /** Some character was rebuilt from an Alt+numpad code. */
  altNumpad: boolean;
  /** Some GS came as Ctrl+] (or Ctrl + the key where ] sits on a US layout). */
  ctrlBracket: boolean;
  /** Some GS came as the configured substitute character. */
  gsSubstitute: boolean;
}

export interface DetectedScan {
  scan: RawScan;
  info: BurstInfo;
}

export type KeyVerdict =
  /** The key belongs to a scan in progress (or ends one): the page should not act on it. */
  | 'consumed'
  /** Not ours: let it do whatever it normally does. */
  | 'pass';

export interface FeedResult {
  verdict: KeyVerdict;
  scans: DetectedScan[];
  /** The LF of a CR+LF suffix: the scan just emitted was really terminated by CR+LF. */
  lineFeed?: boolean;
  /** A line ended by Enter/Tab that was too slow to be a scan; kept for diagnosis only. */
  rejected?: { raw: string; at: number; info: BurstInfo };
}

const GS = '\u001d';
/** Share of fast gaps a burst ended by Enter/Tab needs; people rarely reach even 20 %. */
const TERMINATED_FAST_SHARE = 0.4;
const IGNORED = new Set(['Shift', 'Control', 'Alt', 'AltGraph', 'Meta', 'CapsLock', 'NumLock', 'Dead', 'Unidentified', 'Process']);

type Classified = { kind: 'char'; ch: string; via?: 'ctrlBracket' | 'gsSubstitute' } | { kind: 'skip' } | { kind: 'other' };

/**
 * Tells scanner bursts from human typing by timing alone. Pure: fed key events with
 * timestamps, it returns the scans they complete; `flush(now)` ends a burst that had no
 * terminator once the line has been quiet for `quietMs`. The raw text keeps any AIM
 * prefix (`]C1`...): the normaliser reads it.
 */
export class BurstDetector {
  private buf = '';
  /** Gaps between consecutive characters of the buffer. */
  private gaps: number[] = [];
  private first = 0;
  private last = -Infinity;
  private flags = { altNumpad: false, ctrlBracket: false, gsSubstitute: false };
  /** Digits typed with Alt held on the numpad; the character comes when Alt is released. */
  private altDigits = '';
  /** When the last scan ended with Enter: a LF right behind it is the rest of a CR+LF suffix. */
  private crAt: number | null = null;
  private options: BurstOptions;

  constructor(opts: Partial<BurstOptions> = {}) {
    this.options = { ...WEDGE_PROFILES.usb, ...opts };
  }

  get opts(): Readonly<BurstOptions> {
    return this.options;
  }

  /** Applies new settings at once (a profile switch needs no reload); a burst in progress carries on. */
  setOptions(opts: Partial<BurstOptions>): void {
    this.options = { ...this.options, ...opts };
  }

  /** True while characters are arriving at scanner speed. */
  get inBurst(): boolean {
    return this.buf.length >= 2 && this.isBurst();
  }

  feed(ev: KeyInput): FeedResult {
    if (ev.type === 'up') return this.release(ev);
    const none: DetectedScan[] = [];
    const alive = ev.at - this.last <= this.opts.stallMs;

    const cr = this.crAt;
    this.crAt = null;
    if (cr !== null && !this.buf && isLineFeed(ev) && ev.at - cr <= this.opts.maxGapMs) {
      // The second half of CR+LF: swallowed, or it would press whatever has focus.
      return { verdict: 'consumed', scans: none, lineFeed: true };
    }

    const digit = altNumpadDigit(ev);
    if (digit !== null) {
      this.altDigits += digit;
      if (this.buf && alive) this.last = ev.at;
      return { verdict: this.inBurst ? 'consumed' : 'pass', scans: none };
    }

    if (IGNORED.has(ev.key)) {
      // Modifiers and dead keys sit between the characters of a scan on some layouts:
      // they must neither end the burst nor count as a slow gap.
      if (this.buf && alive) this.last = ev.at;
      return { verdict: this.inBurst ? 'consumed' : 'pass', scans: none };
    }

    const term = terminatorOf(ev);
    if (term) return this.terminate(term, ev.at, alive);

    const c = this.classify(ev);
    if (c.kind === 'other') {
      // A non-character key (arrows, F-keys, Backspace...) is a person at the keyboard.
      const done = this.flush(ev.at);
      this.reset();
      return { verdict: 'pass', scans: done };
    }
    if (c.kind === 'skip') {
      if (this.buf && alive) this.last = ev.at;
      return { verdict: this.inBurst ? 'consumed' : 'pass', scans: none };
    }
    return this.add(c.ch, ev.at, c.via);
  }

  /** Ends a terminator-less burst once the line has been quiet long enough. */
  flush(now: number): DetectedScan[] {
    if (this.buf.length >= this.opts.minLength && now - this.last >= this.opts.quietMs && this.isBurst()) {
      const scan = this.take(this.last, 'none');
      this.reset();
      return [scan];
    }
    // An empty line keeps any Alt+numpad code in progress.
    if (this.buf && now - this.last > this.opts.stallMs) this.reset();
    return [];
  }

  reset(): void {
    this.buf = '';
    this.gaps = [];
    this.last = -Infinity;
    this.flags = { altNumpad: false, ctrlBracket: false, gsSubstitute: false };
    // Not reset on Alt's keydown: some firmware repeats it between the digits of one code.
    this.altDigits = '';
  }

  private release(ev: KeyInput): FeedResult {
    if (ev.key !== 'Alt' || !this.altDigits) return { verdict: 'pass', scans: [] };
    const ch = fromAltCode(this.altDigits);
    this.altDigits = '';
    if (ch === null) return { verdict: 'pass', scans: [] };
    const res = this.add(ch, ev.at);
    // After add(): a stalled burst it flushed first keeps its own flags.
    this.flags.altNumpad = true;
    return res;
  }

  private terminate(term: 'enter' | 'tab', at: number, alive: boolean): FeedResult {
    // A terminator is strong evidence of a scanner: stalled keys are tolerated as long as
    // a good share of the gaps were at scanner speed.
    const long = this.buf.length >= this.opts.minLength && alive;
    if (long && this.isBurst(TERMINATED_FAST_SHARE)) {
      const scan = this.take(at, term);
      this.reset();
      if (term === 'enter') this.crAt = at;
      return { verdict: 'consumed', scans: [scan] };
    }
    const rejected = long ? { raw: this.buf, at, info: this.info(at, term) } : undefined;
    this.reset();
    return rejected ? { verdict: 'pass', scans: [], rejected } : { verdict: 'pass', scans: [] };
  }

  private add(ch: string, at: number, via?: 'ctrlBracket' | 'gsSubstitute'): FeedResult {
    const scans: DetectedScan[] = [];
    const gap = at - this.last;
    if (this.buf && gap > this.opts.stallMs) {
      scans.push(...this.flush(at));
      this.reset();
    }
    if (this.buf) this.gaps.push(gap);
    else this.first = at;
    if (via) this.flags[via] = true;
    this.buf += ch;
    this.last = at;
    return { verdict: this.inBurst ? 'consumed' : 'pass', scans };
  }

  /** Scanner speed: at least `share` of the gaps (by default half) are within maxGap. */
  private isBurst(share = 0.5): boolean {
    if (!this.gaps.length) return false;
    const fast = this.gaps.filter((g) => g <= this.opts.maxGapMs).length;
    return fast / this.gaps.length >= share;
  }

  /** What a key adds: a character, a keystroke to skip without breaking the burst, or a non-scan key. */
  private classify(ev: KeyInput): Classified {
    if (ev.key === GS) return { kind: 'char', ch: GS };
    if (ev.ctrlKey && !ev.altKey) {
      // Ctrl+] is how a keyboard types GS. The scanner presses the key that is ] on a US
      // layout; on a German one that key is +/* (code BracketRight), so go by the code.
      if (ev.code === 'BracketRight' || ev.key === ']') return { kind: 'char', ch: GS, via: 'ctrlBracket' };
      return ev.key.length === 1 ? { kind: 'skip' } : { kind: 'other' };
    }
    if (ev.key.length !== 1) return { kind: 'other' };
    if (ev.key === this.opts.gsSubstitute) return { kind: 'char', ch: GS, via: 'gsSubstitute' };
    // AltGr (Ctrl+Alt on Windows), Option combos and Alt-flagged keys from some firmware
    // already carry the real character in `key`: keep it.
    return { kind: 'char', ch: ev.key };
  }

  private info(end: number, terminator: Terminator): BurstInfo {
    const gaps = terminator === 'none' ? [...this.gaps] : [...this.gaps, end - this.last];
    return {
      terminator,
      gaps,
      totalMs: end - this.first,
      maxGapMs: gaps.length ? Math.max(...gaps) : 0,
      keys: this.buf.length,
      ...this.flags,
    };
  }

  private take(at: number, terminator: Terminator): DetectedScan {
    return { scan: { source: 'wedge', raw: this.buf, at }, info: this.info(at, terminator) };
  }
}

/** Enter, or Ctrl+M (CR) from a scanner sending control characters as Ctrl+letter. */
function terminatorOf(ev: KeyInput): 'enter' | 'tab' | null {
  if (ev.key === 'Enter') return 'enter';
  if (ev.key === 'Tab') return 'tab';
  if (ev.ctrlKey && !ev.altKey && (ev.code === 'KeyM' || ev.key === 'm' || ev.key === 'M')) return 'enter';
  if (ev.ctrlKey && !ev.altKey && (ev.code === 'KeyI' || ev.key === 'i' || ev.key === 'I')) return 'tab';
  return null;
}

/** LF reaches the page as a second Enter, or as Ctrl+J in control-character mode. */
function isLineFeed(ev: KeyInput): boolean {
  if (ev.type === 'up') return false;
  return ev.key === 'Enter' || (!!ev.ctrlKey && !ev.altKey && (ev.code === 'KeyJ' || ev.key === 'j' || ev.key === 'J'));
}

/**
 * A digit of an Alt+numpad code. Only numpad keys count (whatever NumLock makes their
 * `key`), so an Alt-flagged top-row digit stays the digit it says it is. Without a
 * `code` (old browsers), an Alt-flagged digit is taken as a numpad one.
 */
function altNumpadDigit(ev: KeyInput): string | null {
  if (!ev.altKey || ev.ctrlKey) return null;
  if (ev.code !== undefined && ev.code !== '') return /^Numpad(\d)$/.exec(ev.code)?.[1] ?? null;
  return /^\d$/.test(ev.key) ? ev.key : null;
}
