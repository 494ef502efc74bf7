import { describe, expect, it } from 'vitest';
import type { CartSlot } from './cart';
import {
  allocateUnitsToSplit,
  applySkipMarks,
  buildStops,
  nextStop,
  skipStop,
  type SkipMark,
  type SplitAllocation,
  type Stop,
  type WalkTask,
} from './walk';

function task(id: string, p: Partial<WalkTask> = {}): WalkTask {
  return { id, orderId: 'o1', skuId: 's1', locationId: 'A', walkSeq: 10, qty: 1, pickedQty: 0, status: 'open', ...p };
}
const slots: CartSlot[] = [
  { slot: 1, orderId: 'o1', toteCode: 'T1' },
  { slot: 2, orderId: 'o2', toteCode: 'T2' },
  { slot: 3, orderId: 'o3', toteCode: null },
];
/** A compact picture of the walk: `bin/sku:open[slot=qty,...]`, skipped stops marked with `~n`. */
const walk = (stops: Stop[]) =>
  stops.map((s) => `${s.key}:${s.openQty}[${s.split.map((x) => `${x.slot ?? '-'}=${x.openQty}`).join(',')}]${s.skippedAt === null ? '' : `~${s.skippedAt}`}`);

describe('buildStops', () => {
  it.each<{ name: string; tasks: WalkTask[]; expected: string[] }>([
    { name: 'walk order by walkSeq, then bin, then sku',
      tasks: [task('a', { locationId: 'C', walkSeq: 30 }), task('b', { locationId: 'B', walkSeq: 10, skuId: 's2' }),
        task('c', { locationId: 'B', walkSeq: 10, skuId: 's1' }), task('d', { locationId: 'A', walkSeq: 20 })],
      expected: ['B|s1:1[1=1]', 'B|s2:1[1=1]', 'A|s1:1[1=1]', 'C|s1:1[1=1]'] },
    { name: 'same bin and sku merge across orders, split in slot order',
      tasks: [task('a', { orderId: 'o3', qty: 2 }), task('b', { orderId: 'o1', qty: 4 }), task('c', { orderId: 'o2', qty: 1 })],
      expected: ['A|s1:7[1=4,2=1,3=2]'] },
    { name: 'same bin, different sku stay apart',
      tasks: [task('a', { orderId: 'o1', skuId: 's1' }), task('b', { orderId: 'o2', skuId: 's2' })],
      expected: ['A|s1:1[1=1]', 'A|s2:1[2=1]'] },
    { name: 'closed and fully picked tasks leave the walk; partly picked count what is open',
      tasks: [task('a', { status: 'picked', pickedQty: 1 }), task('b', { orderId: 'o2', status: 'short' }),
        task('c', { orderId: 'o3', qty: 5, pickedQty: 3 }), task('d', { locationId: 'B', qty: 2, pickedQty: 2 })],
      expected: ['A|s1:2[3=2]'] },
    { name: 'an order not on the cart comes last in the split',
      tasks: [task('a', { orderId: 'o9' }), task('b', { orderId: 'o2' })],
      expected: ['A|s1:2[2=1,-=1]'] },
    { name: 'skipped stops go to the end in skip order',
      tasks: [task('a', { locationId: 'A', walkSeq: 1, skippedAt: 2 }), task('b', { locationId: 'B', walkSeq: 2, skippedAt: 1 }),
        task('c', { locationId: 'C', walkSeq: 3 })],
      expected: ['C|s1:1[1=1]', 'B|s1:1[1=1]~1', 'A|s1:1[1=1]~2'] },
    { name: 'a partly skipped merged stop stays in its walk place whole',
      tasks: [task('a', { locationId: 'A', walkSeq: 1, skippedAt: 1 }), task('b', { locationId: 'A', walkSeq: 1, orderId: 'o2' }),
        task('c', { locationId: 'B', walkSeq: 2 })],
      expected: ['A|s1:2[1=1,2=1]', 'B|s1:1[1=1]'] },
    { name: 'a merged stop whose only unskipped task is closed counts as skipped',
      tasks: [task('a', { locationId: 'A', walkSeq: 1, skippedAt: 1 }), task('b', { locationId: 'A', walkSeq: 1, orderId: 'o2', status: 'picked', pickedQty: 1 }),
        task('c', { locationId: 'B', walkSeq: 2 })],
      expected: ['B|s1:1[1=1]', 'A|s1:1[1=1]~1'] },
    { name: 'null skip marks are not skips',
      tasks: [task('a', { locationId: 'A', walkSeq: 1, skippedAt: null }), task('b', { locationId: 'B', walkSeq: 2 })],
      expected: ['A|s1:1[1=1]', 'B|s1:1[1=1]'] },
    { name: 'nothing open, no stops', tasks: [task('a', { status: 'picked', pickedQty: 1 })], expected: [] },
  ])('$name', ({ tasks, expected }) => {
    expect(walk(buildStops(tasks, slots))).toEqual(expected);
  });

  it('carries task ids, tote codes and the stop fields', () => {
    const stops = buildStops([task('b', { orderId: 'o2', qty: 3, walkSeq: 7 }), task('a', { orderId: 'o1', qty: 2, walkSeq: 7 })], slots);
    expect(stops).toEqual<Stop[]>([{
      key: 'A|s1', locationId: 'A', skuId: 's1', walkSeq: 7, taskIds: ['a', 'b'], openQty: 5, skippedAt: null,
      split: [
        { taskId: 'a', orderId: 'o1', slot: 1, toteCode: 'T1', openQty: 2 },
        { taskId: 'b', orderId: 'o2', slot: 2, toteCode: 'T2', openQty: 3 },
      ],
    }]);
  });

  it('does not depend on the order the rows arrived in', () => {
    const tasks = [task('a', { orderId: 'o2' }), task('b', { locationId: 'B', walkSeq: 5 }), task('c', { orderId: 'o1' }),
      task('d', { locationId: 'C', walkSeq: 5, skippedAt: 1 })];
    expect(buildStops([...tasks].reverse(), slots)).toEqual(buildStops(tasks, slots));
  });
});

