import { apiFetch, NetworkError } from '../sync/api';

export interface PrintApi {
  token: string | null;
  /** The API client; tests pass one bound to a test server. */
  fetch?: typeof apiFetch;
}

export interface PrintRequest {
  shipmentId: string;
  benchId: string;
  /** One carton only (a reprint); all the shipment's cartons when absent. */
  cartonId?: string;
}

export type PrintResult = { ok: true; printed: number } | { ok: false; code: string };

/**
 * Sends the shipment's ZPL labels to the bench's network printer through the API (the
 * browser cannot open a raw TCP socket). With no network the answer is TRANSIENT, and
 * the screen offers the PDF instead.
 */
export async function printLabelsOnBench(api: PrintApi, req: PrintRequest): Promise<PrintResult> {
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return { ok: false, code: 'TRANSIENT' };
  const body: PrintRequest = { shipmentId: req.shipmentId, benchId: req.benchId };
  if (req.cartonId) body.cartonId = req.cartonId;
  try {
    const res = await (api.fetch ?? apiFetch)<{ printed: number }>('/api/print/labels', { method: 'POST', body, token: api.token });
    if (res.ok) return { ok: true, printed: res.body?.printed ?? 0 };
    return { ok: false, code: res.code };
  } catch (err) {
    if (err instanceof NetworkError) return { ok: false, code: 'TRANSIENT' };
    throw err;
  }
}
