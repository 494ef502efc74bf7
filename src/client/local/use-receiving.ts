import { useLiveQuery } from 'dexie-react-hooks';
import type { Location } from '../../domain/model';
import type { AsnRow } from './db';
import { currentDraftId, getDock, listDocks, loadDraft, openAsns, receivingSellers, skuNames, type DraftView } from './receiving-drafts';

/** Live reads of the dock's local data for the receiving screen (undefined while loading). */

export function useDock(): Location | null | undefined {
  return useLiveQuery(getDock, [], undefined);
}

export function useDocks(): Location[] | undefined {
  return useLiveQuery(listDocks, [], undefined);
}

export function useOpenAsns(): AsnRow[] | undefined {
  return useLiveQuery(openAsns, [], undefined);
}

export function useReceivingSellers(): string[] {
  return useLiveQuery(receivingSellers, [], []);
}

/** This user's receipt in progress with its lines, null when there is none. */
export function useCurrentDraft(userId: string | null): DraftView | null | undefined {
  return useLiveQuery(async () => {
    if (!userId) return null;
    const id = await currentDraftId(userId);
    return id ? loadDraft(id) : null;
  }, [userId], undefined);
}

export function useSkuNames(ids: readonly string[]): Record<string, { code: string; name: string }> {
  const key = [...new Set(ids)].sort().join('|');
  return useLiveQuery(() => skuNames(key ? key.split('|') : []), [key], {});
}
