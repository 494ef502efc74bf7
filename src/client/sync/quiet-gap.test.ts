import { describe, expect, it } from 'vitest';
import { quietGap, type QuietGapRules } from './quiet-gap';

const rules: QuietGapRules = { quietMs: 700, capMs: 3000, slotFromMs: 40, slotToMs: 200, hardCapMs: 5000 };

// now, last write (null: none), held since → go, or how long to wait at most.
const cases: [string, number, number | null, number, boolean | number][] = [
  ['no write since start: go at once', 1000, null, 1000, true],
  ['a write 700 ms ago: a pause, go', 10_000, 9_300, 10_000, true],
  ['a write 100 ms ago, just asked: wait for the pause', 10_000, 9_900, 10_000, 600],
  ['a write 100 ms ago, held 2.8 s: wait until the cap', 10_000, 9_900, 7_200, 200],
  ['held past the cap, write 10 ms ago: wait for its feedback', 10_000, 9_990, 6_500, 30],
  ['held past the cap, write 40 ms ago: its slot opens, go', 10_000, 9_960, 6_500, true],
  ['held past the cap, write 200 ms ago: still in its slot, go', 10_000, 9_800, 6_500, true],
  ['held past the cap, write 300 ms ago: slot gone, wait for the next write or the pause', 10_000, 9_700, 6_500, 400],
  ['held 4.9 s, slot gone: wait no longer than the hard cap', 10_000, 9_700, 5_100, 100],
  ['held 5 s, a write 10 ms ago: the hard cap, go anyway', 10_000, 9_990, 5_000, true],
];

describe('quietGap', () => {
  it.each(cases)('%s', (_name, now, lastWriteAt, heldSince, expected) => {
    const d = quietGap(now, lastWriteAt, heldSince, rules);
    expect(d).toEqual(expected === true ? { go: true } : { go: false, wait: expected });
  });
});
