import type { Kysely, Transaction } from 'kysely';
import { ErrorCode } from '../../domain/errors';
import type { ExceptionActionBody } from '../../domain/exceptions/actions';
import { planExceptionAction, type ActionPlan } from '../../domain/exceptions/plan';
import type { Database } from '../db/schema';
import { ApiError } from './api-error';
import type { EventHub } from './events';
import { listExceptions, type ExceptionItem } from './exception-list';
import { exceptionView, loadActionState, loadExceptionRow, openCountFor } from './exception-state';
import { touched, versionedWrite } from './shipping-tx';

export interface ExceptionActionResult {
  exception: ExceptionItem;
  /** What the action made: the count task, the new pick tasks and their wave, the line. */
  result: Record<string, unknown>;
  version: number;
}

interface Ctx {
  trx: Transaction<Database>;
  warehouseId: string;
  exId: string;
  v: number;
  now: string;
  seller: { seller_id: string; external_id: string } | null;
  taskExpiry: Map<string, string | null>;
  orderRef: Map<string, string>;
  shortTaskId: string | null;
}

/** Held at pack and the last reason for it is gone: back to `picked`, where the bench takes it. */
async function releaseHold(c: Ctx, orderId: string | null) {
  if (!orderId) return;
  await c.trx.updateTable('orders').set({ status: 'picked', version: c.v }).where('id', '=', orderId).where('status', '=', 'on_hold').where('held_from_status', 'is', null).execute();
}

async function sellerEvent(c: Ctx, type: string, payload: Record<string, unknown>) {
  if (!c.seller) return;
  await c.trx
    .insertInto('seller_events')
    .values({ id: `${c.exId}:e0`, warehouse_id: c.warehouseId, seller_id: c.seller.seller_id, type, payload: JSON.stringify(payload), created_at: c.now, version: c.v })
    .execute();
}

async function applyPlan(c: Ctx, plan: ActionPlan): Promise<Record<string, unknown>> {
  const { trx, v, now } = c;
  switch (plan.action) {
    case 'resolve':
      await releaseHold(c, plan.releaseHoldOrderId);
      return plan.releaseHoldOrderId ? { releasedOrderId: plan.releaseHoldOrderId } : {};
    case 'assign_count': {
      if (plan.existingCountId) {
        await trx.updateTable('count_tasks').set({ assigned_to: plan.assignTo, version: v }).where('id', '=', plan.existingCountId).execute();
        return { countTaskId: plan.existingCountId, created: false, assignedTo: plan.assignTo };
      }
      const id = `${c.exId}:count`;
      await trx
        .insertInto('count_tasks')
        .values({ id, warehouse_id: c.warehouseId, location_id: plan.locationId, sku_id: plan.skuId, reason: 'lead_request', status: 'open', created_at: now, assigned_to: plan.assignTo, version: v })
        .execute();
      return { countTaskId: id, created: true, assignedTo: plan.assignTo };
    }
    case 'accept_short': {
      await trx.updateTable('order_lines').set((eb) => ({ short_accepted_qty: eb('short_accepted_qty', '+', plan.qty), version: v })).where('id', '=', plan.lineId).execute();
      for (const [i, cut] of plan.toteCuts.entries()) {
        await trx.updateTable('pick_tasks').set({ picked_qty: cut.pickedQty, status: cut.status, version: v }).where('id', '=', cut.taskId).execute();
        // The units are not in the tote: the ledger says so, named after the exception.
        await trx
          .insertInto('stock_ledger')
          .values({
            id: `${c.exId}:s${i}`, warehouse_id: c.warehouseId, location_id: null, container_code: cut.toteCode, sku_id: cut.skuId,
            lot: cut.lot, expiry: c.taskExpiry.get(cut.taskId) ?? null, delta: -cut.removed, reason: 'short_accepted', mutation_id: null, created_at: now,
          })
          .execute();
      }
      await releaseHold(c, plan.releaseHoldOrderId);
      const line = await trx.selectFrom('order_lines').select(['line_no', 'sku_id']).where('id', '=', plan.lineId).executeTakeFirstOrThrow();
      await trx.updateTable('orders').set({ version: v }).where('id', '=', plan.orderId).execute();
      await sellerEvent(c, 'order.short_accepted', {
        orderId: plan.orderId, orderRef: c.seller?.external_id, externalId: c.seller?.external_id, lineNo: Number(line.line_no), skuId: line.sku_id, qty: plan.qty,
      });
      return { lineNo: Number(line.line_no), qty: plan.qty, removedFromTote: plan.toteCuts.reduce((n, x) => n + x.removed, 0) };
    }
    case 'cancel_line': {
      if (plan.closeTaskIds.length > 0) {
        await trx.updateTable('pick_tasks').set({ status: 'short', version: v }).where('id', 'in', plan.closeTaskIds).where('status', '=', 'open').execute();
        const waves = await trx.selectFrom('pick_tasks').select('wave_id').distinct().where('id', 'in', plan.closeTaskIds).execute();
        for (const { wave_id } of waves) {
          const open = await trx.selectFrom('pick_tasks').select('id').where('wave_id', '=', wave_id).where('status', '=', 'open').limit(1).executeTakeFirst();
          if (!open) await trx.updateTable('waves').set({ status: 'done', completed_at: now, version: v }).where('id', '=', wave_id).where('status', 'in', ['released', 'picking']).execute();
        }
      }
      await trx.updateTable('order_lines').set({ cancelled_at: now, version: v }).where('id', '=', plan.lineId).execute();
      await trx.updateTable('orders').set(plan.cancelOrder ? { status: 'cancelled', version: v } : { version: v }).where('id', '=', plan.orderId).execute();
      await sellerEvent(c, 'order.line_cancelled', { orderId: plan.orderId, orderRef: c.seller?.external_id, externalId: c.seller?.external_id, lineNo: plan.lineNo, orderCancelled: plan.cancelOrder });
      return { lineNo: plan.lineNo, closedTaskIds: plan.closeTaskIds, orderCancelled: plan.cancelOrder };
    }
    case 'reallocate':
      return reallocate(c, plan);
  }
}

