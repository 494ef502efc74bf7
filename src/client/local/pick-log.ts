import { useLiveQuery } from 'dexie-react-hooks';
import type { PickConfirmArgs } from '../../domain/commands';
import { db } from './db';

/**
 * The device's own recent pick.confirm commands per wave, kept for undo: the outbox
 * forgets a command once the server's rows reflect it, but pick.undo still needs its
 * mutation id. Written just after the confirm commits (a kill in between loses only the
 * offer to undo that one pick; the pick itself is safe).
 */
export interface LoggedPick {
  mutationId: string;
  taskId: string;
  skuId: string;
  locationId: string;
  qty: number;
  toteCode: string;
  at: string;
  undone: boolean;
}

/** Enough for "the last few picks"; older ones are the lead's to correct. */
const KEEP = 20;
const logKey = (waveId: string) => `picks:${waveId}`;

async function readLog(waveId: string): Promise<LoggedPick[]> {
  return ((await db().meta.get(logKey(waveId)))?.value as LoggedPick[] | undefined) ?? [];
}

/** Logs the confirm recorded with outbox seq `seq`. */
export async function logConfirm(seq: number): Promise<void> {
  const d = db();
  await d.transaction('rw', [d.outbox, d.tasks, d.meta], async () => {
    const row = await d.outbox.get(seq);
    if (!row || row.name !== 'pick.confirm') return;
    const args = row.args as PickConfirmArgs;
    const task = await d.tasks.get(args.taskId);
    if (!task) return;
    const entry: LoggedPick = {
      mutationId: row.id, taskId: args.taskId, skuId: task.skuId, locationId: task.locationId,
      qty: args.qty, toteCode: args.toteCode, at: row.createdAt, undone: false,
    };
    const log = [...(await readLog(args.waveId)), entry].slice(-KEEP);
    await d.meta.put({ key: logKey(args.waveId), value: log });
  });
}

/** The wave's logged confirms, for replaying an undo whose confirm the outbox already forgot. */
export async function loggedConfirms(waveId: string): Promise<LoggedPick[]> {
  return readLog(waveId);
}

export async function markUndone(waveId: string, mutationId: string): Promise<void> {
  const d = db();
  await d.transaction('rw', d.meta, async () => {
    const log = (await readLog(waveId)).map((p) => (p.mutationId === mutationId ? { ...p, undone: true } : p));
    await d.meta.put({ key: logKey(waveId), value: log });
  });
}

/** The wave's logged picks not yet undone, newest first. */
export function useRecentPicks(waveId: string): LoggedPick[] | undefined {
  return useLiveQuery(async () => (await readLog(waveId)).filter((p) => !p.undone).reverse(), [waveId]);
}
