import type { CountSubmitArgs, Outcome, ReturnGradeArgs } from '../../domain/commands';
import { applyCountSubmit } from '../../domain/inventory/count-submit';
import { applyReturnGrade } from '../../domain/inventory/return-grade';
import { loadCountState } from './count-state';
import type { DecideEnv } from './push-decide';
import type { InboundCtx } from './receiving-decide';
import { loadReturnState } from './returns-state';

/**
 * The server side of return.grade and count.submit: the state each pure rule needs, read
 * inside the batch's transaction, then the rule the device applies too. Roles were
 * checked by push-decide (COMMANDS[name].roles).
 */
export async function decideInventory(
  name: 'return.grade' | 'count.submit',
  args: ReturnGradeArgs | CountSubmitArgs,
  ctx: InboundCtx,
  env: DecideEnv,
): Promise<Outcome> {
  if (name === 'return.grade') {
    const a = args as ReturnGradeArgs;
    return applyReturnGrade(await loadReturnState(env, a), a, ctx);
  }
  const a = args as CountSubmitArgs;
  return applyCountSubmit(await loadCountState(env, a), a, ctx);
}
