import { z } from 'zod';
import { ErrorCode } from '../errors';
import type { Wave } from '../model';
import { hasAnyRole } from '../roles';
import { noChanges, reject, type CommandDef, type Outcome, type RuleContext } from './types';

export const WaveAssignArgs = z.strictObject({
  waveId: z.string().min(1).max(64),
  userId: z.string().min(1).max(64),
});
export type WaveAssignArgs = z.infer<typeof WaveAssignArgs>;

/** Lead-only: (re)assign a wave. Every assignment bumps the epoch so stale picks are visible. */
export const waveAssign: CommandDef<WaveAssignArgs> = {
  name: 'wave.assign',
  argsVersion: 1,
  args: WaveAssignArgs,
  roles: ['lead'],
};

export interface WaveAssignState {
  wave: Wave | null;
  assignee: { id: string; roles: readonly string[] } | null;
}

export function applyWaveAssign(state: WaveAssignState, args: WaveAssignArgs, ctx: RuleContext): Outcome {
  const { wave, assignee } = state;
  if (!wave) return reject(ErrorCode.WAVE_NOT_FOUND, `wave ${args.waveId} not found`);
  if (wave.status === 'done' || wave.status === 'cancelled') {
    return reject(ErrorCode.WAVE_CLOSED, `wave ${wave.code} is ${wave.status}`);
  }
  if (!assignee) return reject(ErrorCode.USER_NOT_FOUND, `user ${args.userId} not found`);
  if (!hasAnyRole(assignee.roles, ['picker'])) {
    return reject(ErrorCode.NOT_A_PICKER, `user ${args.userId} cannot pick`);
  }
  const changes = noChanges();
  changes.wavePatch = {
    id: wave.id,
    patch: {
      assignedUserId: assignee.id,
      assignmentEpoch: wave.assignmentEpoch + 1,
      ...(wave.status === 'planned' ? { status: 'released' as const, releasedAt: ctx.now } : {}),
    },
  };
  return { status: 'applied', ...changes };
}
