import { ErrorCode } from '../errors';
import type { PickTask, Wave } from '../model';
import type { NewException } from '../commands/types';

/**
 * The assignment-epoch rule of DESIGN.md section 4 as one decision: physical reality
 * wins, so a scan on a line that is still open is accepted whoever made it and whatever
 * epoch their device knew, and the people concerned are told; a scan on a line that is
 * no longer open is refused and the units are asked back ("return N units to bin X").
 *
 * Wiring: pick.confirm, pick.short and pick.undo call decideEpoch before applying their
 * effect, on the client (optimistic, with the device's view of wave and task) and on
 * the server (authoritative, with the rows as stored). The server turns `tell` into
 * pokes over /api/sync/events; `epochExceptions` gives the exceptions to store.
 */

export interface EpochInput {
  /** The epoch the device knew when the worker scanned (the command's assignmentEpoch). */
  deviceEpoch: number;
  wave: Pick<Wave, 'status' | 'assignmentEpoch' | 'assignedUserId'>;
  task: Pick<PickTask, 'status' | 'qty' | 'pickedQty' | 'pickedBy'>;
  /** Who scanned (the command's user). */
  actorId: string;
}

export type EpochDecision =
  | { verdict: 'accept'; reason: 'current' | 'reassigned_back' }
  | {
      verdict: 'accept_and_tell';
      reason: 'stale_epoch' | 'not_assignee' | 'epoch_ahead';
      exception: 'stale_assignment';
      /** Users to tell besides the lead: the scanner and the current assignee. */
      tell: string[];
      lead: true;
    }
  | {
      verdict: 'reject';
      reason: 'picked_by_other' | 'picked_by_self' | 'wave_cancelled';
      code: typeof ErrorCode.LINE_ALREADY_PICKED | typeof ErrorCode.WAVE_CLOSED;
      /** The units are in a tote already: ask for them back. */
      exception: 'line_already_picked';
      /** Who picked the line, for the card ("already picked by Sam"). */
      pickedBy: string | null;
    };

function lineOpen(task: EpochInput['task']): boolean {
  return task.status === 'open' && task.pickedQty < task.qty;
}

export function decideEpoch(input: EpochInput): EpochDecision {
  const { deviceEpoch, wave, task, actorId } = input;
  if (wave.status === 'cancelled') {
    return { verdict: 'reject', reason: 'wave_cancelled', code: ErrorCode.WAVE_CLOSED, exception: 'line_already_picked', pickedBy: null };
  }
  if (!lineOpen(task)) {
    const other = task.pickedBy !== null && task.pickedBy !== actorId;
    return {
      verdict: 'reject',
      reason: other ? 'picked_by_other' : 'picked_by_self',
      code: ErrorCode.LINE_ALREADY_PICKED,
      exception: 'line_already_picked',
      pickedBy: task.pickedBy,
    };
  }
  const assignee = wave.assignedUserId;
  const tell = (reason: 'stale_epoch' | 'not_assignee' | 'epoch_ahead'): EpochDecision => ({
    verdict: 'accept_and_tell',
    reason,
    exception: 'stale_assignment',
    tell: assignee !== null && assignee !== actorId ? [actorId, assignee] : [actorId],
    lead: true,
  });
  // A device cannot know an epoch the server never issued: the server lost one (restore
  // from backup). Accept the scan, but a lead must look.
  if (deviceEpoch > wave.assignmentEpoch) return tell('epoch_ahead');
  if (deviceEpoch < wave.assignmentEpoch) {
    // Taken away and given back (A -> B -> A): nobody else's list changed because of it.
    return assignee === actorId ? { verdict: 'accept', reason: 'reassigned_back' } : tell('stale_epoch');
  }
  return assignee === actorId ? { verdict: 'accept', reason: 'current' } : tell('not_assignee');
}

/** The exceptions a decision stores; `qty` is the units the scan physically moved. */
export function epochExceptions(
  decision: EpochDecision,
  wave: Pick<Wave, 'id'>,
  task: Pick<PickTask, 'id' | 'locationId' | 'skuId'>,
  qty: number,
): NewException[] {
  if (decision.verdict === 'accept') return [];
  // A refused scan of nothing (a short with none found) leaves nothing to put back.
  if (decision.verdict === 'reject' && qty <= 0) return [];
  return [
    { type: decision.exception, waveId: wave.id, taskId: task.id, locationId: task.locationId, skuId: task.skuId, qty },
  ];
}
