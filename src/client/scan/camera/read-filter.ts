/**
 * Decides which camera reads become scans. A camera sees the same label many times a
 * second; a wedge scanner fires once per trigger pull. This turns the first into the
 * second. Pure: the caller passes the clock, so the rules are tested with fake time.
 *
 * - Normal mode: a code read again within `dedupeMs` of its last accepted read is dropped.
 * - Counting mode (every read is one unit): a code is taken once, then not again until it
 *   has been out of view (no reads of it) for at least `rearmMs`. Holding a carton in view
 *   never counts twice; taking it away and bringing it back counts again, however fast.
 */
export interface ReadFilterOptions {
  dedupeMs: number;
  counting: boolean;
  /** Counting mode: how long a code must be unseen before it counts again. */
  rearmMs?: number;
}

export const REARM_MS = 300;

interface Seen {
  /** Last time the code was read at all (accepted or not). */
  lastRead: number;
  /** Last time it was accepted. */
  lastAccepted: number;
}

export interface ReadFilter {
  /** True when this read of `code` at `now` (ms) should be published as a scan. */
  accept(code: string, now: number): boolean;
  /**
   * The listening step changed mode (counting on or off, another window). What was seen is
   * kept: a label still in view after its step is done must not be taken again at once.
   */
  configure(opts: ReadFilterOptions): void;
  /** Forget every code. */
  reset(): void;
}

/** Codes not read for this long are forgotten, so the map stays small on a long shift. */
const FORGET_MS = 60_000;

export function createReadFilter(initial: ReadFilterOptions): ReadFilter {
  let opts = initial;
  const seen = new Map<string, Seen>();
  let lastSweep = -Infinity;

  const sweep = (now: number) => {
    if (now - lastSweep < FORGET_MS) return;
    lastSweep = now;
    for (const [code, s] of seen) if (now - s.lastRead > FORGET_MS) seen.delete(code);
  };

  return {
    accept(code, now) {
      sweep(now);
      const s = seen.get(code);
      let ok: boolean;
      if (!s) ok = true;
      else if (opts.counting) ok = now - s.lastRead >= (opts.rearmMs ?? REARM_MS);
      else ok = now - s.lastAccepted >= opts.dedupeMs;
      seen.set(code, { lastRead: now, lastAccepted: ok ? now : (s?.lastAccepted ?? now) });
      return ok;
    },
    configure(next) {
      opts = next;
    },
    reset() {
      seen.clear();
    },
  };
}
