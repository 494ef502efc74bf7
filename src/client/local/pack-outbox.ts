import { COMMANDS, parseCommand } from '../../domain/commands';
import type { PackConfirmArgs, PackMissingArgs } from '../../domain/commands/pack';
import { ErrorCode } from '../../domain/errors';
import { sscc, trackingNumber } from '../../domain/packing/numbers';
import type { PackCarton, PackConfig, WeightOverride } from '../../domain/packing/types';
import { db } from './db';
import { notifyLocalWrite } from './events';
import { outboxRow } from './outbox';
import { takeSerials } from './pack-leases';
import { overlayStatus, packCommandsInOutbox } from './pack-store';

/** A carton as the bench closed it, before it has numbers. */
export type CartonDraft = Omit<PackCarton, 'trackingNumber' | 'sscc' | 'cartonId'> & { cartonId?: string };

export interface PackConfirmInput {
  orderId: string;
  toteCode: string;
  benchId: string;
  cartons: CartonDraft[];
  override?: WeightOverride;
}

export type PackEnqueueResult<A> = { ok: true; seq: number; args: A } | { ok: false; code: ErrorCode; message: string };

class Refusal extends Error {
  constructor(readonly code: ErrorCode) {
    super(code);
  }
}

/**
 * Records pack.confirm. One strict transaction takes the next seq, a tracking number and
 * an SSCC per carton from this device's leases, and writes the outbox row: either all of
 * it commits or none, so a number printed on a label is always the one sent, and never
 * used twice. With no serial left it refuses LEASE_EXHAUSTED and invents nothing.
 */
export async function enqueuePackConfirm(input: PackConfirmInput): Promise<PackEnqueueResult<PackConfirmArgs>> {
  const d = db();
  try {
    const out = await d.transaction('rw', [d.meta, d.outbox, d.packLeases, d.packOrders, d.packMeta], async () => {
      const config = (await d.packMeta.get('config'))?.value as PackConfig | undefined;
      const order = await d.packOrders.get(input.orderId);
      if (!config || !order) throw new Refusal(ErrorCode.ORDER_NOT_FOUND);
      const status = overlayStatus(order, await packCommandsInOutbox());
      if (status === 'packed' || status === 'shipped') throw new Refusal(ErrorCode.ORDER_ALREADY_PACKED);
      if (status === 'cancelled') throw new Refusal(ErrorCode.ORDER_CANCELLED);
      if (status === 'on_hold') throw new Refusal(ErrorCode.ORDER_ON_HOLD);
      const leases = await d.packLeases.toArray();
      const n = input.cartons.length;
      const tracking = takeSerials(leases, 'tracking', n);
      const serials = takeSerials(leases, 'sscc', n);
      if (!tracking || !serials) throw new Refusal(ErrorCode.LEASE_EXHAUSTED);
      const cartons: PackCarton[] = input.cartons.map((c, i) => ({
        cartonId: c.cartonId ?? crypto.randomUUID(),
        boxTypeId: c.boxTypeId,
        weightG: c.weightG,
        items: c.items,
        trackingNumber: trackingNumber(config, tracking.serials[i]!),
        sscc: sscc(config, serials.serials[i]!),
      }));
      const args: PackConfirmArgs = {
        orderId: input.orderId,
        toteCode: input.toteCode,
        benchId: input.benchId,
        shipmentId: crypto.randomUUID(),
        cartons,
        ...(input.override ? { override: input.override } : {}),
      };
      const seq = await writeRow('pack.confirm', args);
      await d.packLeases.bulkPut([...tracking.changed, ...serials.changed]);
      return { seq, args };
    });
    notifyLocalWrite();
    return { ok: true, ...out };
  } catch (err) {
    return failure(err);
  }
}

/** Records pack.missing: the order goes on hold here at once; the tote's other orders carry on. */
export async function enqueuePackMissing(args: PackMissingArgs): Promise<PackEnqueueResult<PackMissingArgs>> {
  const d = db();
  try {
    const seq = await d.transaction('rw', [d.meta, d.outbox, d.packOrders], async () => {
      const order = await d.packOrders.get(args.orderId);
      if (!order) throw new Refusal(ErrorCode.ORDER_NOT_FOUND);
      const status = overlayStatus(order, await packCommandsInOutbox());
      if (status === 'packed') throw new Refusal(ErrorCode.ORDER_ALREADY_PACKED);
      if (status === 'on_hold') throw new Refusal(ErrorCode.ORDER_ON_HOLD);
      return writeRow('pack.missing', args);
    });
    notifyLocalWrite();
    return { ok: true, seq, args };
  } catch (err) {
    return failure(err);
  }
}

/** The outbox row and the seq bump; must run inside a transaction holding meta and outbox. */
async function writeRow(name: 'pack.confirm' | 'pack.missing', args: unknown): Promise<number> {
  const d = db();
  const argsVersion = COMMANDS[name].argsVersion;
  const parsed = parseCommand(name, argsVersion, args);
  if (!parsed.ok) throw new Refusal(parsed.code);
  const row = outboxRow(await d.meta.bulkGet(['session', 'deviceId', 'nextSeq']), name, parsed.args, argsVersion);
  await Promise.all([d.outbox.add(row), d.meta.put({ key: 'nextSeq', value: row.seq + 1 })]);
  return row.seq;
}

function failure(err: unknown): { ok: false; code: ErrorCode; message: string } {
  if (err instanceof Refusal) return { ok: false, code: err.code, message: err.code };
  return { ok: false, code: ErrorCode.STORAGE_FAILED, message: err instanceof Error ? err.message : String(err) };
}
