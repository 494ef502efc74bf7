import { z } from 'zod';
import { Asn, Id, IsoDate, Lot, SellerReceivingRules } from './types';

/**
 * Receiving's working set on a device (receivers, returns clerks, leads), sent whole on
 * the last page of a pull like packing's (PullResponse.inbound) and replacing what the
 * device held: the ASNs still to receive, the open putaway tasks and each seller's
 * receiving rules, so a whole receipt and its putaway can be done with no network.
 */
export const PutawayTask = z.object({
  id: Id,
  receiptId: Id.nullable(),
  returnId: Id.nullable(),
  skuId: Id,
  lot: Lot.nullable(),
  expiry: IsoDate.nullable(),
  qty: z.number().int().positive(),
  condition: z.enum(['ok', 'damaged']),
  fromLocationId: Id,
  /** Worked out by the server when the task was made or last pulled; the device may suggest again. */
  suggestedLocationId: Id.nullable(),
  status: z.enum(['open', 'done']),
  createdAt: z.string(),
});
export type PutawayTask = z.infer<typeof PutawayTask>;

export const InboundSnapshot = z.object({
  /** ASNs announced or being received (closed ones drop out). */
  asns: z.array(Asn),
  putawayTasks: z.array(PutawayTask),
  receivingRules: z.array(z.object({ sellerId: Id, rules: SellerReceivingRules })),
});
export type InboundSnapshot = z.infer<typeof InboundSnapshot>;
