import { z } from 'zod';
import { PackCarton, WeightOverride } from '../packing/types';
import type { CommandDef } from './types';

const id = z.string().min(1).max(64);

/**
 * pack.confirm: the packer closed an order's cartons at a bench. Carries everything the
 * server needs to check it again: the cartons with their contents, weights, box types
 * and the leased tracking numbers and SSCCs the device already printed on the labels.
 * The rule is applyPackConfirm (domain/packing/confirm.ts).
 */
export const PackConfirmArgs = z.strictObject({
  orderId: id,
  toteCode: id,
  benchId: id,
  /** Made on the device (UUID): the shipment's id on both sides. */
  shipmentId: z.uuid(),
  cartons: z.array(PackCarton).min(1).max(50),
  override: WeightOverride.optional(),
});
export type PackConfirmArgs = z.infer<typeof PackConfirmArgs>;

export const packConfirm: CommandDef<PackConfirmArgs> = {
  name: 'pack.confirm',
  argsVersion: 1,
  args: PackConfirmArgs,
  roles: ['packer', 'lead'],
};

/**
 * pack.missing: a unit the tote should hold is not there. The order goes on hold, the
 * lead gets an exception, the tote's other orders carry on.
 */
export const PackMissingArgs = z.strictObject({
  orderId: id,
  toteCode: id,
  benchId: id,
  skuId: id,
  lot: z.string().max(20).nullable(),
  qty: z.number().int().positive().max(100_000),
});
export type PackMissingArgs = z.infer<typeof PackMissingArgs>;

export const packMissing: CommandDef<PackMissingArgs> = {
  name: 'pack.missing',
  argsVersion: 1,
  args: PackMissingArgs,
  roles: ['packer', 'lead'],
};
