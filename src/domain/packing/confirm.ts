import type { PackConfirmArgs, PackMissingArgs } from '../commands/pack';
import { noChanges, reject, type Changes, type NewException, type Outcome, type RuleContext } from '../commands/types';
import { ErrorCode } from '../errors';
import type { Tote } from '../model';
import { inLeases, isValidSscc, isValidTrackingNumber, ssccSerial, trackingSerial } from './numbers';
import type { BoxType, NumberLease, OrderStatus, PackConfig, PackItem } from './types';
import { carrierOf, checkWeight, expectedWeightG } from './weight';

/**
 * pack.confirm and pack.missing: the pack bench's two commands, the same rule on the
 * device (optimistic, offline) and on the server (authoritative). The state is what
 * either side knows; the server fills `overrideValid` and `numbers` from its tables,
 * the device from its verifiers and leases.
 */
export interface PackState {
  order: { id: string; ref: string; sellerId: string; status: OrderStatus; carrierService: string } | null;
  /** The order's units in the tote: picked into it by the tote's wave, by SKU and lot. */
  items: readonly PackItem[];
  /** The tote as it stands; null when no such tote. */
  tote: { code: string; status: NonNullable<Tote['status']>; waveId: string | null; benchId: string | null } | null;
  boxTypes: Readonly<Record<string, Pick<BoxType, 'id' | 'code' | 'tareG' | 'active'>>>;
  /** Unit weights of the SKUs the tote and the cartons name. */
  skus: Readonly<Record<string, { weightG: number }>>;
  config: PackConfig;
  /** null when no override was given; else whether its proof, lead and nonce hold. */
  overrideValid: boolean | null;
  /** Each carton's tracking number and SSCC: in this device's leases and unused? Missing means not leased. */
  numbers: Readonly<Record<string, 'ok' | 'not_leased' | 'used'>>;
  /** The tote's other orders (with units in it) and their status. */
  otherOrders: readonly { orderId: string; status: OrderStatus }[];
  /** Whether the shipment or a carton id is already taken (a device bug; ids are UUIDs). */
  idsTaken?: boolean;
}

/** The serial a carton number carries if it is of this warehouse's form, else null. */
export function serialOf(config: PackConfig, kind: NumberLease['kind'], value: string): number | null {
  if (kind === 'sscc') return ssccSerial(config, value);
  return value.startsWith(config.trackingPrefix) && value.endsWith(config.trackingSuffix) ? trackingSerial(value) : null;
}

/**
 * PackState.numbers for some cartons: a number is `ok` when it is of this warehouse's
 * form, inside one of the device's leases and on no carton yet (`used` holds every
 * number already on a carton, as far as the caller knows). Device and server both use it.
 */
export function numberStates(
  config: PackConfig,
  leases: readonly NumberLease[],
  used: ReadonlySet<string>,
  cartons: readonly { trackingNumber: string; sscc: string }[],
): Record<string, 'ok' | 'not_leased' | 'used'> {
  const out: Record<string, 'ok' | 'not_leased' | 'used'> = {};
  for (const c of cartons) {
    for (const [kind, value] of [['tracking', c.trackingNumber], ['sscc', c.sscc]] as const) {
      const serial = serialOf(config, kind, value);
      out[value] = serial === null || !inLeases(leases, kind, serial) ? 'not_leased' : used.has(value) ? 'used' : 'ok';
    }
  }
  return out;
}

const DONE: readonly OrderStatus[] = ['packed', 'shipped'];
const key = (skuId: string, lot: string | null) => `${skuId}\u0000${lot ?? ''}`;

function units(items: readonly { qty: number }[]): number {
  return items.reduce((n, i) => n + i.qty, 0);
}

/** Refusals shared by both commands, in order; null when the order may be worked on. */
function refuseOrder(state: PackState, args: { orderId: string; toteCode: string; benchId: string }, trackingNumbers: string[]): Outcome | null {
  const { order, tote } = state;
  if (!order || order.id !== args.orderId) return reject(ErrorCode.ORDER_NOT_FOUND, `order ${args.orderId} not found`);
  // Before the tote: packing the last order frees its tote, and a second confirm must still say why.
  if (DONE.includes(order.status)) return reject(ErrorCode.ORDER_ALREADY_PACKED, `order ${order.ref} is already ${order.status}`);
  if (!tote || tote.code !== args.toteCode || tote.status !== 'awaiting_packing') {
    return reject(ErrorCode.TOTE_NOT_PICKED, `tote ${args.toteCode} is not waiting at a pack bench`);
  }
  if (units(state.items) === 0) return reject(ErrorCode.ORDER_NOT_IN_TOTE, `order ${order.ref} has no units in tote ${args.toteCode}`);
  if (order.status === 'cancelled') {
    return reject(ErrorCode.ORDER_CANCELLED, `order ${order.ref} was cancelled: unpack tote ${args.toteCode} and restock`, {
      exceptions: [unpackTask(state, args, trackingNumbers)],
    });
  }
  return null;
}

