import { ErrorCode } from '../../../domain/errors';
import { enqueue, type EnqueueResult } from '../../local/outbox';
import { skipLocally } from '../../local/pick-cart';
import { logConfirm, markUndone, type LoggedPick } from '../../local/pick-log';
import type { FlowCommand } from './pick-flow';

/**
 * A tote holding another order of the wave is refused by `enqueue` itself, against the
 * view inside the write's own transaction: nothing is recorded for it, and no separate
 * read of the wave's totes sits between the scan and the beep.
 */
const REFUSE = { refuse: [ErrorCode.TOTE_IN_USE] };

export type RecordResult =
  /** `confirmSeqs`: the outbox seqs of the confirms, for `logConfirms` once the beep is out. */
  | { ok: true; confirmSeqs: number[] }
  | { ok: false; code: ErrorCode; refused: boolean; tote: string };

async function recordOne(cmd: FlowCommand): Promise<EnqueueResult> {
  switch (cmd.name) {
    case 'pick.confirm':
      return enqueue('pick.confirm', cmd.args, REFUSE);
    case 'pick.short':
      return enqueue('pick.short', cmd.args, REFUSE);
    case 'pick.skip': {
      // The device's own mark moves the walk on at once (the view replays the skip too);
      // the command numbers it on the server, whose mark wins on the next pull.
      await skipLocally(cmd.args.waveId, cmd.args.taskIds);
      return enqueue('pick.skip', cmd.args);
    }
  }
}

/**
 * Records a stop's commands in order (one per task put away). The first failure stops
 * the rest, so the picker is never told "saved" for something that was not.
 */
export async function recordAll(cmds: readonly FlowCommand[]): Promise<RecordResult> {
  const confirmSeqs: number[] = [];
  for (const cmd of cmds) {
    const r = await recordOne(cmd);
    if (!r.ok) return { ok: false, code: r.code, refused: r.refused === true, tote: 'toteCode' in cmd.args ? (cmd.args.toteCode ?? '') : '' };
    if (cmd.name === 'pick.confirm') confirmSeqs.push(r.seq);
  }
  return { ok: true, confirmSeqs };
}

/**
 * Remembers confirms for undo. Kept off the scan's critical path (after the beep): a
 * second write transaction before the feedback would slow every tote scan.
 */
export async function logConfirms(seqs: readonly number[]): Promise<void> {
  for (const seq of seqs) await logConfirm(seq);
}

/** pick.undo of one logged confirm; once recorded, the log no longer offers it. */
export async function recordUndo(waveId: string, pick: LoggedPick, assignmentEpoch: number): Promise<RecordResult> {
  const args = { waveId, taskId: pick.taskId, mutationIdToUndo: pick.mutationId, qty: pick.qty, toteCode: pick.toteCode, assignmentEpoch };
  const r = await enqueue('pick.undo', args);
  if (!r.ok) return { ok: false, code: r.code, refused: false, tote: pick.toteCode };
  await markUndone(waveId, pick.mutationId);
  return { ok: true, confirmSeqs: [] };
}
