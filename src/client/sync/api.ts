import type { ApiErrorBody } from '../../domain/errors';

export type ApiResult<T> =
  | { ok: true; status: number; body: T }
  | { ok: false; status: number; code: string; message: string; details?: unknown };

/** The request never reached the server (offline, DNS, connection reset). */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : 'network error');
    this.name = 'NetworkError';
  }
}

export async function apiFetch<T>(
  path: string,
  opts: { method?: string; body?: unknown; token?: string | null; signal?: AbortSignal } = {},
): Promise<ApiResult<T>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let res: Response;
  try {
    res = await fetch(path, {
      method: opts.method ?? 'GET',
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: opts.signal,
      cache: 'no-store',
    });
  } catch (err) {
    throw new NetworkError(err);
  }
  // Proxies and crashed servers answer with HTML or nothing: treat that as no body.
  const json: unknown = await res.json().catch(() => null);
  if (res.ok) return { ok: true, status: res.status, body: json as T };
  const err = (json as Partial<ApiErrorBody> | null)?.error;
  return {
    ok: false,
    status: res.status,
    code: err?.code ?? (res.status >= 500 ? 'TRANSIENT' : 'INTERNAL'),
    message: err?.message ?? res.statusText,
    details: err?.details,
  };
}
