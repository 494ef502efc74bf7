import { useLiveQuery } from 'dexie-react-hooks';
import type { ConflictCard } from '../../domain/picking/conflict-card';
import { openConflictCards } from './conflicts';

/**
 * The open conflict cards, live: a push answer, a pull or a Done re-reads them. `undefined`
 * while the first read is running, so a screen can tell "loading" from "nothing to do".
 */
export function useConflictCards(): ConflictCard[] | undefined {
  return useLiveQuery(openConflictCards, []);
}
