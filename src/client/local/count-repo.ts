import type { CountSubmitArgs } from '../../domain/commands/inbound';
import { ErrorCode } from '../../domain/errors';
import type { CountTaskView } from '../../domain/inventory/snapshot';
import { db } from './db';
import { notifyLocalWrite } from './events';
import { commandsInOutbox, currentUserId, inventoryFailure, InventoryRefusal, writeCommandInTx, type InventoryResult } from './inventory-store';

/**
 * Blind counts on the device. The count task names a bin (and maybe one SKU); nothing
 * here ever reads or returns what the ledger expects, so the screen cannot show it.
 */

const SUBMIT = 'count.submit';

export type CountTaskItem = CountTaskView & { locationCode: string; skuCode: string | null; skuName: string | null };

/** Whether this user may count the task (a recount is never given to someone who counted already). */
export const mayCount = (t: CountTaskView, userId: string): boolean =>
  !t.excludeUserIds.includes(userId) && (t.assignedTo === null || t.assignedTo === userId);

/** Open count tasks for this user: not excluded from, and not already counted here (a count.submit waiting to sync). */
export async function listCountTasks(userId: string): Promise<CountTaskItem[]> {
  const d = db();
  const [tasks, pending] = await Promise.all([d.countTasks.toArray(), commandsInOutbox([SUBMIT])]);
  const done = new Set(pending.map((r) => (r.args as CountSubmitArgs).countTaskId));
  const open = tasks.filter((t) => mayCount(t, userId) && !done.has(t.id));
  const [locs, skus] = await Promise.all([
    d.locations.bulkGet(open.map((t) => t.locationId)),
    d.skus.bulkGet(open.map((t) => t.skuId ?? '')),
  ]);
  return open
    .map((t, i) => ({ ...t, locationCode: locs[i]?.code ?? t.locationId, skuCode: skus[i]?.code ?? null, skuName: skus[i]?.name ?? null }))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.locationCode.localeCompare(b.locationCode));
}

export interface CountLine {
  skuId: string;
  lot: string | null;
  qty: number;
}

/** Lines of the same SKU and lot are one line. */
export function mergeCountLines(lines: readonly CountLine[]): CountLine[] {
  const m = new Map<string, CountLine>();
  for (const l of lines) {
    const k = JSON.stringify([l.skuId, l.lot]);
    const seen = m.get(k);
    m.set(k, seen ? { ...seen, qty: seen.qty + l.qty } : { ...l });
  }
  return [...m.values()];
}

/**
 * Records count.submit for a task. Refused (nothing written): a task this device does
 * not hold or already counted, a user who may not count it, a line of another SKU than
 * the task's. No lines is a valid count: the bin is empty.
 */
export async function enqueueCountSubmit(countTaskId: string, lines: readonly CountLine[]): Promise<InventoryResult<{ seq: number; args: CountSubmitArgs }>> {
  const d = db();
  try {
    const out = await d.transaction('rw', [d.meta, d.outbox, d.countTasks], async () => {
      const [task, userId, pending] = await Promise.all([d.countTasks.get(countTaskId), currentUserId(), commandsInOutbox([SUBMIT])]);
      if (!task) throw new InventoryRefusal(ErrorCode.COUNT_TASK_NOT_FOUND);
      if (pending.some((r) => (r.args as CountSubmitArgs).countTaskId === countTaskId)) throw new InventoryRefusal(ErrorCode.COUNT_TASK_CLOSED);
      if (!userId || !mayCount(task, userId)) throw new InventoryRefusal(ErrorCode.RECOUNT_SAME_COUNTER);
      const merged = mergeCountLines(lines);
      if (task.skuId !== null && merged.some((l) => l.skuId !== task.skuId)) throw new InventoryRefusal(ErrorCode.COUNT_SKU_NOT_IN_TASK);
      if (merged.some((l) => !Number.isInteger(l.qty))) throw new InventoryRefusal(ErrorCode.QTY_NOT_A_NUMBER);
      if (merged.some((l) => l.qty < 0)) throw new InventoryRefusal(ErrorCode.COUNT_NEGATIVE);
      const args: CountSubmitArgs = { countTaskId, locationId: task.locationId, lines: merged };
      const row = await writeCommandInTx(SUBMIT, args);
      return { seq: row.seq, args };
    });
    notifyLocalWrite();
    return { ok: true, ...out };
  } catch (err) {
    return inventoryFailure(err);
  }
}
