import { describe, expect, it } from 'vitest';
import { allocateLease, leaseSize, markUsed, needsTopUp, nextSerial, remainingSerials, type SerialCounter } from './lease';
import type { LeaseKind, NumberLease } from './types';

const lease = (id: string, first: number, last: number, kind: LeaseKind = 'tracking'): NumberLease => ({ id, kind, first, last });

describe('allocateLease', () => {
  it.each<{ name: string; counter: SerialCounter; size: number; expected: ReturnType<typeof allocateLease> }>([
    { name: 'first block from a fresh counter', counter: { next: 1, last: 99_999_999 }, size: 500, expected: { first: 1, last: 500, next: 501 } },
    { name: 'a block of one', counter: { next: 42, last: 100 }, size: 1, expected: { first: 42, last: 42, next: 43 } },
    { name: 'a block that exactly fills the range', counter: { next: 91, last: 100 }, size: 10, expected: { first: 91, last: 100, next: 101 } },
    { name: 'a partial last block', counter: { next: 95, last: 100 }, size: 10, expected: { first: 95, last: 100, next: 101 } },
    { name: 'one serial left', counter: { next: 100, last: 100 }, size: 10, expected: { first: 100, last: 100, next: 101 } },
    { name: 'exhausted', counter: { next: 101, last: 100 }, size: 10, expected: null },
    { name: 'serial zero is usable', counter: { next: 0, last: 9 }, size: 5, expected: { first: 0, last: 4, next: 5 } },
  ])('$name', ({ counter, size, expected }) => {
    expect(allocateLease(counter, size)).toEqual(expected);
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses a block size of %s', (size) => {
    expect(() => allocateLease({ next: 1, last: 100 }, size)).toThrow(RangeError);
  });

  it('never grants the same serial twice: two allocations in a row do not overlap', () => {
    const counter = { next: 1, last: 1_000 };
    const a = allocateLease(counter, 100)!;
    const b = allocateLease({ ...counter, next: a.next }, 100)!;
    expect(b.first).toBe(a.last + 1);
    expect(b.first > a.last).toBe(true);
  });

  it('many devices interleaving allocations get disjoint ranges that cover the counter exactly', () => {
    // Deterministic pseudo-random sizes and device order (mulberry32), so a failure can be replayed.
    let seed = 0x5eed;
    const rand = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const counter: SerialCounter = { next: 1, last: 20_000 };
    const byDevice = new Map<number, NumberLease[]>();
    const granted: NumberLease[] = [];
    for (;;) {
      const device = Math.floor(rand() * 7);
      const block = allocateLease(counter, 1 + Math.floor(rand() * 250));
      if (!block) break;
      counter.next = block.next;
      const l = lease(`d${device}-${granted.length}`, block.first, block.last);
      granted.push(l);
      byDevice.set(device, [...(byDevice.get(device) ?? []), l]);
    }
    expect(granted.length).toBeGreaterThan(100);
    const sorted = [...granted].sort((a, b) => a.first - b.first);
    expect(sorted[0]!.first).toBe(1);
    expect(sorted.at(-1)!.last).toBe(20_000);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i]!.first).toBe(sorted[i - 1]!.last + 1);

    // Every device numbering everything it holds, offline, never repeats another's serial.
    const seen = new Set<number>();
    for (const leases of byDevice.values()) {
      let used: Record<string, number> = {};
      for (let s = nextSerial(leases, used, 'tracking'); s; s = nextSerial(leases, used, 'tracking')) {
        expect(seen.has(s.serial)).toBe(false);
        seen.add(s.serial);
        used = markUsed(used, s.leaseId);
      }
    }
    expect(seen.size).toBe(20_000);
  });
});

