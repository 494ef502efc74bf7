import { useLiveQuery } from 'dexie-react-hooks';
import { openReplenishments, type OpenReplenishment } from './replenish-store';

/** The open replenishments as this device sees them now (pulled, less what it confirmed). */
export function useOpenReplenishments(): OpenReplenishment[] | undefined {
  return useLiveQuery(openReplenishments, [], undefined);
}
