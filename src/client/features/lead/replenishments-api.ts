import type { ReplenishmentsResponse } from '../../../domain/replenish/api';
import { apiFetch, NetworkError } from '../../sync/api';

/** OFFLINE: the request never reached the server. */
export type ReplenishAnswer<T> = { ok: true; value: T } | { ok: false; code: string; message: string };

/** The console's read of open replenishments (src/server/routes/replenish.ts), with this session's token. */
export function replenishmentsApi(token: string | null, fetcher: typeof apiFetch = apiFetch) {
  return {
    /** Open ones and those waiting for reserve stock (status=active). */
    active: async (): Promise<ReplenishAnswer<ReplenishmentsResponse>> => {
      try {
        const r = await fetcher<ReplenishmentsResponse>('/api/replenishments?status=active', { token });
        return r.ok ? { ok: true, value: r.body } : { ok: false, code: r.code, message: r.message };
      } catch (err) {
        if (err instanceof NetworkError) return { ok: false, code: 'OFFLINE', message: err.message };
        throw err;
      }
    },
  };
}
