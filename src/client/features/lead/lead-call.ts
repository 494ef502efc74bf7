import { apiFetch, NetworkError, type ApiResult } from '../../sync/api';

/**
 * One answer of the API to the console: the value, or the refusal's code (with its words
 * and details). OFFLINE: the request never reached the server, and the console, which
 * needs the network, says so instead of showing stale lists.
 */
export type Answer<T> = { ok: true; value: T } | { ok: false; code: string; message: string; details?: unknown };

export type Fetch = typeof apiFetch;

/** Every console call goes through here, so "offline" means the same thing on every panel. */
export async function callApi<T>(path: string, opts: Parameters<Fetch>[1], fetcher: Fetch = apiFetch): Promise<Answer<T>> {
  let res: ApiResult<T>;
  try {
    res = await fetcher<T>(path, opts);
  } catch (err) {
    if (err instanceof NetworkError) return { ok: false, code: 'OFFLINE', message: err.message };
    throw err;
  }
  return res.ok ? { ok: true, value: res.body } : { ok: false, code: res.code, message: res.message, details: res.details };
}
