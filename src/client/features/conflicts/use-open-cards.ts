import { useMemo } from 'react';
import type { ConflictCard } from '../../../domain/picking/conflict-card';
import { useConflictCards } from '../../local/use-conflicts';
import { useConflictsStore } from './conflicts-store';

/** The open cards minus those Done was pressed on in this session; undefined while loading. */
export function useOpenCards(): ConflictCard[] | undefined {
  const cards = useConflictCards();
  const done = useConflictsStore((s) => s.done);
  return useMemo(() => cards?.filter((c) => !done.has(c.id)), [cards, done]);
}
