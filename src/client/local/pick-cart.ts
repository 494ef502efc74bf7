import Dexie from 'dexie';
import type { PickTask } from '../../domain/model';
import { planSlots, type CartSlot } from '../../domain/picking/cart';
import { skipStop, type SkipMark } from '../../domain/picking/walk';
import { db } from './db';

/**
 * The cluster cart and the device's own skip marks of a wave, kept in the meta table so
 * a reload (or a drained battery) finds the cart as it was loaded. The cart is device
 * state: the server learns each tote from the picks that go into it.
 */

const cartKey = (waveId: string) => `cart:${waveId}`;
const skipKey = (waveId: string) => `skips:${waveId}`;

/** The orders of a wave, from the index only (no task row is read). */
async function waveOrderIds(waveId: string): Promise<string[]> {
  const keys = (await db()
    .tasks.where('[waveId+orderId]')
    .between([waveId, Dexie.minKey], [waveId, Dexie.maxKey])
    .uniqueKeys()) as unknown as [string, string][];
  return keys.map((k) => k[1]);
}

/**
 * The cart as saved, else planned from the wave's orders; a slot without a saved tote
 * takes the tote its order's picks already went into (a cart saved on another device).
 */
export async function loadCart(waveId: string, waveTasks: readonly PickTask[]): Promise<CartSlot[]> {
  const d = db();
  const [row, orderIds] = await Promise.all([d.meta.get(cartKey(waveId)), waveOrderIds(waveId)]);
  const saved = (row?.value as CartSlot[] | undefined) ?? [];
  const planned = planSlots(orderIds);
  return planned.map((s) => {
    const kept = saved.find((x) => x.orderId === s.orderId)?.toteCode ?? null;
    const used = waveTasks.find((t) => t.orderId === s.orderId && t.toteCode && t.pickedQty > 0)?.toteCode ?? null;
    return { ...s, toteCode: kept ?? used };
  });
}

export async function saveCart(waveId: string, slots: readonly CartSlot[]): Promise<void> {
  await db().meta.put({ key: cartKey(waveId), value: slots });
}

/** Skip marks kept on the device while the server has no pick.skip to take them. */
export async function loadSkipMarks(waveId: string): Promise<Map<string, number>> {
  const row = await db().meta.get(skipKey(waveId));
  return new Map(Object.entries((row?.value as Record<string, number> | undefined) ?? {}));
}

export async function saveSkipMarks(waveId: string, marks: readonly SkipMark[]): Promise<void> {
  const d = db();
  await d.transaction('rw', d.meta, async () => {
    const row = await d.meta.get(skipKey(waveId));
    const all = { ...((row?.value as Record<string, number> | undefined) ?? {}) };
    for (const m of marks) all[m.taskId] = m.skippedAt;
    await d.meta.put({ key: skipKey(waveId), value: all });
  });
}

/** A task with the device's own skip mark, when it is later than the server's. */
export function withSkipMark(task: PickTask, marks: ReadonlyMap<string, number>): PickTask {
  const local = marks.get(task.id);
  return local !== undefined && local > (task.skippedAt ?? 0) ? { ...task, skippedAt: local } : task;
}

/**
 * Marks a stop's tasks skipped on this device (walk.ts skipStop: the next ordinal of the
 * wave), so the walk moves on at once, offline, whether or not the server knows pick.skip.
 */
export async function skipLocally(waveId: string, taskIds: readonly string[]): Promise<void> {
  const d = db();
  await d.transaction('rw', [d.tasks, d.meta], async () => {
    const [tasks, marks] = await Promise.all([d.tasks.where('waveId').equals(waveId).toArray(), loadSkipMarks(waveId)]);
    const next = skipStop(tasks.map((t) => withSkipMark(t, marks)), { taskIds: [...taskIds] });
    await saveSkipMarks(waveId, next);
  });
}