describe('skipStop', () => {
  const base = [
    task('a', { locationId: 'A', walkSeq: 1 }),
    task('a2', { locationId: 'A', walkSeq: 1, orderId: 'o2', status: 'picked', pickedQty: 1 }),
    task('b', { locationId: 'B', walkSeq: 2 }),
    task('c', { locationId: 'C', walkSeq: 3 }),
  ];
  /** Skips the stop at each listed bin in turn, as a picker would; returns the walk and the marks of the last skip. */
  function skipInTurn(bins: string[]) {
    let tasks = base;
    let marks: SkipMark[] = [];
    for (const bin of bins) {
      const stop = buildStops(tasks, slots).find((s) => s.locationId === bin)!;
      marks = skipStop(tasks, stop);
      tasks = applySkipMarks(tasks, marks);
    }
    return { order: buildStops(tasks, slots).map((s) => s.locationId), marks, next: nextStop(buildStops(tasks, slots))?.locationId ?? null };
  }
  it.each<{ name: string; bins: string[]; order: string[]; marks: SkipMark[]; next: string }>([
    { name: 'a skip moves the stop to the end, marking only its open tasks', bins: ['A'],
      order: ['B', 'C', 'A'], marks: [{ taskId: 'a', skippedAt: 1 }], next: 'B' },
    { name: 'a second skip goes behind the first', bins: ['A', 'B'],
      order: ['C', 'A', 'B'], marks: [{ taskId: 'b', skippedAt: 2 }], next: 'C' },
    { name: 'skipping a skipped stop again sends it behind the others', bins: ['A', 'B', 'A'],
      order: ['C', 'B', 'A'], marks: [{ taskId: 'a', skippedAt: 3 }], next: 'C' },
    { name: 'skipping everything keeps the skip order', bins: ['C', 'A', 'B'],
      order: ['C', 'A', 'B'], marks: [{ taskId: 'b', skippedAt: 3 }], next: 'C' },
  ])('$name', ({ bins, order, marks, next }) => {
    const got = skipInTurn(bins);
    expect(got.order).toEqual(order);
    expect(got.marks).toEqual(marks);
    expect(got.next).toBe(next);
  });

  it('never reuses an ordinal, even one held by a closed task', () => {
    const tasks = [task('x', { status: 'picked', pickedQty: 1, skippedAt: 5 }), task('y', { locationId: 'B' })];
    expect(skipStop(tasks, { taskIds: ['y'] })).toEqual([{ taskId: 'y', skippedAt: 6 }]);
  });
});

describe('nextStop', () => {
  it.each<{ name: string; tasks: WalkTask[]; expected: string | null }>([
    { name: 'the first stop of the walk', tasks: [task('a', { locationId: 'B', walkSeq: 2 }), task('b', { walkSeq: 1 })], expected: 'A|s1' },
    { name: 'none when the wave is done', tasks: [task('a', { status: 'short' })], expected: null },
  ])('$name', ({ tasks, expected }) => {
    expect(nextStop(buildStops(tasks, slots))?.key ?? null).toBe(expected);
  });
});

describe('allocateUnitsToSplit', () => {
  const stop = buildStops([
    task('c', { orderId: 'o3', qty: 2 }),
    task('a', { orderId: 'o1', qty: 3 }),
    task('b', { orderId: 'o2', qty: 1 }),
  ], slots)[0]!;
  const a = (taskId: string, orderId: string, slot: number, toteCode: string | null, qty: number): SplitAllocation => ({ taskId, orderId, slot, toteCode, qty });
  it.each<{ name: string; n: number; allocations: SplitAllocation[]; leftover: number }>([
    { name: 'one unit goes to the first slot', n: 1, allocations: [a('a', 'o1', 1, 'T1', 1)], leftover: 0 },
    { name: 'fills the first order before the next', n: 4, allocations: [a('a', 'o1', 1, 'T1', 3), a('b', 'o2', 2, 'T2', 1)], leftover: 0 },
    { name: 'exactly the stop', n: 6,
      allocations: [a('a', 'o1', 1, 'T1', 3), a('b', 'o2', 2, 'T2', 1), a('c', 'o3', 3, null, 2)], leftover: 0 },
    { name: 'more than the stop needs leaves a leftover', n: 9,
      allocations: [a('a', 'o1', 1, 'T1', 3), a('b', 'o2', 2, 'T2', 1), a('c', 'o3', 3, null, 2)], leftover: 3 },
    { name: 'zero units', n: 0, allocations: [], leftover: 0 },
    { name: 'a negative count allocates nothing', n: -2, allocations: [], leftover: 0 },
  ])('$name', ({ n, allocations, leftover }) => {
    const got = allocateUnitsToSplit(stop, n);
    expect(got).toEqual({ allocations, leftover });
    for (const al of got.allocations) expect(al.qty).toBeLessThanOrEqual(stop.split.find((s) => s.taskId === al.taskId)!.openQty);
  });

  it('after a partial pick, fills what is still open', () => {
    const partly = buildStops([task('a', { orderId: 'o1', qty: 3, pickedQty: 2 }), task('b', { orderId: 'o2', qty: 2 })], slots)[0]!;
    expect(allocateUnitsToSplit(partly, 2)).toEqual({ allocations: [a('a', 'o1', 1, 'T1', 1), a('b', 'o2', 2, 'T2', 1)], leftover: 0 });
  });
});
