import { z } from 'zod';
import { DiscrepancyNote, Id, Lot, PhotoIds, Reason, ReceiptLine } from '../inbound/types';
import { PUTAWAY_REASONS } from '../inventory/putaway';
import { RETURN_GRADES } from '../inventory/returns';
import type { CommandDef } from './types';

/**
 * Inbound and inventory commands (issue 6). Each is recorded on the device in one Dexie
 * transaction with its local effect, replayed there until pulled, and applied by the
 * server with the same pure rule (domain/inbound, domain/inventory).
 *
 * Photos are named here by the ids the device gave them; their bytes travel separately
 * (the resumable upload, docs/inbound.md), so a command never waits for a photo.
 */

const Qty = z.number().int().positive().max(1_000_000);

/**
 * receipt.close: the clerk closes a receipt built on the device (against an ASN, or
 * blind with `asnId` null). Carries every received line and the clerk's discrepancy
 * notes; the rule is closeReceipt (domain/inbound/close-receipt.ts). The receipt id is
 * made on the device, so a replay is recognised and a second close is refused.
 */
export const ReceiptCloseArgs = z.strictObject({
  receiptId: z.uuid(),
  asnId: Id.nullable(),
  sellerId: Id,
  dockLocationId: Id,
  lines: z.array(ReceiptLine).min(1).max(5000),
  notes: z.array(DiscrepancyNote).max(500).default([]),
});
export type ReceiptCloseArgs = z.infer<typeof ReceiptCloseArgs>;

export const receiptClose: CommandDef<ReceiptCloseArgs> = {
  name: 'receipt.close',
  argsVersion: 1,
  args: ReceiptCloseArgs,
  roles: ['receiver', 'lead'],
};

/**
 * putaway.confirm: units of an open putaway task scanned into a bin. Another bin than
 * the suggested one needs a reason. Fewer units than the task holds leave the rest open.
 */
export const PutawayConfirmArgs = z.strictObject({
  taskId: Id,
  toLocationId: Id,
  qty: Qty,
  reason: z.enum(PUTAWAY_REASONS).nullable().default(null),
});
export type PutawayConfirmArgs = z.infer<typeof PutawayConfirmArgs>;

export const putawayConfirm: CommandDef<PutawayConfirmArgs> = {
  name: 'putaway.confirm',
  argsVersion: 1,
  args: PutawayConfirmArgs,
  roles: ['receiver', 'returns', 'lead'],
};

/** stock.move: bin to bin (scan from-bin, item, quantity, to-bin). The rule is validateMove. */
export const StockMoveArgs = z.strictObject({
  fromLocationId: Id,
  toLocationId: Id,
  skuId: Id,
  lot: Lot.nullable(),
  qty: Qty,
});
export type StockMoveArgs = z.infer<typeof StockMoveArgs>;

export const stockMove: CommandDef<StockMoveArgs> = {
  name: 'stock.move',
  argsVersion: 1,
  args: StockMoveArgs,
  roles: ['receiver', 'returns', 'lead'],
};

/** One returned unit (or several identical ones) as graded at the returns bench. */
export const GradedUnit = z.strictObject({
  /** The SKU on the order the unit comes back against. */
  skuId: Id,
  /** What was actually in the parcel, for grade wrong_item. */
  foundSkuId: Id.nullable().default(null),
  lot: Lot.nullable().default(null),
  qty: Qty,
  grade: z.enum(RETURN_GRADES),
  reason: Reason,
  sealed: z.boolean().default(false),
  photoIds: PhotoIds.default([]),
});
export type GradedUnit = z.infer<typeof GradedUnit>;

/**
 * return.grade: the clerk graded what came back for an order. Each unit's disposition
 * follows the seller's rules (dispositionFor); restocked units get a putaway task from
 * the returns bin. The return id is made on the device.
 */
export const ReturnGradeArgs = z.strictObject({
  returnId: z.uuid(),
  orderId: Id,
  /** The returns bench (a location of type returns) the units are graded at. */
  locationId: Id,
  /** What the clerk scanned to find the order: return label, order number or tracking number. */
  scannedRef: z.string().regex(/^[!-~]{1,64}$/).nullable().default(null),
  units: z.array(GradedUnit).min(1).max(500),
});
export type ReturnGradeArgs = z.infer<typeof ReturnGradeArgs>;

export const returnGrade: CommandDef<ReturnGradeArgs> = {
  name: 'return.grade',
  argsVersion: 1,
  args: ReturnGradeArgs,
  roles: ['returns', 'lead'],
};

/**
 * count.submit: a blind count of one count task's bin. `lines` is everything the counter
 * found (empty: the bin is empty). The rule is countOutcome/recountOutcome: within the
 * threshold the adjustment posts; beyond it a recount by someone else is asked for.
 */
export const CountSubmitArgs = z.strictObject({
  countTaskId: Id,
  locationId: Id,
  lines: z
    .array(
      z.strictObject({
        skuId: Id,
        lot: Lot.nullable().default(null),
        qty: z.number().int().min(0).max(1_000_000),
      }),
    )
    .max(500),
});
export type CountSubmitArgs = z.infer<typeof CountSubmitArgs>;

export const countSubmit: CommandDef<CountSubmitArgs> = {
  name: 'count.submit',
  argsVersion: 1,
  args: CountSubmitArgs,
  roles: ['picker', 'packer', 'receiver', 'returns', 'lead'],
};
