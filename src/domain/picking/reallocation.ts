import type { PickTask } from '../model';
import type { NewException } from '../commands/types';
import { allocate, type AllocateOptions, type SkuTracking, type StockLot } from './allocation';

/**
 * What happens after a short pick (issue 4): the bin is counted, the missing units come
 * from other bins when any hold them, and only what nobody can supply reaches the lead.
 *
 * Wiring: `pick.short` runs this on both sides. The client applies it optimistically so
 * the new stop appears in the walk at once; the server runs it authoritatively inside the
 * same transaction as the short (stock = ledger balances net of other open tasks), creates
 * the count task and the new pick tasks, and its exception replaces the one
 * `applyPickShort` raises today for the whole missing quantity. The pull then confirms or
 * corrects what the device guessed.
 */

export type ShortTask = Pick<PickTask, 'id' | 'waveId' | 'orderId' | 'orderLineId' | 'skuId' | 'locationId' | 'qty' | 'pickedQty'> & {
  lot?: string | null;
};

export interface ReallocateOptions extends Omit<AllocateOptions, 'excludeLocationIds'> {
  sku: SkuTracking;
  /** Other bins to avoid besides the short one, e.g. bins already found short in this wave. */
  excludeLocationIds?: readonly string[];
}

export interface CountTaskRequest {
  locationId: string;
  skuId: string;
  reason: 'short_pick';
  /** The pick task that found the bin short. */
  taskId: string;
}

export interface NewStop {
  locationId: string;
  walkSeq: number;
  qty: number;
  lot: string | null;
  expiry: string | null;
}

export type ShortPickException = NewException & { type: 'short_pick' };

export interface ShortOutcome {
  /** Units the task still lacked minus what the picker found. */
  missingQty: number;
  /** Null only when nothing is missing (a caller slip: that is a pick, not a short). */
  countTask: CountTaskRequest | null;
  /** In walk order; each becomes a pick task for the same order line. */
  newStops: NewStop[];
  /** Units no other bin could supply. */
  shortQty: number;
  exception: ShortPickException | null;
}

/**
 * The picker found `foundQty` of the task's open quantity. The short bin is never
 * re-allocated, whatever lot it holds: its balance is what the count is about to
 * disprove.
 */
export function reallocateShort(
  task: ShortTask,
  foundQty: number,
  stock: readonly StockLot[],
  opts: ReallocateOptions,
): ShortOutcome {
  const open = Math.max(0, task.qty - task.pickedQty);
  const missingQty = Math.max(0, open - Math.max(0, Math.trunc(foundQty)));
  if (missingQty === 0) return { missingQty, countTask: null, newStops: [], shortQty: 0, exception: null };

  const { sku, excludeLocationIds = [], ...rest } = opts;
  const result = allocate({ skuId: task.skuId, qty: missingQty }, sku, stock, {
    ...rest,
    excludeLocationIds: [task.locationId, ...excludeLocationIds],
  });
  const newStops = result.allocations.map(({ locationId, walkSeq, qty, lot, expiry }) => ({ locationId, walkSeq, qty, lot, expiry }));
  const exception: ShortPickException | null =
    result.shortQty > 0
      ? { type: 'short_pick', waveId: task.waveId, taskId: task.id, locationId: task.locationId, skuId: task.skuId, qty: result.shortQty }
      : null;
  return {
    missingQty,
    countTask: { locationId: task.locationId, skuId: task.skuId, reason: 'short_pick', taskId: task.id },
    newStops,
    shortQty: result.shortQty,
    exception,
  };
}

/**
 * Adds new stops to a wave's task list in walk order: each goes before the first task
 * further along the walk, after any at the same place. The existing order is kept as it
 * is (a skipped stop moved to the end stays there), and the input is not changed.
 */
export function insertInWalkOrder<T extends { walkSeq: number }>(tasks: readonly T[], newTasks: readonly T[]): T[] {
  const out = [...tasks];
  const incoming = newTasks.map((t, i) => ({ t, i })).sort((a, b) => a.t.walkSeq - b.t.walkSeq || a.i - b.i);
  for (const { t } of incoming) {
    const at = out.findIndex((x) => x.walkSeq > t.walkSeq);
    out.splice(at < 0 ? out.length : at, 0, t);
  }
  return out;
}
