import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRefresher } from './board-refresh';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** A load that takes `ms` of fake time; counts how many started. */
function slowLoad(ms: number) {
  const started: number[] = [];
  const load = () => {
    started.push(Date.now());
    return new Promise<void>((r) => setTimeout(r, ms));
  };
  return { started, load };
}

describe('createRefresher', () => {
  it.each([
    // [what, load ms, requests as [at ms, now?], reloads started at]
    ['one request: at once', 100, [[0, false]], [0]],
    ['a burst of 200 pokes while loading: one more reload, after the gap', 100, Array.from({ length: 200 }, (_, i) => [i / 4, false] as [number, boolean]), [0, 2000]],
    ['a poke after a reload finished but inside the gap waits for the gap', 100, [[0, false], [500, false]], [0, 2000]],
    ['pokes a gap apart each reload', 100, [[0, false], [2500, false], [5000, false]], [0, 2500, 5000]],
    ["the lead's refresh skips the gap", 100, [[0, false], [500, true]], [0, 500]],
    ["the lead's refresh while loading: right after it", 300, [[0, false], [100, true]], [0, 300]],
    ['a poke waiting for the gap, then a refresh: one reload', 100, [[0, false], [500, false], [600, true]], [0, 600]],
  ] as const)('%s', async (_, loadMs, requests, expected) => {
    const t0 = Date.now();
    const { started, load } = slowLoad(loadMs);
    const r = createRefresher(load, { gapMs: 2000 });
    for (const [at, now] of requests) {
      await vi.advanceTimersByTimeAsync(Math.max(0, Math.round(t0 + at - Date.now())));
      r.request(now);
    }
    await vi.advanceTimersByTimeAsync(10_000);
    expect(started.map((s) => Math.round(s - t0))).toEqual(expected);
    r.dispose();
  });

  it.each([
    ['nothing asked: every 30 s after the last reload ended', 100, [], [0, 30_100, 60_200]],
    ['a poke moves the next periodic reload on', 100, [[10_000, false]], [0, 10_000, 40_100]],
    ['a poke inside the gap comes after the gap, not at the next periodic reload', 100, [[500, false]], [0, 2000, 32_100]],
  ] as const)('%s', async (_, loadMs, requests, expected) => {
    const t0 = Date.now();
    const { started, load } = slowLoad(loadMs);
    const r = createRefresher(load, { gapMs: 2000, everyMs: 30_000 });
    r.request(true);
    for (const [at, now] of requests) {
      await vi.advanceTimersByTimeAsync(Math.max(0, Math.round(t0 + at - Date.now())));
      r.request(now);
    }
    await vi.advanceTimersByTimeAsync(Math.max(0, t0 + 61_000 - Date.now()));
    expect(started.map((s) => Math.round(s - t0))).toEqual(expected);
    r.dispose();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(started).toHaveLength(expected.length);
  });

  it('nothing runs once disposed', async () => {
    const { started, load } = slowLoad(100);
    const r = createRefresher(load, { gapMs: 2000 });
    r.request();
    r.request();
    r.dispose();
    r.request(true);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(started).toHaveLength(1);
  });

  it('a failed load does not stop the next one', async () => {
    let n = 0;
    const r = createRefresher(() => (++n === 1 ? Promise.reject(new Error('boom')) : Promise.resolve()), { gapMs: 0 });
    r.request();
    await vi.advanceTimersByTimeAsync(1);
    r.request();
    await vi.advanceTimersByTimeAsync(1);
    expect(n).toBe(2);
  });
});
