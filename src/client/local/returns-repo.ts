import type { PutawayTask } from '../../domain/inbound/snapshot';
import type { GradedUnit, ReturnGradeArgs } from '../../domain/commands/inbound';
import { ErrorCode } from '../../domain/errors';
import type { Location } from '../../domain/model';
import { applyReturnGrade, countsAsReturned } from '../../domain/inventory/return-grade';
import type { NewReturnPutaway } from '../../domain/inventory/changes';
import { dispositionFor, returnRulesOf, type ReturnRules } from '../../domain/inventory/returns';
import type { ReturnableOrder } from '../../domain/inventory/snapshot';
import { lookupKey } from '../../domain/inventory/lookup';
import { db, type OutboxRow } from './db';
import { notifyLocalWrite } from './events';
import { commandsInOutbox, inventoryFailure, InventoryRefusal, writeCommandInTx, type InventoryResult } from './inventory-store';
import { codeVariants } from './lookup-items';

/**
 * Returns grading on the device. An order is found by its reference (order number or the
 * return label, which carries it) or a carton's tracking number, by index. Grading writes
 * return.grade and, in the same transaction, the putaway tasks of restocked units, so
 * they can be put away offline. Their ids are `${mutationId}:putaway:${i}`, i being the
 * unit's index in `units`: the server names the tasks it makes the same way, so the pull
 * replaces them and a putaway.confirm sent before that pull finds its task.
 */

const GRADE = 'return.grade';

export const returnPutawayTaskId = (mutationId: string, unitIndex: number) => `${mutationId}:putaway:${unitIndex}`;

/** An order as the returns bench sees it: `returned` includes this device's grading not yet synced. */
export type ReturnView = ReturnableOrder;

function withPending(order: ReturnableOrder, pending: readonly OutboxRow[]): ReturnView {
  const returned = new Map(order.returned.map((r) => [r.skuId, r.qty]));
  for (const row of pending) {
    const a = row.args as ReturnGradeArgs;
    if (a.orderId !== order.orderId) continue;
    for (const u of a.units) if (countsAsReturned(u.grade)) returned.set(u.skuId, (returned.get(u.skuId) ?? 0) + u.qty);
  }
  return { ...order, returned: [...returned].filter(([, q]) => q > 0).map(([skuId, qty]) => ({ skuId, qty })) };
}

export type FindReturn = { ok: true; order: ReturnView; scannedRef: string } | { ok: false; code: ErrorCode };

/** The order a scanned return label, order number or tracking number names. */
export async function findReturn(text: string): Promise<FindReturn> {
  const v = codeVariants(text);
  if (!v.length) return { ok: false, code: ErrorCode.ORDER_NOT_FOUND };
  const d = db();
  const key = lookupKey(text);
  const [byRef, byTracking] = await Promise.all([d.returnables.where('ref').anyOf(v).toArray(), d.returnables.where('trackingNumbers').anyOf(v).toArray()]);
  const order = byRef.find((o) => lookupKey(o.ref) === key) ?? byTracking.find((o) => o.trackingNumbers.some((t) => lookupKey(t) === key));
  if (!order) return { ok: false, code: ErrorCode.ORDER_NOT_FOUND };
  return { ok: true, order: withPending(order, await commandsInOutbox([GRADE])), scannedRef: text.trim() };
}

/** The order again (after a grading), with this device's pending grading laid over. */
export async function getReturn(orderId: string): Promise<ReturnView | null> {
  const order = await db().returnables.get(orderId);
  return order ? withPending(order, await commandsInOutbox([GRADE])) : null;
}

/** A seller's return rules as last pulled; unknown sellers quarantine everything. */
export async function returnRulesFor(sellerId: string): Promise<ReturnRules> {
  return returnRulesOf(await rulesRaw(sellerId));
}

/** The seller's raw rules JSON as pulled (its `returns` decides dispositions). */
async function rulesRaw(sellerId: string): Promise<unknown> {
  const all = ((await db().inventoryMeta.get('returnRules'))?.value ?? []) as { sellerId: string; rules: unknown }[];
  return all.find((r) => r.sellerId === sellerId)?.rules;
}

/** Returns benches (locations of type returns), walk order. */
export async function listReturnsBenches(): Promise<Location[]> {
  const rows = await db().locations.filter((l) => l.type === 'returns').toArray();
  return rows.sort((a, b) => a.walkSeq - b.walkSeq || a.code.localeCompare(b.code));
}

/** The returns bench chosen on this device; the only one when there is just one. */
export async function getReturnsBench(): Promise<Location | null> {
  const id = (await db().inventoryMeta.get('returnsBench'))?.value as string | undefined;
  const chosen = id ? await db().locations.get(id) : undefined;
  if (chosen?.type === 'returns') return chosen;
  const all = await listReturnsBenches();
  return all.length === 1 ? all[0]! : null;
}

