import type { z } from 'zod';
import type { ErrorCode } from '../errors';
import type { Role } from '../roles';
import type { EXCEPTION_TYPES, PickTask, StockMovement, Tote, Wave } from '../model';
import type { OrderStatus } from '../packing/types';
import type { ReceivingChanges } from '../inbound/changes';
import type { InventoryChanges } from '../inventory/changes';
import type { ReplenishChanges } from '../replenish/types';

/** Who is applying a command, and when. The server passes its own clock. */
export interface RuleContext {
  userId: string;
  mutationId: string;
  now: string; // ISO timestamp
}

export interface NewException {
  type: (typeof EXCEPTION_TYPES)[number];
  waveId: string | null;
  taskId: string | null;
  locationId: string | null;
  skuId: string | null;
  qty: number;
  /** The order it is about (packing). */
  orderId?: string | null;
  /** Free detail for the lead: tracking numbers, weights, who overrode. JSON-serialisable. */
  details?: Record<string, unknown> | null;
}

/** A shipment a pack.confirm creates, with its cartons (ids made on the device). */
export interface NewShipment {
  id: string;
  orderId: string;
  benchId: string;
  carrier: string;
  service: string;
  packedBy: string;
  /** The lead who approved a weight outside tolerance, or null. */
  overrideBy: string | null;
  overrideNonce: string | null;
  cartons: {
    id: string;
    seq: number;
    boxTypeId: string;
    weightG: number;
    expectedWeightG: number;
    trackingNumber: string;
    sscc: string;
    items: { skuId: string; lot: string | null; qty: number }[];
  }[];
}

/** An entry for a seller's event feed (issue 7 serves the feed). */
export interface NewSellerEvent {
  sellerId: string;
  type: 'order.packed' | 'order.shipped' | 'order.on_hold' | 'order.cancelled_at_pack' | 'inbound.received' | 'return.graded' | 'stock.low';
  payload: Record<string, unknown>;
}

export interface Changes {
  taskPatches: { id: string; patch: Partial<Omit<PickTask, 'id' | 'version'>> }[];
  wavePatch: { id: string; patch: Partial<Omit<Wave, 'id' | 'version'>> } | null;
  movements: StockMovement[];
  exceptions: NewException[];
  /** Exceptions this command closes (conflict.resolve). */
  resolveExceptionIds?: string[];
  /** Pick tasks this command creates (a short pick's re-allocation); `version` is set when stored. */
  newTasks?: PickTask[];
  /** Bins to count blind (a short pick). */
  countTasks?: { locationId: string; skuId: string; reason: 'short_pick'; taskId: string }[];
  /** Totes whose place changes, by code (wave.dropoff); `version` is set when stored. */
  totePatches?: { code: string; patch: Required<Pick<Tote, 'status' | 'locationId' | 'waveId'>> }[];
  /** Order status changes (packing). */
  orderPatches?: {
    id: string;
    patch: { status: OrderStatus };
    /** Apply only while the order is in one of these statuses (a drop-off never reopens a cancelled order). */
    from?: readonly OrderStatus[];
  }[];
  /** Shipments with their cartons (pack.confirm). */
  shipments?: NewShipment[];
  sellerEvents?: NewSellerEvent[];
  /** Receipts, discrepancies, putaway tasks (receipt.close, putaway.confirm, stock.move). */
  receiving?: ReceivingChanges;
  /** Returns and counts (return.grade, count.submit). */
  inventory?: InventoryChanges;
  /** A replenishment confirmed, or a face to count (replenish.confirm). */
  replenish?: ReplenishChanges;
}

/**
 * What a rule decides. A refusal is a value: the server stores it as the command's
 * result and still advances the device's lastSeq. A refusal may still carry exceptions
 * (e.g. "put the units back"), because the physical scan happened.
 */
export type Outcome =
  | ({ status: 'applied'; note?: ErrorCode } & Changes & OtherUser)
  | ({ status: 'rejected'; code: ErrorCode; message: string } & Changes & OtherUser);

/**
 * The other person a conflict is about, for the device's card: who picked the line
 * (LINE_ALREADY_PICKED) or who holds the wave now (WAVE_REASSIGNED).
 */
export interface OtherUser {
  otherUserId?: string | null;
}

export interface CommandDef<A> {
  name: string;
  argsVersion: number;
  args: z.ZodType<A>;
  roles: readonly Role[];
  /** Upgrades arguments written by older app versions, keyed by their argsVersion. */
  upgrades?: Record<number, (old: unknown) => unknown>;
}

export function noChanges(): Changes {
  return { taskPatches: [], wavePatch: null, movements: [], exceptions: [] };
}

export function reject(code: ErrorCode, message: string, changes: Partial<Changes> & OtherUser = {}): Outcome {
  return { status: 'rejected', code, message, ...noChanges(), ...changes };
}
