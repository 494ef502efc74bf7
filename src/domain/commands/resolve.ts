import { ErrorCode } from '../errors';
import { mutationIdOfCard, type ConflictResolveArgs } from '../picking/conflict-card';
import { noChanges, reject, type Outcome, type RuleContext } from './types';

/** What conflict.resolve looks at: the card's mutation, if the server knows it, and its exceptions. */
export interface ConflictResolveState {
  /** Whether the mutation the card was built from is on record (null id: not a card id). */
  mutationKnown: boolean;
  /** Exceptions that mutation raised, with their status. */
  exceptions: readonly { id: string; status: 'open' | 'resolved' }[];
}

/**
 * "Mark done" on a conflict card: the worker put the units back (or saw the message);
 * the open exceptions the card's mutation raised are resolved. Marking done twice, or a
 * card whose exception a lead already closed, succeeds without changing anything: the
 * worker's intent is already true.
 */
export function applyConflictResolve(state: ConflictResolveState, args: ConflictResolveArgs, _ctx: RuleContext): Outcome {
  const mutationId = mutationIdOfCard(args.cardId);
  if (mutationId === null || !state.mutationKnown) return reject(ErrorCode.NOT_FOUND, `no conflict card ${args.cardId}`);
  const changes = noChanges();
  const open = state.exceptions.filter((e) => e.status === 'open').map((e) => e.id);
  if (open.length > 0) changes.resolveExceptionIds = open;
  return { status: 'applied', ...changes };
}
