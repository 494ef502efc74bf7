import { COMMANDS, parseCommand } from '../../domain/commands';
import type { PutawayConfirmArgs, ReceiptCloseArgs } from '../../domain/commands/inbound';
import { ErrorCode } from '../../domain/errors';
import type { PutawayTask } from '../../domain/inbound/snapshot';
import type { Location } from '../../domain/model';
import { checkPutawayDestination, suggestDamagedBin, suggestPutaway, type BinQty, type PutawayReason } from '../../domain/inventory/putaway';
import type { ScanResult } from '../../domain/scan/normalise';
import { db, type OutboxRow } from './db';
import { notifyLocalWrite } from './events';
import { outboxRow } from './outbox';
import { closeLocally, taskOfStub } from './receiving-close';
import { putawayWhere } from './putaway-suggest';
import { asnOf } from './receiving-drafts';
import { pendingReturnPutawayTasks } from './returns-repo';

/**
 * Putaway on the device. The open tasks are the pulled ones, plus those this device's
 * pending receipt.close and return.grade commands make (same ids as the server's), less the units its
 * pending putaway.confirm commands moved: the view is the pulled state with the pending
 * commands replayed over it, so a reload or a pull before the push changes nothing.
 */

export type OpenTask = PutawayTask & { suggested: Location | null };

async function pendingOf(names: readonly string[]): Promise<OutboxRow[]> {
  return db().outbox.filter((r) => names.includes(r.name)).toArray();
}

