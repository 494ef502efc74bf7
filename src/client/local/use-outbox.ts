import { useLiveQuery } from 'dexie-react-hooks';
import { db, type RejectionRow } from './db';
import { getMeta } from './meta';
import { pendingCount } from './queries';

export function usePendingCount(): number {
  return useLiveQuery(pendingCount, [], 0);
}

export function useRejections(): RejectionRow[] {
  return useLiveQuery(() => db().rejections.orderBy('seq').reverse().toArray(), [], []);
}

export function useLastSyncAt(): string | null {
  return useLiveQuery(async () => (await getMeta('lastSyncAt')) ?? null, [], null);
}