/** The "unpack and restock" task for a cancelled order; labels printed offline must come back. */
function unpackTask(state: PackState, args: { orderId: string; toteCode: string; benchId: string }, trackingNumbers: string[]): NewException {
  return {
    type: 'order_cancelled',
    waveId: state.tote?.waveId ?? null,
    taskId: null,
    locationId: args.benchId,
    skuId: null,
    qty: units(state.items),
    orderId: args.orderId,
    details: { toteCode: args.toteCode, items: state.items.map((i) => ({ skuId: i.skuId, lot: i.lot, qty: i.qty })), trackingNumbers },
  };
}

/** Whether the cartons hold exactly the order's units in the tote, by SKU and lot. */
export function contentsMatch(items: readonly PackItem[], cartons: PackConfirmArgs['cartons']): boolean {
  const want = new Map<string, number>();
  for (const i of items) want.set(key(i.skuId, i.lot), (want.get(key(i.skuId, i.lot)) ?? 0) + i.qty);
  const got = new Map<string, number>();
  for (const c of cartons) for (const i of c.items) got.set(key(i.skuId, i.lot), (got.get(key(i.skuId, i.lot)) ?? 0) + i.qty);
  if (want.size !== got.size) return false;
  for (const [k, n] of want) if (got.get(k) !== n) return false;
  return true;
}

/** The first numbering problem of the cartons, or null. */
function refuseNumbers(state: PackState, cartons: PackConfirmArgs['cartons']): Outcome | null {
  const seen = new Set<string>();
  for (const c of cartons) {
    if (!isValidTrackingNumber(c.trackingNumber)) return reject(ErrorCode.BAD_TRACKING_NUMBER, `${c.trackingNumber} is not a valid tracking number`);
    if (!isValidSscc(c.sscc) || ssccSerial(state.config, c.sscc) === null) return reject(ErrorCode.BAD_SSCC, `${c.sscc} is not one of this warehouse's SSCCs`);
    for (const v of [c.trackingNumber, c.sscc]) {
      const s = state.numbers[v] ?? 'not_leased';
      if (s === 'not_leased') return reject(ErrorCode.NUMBER_NOT_LEASED, `${v} was not leased to this device`);
      if (s === 'used' || seen.has(v)) return reject(ErrorCode.NUMBER_ALREADY_USED, `${v} is already on another carton`);
      seen.add(v);
    }
  }
  return null;
}

