import type { Kysely, Transaction } from 'kysely';
import { decideAssign, decideReassign, type Assignee, type LeadRefusal, type ReassignScope } from '../../domain/lead/waves';
import type { Database } from '../db/schema';
import { ApiError } from './api-error';
import type { EventHub } from './events';
import { toWave } from './mappers';
import { versionedWrite } from './shipping-tx';

export interface AssignResult {
  waveId: string;
  code: string;
  assignedUserId: string;
  assignmentEpoch: number;
  version: number;
}

export interface ReassignResult extends AssignResult {
  scope: ReassignScope;
  previousUserId: string;
  /** The open tasks that now belong to the new picker. */
  openTaskIds: string[];
  /** Scope 'remaining' with finished tasks: the wave they moved to, still the old picker's. */
  splitWave: { id: string; code: string; assignedUserId: string; taskIds: string[] } | null;
}

export const fail = (r: LeadRefusal): never => {
  throw new ApiError(r.status, r.code, r.message);
};

async function loadWave(trx: Transaction<Database>, warehouseId: string, waveId: string) {
  const w = await trx.selectFrom('waves').selectAll().where('id', '=', waveId).where('warehouse_id', '=', warehouseId).executeTakeFirst();
  return w ? toWave(w) : null;
}

async function loadUser(trx: Transaction<Database>, warehouseId: string, userId: string): Promise<Assignee | null> {
  const u = await trx.selectFrom('users').select(['id', 'roles']).where('id', '=', userId).where('warehouse_id', '=', warehouseId).executeTakeFirst();
  return u ? { id: u.id, roles: JSON.parse(u.roles) as string[] } : null;
}

/** A wave nobody holds goes to a picker: epoch bumped, the devices poked after commit. */
export function assignWave(db: Kysely<Database>, events: EventHub, warehouseId: string, waveId: string, userId: string, now: string): Promise<AssignResult> {
  return versionedWrite(db, events, async (trx, clock) => {
    const wave = await loadWave(trx, warehouseId, waveId);
    const d = decideAssign(wave, waveId, await loadUser(trx, warehouseId, userId), userId);
    if (!d.ok) return fail(d);
    const v = clock.tick();
    await trx
      .updateTable('waves')
      .set({
        assigned_user_id: d.assignedUserId,
        assignment_epoch: d.assignmentEpoch,
        version: v,
        ...(wave!.status === 'planned' ? { status: 'released', released_at: now } : {}),
      })
      .where('id', '=', waveId)
      .execute();
    return { waveId, code: wave!.code, assignedUserId: d.assignedUserId, assignmentEpoch: d.assignmentEpoch, version: v };
  });
}

/**
 * Reassignment (domain/lead/waves.ts says why the open tasks stay in the wave). The open
 * tasks get the new version too: pulls resend them and the push path's task cache, which
 * trusts a wave's highest task version, reloads the wave.
 */
export function reassignWave(
  db: Kysely<Database>,
  events: EventHub,
  warehouseId: string,
  waveId: string,
  userId: string,
  scope: ReassignScope,
  now: string,
): Promise<ReassignResult> {
  return versionedWrite(db, events, async (trx, clock) => {
    const wave = await loadWave(trx, warehouseId, waveId);
    const tasks = wave
      ? await trx.selectFrom('pick_tasks').select(['id', 'status', 'qty', 'picked_qty', 'tote_code']).where('wave_id', '=', waveId).orderBy('walk_seq').orderBy('id').execute()
      : [];
    const views = tasks.map((t) => ({ id: t.id, status: t.status as 'open', qty: Number(t.qty), pickedQty: Number(t.picked_qty) }));
    const d = decideReassign(wave, waveId, views, await loadUser(trx, warehouseId, userId), userId, scope);
    if (!d.ok) return fail(d);
    const w = wave!;
    const v = clock.tick();
    await trx.updateTable('waves').set({ assigned_user_id: d.assignedUserId, assignment_epoch: d.assignmentEpoch, version: v }).where('id', '=', waveId).execute();
    for (let i = 0; i < d.openTaskIds.length; i += 500) {
      await trx.updateTable('pick_tasks').set({ version: v }).where('id', 'in', d.openTaskIds.slice(i, i + 500)).execute();
    }
    let splitWave: ReassignResult['splitWave'] = null;
    if (d.splitTaskIds.length > 0) {
      // The finished part keeps the old picker: a done wave whose totes they drop off as usual.
      const code = `${w.code}.${d.assignmentEpoch}`;
      const id = `wave-${code}`;
      await trx
        .insertInto('waves')
        .values({
          id,
          warehouse_id: warehouseId,
          code,
          status: 'done',
          kind: w.kind,
          assigned_user_id: d.previousUserId,
          assignment_epoch: 1,
          released_at: w.releasedAt,
          completed_at: now,
          dropped_at: null,
          dropoff_location_id: null,
          version: v,
        })
        .execute();
      const totes = new Set<string>();
      for (let i = 0; i < d.splitTaskIds.length; i += 500) {
        await trx.updateTable('pick_tasks').set({ wave_id: id, version: v }).where('id', 'in', d.splitTaskIds.slice(i, i + 500)).execute();
      }
      const split = new Set(d.splitTaskIds);
      for (const t of tasks) if (split.has(t.id) && t.tote_code) totes.add(t.tote_code);
      // A tote that also holds units of a still-open line stays with the wave the new picker finishes.
      for (const t of tasks) if (!split.has(t.id) && t.tote_code) totes.delete(t.tote_code);
      if (totes.size > 0) {
        await trx.updateTable('totes').set({ wave_id: id, version: v }).where('warehouse_id', '=', warehouseId).where('wave_id', '=', waveId).where('code', 'in', [...totes]).execute();
      }
      splitWave = { id, code, assignedUserId: d.previousUserId, taskIds: d.splitTaskIds };
    }
    return {
      waveId,
      code: w.code,
      scope,
      assignedUserId: d.assignedUserId,
      previousUserId: d.previousUserId,
      assignmentEpoch: d.assignmentEpoch,
      openTaskIds: d.openTaskIds,
      splitWave,
      version: v,
    };
  });
}
