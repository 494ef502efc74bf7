import { useLiveQuery } from 'dexie-react-hooks';
import { getMeta, type Session } from './meta';

/** undefined while loading, null when signed out. */
export function useSession(): Session | null | undefined {
  return useLiveQuery(async () => (await getMeta('session')) ?? null, [], undefined);
}
