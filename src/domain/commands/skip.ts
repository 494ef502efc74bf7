import { z } from 'zod';
import { ErrorCode } from '../errors';
import type { PickTask, Wave } from '../model';
import { skipStop } from '../picking/walk';
import { noChanges, reject, type CommandDef, type Outcome, type RuleContext } from './types';

const id = z.string().min(1).max(64);

/** The picker skips a stop (a bin they cannot reach now): its tasks go to the end of the walk. */
export const PickSkipArgs = z.strictObject({
  waveId: id,
  /** The stop's tasks (one stop can serve several orders). */
  taskIds: z.array(id).min(1).max(200),
  assignmentEpoch: z.number().int().min(0),
});
export type PickSkipArgs = z.infer<typeof PickSkipArgs>;

export const pickSkip: CommandDef<PickSkipArgs> = {
  name: 'pick.skip',
  argsVersion: 1,
  args: PickSkipArgs,
  roles: ['picker', 'lead'],
};

/** The skip ordinal is the wave's next one, so the rule needs every task of the wave. */
export interface PickSkipState {
  wave: Wave | null;
  tasks: readonly PickTask[];
}

/**
 * Stores skip marks with walk.ts's skipStop. Nothing physical happened, so the epoch is
 * not checked: a skip on a stale device only reorders a list. The client numbers the
 * skip from its own view; the server numbers it from its rows, and its number wins on
 * the next pull when two devices skipped at once. Tasks already closed get no mark.
 */
export function applyPickSkip(state: PickSkipState, args: PickSkipArgs, _ctx: RuleContext): Outcome {
  const wave = state.wave;
  if (!wave || wave.id !== args.waveId) return reject(ErrorCode.WAVE_NOT_FOUND, `wave ${args.waveId} not found`);
  if (wave.status === 'cancelled' || wave.status === 'done') return reject(ErrorCode.WAVE_CLOSED, `wave ${wave.code} is ${wave.status}`);
  const known = new Set(state.tasks.filter((t) => t.waveId === wave.id).map((t) => t.id));
  const missing = args.taskIds.find((t) => !known.has(t));
  if (missing !== undefined) return reject(ErrorCode.TASK_NOT_FOUND, `task ${missing} not found in wave ${wave.id}`);
  const changes = noChanges();
  for (const m of skipStop(state.tasks, { taskIds: args.taskIds })) {
    changes.taskPatches.push({ id: m.taskId, patch: { skippedAt: m.skippedAt } });
  }
  return { status: 'applied', ...changes };
}
