import { useLiveQuery } from 'dexie-react-hooks';
import { db } from './db';

/** A location's label by id (the bench a wave's totes were dropped at); null while unknown. */
export function useLocationCode(locationId: string | null): string | null {
  return (
    useLiveQuery(async () => (locationId ? ((await db().locations.get(locationId))?.code ?? null) : null), [locationId]) ?? null
  );
}
