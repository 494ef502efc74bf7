import type { PutawayReason } from '../inventory/putaway';
import type { PutawayTask } from './snapshot';
import type { Discrepancy, ReceiptLine } from './types';

/**
 * What receiving commands (receipt.close, putaway.confirm, stock.move) change beyond
 * ledger movements and seller events, as rows for the server to write
 * (services/receiving-writes.ts) and for the device to show at once. Ids come from the
 * mutation id (closeReceipt), so a command applied twice trips a primary key.
 */
export interface ReceivingChanges {
  /** receipt.close: the closed receipt with every received line. */
  receipt?: ClosedReceipt;
  discrepancies?: Discrepancy[];
  /** New putaway tasks, in the device's snapshot shape (open, with their suggested bin). */
  putawayTasks?: PutawayTask[];
  /** The ASN the receipt closed, and the SSCCs of its cartons that were received. */
  asnPatch?: { id: string; status: 'closed'; closedAt: string; cartonsReceived: string[] } | null;
  /** putaway.confirm: units of a task put into a bin. */
  putawayPatches?: PutawayPatch[];
}

/** Why a receipt needs a lead's look. */
export const RECEIPT_NOTES = ['asn_closed_elsewhere'] as const;
export type ReceiptNote = (typeof RECEIPT_NOTES)[number];

export interface ClosedReceipt {
  id: string;
  /** The ASN it was received against; kept even when another device had closed it (see `note`). */
  asnId: string | null;
  sellerId: string;
  dockLocationId: string;
  closedBy: string;
  closedAt: string;
  /** asn_closed_elsewhere: the ASN was already closed, so the units were received blind. */
  note: ReceiptNote | null;
  lines: ReceiptLine[];
}

export interface PutawayPatch {
  id: string;
  /** Units this confirm put away. */
  movedQty: number;
  /** Units the task still holds after it (0 when done). */
  openQty: number;
  status: 'open' | 'done';
  toLocationId: string;
  /** Why another bin than the suggested one; null for the suggested bin. */
  reason: PutawayReason | null;
  doneBy: string;
  at: string;
}
