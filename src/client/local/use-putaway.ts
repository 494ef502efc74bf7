import { useLiveQuery } from 'dexie-react-hooks';
import { locationCodes, openTasks, type OpenTask } from './putaway-store';

/** The open putaway tasks as the device sees them now (pulled, made here, less what was put away). */
export function useOpenPutawayTasks(): OpenTask[] | undefined {
  return useLiveQuery(openTasks, [], undefined);
}

export function useLocationCodes(ids: readonly string[]): Record<string, string> {
  const key = [...new Set(ids)].sort().join('|');
  return useLiveQuery(() => locationCodes(key ? key.split('|') : []), [key], {});
}
