import type { ManifestCarton, ManifestSummary } from '../../../domain/packing/manifest';
import { apiFetch, NetworkError, type ApiResult } from '../../sync/api';

/** A carrier's open (or closed) pallet or trailer at a shipping dock, as the server lists it. */
export type Manifest = ManifestSummary;
export type { ManifestCarton };

export interface ManifestDetail {
  manifest: Manifest;
  cartons: ManifestCarton[];
}

/** OFFLINE: the request never reached the server (the dock needs the network). */
export type Answer<T> = { ok: true; value: T } | { ok: false; code: string; message: string; details?: unknown };

type Fetch = typeof apiFetch;

async function call<T>(fetcher: Fetch, path: string, opts: Parameters<Fetch>[1]): Promise<Answer<T>> {
  let res: ApiResult<T>;
  try {
    res = await fetcher<T>(path, opts);
  } catch (err) {
    if (err instanceof NetworkError) return { ok: false, code: 'OFFLINE', message: err.message };
    throw err;
  }
  return res.ok ? { ok: true, value: res.body } : { ok: false, code: res.code, message: res.message, details: res.details };
}

const enc = encodeURIComponent;

/** The dock's calls to the API, with this session's token. */
export function shippingApi(token: string | null, fetcher: Fetch = apiFetch) {
  return {
    listOpen: () => call<{ manifests: Manifest[] }>(fetcher, '/api/manifests?status=open', { token }),
    listClosed: () => call<{ manifests: Manifest[] }>(fetcher, '/api/manifests?status=closed', { token }),
    create: (carrier: string, dockCode: string) =>
      call<{ manifest: Manifest }>(fetcher, '/api/manifests', { method: 'POST', token, body: { carrier, dockCode } }),
    get: (id: string) => call<ManifestDetail>(fetcher, `/api/manifests/${enc(id)}`, { token }),
    addCarton: (id: string, scan: string) =>
      call<{ carton: ManifestCarton }>(fetcher, `/api/manifests/${enc(id)}/cartons`, { method: 'POST', token, body: { scan } }),
    removeCarton: (id: string, cartonId: string) =>
      call<unknown>(fetcher, `/api/manifests/${enc(id)}/cartons/${enc(cartonId)}`, { method: 'DELETE', token }),
    close: (id: string) =>
      call<{ manifest: Manifest; shippedOrders: string[] }>(fetcher, `/api/manifests/${enc(id)}/close`, { method: 'POST', token, body: {} }),
  };
}
export type ShippingApi = ReturnType<typeof shippingApi>;

/** The manifest's PDF as a blob (the route needs the bearer token, so a plain link cannot fetch it). */
export async function fetchManifestPdf(token: string | null, id: string): Promise<Answer<Blob>> {
  let res: Response;
  try {
    res = await fetch(`/api/manifests/${enc(id)}/manifest.pdf`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
      cache: 'no-store',
    });
  } catch (err) {
    return { ok: false, code: 'OFFLINE', message: err instanceof Error ? err.message : 'network error' };
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
    return { ok: false, code: body?.error?.code ?? (res.status >= 500 ? 'TRANSIENT' : 'INTERNAL'), message: body?.error?.message ?? res.statusText };
  }
  return { ok: true, value: new Blob([await res.arrayBuffer()], { type: 'application/pdf' }) };
}
