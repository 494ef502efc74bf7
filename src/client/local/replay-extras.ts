import Dexie from 'dexie';
import type { PickTask } from '../../domain/model';
import type { ReplayCommand, ReplayExtras } from '../../domain/replay';
import type { LoggedConfirm, ReplayStock } from '../../domain/replay-picking';
import type { StockLot } from '../../domain/picking/allocation';
import { db } from './db';
import { loggedConfirms } from './pick-log';
import { toStockLots } from './stock';

/**
 * What a replay of `cmds` reads beyond the wave's rows (domain/replay-picking.ts), read
 * only when a command needs it: bin stock and SKU flags for a short pick or a lot swap,
 * the wave's other open tasks of a shorted SKU (to net stock against, as the server
 * does; other waves' tasks are not netted on the device), and the pick log for an undo.
 * Runs inside the caller's transaction, which must cover stock, locations, skus, tasks
 * and meta.
 */
export async function loadReplayExtras(cmds: readonly ReplayCommand[], tasks: readonly PickTask[]): Promise<ReplayExtras> {
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const skuIds = new Set<string>();
  const shortWaves = new Map<string, Set<string>>();
  const undoWaves = new Set<string>();
  for (const c of cmds) {
    const a = c.args as { waveId?: string; taskId?: string; lot?: string | null } | null;
    if (!a || typeof a.waveId !== 'string') continue;
    if (c.name === 'pick.undo') undoWaves.add(a.waveId);
    const needsStock = c.name === 'pick.short' || (c.name === 'pick.confirm' && typeof a.lot === 'string');
    const task = needsStock && a.taskId ? byId.get(a.taskId) : undefined;
    if (!task) continue;
    skuIds.add(task.skuId);
    if (c.name === 'pick.short') shortWaves.set(a.waveId, (shortWaves.get(a.waveId) ?? new Set()).add(task.skuId));
  }
  const extras: ReplayExtras = {};
  if (undoWaves.size) {
    const logs = await Promise.all([...undoWaves].map((w) => loggedConfirms(w)));
    extras.loggedConfirms = logs.flat().map((p): LoggedConfirm => ({ mutationId: p.mutationId, taskId: p.taskId, qty: p.qty, toteCode: p.toteCode }));
  }
  if (skuIds.size) extras.stock = await loadStock([...skuIds], shortWaves);
  return extras;
}

async function loadStock(skuIds: string[], shortWaves: ReadonlyMap<string, ReadonlySet<string>>): Promise<ReplayStock> {
  const d = db();
  const [rows, skus] = await Promise.all([d.stock.where('skuId').anyOf(skuIds).toArray(), d.skus.bulkGet(skuIds)]);
  const locs = await d.locations.bulkGet([...new Set(rows.map((r) => r.locationId))]);
  const locById = new Map(locs.filter((l) => l !== undefined).map((l) => [l.id, l]));
  const lots = new Map<string, StockLot[]>();
  for (const skuId of skuIds) lots.set(skuId, toStockLots(rows.filter((r) => r.skuId === skuId), locById));
  const open = new Map<string, PickTask[]>();
  for (const [waveId, ids] of shortWaves) {
    const tasks = await d.tasks
      .where('[waveId+status+walkSeq]')
      .between([waveId, 'open', Dexie.minKey], [waveId, 'open', Dexie.maxKey])
      .filter((t) => ids.has(t.skuId))
      .toArray();
    for (const t of tasks) open.set(t.skuId, [...(open.get(t.skuId) ?? []), t]);
  }
  const flags = new Map(skus.filter((s) => s !== undefined).map((s) => [s.id, { lotTracked: s.lotTracked, expiryTracked: s.expiryTracked }]));
  return {
    lots: (skuId) => lots.get(skuId) ?? [],
    sku: (skuId) => flags.get(skuId) ?? null,
    openTasks: (skuId) => open.get(skuId) ?? [],
  };
}
