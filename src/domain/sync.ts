import { z } from 'zod';
import { Location, PickTask, Sku, Tote, UserPublic, Wave, WarehouseException } from './model';
import { BinStock } from './stock';
import { InboundSnapshot } from './inbound/snapshot';
import { InventorySnapshot } from './inventory/snapshot';
import { ReplenishSnapshot } from './replenish/types';
import { PackSnapshot } from './packing/types';

/** Bumped when the shape of the sync payloads changes incompatibly. */
export const SCHEMA_VERSION = 1;
export const MAX_BATCH = 500;

const text = (max: number) => z.string().min(1).max(max);

/** One command as stored in the device outbox and sent in a push. */
export const Mutation = z.strictObject({
  id: z.uuid(), // UUIDv7, made on the device
  deviceId: text(100),
  seq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  name: text(100),
  args: z.unknown(),
  argsVersion: z.number().int().min(1).max(1000),
  userId: text(64),
  createdAt: z.iso.datetime({ offset: true }),
});
export type Mutation = z.infer<typeof Mutation>;

export const PushRequest = z
  .strictObject({
    deviceId: text(100),
    schemaVersion: z.number().int().min(1),
    appVersion: text(50),
    mutations: z.array(Mutation).max(MAX_BATCH),
  })
  .superRefine((req, ctx) => {
    req.mutations.forEach((m, i) => {
      if (m.deviceId !== req.deviceId) {
        ctx.addIssue({ code: 'custom', path: ['mutations', i, 'deviceId'], message: 'deviceId differs from the push' });
      }
      if (i > 0 && m.seq !== req.mutations[i - 1]!.seq + 1) {
        ctx.addIssue({ code: 'custom', path: ['mutations', i, 'seq'], message: 'seqs in a batch must be consecutive' });
      }
    });
  });
export type PushRequest = z.infer<typeof PushRequest>;

export const MutationResult = z.object({
  id: z.string(),
  seq: z.number().int(),
  status: z.enum(['applied', 'rejected']),
  code: z.string().optional(),
  message: z.string().optional(),
  /** Who a conflict is about (who picked the line, who holds the wave now), for the device's card. */
  otherUserId: z.string().nullable().optional(),
});
export type MutationResult = z.infer<typeof MutationResult>;

export const PushResponse = z.object({ lastSeq: z.number().int(), results: z.array(MutationResult) });
export type PushResponse = z.infer<typeof PushResponse>;

/** 409 details when the first seq of a push is past lastSeq + 1. */
export interface SeqGapDetails {
  expectedSeq: number;
}

export const PullQuery = z.strictObject({
  cursor: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
  limit: z.coerce.number().int().min(1).max(5000).default(2000),
});
export type PullQuery = z.infer<typeof PullQuery>;

export const Rejection = z.object({
  id: z.string(),
  seq: z.number().int(),
  name: z.string(),
  code: z.string(),
  message: z.string(),
  createdAt: z.string(),
  otherUserId: z.string().nullable().optional(),
});
export type Rejection = z.infer<typeof Rejection>;

export const PullResponse = z.object({
  /** Pass this back as `cursor` on the next pull. */
  cursor: z.number().int(),
  hasMore: z.boolean(),
  lastSeq: z.number().int(),
  changes: z.object({
    locations: z.array(Location),
    skus: z.array(Sku),
    totes: z.array(Tote),
    users: z.array(UserPublic.extend({ version: z.number().int() })),
    waves: z.array(Wave),
    tasks: z.array(PickTask),
    exceptions: z.array(WarehouseException),
    /** Bin balances of the SKUs in the user's open waves (stock.ts); absent from older servers. */
    stock: z.array(BinStock).default([]),
  }),
  /** This device's refused commands that changed after the cursor. */
  rejections: z.array(Rejection),
  /**
   * Packing's whole working set (packers, leads, admins), on the last page of a pull
   * only; the device replaces what it held. Absent for other roles and older servers.
   */
  pack: PackSnapshot.optional(),
  /** Receiving's working set (receivers, returns clerks, leads), like `pack`. */
  inbound: InboundSnapshot.optional(),
  /** Counting and returns' working set (floor roles), like `pack`. */
  inventory: InventorySnapshot.optional(),
  /** Replenishment's open tasks (receivers, leads), like `pack`. */
  replenish: ReplenishSnapshot.optional(),
});
export type PullResponse = z.infer<typeof PullResponse>;
