import { useLiveQuery } from 'dexie-react-hooks';
import { listCountTasks, type CountTaskItem } from './count-repo';

/** The open count tasks this user may do, live (undefined while loading). */
export function useCountTasks(userId: string | null): CountTaskItem[] | undefined {
  return useLiveQuery(async () => (userId ? listCountTasks(userId) : []), [userId], undefined);
}