export async function setReturnsBench(locationId: string): Promise<void> {
  await db().inventoryMeta.put({ key: 'returnsBench', value: locationId });
}

export interface ReturnGradeInput {
  orderId: string;
  locationId: string;
  scannedRef: string | null;
  units: GradedUnit[];
}

/**
 * Records return.grade with its local effect in one transaction: the order's returned
 * quantities (read from the outbox) and the putaway tasks of restocked units, both as
 * the server's rule (applyReturnGrade) decides them. Refused (nothing written): an
 * unknown order, a bench that is not a returns location, a SKU not on the order or more
 * units than were sent, a grading the rule refuses (no reason...), a wrong item without
 * the item found.
 */
export async function enqueueReturnGrade(input: ReturnGradeInput): Promise<InventoryResult<{ seq: number; args: ReturnGradeArgs; putawayTaskIds: string[] }>> {
  const d = db();
  try {
    const out = await d.transaction('rw', [d.meta, d.outbox, d.returnables, d.inventoryMeta, d.locations, d.putawayTasks, d.skus], async () => {
      const [order, bench, pending] = await Promise.all([d.returnables.get(input.orderId), d.locations.get(input.locationId), commandsInOutbox([GRADE])]);
      if (!order) throw new InventoryRefusal(ErrorCode.ORDER_NOT_FOUND);
      if (input.units.length === 0) throw new InventoryRefusal(ErrorCode.EXPECTED_ITEM);
      if (input.units.some((u) => typeof u.reason !== 'string' || u.reason.trim() === '')) throw new InventoryRefusal(ErrorCode.RETURN_REASON_REQUIRED);
      // The floor scans what was found instead; an item with no label is a lead's job.
      if (input.units.some((u) => u.grade === 'wrong_item' && !u.foundSkuId)) throw new InventoryRefusal(ErrorCode.EXPECTED_ITEM);
      const args: ReturnGradeArgs = {
        returnId: crypto.randomUUID(),
        orderId: order.orderId,
        locationId: input.locationId,
        scannedRef: input.scannedRef,
        units: input.units.map((u) => ({ ...u, foundSkuId: u.grade === 'wrong_item' ? u.foundSkuId : null })),
      };
      // Written first for its mutation id (the putaway tasks are named after it); a refusal below aborts it.
      const row = await writeCommandInTx(GRADE, args);
      const rules = await rulesRaw(order.sellerId);
      const outcome = applyReturnGrade(
        { order: withPending(order, pending), location: bench ? { id: bench.id, type: bench.type } : null, sellerRules: rules, returnExists: false },
        row.args as ReturnGradeArgs,
        { userId: row.userId, mutationId: row.id, now: row.createdAt },
      );
      if (outcome.status === 'rejected') throw new InventoryRefusal(outcome.code);
      const tasks = (outcome.inventory?.putawayTasks ?? []).map((t) => localTask(t, row.createdAt));
      if (tasks.length) await d.putawayTasks.bulkPut(tasks);
      return { seq: row.seq, args: row.args as ReturnGradeArgs, putawayTaskIds: tasks.map((t) => t.id) };
    });
    notifyLocalWrite();
    return { ok: true, ...out };
  } catch (err) {
    return inventoryFailure(err);
  }
}

/** A restocked unit's putaway task as the putaway screen reads it (shape of the pulled PutawayTask). */
const localTask = (t: NewReturnPutaway, createdAt: string): PutawayTask => ({
  ...t, receiptId: null, condition: 'ok', status: 'open', createdAt,
});

/** Putaway tasks of this device's gradings still in the outbox (for a screen whose pull cleared them). */
export async function pendingReturnPutawayTasks(): Promise<PutawayTask[]> {
  const out: PutawayTask[] = [];
  for (const row of await commandsInOutbox([GRADE])) {
    const a = row.args as ReturnGradeArgs;
    const bench = await db().locations.get(a.locationId);
    const order = await db().returnables.get(a.orderId);
    const rules = await rulesRaw(order?.sellerId ?? '');
    a.units.forEach((u, i) => {
      const physical = u.grade === 'wrong_item' ? u.foundSkuId : u.skuId;
      if (!physical || !bench || dispositionFor(u.grade, rules, { sealed: u.sealed }).disposition !== 'restock') return;
      out.push(localTask({ id: returnPutawayTaskId(row.id, i), returnId: a.returnId, skuId: physical, lot: u.lot, expiry: null, qty: u.qty, fromLocationId: bench.id, suggestedLocationId: null }, row.createdAt));
    });
  }
  return out;
}

/** SKU codes and names for the order's lines and found items. */
export async function skusById(ids: readonly string[]): Promise<Record<string, { code: string; name: string }>> {
  const rows = await db().skus.bulkGet([...new Set(ids)]);
  return Object.fromEntries(rows.filter((r) => r !== undefined).map((r) => [r.id, { code: r.code, name: r.name }]));
}