describe('nextSerial', () => {
  const leases = [lease('t-new', 501, 503), lease('t-old', 101, 103), lease('s-1', 7, 8, 'sscc')];
  it.each<{ name: string; leases: NumberLease[]; used: Record<string, number>; kind: LeaseKind; expected: ReturnType<typeof nextSerial> }>([
    { name: 'the lowest serial of the oldest lease', leases, used: {}, kind: 'tracking', expected: { leaseId: 't-old', serial: 101 } },
    { name: 'continues after the used ones', leases, used: { 't-old': 2 }, kind: 'tracking', expected: { leaseId: 't-old', serial: 103 } },
    { name: 'moves to the next lease when the oldest is used up', leases, used: { 't-old': 3 }, kind: 'tracking', expected: { leaseId: 't-new', serial: 501 } },
    { name: 'over-counted usage is treated as used up', leases, used: { 't-old': 99 }, kind: 'tracking', expected: { leaseId: 't-new', serial: 501 } },
    { name: 'a negative count is treated as none used', leases, used: { 't-old': -4 }, kind: 'tracking', expected: { leaseId: 't-old', serial: 101 } },
    { name: 'leases of the other kind are ignored', leases, used: {}, kind: 'sscc', expected: { leaseId: 's-1', serial: 7 } },
    { name: 'usage of another lease does not matter', leases, used: { 's-1': 1 }, kind: 'tracking', expected: { leaseId: 't-old', serial: 101 } },
    { name: 'all used', leases, used: { 't-old': 3, 't-new': 3 }, kind: 'tracking', expected: null },
    { name: 'no leases', leases: [], used: {}, kind: 'tracking', expected: null },
    { name: 'only leases of the other kind', leases: [lease('s-1', 7, 8, 'sscc')], used: {}, kind: 'tracking', expected: null },
  ])('$name', ({ leases: ls, used, kind, expected }) => {
    expect(nextSerial(ls, used, kind)).toEqual(expected);
  });

  it('does not change the used-counts it is given; markUsed makes new ones', () => {
    const used = { 't-old': 1 };
    const next = markUsed(used, 't-old');
    expect(used).toEqual({ 't-old': 1 });
    expect(next).toEqual({ 't-old': 2 });
    expect(markUsed({}, 'x')).toEqual({ x: 1 });
  });
});

describe('remainingSerials and needsTopUp', () => {
  const leases = [lease('a', 1, 10), lease('b', 11, 15), lease('s', 100, 199, 'sscc')];
  it.each<{ name: string; used: Record<string, number>; kind: LeaseKind; lowWater: number; remaining: number; topUp: boolean }>([
    { name: 'fresh leases', used: {}, kind: 'tracking', lowWater: 10, remaining: 15, topUp: false },
    { name: 'exactly at the low-water mark', used: { a: 5 }, kind: 'tracking', lowWater: 10, remaining: 10, topUp: false },
    { name: 'one below the low-water mark', used: { a: 6 }, kind: 'tracking', lowWater: 10, remaining: 9, topUp: true },
    { name: 'all used', used: { a: 10, b: 5 }, kind: 'tracking', lowWater: 10, remaining: 0, topUp: true },
    { name: 'all used with a low-water mark of 0 still asks', used: { a: 10, b: 5 }, kind: 'tracking', lowWater: 0, remaining: 0, topUp: true },
    { name: 'one left with a low-water mark of 0', used: { a: 10, b: 4 }, kind: 'tracking', lowWater: 0, remaining: 1, topUp: false },
    { name: 'over-counted usage does not go negative', used: { a: 50 }, kind: 'tracking', lowWater: 5, remaining: 5, topUp: false },
    { name: 'kinds are counted apart', used: { a: 10, b: 5 }, kind: 'sscc', lowWater: 50, remaining: 100, topUp: false },
  ])('$name', ({ used, kind, lowWater, remaining, topUp }) => {
    expect(remainingSerials(leases, used, kind)).toBe(remaining);
    expect(needsTopUp(leases, used, kind, lowWater)).toBe(topUp);
  });

  it('with no leases at all, nothing remains and a top-up is needed', () => {
    expect(remainingSerials([], {}, 'sscc')).toBe(0);
    expect(needsTopUp([], {}, 'sscc', 0)).toBe(true);
  });

  it('counts a lease inclusively', () => {
    expect(leaseSize(lease('x', 5, 5))).toBe(1);
    expect(leaseSize(lease('x', 0, 9))).toBe(10);
  });
});
