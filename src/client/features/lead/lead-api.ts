import type { DevicesResponse } from '../../../domain/devices';
import { apiFetch, NetworkError, type ApiResult } from '../../sync/api';

/** The rules a lead previews waves with (the server's WaveRulesBody). */
export interface WaveRules {
  groupBy: 'cutoff' | 'ship_by';
  zones: 'all' | 'per_zone' | string[];
  mode: 'single' | 'multi';
  maxOrders: number;
  maxLines: number;
  maxUnits: number;
  maxTotes: number;
}

export interface ProposedWave {
  seq: number;
  mode: 'single' | 'multi';
  groupTime: string;
  orderIds: string[];
  orderRefs: string[];
  orders: number;
  lines: number;
  units: number;
  zones: string[];
  totes: number;
  walk: { stops: number; firstSeq: number; lastSeq: number; span: number; seconds: number };
}

export interface LeftOut {
  orderId: string;
  ref: string;
  reason: 'too_large' | 'zone_excluded' | 'multi_zone' | 'no_stock';
  limit?: 'maxLines' | 'maxUnits';
  shortLines?: { lineId: string; skuId: string; qty: number; shortQty: number }[];
}

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

/** OFFLINE: the request never reached the server (the console needs the network). */
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

/** The console's calls to the API, with this session's token. */
export function leadApi(token: string | null, fetcher: Fetch = apiFetch) {
  return {
    preview: (rules: WaveRules) => call<WavePreview>(fetcher, '/api/waves/preview', { method: 'POST', token, body: rules }),
    release: (waves: { mode: 'single' | 'multi'; orderIds: string[] }[]) =>
      call<{ waves: ReleasedWave[] }>(fetcher, '/api/waves/release', { method: 'POST', token, body: { waves } }),
    /** Hands an unassigned wave to a picker (src/server/routes/lead-waves.ts). */
    assign: (waveId: string, userId: string) =>
      call<{ waveId: string; code: string; assignedUserId: string }>(fetcher, `/api/waves/${encodeURIComponent(waveId)}/assign`, { method: 'POST', token, body: { userId } }),
    devices: () => call<DevicesResponse>(fetcher, '/api/devices', { token }),
  };
}
export type LeadApi = ReturnType<typeof leadApi>;
