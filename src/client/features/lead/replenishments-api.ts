import type { ReplenishmentsResponse } from '../../../domain/replenish/api';
import { apiFetch } from '../../sync/api';
import { callApi, type Answer } from './lead-call';

export type ReplenishAnswer<T> = Answer<T>;

/** The console's read of open replenishments (src/server/routes/replenish.ts), with this session's token. */
export function replenishmentsApi(token: string | null, fetcher: typeof apiFetch = apiFetch) {
  return {
    /** Open ones and those waiting for reserve stock (status=active). */
    active: (): Promise<ReplenishAnswer<ReplenishmentsResponse>> => callApi<ReplenishmentsResponse>('/api/replenishments?status=active', { token }, fetcher),
  };
}