/** New pick tasks for the missing units: in the wave still on the cart, else a small new wave for the lead to assign. */
async function reallocate(c: Ctx, plan: Extract<ActionPlan, { action: 'reallocate' }>): Promise<Record<string, unknown>> {
  const { trx, v, now } = c;
  let waveId: string;
  let waveCode: string;
  if (plan.target.kind === 'same_wave') {
    waveId = plan.target.waveId;
    const w = await trx.selectFrom('waves').select('code').where('id', '=', waveId).executeTakeFirstOrThrow();
    waveCode = w.code;
    // A new stop reopens a finished wave, as a short pick's re-allocation or an undo does.
    if (plan.target.reopen) await trx.updateTable('waves').set({ status: 'picking', completed_at: null, version: v }).where('id', '=', waveId).execute();
    else await trx.updateTable('waves').set({ version: v }).where('id', '=', waveId).execute();
  } else {
    const base = plan.target.fromWaveCode ?? 'W';
    const taken = await trx.selectFrom('waves').select('code').where('warehouse_id', '=', c.warehouseId).where('code', 'like', `${base}.R%`).execute();
    waveCode = `${base}.R${taken.length + 1}`;
    waveId = `wave-${waveCode}`;
    await trx
      .insertInto('waves')
      .values({
        id: waveId, warehouse_id: c.warehouseId, code: waveCode, status: 'released', kind: 'single', assigned_user_id: null,
        assignment_epoch: 0, released_at: now, completed_at: null, dropped_at: null, dropoff_location_id: null, version: v,
      })
      .execute();
  }
  const ref = (c.shortTaskId && c.orderRef.get(c.shortTaskId)) || c.seller?.external_id || '';
  const taskIds = plan.stops.map((_, i) => `${c.exId}:r${i}`);
  await trx
    .insertInto('pick_tasks')
    .values(
      plan.stops.map((s, i) => ({
        id: taskIds[i]!, warehouse_id: c.warehouseId, wave_id: waveId, order_id: plan.orderId, order_line_id: plan.lineId, order_ref: ref,
        sku_id: plan.skuId, location_id: s.locationId, walk_seq: s.walkSeq, qty: s.qty, picked_qty: 0, status: 'open', tote_code: null,
        picked_by: null, lot: s.lot, expiry: s.expiry, skipped_at: null, version: v,
      })),
    )
    .execute();
  return { waveId, waveCode, newWave: plan.target.kind === 'new_wave', taskIds, qty: plan.stops.reduce((n, s) => n + s.qty, 0) };
}

/**
 * A lead's action on one exception: decided by the pure plan on state read inside the
 * transaction, applied, and the exception marked handled, all at one version; devices
 * poked after commit. The conditional update on `status = 'open'` is the backstop for two
 * leads at once: the version clock already serialises them, so the second one reads the
 * first one's commit and is refused EXCEPTION_ALREADY_HANDLED.
 */
export function applyExceptionAction(
  db: Kysely<Database>,
  events: EventHub,
  who: { warehouseId: string; userId: string },
  exceptionId: string,
  body: ExceptionActionBody,
  now: string,
): Promise<ExceptionActionResult> {
  return versionedWrite(db, events, async (trx, clock) => {
    const row = await loadExceptionRow(trx, who.warehouseId, exceptionId);
    const ex = row ? exceptionView(row) : null;
    const loaded = ex && ex.status === 'open' ? await loadActionState(trx, who.warehouseId, ex, body, now) : null;
    const state = loaded?.state ?? emptyState(now);
    let d = planExceptionAction(ex, exceptionId, body, state);
    if (d.ok && d.plan.action === 'assign_count') {
      // Now that the bin is known, a count already open there is handed over instead of a second one.
      const open = await openCountFor(trx, who.warehouseId, d.plan.locationId, d.plan.skuId);
      if (open) d = planExceptionAction(ex, exceptionId, body, { ...state, openCount: open });
    }
    if (!d.ok) throw new ApiError(d.status, d.code, d.message, d.details);
    const v = clock.tick();
    const handled = await trx
      .updateTable('exceptions')
      .set({ status: 'resolved', resolved_at: now, handled_by: who.userId, handled_at: now, handled_action: body.action, handled_note: body.note ?? null, version: v })
      .where('id', '=', exceptionId)
      .where('status', '=', 'open')
      .executeTakeFirst();
    if (touched(handled) !== 1) throw new ApiError(409, ErrorCode.EXCEPTION_ALREADY_HANDLED, `exception ${exceptionId} is already handled`);
    const result = await applyPlan(
      { trx, warehouseId: who.warehouseId, exId: exceptionId, v, now, seller: loaded!.orderRow, taskExpiry: loaded!.taskExpiry, orderRef: loaded!.orderRef, shortTaskId: ex!.taskId },
      d.plan,
    );
    await trx.updateTable('exceptions').set({ handled_result: JSON.stringify(result) }).where('id', '=', exceptionId).execute();
    const [item] = await listExceptions(trx, who.warehouseId, { status: 'handled', ids: [exceptionId], limit: 1 });
    return { exception: item!, result, version: v };
  });
}

function emptyState(now: string) {
  return {
    order: null, lines: [], tasks: [], wave: null, otherOpenMissing: 0, openCount: null, counter: null, stock: [],
    sku: { lotTracked: false, expiryTracked: false }, today: now.slice(0, 10),
  };
}