export function applyPackConfirm(state: PackState, args: PackConfirmArgs, ctx: RuleContext): Outcome {
  // A cancelled order's labels may already be on cartons (printed offline): the restock task lists them.
  const refused = refuseOrder(state, args, args.cartons.map((c) => c.trackingNumber));
  if (refused) return refused;
  const order = state.order!;
  const tote = state.tote!;
  if (order.status === 'on_hold') return reject(ErrorCode.ORDER_ON_HOLD, `order ${order.ref} is on hold`);
  if (!contentsMatch(state.items, args.cartons)) {
    return reject(ErrorCode.PACK_CONTENTS_MISMATCH, `the cartons do not hold exactly order ${order.ref}'s ${units(state.items)} units in tote ${tote.code}`);
  }
  for (const c of args.cartons) {
    const box = state.boxTypes[c.boxTypeId];
    if (!box || !box.active) return reject(ErrorCode.BOX_UNKNOWN, `box ${c.boxTypeId} is not in the catalogue`);
  }
  const numbers = refuseNumbers(state, args.cartons);
  if (numbers) return numbers;
  const ids = new Set(args.cartons.map((c) => c.cartonId));
  if (state.idsTaken || ids.size !== args.cartons.length) return reject(ErrorCode.VALIDATION_FAILED, 'the shipment or a carton id is already used');

  const weighed = args.cartons.map((c) => {
    const expected = expectedWeightG(c.items.map((i) => ({ weightG: state.skus[i.skuId]?.weightG ?? 0, qty: i.qty })), state.boxTypes[c.boxTypeId]!);
    return { carton: c, check: checkWeight(c.weightG, expected, state.config) };
  });
  const notPositive = weighed.find((w) => !w.check.ok && w.check.reason === 'not_positive');
  if (notPositive) return reject(ErrorCode.WEIGHT_NOT_POSITIVE, `carton weight ${notPositive.carton.weightG} g is not a weight`);
  const outside = weighed.filter((w) => !w.check.ok);
  if (outside.length > 0 && !args.override) {
    const w = outside[0]!;
    return reject(
      ErrorCode.WEIGHT_OUT_OF_TOLERANCE,
      `carton weighs ${w.carton.weightG} g, expected ${w.check.expectedG} g within ${w.check.toleranceG} g: re-check or ask a lead`,
    );
  }
  if (args.override && state.overrideValid !== true) return reject(ErrorCode.OVERRIDE_INVALID, 'the lead approval could not be verified');
  const overridden = outside.length > 0 && args.override ? args.override : null;

  const changes: Changes = noChanges();
  const carrier = carrierOf(order.carrierService);
  changes.shipments = [
    {
      id: args.shipmentId,
      orderId: order.id,
      benchId: args.benchId,
      carrier,
      service: order.carrierService,
      packedBy: ctx.userId,
      overrideBy: overridden?.leadUserId ?? null,
      overrideNonce: overridden?.nonce ?? null,
      cartons: weighed.map((w, i) => ({
        id: w.carton.cartonId,
        seq: i + 1,
        boxTypeId: w.carton.boxTypeId,
        weightG: w.carton.weightG,
        expectedWeightG: w.check.expectedG,
        trackingNumber: w.carton.trackingNumber,
        sscc: w.carton.sscc,
        items: w.carton.items.map((x) => ({ skuId: x.skuId, lot: x.lot, qty: x.qty })),
      })),
    },
  ];
  changes.orderPatches = [{ id: order.id, patch: { status: 'packed' } }];
  const expiryOf = new Map(state.items.map((i) => [key(i.skuId, i.lot), i.expiry]));
  for (const c of args.cartons) {
    for (const i of c.items) {
      const base = { locationId: null, skuId: i.skuId, lot: i.lot, expiry: expiryOf.get(key(i.skuId, i.lot)) ?? null, reason: 'pack' as const };
      changes.movements.push({ ...base, containerCode: tote.code, delta: -i.qty }, { ...base, containerCode: c.sscc, delta: i.qty });
    }
  }
  changes.sellerEvents = [
    {
      sellerId: order.sellerId,
      type: 'order.packed',
      payload: {
        orderId: order.id,
        orderRef: order.ref,
        externalId: order.ref,
        carrier,
        service: order.carrierService,
        cartons: args.cartons.map((c) => ({ trackingNumber: c.trackingNumber, sscc: c.sscc, weightG: c.weightG })),
      },
    },
  ];
  if (overridden) {
    changes.exceptions.push({
      type: 'weight_override',
      waveId: tote.waveId,
      taskId: null,
      locationId: args.benchId,
      skuId: null,
      qty: outside.length,
      orderId: order.id,
      details: {
        leadUserId: overridden.leadUserId,
        cartons: outside.map((w) => ({
          cartonId: w.carton.cartonId,
          trackingNumber: w.carton.trackingNumber,
          measuredG: w.carton.weightG,
          expectedG: w.check.expectedG,
          toleranceG: w.check.toleranceG,
        })),
      },
    });
  }
  if (state.otherOrders.every((o) => o.orderId === order.id || ['packed', 'shipped', 'cancelled'].includes(o.status))) {
    changes.totePatches = [{ code: tote.code, patch: { status: 'free', locationId: null, waveId: null } }];
  }
  return { status: 'applied', ...changes };
}

/**
 * A unit the tote should hold is not there: the order goes on hold with an exception
 * for the lead, nothing moves (the ledger still says the tote holds it until someone
 * finds or counts it), and the tote's other orders carry on.
 */
export function applyPackMissing(state: PackState, args: PackMissingArgs, ctx: RuleContext): Outcome {
  void ctx;
  const refused = refuseOrder(state, args, []);
  if (refused) return refused;
  const order = state.order!;
  const item = state.items.find((i) => i.skuId === args.skuId && i.lot === args.lot);
  if (!item || item.qty < args.qty) {
    return reject(ErrorCode.ITEM_NOT_IN_TOTE, `order ${order.ref} has ${item?.qty ?? 0} of ${args.skuId} in tote ${args.toteCode}`);
  }
  const changes: Changes = noChanges();
  changes.exceptions.push({
    type: 'missing_at_pack',
    waveId: state.tote!.waveId,
    taskId: null,
    locationId: args.benchId,
    skuId: args.skuId,
    qty: args.qty,
    orderId: order.id,
    details: { toteCode: args.toteCode, lot: args.lot },
  });
  if (order.status !== 'on_hold') {
    changes.orderPatches = [{ id: order.id, patch: { status: 'on_hold' } }];
    changes.sellerEvents = [
      { sellerId: order.sellerId, type: 'order.on_hold', payload: { orderId: order.id, orderRef: order.ref, externalId: order.ref, reason: 'missing_at_pack' } },
    ];
  }
  return { status: 'applied', ...changes };
}
