import type { DevicesResponse } from '../../../domain/devices';
import type { LeftOut as PlanLeftOut, ProposedWave, WaveRules } from '../../../domain/waves/build-waves';
import { apiFetch } from '../../sync/api';
import { callApi, type Answer } from './lead-call';

export type { Answer };

// The shapes the planner builds (src/domain/waves/build-waves.ts), as the preview answers them.
export type { ProposedWave, WaveRules };

/** An order no proposed wave takes; no_stock ones name their short lines. */
export type LeftOut = PlanLeftOut & { shortLines?: { lineId: string; skuId: string; qty: number; shortQty: number }[] };

export interface WavePreview {
  considered: number;
  waves: ProposedWave[];
  leftOut: LeftOut[];
}

export interface ReleasedWave {
  id: string;
  code: string;
  kind: 'single' | 'cluster';
  orderIds: string[];
  tasks: number;
}

/** The lead-waves.ts answers the console reads (src/server/routes/lead-waves.ts). */
export interface ReassignAnswer {
  waveId: string;
  code: string;
  scope: 'wave' | 'remaining';
  assignedUserId: string;
  previousUserId: string;
  assignmentEpoch: number;
  openTaskIds: string[];
  splitWave: { id: string; code: string; assignedUserId: string; taskIds: string[] } | null;
}

export type Priority = 'normal' | 'high' | 'urgent';

export interface LeadOrderAnswer {
  id: string;
  orderRef: string;
  status: string;
  priority: Priority;
  onHold: boolean;
  holdReason: string | null;
}

/** GET /api/waves/:id/orders (src/server/routes/lead-wave-orders.ts). */
export interface WaveOrderLine {
  lineNo: number;
  skuId: string;
  skuCode: string;
  qty: number;
  pickedQty: number;
  cancelled: boolean;
}
export interface WaveOrder extends LeadOrderAnswer {
  lines: WaveOrderLine[];
}

type Fetch = typeof apiFetch;
const call = <T>(fetcher: Fetch, path: string, opts: Parameters<Fetch>[1]) => callApi<T>(path, opts, fetcher);

/** The console's calls to the API, with this session's token. */
export function leadApi(token: string | null, fetcher: Fetch = apiFetch) {
  return {
    preview: (rules: WaveRules) => call<WavePreview>(fetcher, '/api/waves/preview', { method: 'POST', token, body: rules }),
    release: (waves: { mode: 'single' | 'multi'; orderIds: string[] }[]) =>
      call<{ waves: ReleasedWave[] }>(fetcher, '/api/waves/release', { method: 'POST', token, body: { waves } }),
    /** Hands an unassigned wave to a picker (src/server/routes/lead-waves.ts). */
    assign: (waveId: string, userId: string) =>
      call<{ waveId: string; code: string; assignedUserId: string; assignmentEpoch: number }>(fetcher, `/api/waves/${encodeURIComponent(waveId)}/assign`, { method: 'POST', token, body: { userId } }),
    /** Moves a held wave, or only its open tasks, to another picker. */
    reassign: (waveId: string, userId: string, scope: 'wave' | 'remaining') =>
      call<ReassignAnswer>(fetcher, `/api/waves/${encodeURIComponent(waveId)}/reassign`, { method: 'POST', token, body: { userId, scope } }),
    waveOrders: (waveId: string) =>
      call<{ waveId: string; code: string; orders: WaveOrder[] }>(fetcher, `/api/waves/${encodeURIComponent(waveId)}/orders`, { token }),
    hold: (orderId: string, hold: boolean, reason?: string) =>
      call<LeadOrderAnswer>(fetcher, `/api/orders/${encodeURIComponent(orderId)}/hold`, { method: 'POST', token, body: reason ? { hold, reason } : { hold } }),
    priority: (orderId: string, priority: Priority) =>
      call<LeadOrderAnswer>(fetcher, `/api/orders/${encodeURIComponent(orderId)}/priority`, { method: 'POST', token, body: { priority } }),
    /** Every line's remaining units (the route also takes line numbers; the console cancels what is left). */
    cancelLines: (orderId: string) =>
      call<LeadOrderAnswer & { cancelledLineNos: number[] }>(fetcher, `/api/orders/${encodeURIComponent(orderId)}/cancel-lines`, { method: 'POST', token, body: {} }),
    devices: () => call<DevicesResponse>(fetcher, '/api/devices', { token }),
  };
}
export type LeadApi = ReturnType<typeof leadApi>;
