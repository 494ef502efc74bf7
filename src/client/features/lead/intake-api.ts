import { callApi, type Answer } from './lead-call';

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

export type IntakeAnswer<T> = Answer<T>;

/** src/server/routes/wave-planning.ts: GET /api/orders/incoming, POST /api/orders/release. */
export const intakeApi = (token: string | null) => ({
  incoming: () => callApi<{ count: number; orders: IncomingOrder[] }>('/api/orders/incoming', { token }),
  release: (orderIds: string[]) => callApi<{ released: string[]; alreadyReleased: string[] }>('/api/orders/release', { method: 'POST', token, body: { orderIds } }),
});
