import type { RawScan } from '../../domain/scan/normalise';

export interface KeyInput {
  key: string;
  at: number;
  ctrlKey?: boolean;
  altKey?: boolean;
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

export type KeyVerdict =
  /** The key belongs to a scan in progress (or ends one): the page should not act on it. */
  | 'consumed'
  /** Not ours: let it do whatever it normally does. */
  | 'pass';

export interface FeedResult {
  verdict: KeyVerdict;
  scans: RawScan[];
}

const GS = '\u001d';
/** Share of fast gaps a burst ended by Enter/Tab needs; people rarely reach even 20 %. */
const TERMINATED_FAST_SHARE = 0.4;
const AIM = /^\][A-Za-z][0-9A-Za-z]/;
const IGNORED = new Set(['Shift', 'Control', 'Alt', 'AltGraph', 'Meta', 'CapsLock', 'NumLock', 'Dead', 'Unidentified', 'Process']);

/**
 * Tells scanner bursts from human typing by timing alone. Pure: fed key events with
 * timestamps, it returns the scans they complete; `flush(now)` ends a burst that had no
 * terminator once the line has been quiet for `quietMs`.
 */
export class BurstDetector {
  private buf = '';
  /** Gaps between consecutive characters of the buffer. */
  private gaps: number[] = [];
  private last = -Infinity;
  readonly opts: BurstOptions;

  constructor(opts: Partial<BurstOptions> = {}) {
    this.opts = { ...WEDGE_PROFILES.usb, ...opts };
  }

  /** True while characters are arriving at scanner speed. */
  get inBurst(): boolean {
    return this.buf.length >= 2 && this.isBurst();
  }

  feed(ev: KeyInput): FeedResult {
    const scans: RawScan[] = [];
    const gap = ev.at - this.last;
    const alive = gap <= this.opts.stallMs;

    if (IGNORED.has(ev.key)) {
      // Modifiers and dead keys sit between the characters of a scan on some layouts:
      // they must neither end the burst nor count as a slow gap.
      if (this.buf && alive) this.last = ev.at;
      return { verdict: this.inBurst ? 'consumed' : 'pass', scans };
    }

    if (ev.key === 'Enter' || ev.key === 'Tab') {
      // A terminator is strong evidence of a scanner: stalled keys are tolerated as long as
      // a good share of the gaps were at scanner speed.
      const scan = this.buf.length >= this.opts.minLength && alive && this.isBurst(TERMINATED_FAST_SHARE) ? this.take(ev.at) : null;
      this.reset();
      if (scan) scans.push(scan);
      return { verdict: scan ? 'consumed' : 'pass', scans };
    }

    const ch = this.charOf(ev);
    if (ch === undefined) {
      // A non-character key (arrows, F-keys, Backspace...) is a person at the keyboard.
      const done = this.flush(ev.at);
      this.reset();
      return { verdict: 'pass', scans: done };
    }
    if (ch === null) {
      if (this.buf && alive) this.last = ev.at;
      return { verdict: this.inBurst ? 'consumed' : 'pass', scans };
    }

    if (this.buf && !alive) {
      scans.push(...this.flush(ev.at));
      this.reset();
    }
    if (this.buf) this.gaps.push(gap);
    this.buf += ch;
    this.last = ev.at;
    return { verdict: this.inBurst ? 'consumed' : 'pass', scans };
  }

  /** Ends a terminator-less burst once the line has been quiet long enough. */
  flush(now: number): RawScan[] {
    if (this.buf.length >= this.opts.minLength && now - this.last >= this.opts.quietMs && this.isBurst()) {
      const scan = this.take(this.last);
      this.reset();
      return [scan];
    }
    if (now - this.last > this.opts.stallMs) this.reset();
    return [];
  }

  reset(): void {
    this.buf = '';
    this.gaps = [];
    this.last = -Infinity;
  }

  /** Scanner speed: at least `share` of the gaps (by default half) are within maxGap. */
  private isBurst(share = 0.5): boolean {
    if (!this.gaps.length) return false;
    const fast = this.gaps.filter((g) => g <= this.opts.maxGapMs).length;
    return fast / this.gaps.length >= share;
  }

  /**
   * The character a key adds: a string, null for a keystroke to skip without breaking
   * the burst, undefined for a key that is not part of any scan.
   */
  private charOf(ev: KeyInput): string | null | undefined {
    if (ev.key.length !== 1) return undefined;
    if (ev.ctrlKey && !ev.altKey) return ev.key === ']' ? GS : null; // Ctrl+] is how a keyboard types GS
    if (ev.key === this.opts.gsSubstitute) return GS;
    // AltGr (Ctrl+Alt on Windows) and Option combos produce real characters: keep them.
    if (ev.altKey && !ev.ctrlKey && /\d/.test(ev.key)) return null; // Alt+numpad code digits
    return ev.key;
  }

  private take(at: number): RawScan {
    let raw = this.buf;
    let symbologyId: string | undefined;
    const aim = AIM.exec(raw);
    if (aim) {
      symbologyId = aim[0];
      raw = raw.slice(3);
    }
    return symbologyId ? { source: 'wedge', raw, symbologyId, at } : { source: 'wedge', raw, at };
  }
}
