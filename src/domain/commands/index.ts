import { ErrorCode } from '../errors';
import { conflictResolve } from '../picking/conflict-card';
import { pickUndo } from '../picking/undo';
import { waveDropoff } from './dropoff';
import { countSubmit, putawayConfirm, receiptClose, returnGrade, stockMove } from './inbound';
import { packConfirm, packMissing } from './pack';
import { pickConfirm, pickShort } from './pick';
import { pickSkip } from './skip';
import { replenishConfirm } from '../replenish/confirm';
import type { CommandDef } from './types';
import { waveAssign } from './wave';

export * from './types';
export * from './dropoff';
export * from './inbound';
export * from './pack';
export * from './pick';
export * from './resolve';
export * from './short';
export * from './skip';
export * from './undo-refusal';
export * from './wave';
export { replenishConfirm, ReplenishConfirmArgs, applyReplenishConfirm } from '../replenish/confirm';
export { conflictResolve, ConflictResolveArgs } from '../picking/conflict-card';
export { applyPickUndo, pickUndo, PickUndoArgs, type PickConfirmation, type PickUndoState } from '../picking/undo';

/** Every command the API accepts, by name. Adding a command means adding it here. */
export const COMMANDS = {
  'pick.confirm': pickConfirm,
  'pick.short': pickShort,
  'pick.skip': pickSkip,
  'pick.undo': pickUndo,
  'conflict.resolve': conflictResolve,
  'wave.assign': waveAssign,
  'wave.dropoff': waveDropoff,
  'pack.confirm': packConfirm,
  'pack.missing': packMissing,
  'receipt.close': receiptClose,
  'putaway.confirm': putawayConfirm,
  'stock.move': stockMove,
  'return.grade': returnGrade,
  'count.submit': countSubmit,
  'replenish.confirm': replenishConfirm,
} as const;

export type CommandName = keyof typeof COMMANDS;
/** The parsed argument type of each command, by name. */
export type CommandArgs = { [K in CommandName]: (typeof COMMANDS)[K] extends CommandDef<infer A> ? A : never };
export const COMMAND_NAMES = Object.keys(COMMANDS) as CommandName[];

export type ParsedArgs =
  | { ok: true; name: CommandName; args: unknown }
  | { ok: false; code: ErrorCode; message: string; details?: unknown };

/**
 * Validates a command's name and arguments, upgrading arguments written by an older
 * app version first. Both the client (before writing to the outbox) and the server
 * (before applying) call this, so they agree on what a valid command is.
 */
export function parseCommand(name: string, argsVersion: number, args: unknown): ParsedArgs {
  const def = (COMMANDS as Record<string, CommandDef<unknown>>)[name];
  if (!def) return { ok: false, code: ErrorCode.UNKNOWN_COMMAND, message: `unknown command ${name}` };
  let value = args;
  if (argsVersion !== def.argsVersion) {
    const up = def.upgrades?.[argsVersion];
    if (!up || argsVersion > def.argsVersion) {
      return {
        ok: false,
        code: ErrorCode.UNSUPPORTED_ARGS_VERSION,
        message: `${name} has no handler for argsVersion ${argsVersion}`,
      };
    }
    value = up(args);
  }
  const parsed = def.args.safeParse(value);
  if (!parsed.success) {
    return {
      ok: false,
      code: ErrorCode.VALIDATION_FAILED,
      message: `invalid arguments for ${name}`,
      details: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    };
  }
  return { ok: true, name: name as CommandName, args: parsed.data };
}
