import { useLiveQuery } from 'dexie-react-hooks';
import { pendingPhotoCount } from './photos';

/** How many photos the server does not hold yet (0 while loading). */
export function usePhotosWaiting(): number {
  return useLiveQuery(pendingPhotoCount, [], 0);
}
