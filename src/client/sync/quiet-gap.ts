/**
 * When the sync engine may touch IndexedDB while someone is scanning. A scan's outbox
 * write waits behind any transaction already holding its tables (a pull page holds ~15
 * of them for 30-60 ms on a slow handheld), and that wait is what the picker feels
 * between the scan and its beep. So the engine's database work waits for a quiet gap
 * after the last local write; a picker who never pauses still gets it after `capMs`,
 * placed just after one of their writes (the next scan is a few hundred ms away then),
 * and after `hardCapMs` it goes regardless, so the outbox drains and the view is never
 * stale for long.
 */
export interface QuietGapRules {
  /** This long without a local write counts as a pause in the scanning. */
  quietMs: number;
  /** Held this long, the work takes the slot just after the next write. */
  capMs: number;
  /** That slot starts this long after the write (its feedback is painted by then) ... */
  slotFromMs: number;
  /** ... and ends here (the next scan may come soon after). */
  slotToMs: number;
  /** Held this long, the work goes whatever the scanning does. */
  hardCapMs: number;
}

export const QUIET_GAP: QuietGapRules = { quietMs: 700, capMs: 3000, slotFromMs: 40, slotToMs: 200, hardCapMs: 5000 };

/** `wait`: sleep at most this long, or until the next local write, then ask again. */
export type GapDecision = { go: true } | { go: false; wait: number };

/**
 * @param now the current time
 * @param lastWriteAt when the last local write finished (null: none since start)
 * @param heldSince when this piece of work first asked to run
 */
export function quietGap(now: number, lastWriteAt: number | null, heldSince: number, rules: QuietGapRules = QUIET_GAP): GapDecision {
  if (lastWriteAt === null) return { go: true };
  const sinceWrite = now - lastWriteAt;
  const held = now - heldSince;
  if (sinceWrite >= rules.quietMs || held >= rules.hardCapMs) return { go: true };
  const untilQuiet = rules.quietMs - sinceWrite;
  const untilHardCap = rules.hardCapMs - held;
  if (held < rules.capMs) return { go: false, wait: Math.min(untilQuiet, rules.capMs - held) };
  if (sinceWrite < rules.slotFromMs) return { go: false, wait: rules.slotFromMs - sinceWrite };
  if (sinceWrite <= rules.slotToMs) return { go: true };
  // The slot after that write is gone: wait for the next write (it wakes the waiter).
  return { go: false, wait: Math.min(untilQuiet, untilHardCap) };
}
