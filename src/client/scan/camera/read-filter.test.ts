import { describe, expect, it } from 'vitest';
import { createReadFilter, type ReadFilterOptions } from './read-filter';

type Read = [code: string, at: number];

/** Feeds reads at fake times; returns the codes accepted, with their times. */
function run(opts: ReadFilterOptions, reads: Read[]): string[] {
  const f = createReadFilter(opts);
  return reads.filter(([code, at]) => f.accept(code, at)).map(([code, at]) => `${code}@${at}`);
}

/** A code held in view: read every `every` ms from `from` to `to` inclusive. */
function held(code: string, from: number, to: number, every = 100): Read[] {
  const out: Read[] = [];
  for (let t = from; t <= to; t += every) out.push([code, t]);
  return out;
}

const normal = { dedupeMs: 1500, counting: false };
const counting = { dedupeMs: 1500, counting: true };

describe('read filter', () => {
  const cases: { name: string; opts: ReadFilterOptions; reads: Read[]; accepted: string[] }[] = [
    { name: 'takes the first read of a code', opts: normal, reads: [['A', 0]], accepted: ['A@0'] },
    {
      name: 'drops the same code inside the window',
      opts: normal,
      reads: [['A', 0], ['A', 200], ['A', 1499]],
      accepted: ['A@0'],
    },
    {
      name: 'takes the same code again once the window has passed',
      opts: normal,
      reads: [['A', 0], ['A', 1500], ['A', 2000], ['A', 3000]],
      accepted: ['A@0', 'A@1500', 'A@3000'],
    },
    {
      name: 'the window counts from the last accepted read, not the last one seen',
      opts: normal,
      reads: held('A', 0, 1600),
      accepted: ['A@0', 'A@1500'],
    },
    {
      name: 'a different code is never a duplicate',
      opts: normal,
      reads: [['A', 0], ['B', 10], ['A', 20], ['B', 30]],
      accepted: ['A@0', 'B@10'],
    },
    {
      name: 'the window is configurable (0 takes every read)',
      opts: { dedupeMs: 0, counting: false },
      reads: [['A', 0], ['A', 0], ['A', 1]],
      accepted: ['A@0', 'A@0', 'A@1'],
    },
    {
      name: 'a longer window',
      opts: { dedupeMs: 5000, counting: false },
      reads: [['A', 0], ['A', 4999], ['A', 5000]],
      accepted: ['A@0', 'A@5000'],
    },
    {
      name: 'counting: holding a code in view counts it once, however long',
      opts: counting,
      reads: held('A', 0, 10_000),
      accepted: ['A@0'],
    },
    {
      name: 'counting: away for 300 ms and back counts again, even inside the dedupe window',
      opts: counting,
      reads: [['A', 0], ['A', 100], ['A', 400], ['A', 500]],
      accepted: ['A@0', 'A@400'],
    },
    {
      name: 'counting: away for less than 300 ms (a missed frame) does not count again',
      opts: counting,
      reads: [['A', 0], ['A', 299], ['A', 598], ['A', 897]],
      accepted: ['A@0'],
    },
    {
      name: 'counting: two units presented one after the other',
      opts: counting,
      reads: [...held('A', 0, 500), ...held('A', 900, 1400), ...held('A', 1800, 2000)],
      accepted: ['A@0', 'A@900', 'A@1800'],
    },
    {
      name: 'counting: another code in between does not re-arm the first',
      opts: counting,
      reads: [['A', 0], ['B', 100], ['A', 200], ['B', 350], ['A', 520]],
      accepted: ['A@0', 'B@100', 'A@520'],
    },
    {
      name: 'counting: the re-arm gap is configurable',
      opts: { ...counting, rearmMs: 1000 },
      reads: [['A', 0], ['A', 900], ['A', 1900]],
      accepted: ['A@0', 'A@1900'],
    },
  ];

  for (const c of cases) {
    it(c.name, () => {
      expect(run(c.opts, c.reads)).toEqual(c.accepted);
    });
  }

  it('reset forgets every code', () => {
    const f = createReadFilter(normal);
    expect(f.accept('A', 0)).toBe(true);
    expect(f.accept('A', 100)).toBe(false);
    f.reset();
    expect(f.accept('A', 200)).toBe(true);
  });

  it('keeps what it has seen when the mode changes', () => {
    const f = createReadFilter(counting);
    expect(f.accept('A', 0)).toBe(true);
    expect(f.accept('A', 200)).toBe(false); // held in view while counting
    f.configure(normal);
    expect(f.accept('A', 400)).toBe(false); // inside the window of the read at 0
    expect(f.accept('A', 1500)).toBe(true);
    f.configure(counting);
    expect(f.accept('A', 1700)).toBe(false); // still in view
  });

  it('forgets codes unseen for a minute without changing the answers', () => {
    const f = createReadFilter(normal);
    expect(f.accept('A', 0)).toBe(true);
    expect(f.accept('B', 61_000)).toBe(true);
    expect(f.accept('A', 61_100)).toBe(true);
    expect(f.accept('A', 61_200)).toBe(false);
  });
});
