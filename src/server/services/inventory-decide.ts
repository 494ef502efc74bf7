import type { CountSubmitArgs, Outcome, ReturnGradeArgs } from '../../domain/commands';
import { reject } from '../../domain/commands';
import { ErrorCode } from '../../domain/errors';
import type { DecideEnv } from './push-decide';
import type { InboundCtx } from './receiving-decide';

/** The server side of return.grade and count.submit. */
export async function decideInventory(
  name: 'return.grade' | 'count.submit',
  args: ReturnGradeArgs | CountSubmitArgs,
  ctx: InboundCtx,
  env: DecideEnv,
): Promise<Outcome> {
  void args;
  void ctx;
  void env;
  return reject(ErrorCode.FORBIDDEN, `${name} is not served yet`);
}
