import type { ConflictCard } from '../../domain/picking/conflict-card';
import { markCardResolved } from './conflicts';
import { enqueue, type EnqueueResult } from './outbox';

/**
 * Done on a card: conflict.resolve goes through the outbox like any command, so it works
 * offline and syncs. The outbox row alone already hides the card; the mark keeps it hidden
 * after the pull forgets the command (a failure there is covered by that pull, which marks
 * it too).
 */
export async function resolveConflictCard(card: Pick<ConflictCard, 'id' | 'doneCommand'>): Promise<EnqueueResult> {
  const res = await enqueue('conflict.resolve', card.doneCommand.args);
  if (res.ok) await markCardResolved(card.id).catch(() => undefined);
  return res;
}
