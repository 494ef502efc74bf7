import { ErrorCode } from '../errors';
import type { PickTask, Wave } from '../model';

/**
 * The lead's wave actions as pure decisions (issue 7). The wave stays the unit of
 * assignment: one assignee, one epoch (DESIGN.md section 4). "Reassign the remaining
 * tasks" keeps the open tasks in the wave, under its id and a bumped epoch, for the new
 * picker, and moves the finished ones (picked, short) into a new wave that stays with the
 * old picker, so their totes can be dropped off. Keeping the open tasks where they were is
 * what lets the old picker's stale pick on an open line be accepted by the epoch rule.
 */

export type LeadRefusal = { ok: false; status: 404 | 409; code: ErrorCode; message: string };
export const refuse = (status: 404 | 409, code: ErrorCode, message: string): LeadRefusal => ({ ok: false, status, code, message });

export interface Assignee {
  id: string;
  roles: readonly string[];
}

type WaveView = Pick<Wave, 'id' | 'code' | 'status' | 'assignedUserId' | 'assignmentEpoch'>;
type TaskView = Pick<PickTask, 'id' | 'status' | 'qty' | 'pickedQty'>;

function checkAssignee(assignee: Assignee | null, userId: string): LeadRefusal | null {
  if (!assignee) return refuse(404, ErrorCode.USER_NOT_FOUND, `user ${userId} not found`);
  // Strictly the picker role: an admin passes hasAnyRole but does not walk the floor.
  if (!assignee.roles.includes('picker')) {
    return refuse(409, ErrorCode.NOT_A_PICKER, `user ${userId} cannot pick`);
  }
  return null;
}

function checkOpen(wave: WaveView | null, waveId: string): LeadRefusal | null {
  if (!wave) return refuse(404, ErrorCode.WAVE_NOT_FOUND, `wave ${waveId} not found`);
  if (wave.status === 'done' || wave.status === 'cancelled') return refuse(409, ErrorCode.WAVE_CLOSED, `wave ${wave.code} is ${wave.status}`);
  return null;
}

export type AssignDecision = { ok: true; assignedUserId: string; assignmentEpoch: number } | LeadRefusal;

/** A released (or planned) wave nobody holds yet goes to a picker. */
export function decideAssign(wave: WaveView | null, waveId: string, assignee: Assignee | null, userId: string): AssignDecision {
  const closed = checkOpen(wave, waveId);
  if (closed) return closed;
  if (wave!.assignedUserId !== null) {
    return refuse(409, ErrorCode.WAVE_ALREADY_ASSIGNED, `wave ${wave!.code} is assigned already; reassign it instead`);
  }
  const bad = checkAssignee(assignee, userId);
  if (bad) return bad;
  return { ok: true, assignedUserId: assignee!.id, assignmentEpoch: wave!.assignmentEpoch + 1 };
}

export type ReassignScope = 'wave' | 'remaining';

export type ReassignDecision =
  | {
      ok: true;
      assignedUserId: string;
      previousUserId: string;
      assignmentEpoch: number;
      /** Finished tasks that leave with the old picker in a new wave (scope 'remaining'); empty otherwise. */
      splitTaskIds: string[];
      /** The open tasks that now belong to the new picker. */
      openTaskIds: string[];
    }
  | LeadRefusal;

const finished = (t: TaskView) => t.status !== 'open';

export function decideReassign(
  wave: WaveView | null,
  waveId: string,
  tasks: readonly TaskView[],
  assignee: Assignee | null,
  userId: string,
  scope: ReassignScope,
): ReassignDecision {
  const closed = checkOpen(wave, waveId);
  if (closed) return closed;
  const w = wave!;
  if (w.assignedUserId === null) return refuse(409, ErrorCode.WAVE_NOT_ASSIGNED, `wave ${w.code} has nobody to take it from; assign it`);
  const bad = checkAssignee(assignee, userId);
  if (bad) return bad;
  if (assignee!.id === w.assignedUserId) return refuse(409, ErrorCode.ALREADY_ASSIGNEE, `wave ${w.code} is already ${userId}'s`);
  const open = tasks.filter((t) => !finished(t)).map((t) => t.id);
  if (open.length === 0) return refuse(409, ErrorCode.WAVE_NOTHING_OPEN, `wave ${w.code} has no open task left`);
  return {
    ok: true,
    assignedUserId: assignee!.id,
    previousUserId: w.assignedUserId,
    assignmentEpoch: w.assignmentEpoch + 1,
    splitTaskIds: scope === 'remaining' ? tasks.filter(finished).map((t) => t.id) : [],
    openTaskIds: open,
  };
}
