import { apiFetch, NetworkError } from '../../sync/api';

/** An order a seller sent (or one allocated) that the lead has not released for planning yet. */
export interface IncomingOrder {
  id: string;
  ref: string;
  seller: string;
  status: 'received' | 'allocated';
  lines: number;
  units: number;
  shipBy: string;
  createdAt: string;
}

export type IntakeAnswer<T> = { ok: true; value: T } | { ok: false; code: string };

async function call<T>(path: string, opts: Parameters<typeof apiFetch>[1]): Promise<IntakeAnswer<T>> {
  try {
    const r = await apiFetch<T>(path, opts);
    return r.ok ? { ok: true, value: r.body } : { ok: false, code: r.code };
  } catch (err) {
    if (err instanceof NetworkError) return { ok: false, code: 'OFFLINE' };
    throw err;
  }
}

/** src/server/routes/wave-planning.ts: GET /api/orders/incoming, POST /api/orders/release. */
export const intakeApi = (token: string | null) => ({
  incoming: () => call<{ count: number; orders: IncomingOrder[] }>('/api/orders/incoming', { token }),
  release: (orderIds: string[]) => call<{ released: string[]; alreadyReleased: string[] }>('/api/orders/release', { method: 'POST', token, body: { orderIds } }),
});