/** Tasks before suggestions: pulled and locally made, with pending confirms taken off. */
export async function openTasksRaw(): Promise<PutawayTask[]> {
  const d = db();
  const [pulled, pending] = await Promise.all([d.putawayTasks.toArray(), pendingOf(['receipt.close', 'putaway.confirm'])]);
  const byId = new Map(pulled.map((t) => [t.id, t]));
  for (const row of pending) {
    if (row.name !== 'receipt.close') continue;
    const args = row.args as ReceiptCloseArgs;
    if (byId.has(`${row.id}:putaway:0`)) continue;
    const asn = args.asnId ? await d.asns.get(args.asnId) : null;
    const closed = closeLocally(args, asn ? { ...asnOf(asn), status: 'announced' } : null, row.id, row.createdAt);
    if (!closed.ok) continue;
    for (const stub of closed.putaway) byId.set(stub.id, taskOfStub(stub, args.receiptId, row.createdAt));
  }
  // Restocks of gradings not yet pushed: a pull before the push replaces the tasks table.
  for (const t of await pendingReturnPutawayTasks()) if (!byId.has(t.id)) byId.set(t.id, t);
  const moved = new Map<string, number>();
  for (const row of pending) {
    if (row.name !== 'putaway.confirm') continue;
    const a = row.args as PutawayConfirmArgs;
    moved.set(a.taskId, (moved.get(a.taskId) ?? 0) + a.qty);
  }
  const out: PutawayTask[] = [];
  for (const t of byId.values()) {
    const left = t.qty - (moved.get(t.id) ?? 0);
    if (t.status === 'open' && left > 0) out.push({ ...t, qty: left });
  }
  return out.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

/** Where a task's units should go: the server's word when it gave one, else the device's rule. */
function suggestionFor(task: PutawayTask, locations: readonly Location[], bins: readonly BinQty[]): Location | null {
  const byId = new Map(locations.map((l) => [l.id, l]));
  if (task.suggestedLocationId && byId.has(task.suggestedLocationId)) return byId.get(task.suggestedLocationId)!;
  if (task.condition === 'damaged') return (suggestDamagedBin(locations, task.fromLocationId) as Location | null) ?? null;
  const s = suggestPutaway({ sku: { id: task.skuId }, qty: task.qty, locations, balances: bins, fromLocationId: task.fromLocationId });
  return (s.location as Location | null) ?? null;
}

export async function openTasks(): Promise<OpenTask[]> {
  const tasks = await openTasksRaw();
  if (!tasks.length) return [];
  const { locations, balances } = await putawayWhere(tasks);
  return tasks.map((t) => ({ ...t, suggested: suggestionFor(t, locations, balances) }));
}

/**
 * The tasks a scan names: an item (GTIN, SKU or pack code; a GS1 lot narrows it) or a
 * carton SSCC (the SKUs its ASN declared in it).
 */
export async function tasksForScan(scan: ScanResult, tasks: readonly OpenTask[]): Promise<OpenTask[]> {
  const d = db();
  if (scan.kind === 'sscc') {
    const asns = await d.asns.where('cartonSsccs').equals(scan.sscc).toArray();
    const skus = new Set(asns.flatMap((a) => a.cartons.filter((c) => c.sscc === scan.sscc).flatMap((c) => (c.contents ?? []).map((x) => x.skuId))));
    return tasks.filter((t) => skus.has(t.skuId));
  }
  const key = scan.kind === 'gtin' ? scan.gtin14 : scan.kind === 'code' ? scan.text.trim().toUpperCase() : null;
  if (!key) return [];
  const skus = new Set(await d.skus.where('barcodeValues').equals(key).primaryKeys());
  const lot = scan.kind === 'gtin' ? (scan.gs1?.lot ?? null) : null;
  const hits = tasks.filter((t) => skus.has(t.skuId));
  const sameLot = lot ? hits.filter((t) => t.lot !== null && t.lot.toUpperCase() === lot.toUpperCase()) : [];
  return sameLot.length ? sameLot : hits;
}

export async function locationByCode(code: string): Promise<Location | null> {
  return (await db().locations.where('code').equalsIgnoreCase(code.trim()).first()) ?? null;
}

export interface PutawayInput {
  taskId: string;
  toLocationId: string;
  qty: number;
  reason: PutawayReason | null;
}

export type PutawayResult = { ok: true; seq: number; args: PutawayConfirmArgs; left: number } | { ok: false; code: ErrorCode };

class Refusal extends Error {
  constructor(readonly code: ErrorCode) {
    super(code);
  }
}

/**
 * Records putaway.confirm. The task, its units left and its suggestion are read again
 * inside the transaction that writes the row, so what is judged is what is recorded.
 */
export async function confirmPutaway(input: PutawayInput): Promise<PutawayResult> {
  const d = db();
  try {
    const out = await d.transaction('rw', [d.meta, d.outbox, d.putawayTasks, d.asns, d.locations, d.stock, d.returnables, d.inventoryMeta], async () => {
      const task = (await openTasks()).find((t) => t.id === input.taskId);
      if (!task) throw new Refusal((await d.putawayTasks.get(input.taskId)) ? ErrorCode.PUTAWAY_TASK_DONE : ErrorCode.PUTAWAY_TASK_NOT_FOUND);
      if (!Number.isInteger(input.qty) || input.qty <= 0) throw new Refusal(ErrorCode.QTY_NOT_POSITIVE);
      if (input.qty > task.qty) throw new Refusal(ErrorCode.PUTAWAY_QTY_OVER);
      const to = await d.locations.get(input.toLocationId);
      if (!to) throw new Refusal(ErrorCode.LOCATION_NOT_FOUND);
      const check = checkPutawayDestination(task.suggested, to, input.reason, task.condition);
      if (!check.ok) throw new Refusal(check.code);
      const args: PutawayConfirmArgs = { taskId: task.id, toLocationId: to.id, qty: input.qty, reason: check.reason };
      const argsVersion = COMMANDS['putaway.confirm'].argsVersion;
      const parsed = parseCommand('putaway.confirm', argsVersion, args);
      if (!parsed.ok) throw new Refusal(parsed.code);
      const row = outboxRow(await d.meta.bulkGet(['session', 'deviceId', 'nextSeq']), 'putaway.confirm', parsed.args, argsVersion);
      await Promise.all([d.outbox.add(row), d.meta.put({ key: 'nextSeq', value: row.seq + 1 })]);
      return { seq: row.seq, args, left: task.qty - input.qty };
    });
    notifyLocalWrite();
    return { ok: true, ...out };
  } catch (err) {
    if (err instanceof Refusal) return { ok: false, code: err.code };
    return { ok: false, code: ErrorCode.STORAGE_FAILED };
  }
}

export async function locationCodes(ids: readonly string[]): Promise<Record<string, string>> {
  const rows = await db().locations.bulkGet([...new Set(ids)]);
  return Object.fromEntries(rows.filter((r) => r !== undefined).map((r) => [r.id, r.code]));
}
