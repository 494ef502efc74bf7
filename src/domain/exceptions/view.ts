import type { ExceptionAction } from './actions';

/** One exception as the lead's queue shows it: everything a card needs, no second call. */
export interface ExceptionItem {
  id: string;
  type: string;
  status: 'open' | 'handled';
  qty: number;
  createdAt: string;
  ageSeconds: number;
  sku: { id: string; code: string; name: string } | null;
  location: { id: string; code: string } | null;
  order: { id: string; ref: string; status: string } | null;
  wave: { id: string; code: string } | null;
  raisedBy: { id: string; name: string } | null;
  toteCode: string | null;
  details: Record<string, unknown> | null;
  allowedActions: readonly ExceptionAction[];
  /** Null while open. `action` null: closed on the floor (a worker's conflict card), not by a lead. */
  handled: {
    by: { id: string; name: string } | null;
    at: string | null;
    action: string | null;
    note: string | null;
    result: Record<string, unknown> | null;
  } | null;
}
