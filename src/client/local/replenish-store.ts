import type { ReplenishConfirmArgs } from '../../domain/replenish/confirm';
import { applyReplenishConfirm } from '../../domain/replenish/confirm';
import type { ReplenishSnapshot, ReplenishTask } from '../../domain/replenish/types';
import { db } from './db';
import { notifyLocalWrite } from './events';
import { commandsInOutbox, currentUserId, inventoryFailure, InventoryRefusal, writeCommandInTx, type InventoryResult } from './inventory-store';

/**
 * Replenishment on the device. The open tasks are the pulled ones less those this
 * device's replenish.confirm commands (still in the outbox) closed: the view is the
 * pulled state with pending commands replayed over it, so a reload, or a pull before the
 * push, changes nothing. Confirms are checked with the rule the server applies.
 */

const CONFIRM = 'replenish.confirm';

export function replenishTables() {
  return [db().replenishTasks];
}

/** Inside the pull's transaction: replaces the snapshot. */
export async function applyReplenishSnapshotInTx(snap: ReplenishSnapshot): Promise<void> {
  const d = db();
  await d.replenishTasks.clear();
  await d.replenishTasks.bulkPut(snap.tasks);
}

export interface OpenReplenishment extends ReplenishTask {
  fromCode: string | null;
  faceCode: string;
  skuCode: string;
  skuName: string;
  /** Walk order of the reserve bin, where the worker starts. */
  walkSeq: number;
}

/** Open tasks, by the reserve bin's walk sequence (then the face's). */
export async function openReplenishments(): Promise<OpenReplenishment[]> {
  const d = db();
  const [pulled, pending] = await Promise.all([d.replenishTasks.where('status').equals('open').toArray(), commandsInOutbox([CONFIRM])]);
  const closed = new Set(pending.map((r) => (r.args as ReplenishConfirmArgs).taskId));
  const open = pulled.filter((t) => !closed.has(t.id) && t.fromLocationId !== null);
  if (!open.length) return [];
  const locIds = [...new Set(open.flatMap((t) => [t.locationId, t.fromLocationId!]))];
  const [locs, skus] = await Promise.all([d.locations.bulkGet(locIds), d.skus.bulkGet([...new Set(open.map((t) => t.skuId))])]);
  const loc = new Map(locs.filter((l) => l !== undefined).map((l) => [l.id, l]));
  const sku = new Map(skus.filter((s) => s !== undefined).map((s) => [s.id, s]));
  return open
    .map((t) => ({
      ...t,
      fromCode: loc.get(t.fromLocationId!)?.code ?? null,
      faceCode: loc.get(t.locationId)?.code ?? t.locationId,
      skuCode: sku.get(t.skuId)?.code ?? t.skuId,
      skuName: sku.get(t.skuId)?.name ?? '',
      walkSeq: loc.get(t.fromLocationId!)?.walkSeq ?? Number.MAX_SAFE_INTEGER,
      faceWalk: loc.get(t.locationId)?.walkSeq ?? 0,
    }))
    .sort((a, b) => a.walkSeq - b.walkSeq || a.faceWalk - b.faceWalk || a.id.localeCompare(b.id))
    .map(({ faceWalk: _faceWalk, ...t }) => t);
}

/**
 * Records replenish.confirm in one transaction with the outbox write, after the shared
 * rule agreed against this device's view. Refused (nothing written): a task this device
 * already confirmed (REPLENISH_TASK_DONE) or does not hold, another face, a bin that is
 * not reserve.
 */
export async function confirmReplenishment(args: ReplenishConfirmArgs): Promise<InventoryResult<{ seq: number }>> {
  const d = db();
  try {
    const out = await d.transaction('rw', [d.meta, d.outbox, d.replenishTasks, d.locations, d.skus], async () => {
      const open = (await openReplenishments()).find((t) => t.id === args.taskId);
      const pulled = await d.replenishTasks.get(args.taskId);
      const task = open ?? (pulled ? { ...pulled, status: 'done' as const } : null);
      const [from, to] = await d.locations.bulkGet([args.fromLocationId, args.toLocationId]);
      const outcome = applyReplenishConfirm({ task, from: from ?? null, to: to ?? null }, args, { userId: (await currentUserId()) ?? '', mutationId: '', now: new Date().toISOString() });
      if (outcome.status === 'rejected') throw new InventoryRefusal(outcome.code);
      const row = await writeCommandInTx(CONFIRM, args);
      return { seq: row.seq };
    });
    notifyLocalWrite();
    return { ok: true, ...out };
  } catch (err) {
    return inventoryFailure(err);
  }
}
