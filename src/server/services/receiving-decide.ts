import type { Outcome, PutawayConfirmArgs, ReceiptCloseArgs, StockMoveArgs } from '../../domain/commands';
import { reject } from '../../domain/commands';
import { ErrorCode } from '../../domain/errors';
import type { DecideEnv } from './push-decide';

/** Rule context as push passes it. */
export interface InboundCtx {
  userId: string;
  mutationId: string;
  now: string;
}

/**
 * The server side of receipt.close, putaway.confirm and stock.move: the state each pure
 * rule needs, read inside the batch's transaction, then the rule.
 */
export async function decideReceiving(
  name: 'receipt.close' | 'putaway.confirm' | 'stock.move',
  args: ReceiptCloseArgs | PutawayConfirmArgs | StockMoveArgs,
  ctx: InboundCtx,
  env: DecideEnv,
): Promise<Outcome> {
  void args;
  void ctx;
  void env;
  return reject(ErrorCode.FORBIDDEN, `${name} is not served yet`);
}
