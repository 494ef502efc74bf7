import { noChanges, reject, type Outcome, type ReceiptCloseArgs, type RuleContext } from '../commands';
import { ErrorCode } from '../errors';
import type { Location } from '../model';
import { suggestDamagedBin, suggestPutaway, type BinQty, type PutawayLocation } from '../inventory/putaway';
import type { ReceivingChanges } from './changes';
import { closeReceipt } from './close-receipt';
import type { PutawayTask } from './snapshot';
import type { Asn, PutawayStub, SellerReceivingRules } from './types';

/**
 * receipt.close as one rule for device and server: the checks that need the warehouse
 * (dock, seller, SKUs, the ASN and whether the receipt was closed before), then
 * closeReceipt, then a destination suggested for each new putaway task.
 */
export interface ReceiptCloseState {
  /** The ASN args.asnId names; null for a blind receipt; undefined when there is no such ASN. */
  asn: Asn | null | undefined;
  /** A receipt with this id is already recorded (closed on this or another device). */
  receiptExists: boolean;
  /** The location args.dockLocationId names, or null when unknown. */
  dock: Pick<Location, 'id' | 'type'> | null;
  /** The seller args.sellerId names with its receiving rules (null: none set), or null when unknown. */
  seller: { id: string; rules: SellerReceivingRules | null } | null;
  /** The SKUs the lines and notes name, as found (unknown ones are missing). */
  skus: readonly { id: string; sellerId: string }[];
  /** Bins and their balances (any lot) to suggest putaway from; absent: tasks get no suggestion. */
  putaway?: { locations: readonly PutawayLocation[]; balances: readonly BinQty[] };
}

export function applyReceiptClose(state: ReceiptCloseState, args: ReceiptCloseArgs, ctx: RuleContext): Outcome {
  if (state.receiptExists) return reject(ErrorCode.RECEIPT_ALREADY_CLOSED, `receipt ${args.receiptId} is already closed`);
  if (!state.dock || state.dock.id !== args.dockLocationId) return reject(ErrorCode.LOCATION_NOT_FOUND, `location ${args.dockLocationId} not found`);
  if (state.dock.type !== 'receiving_dock') return reject(ErrorCode.NOT_A_RECEIVING_DOCK, `${args.dockLocationId} is not a receiving dock`);
  if (!state.seller || state.seller.id !== args.sellerId) return reject(ErrorCode.VALIDATION_FAILED, `seller ${args.sellerId} not found`);
  if (state.asn === undefined || (args.asnId !== null && state.asn?.id !== args.asnId)) {
    return reject(ErrorCode.ASN_NOT_FOUND, `ASN ${args.asnId} not found`);
  }
  const skus = new Map(state.skus.map((s) => [s.id, s]));
  const named = [...args.lines.map((l) => l.skuId), ...(args.notes ?? []).flatMap((n) => (n.skuId === null ? [] : [n.skuId]))];
  for (const id of named) {
    const sku = skus.get(id);
    if (!sku) return reject(ErrorCode.SKU_NOT_FOUND, `SKU ${id} not found`);
    if (sku.sellerId !== args.sellerId) return reject(ErrorCode.SKU_OF_OTHER_SELLER, `SKU ${id} belongs to another seller`);
  }
  if (state.asn && state.asn.sellerId !== args.sellerId) return reject(ErrorCode.RECEIPT_SELLER_MISMATCH, `ASN ${state.asn.id} is another seller's`);

  // Another device closed the ASN first: the units on this dock are real all the same, so
  // they are received blind for the seller and the receipt is flagged for the lead.
  const closedElsewhere = state.asn?.status === 'closed';
  const asn = closedElsewhere ? null : state.asn;
  const rules = state.seller.rules;
  const r = closeReceipt(
    asn,
    { id: args.receiptId, asnId: asn?.id ?? null, sellerId: args.sellerId, status: 'open', lines: args.lines, notes: args.notes ?? [] },
    {
      mutationId: ctx.mutationId,
      dockLocationId: args.dockLocationId,
      now: ctx.now,
      ...(rules ? { shelfLife: { today: ctx.now.slice(0, 10), minShelfLifeDays: rules.minShelfLifeDays } } : {}),
    },
  );
  if (!r.ok) return reject(r.code, r.message);

  const suggested = suggestDestinations(r.putaway, state.putaway);
  const putawayTasks: PutawayTask[] = r.putaway.map((p, i) => ({
    id: p.id,
    receiptId: args.receiptId,
    returnId: null,
    skuId: p.skuId,
    lot: p.lot,
    expiry: p.expiry,
    qty: p.qty,
    condition: p.condition,
    fromLocationId: p.fromLocationId,
    suggestedLocationId: suggested[i] ?? null,
    status: 'open',
    createdAt: ctx.now,
  }));
  const announced = new Set((asn?.cartons ?? []).map((c) => c.sscc));
  const cartonsReceived = [...new Set(args.lines.flatMap((l) => (l.cartonSscc !== null && announced.has(l.cartonSscc) ? [l.cartonSscc] : [])))].sort();
  const receiving: ReceivingChanges = {
    receipt: {
      id: args.receiptId,
      asnId: args.asnId,
      sellerId: args.sellerId,
      dockLocationId: args.dockLocationId,
      closedBy: ctx.userId,
      closedAt: ctx.now,
      note: closedElsewhere ? 'asn_closed_elsewhere' : null,
      lines: args.lines,
    },
    discrepancies: r.discrepancies,
    putawayTasks,
    asnPatch: asn ? { id: asn.id, status: 'closed', closedAt: ctx.now, cartonsReceived } : null,
  };
  const event = closedElsewhere
    ? { ...r.sellerEvent, payload: { ...r.sellerEvent.payload, asnClosedElsewhere: args.asnId } }
    : r.sellerEvent;
  return {
    status: 'applied',
    ...(closedElsewhere ? { note: ErrorCode.ASN_CLOSED_RECEIVED_BLIND } : {}),
    ...noChanges(),
    movements: r.movements,
    sellerEvents: [event],
    receiving,
  };
}

/**
 * A destination for each new task, in order: the SKU's pick face or the nearest empty
 * reserve bin (suggestPutaway), a damaged bin for damaged units. Each suggestion counts
 * as used for the next, so two tasks of one receipt are not sent to the same empty bin.
 */
export function suggestDestinations(
  stubs: readonly Pick<PutawayStub, 'skuId' | 'qty' | 'fromLocationId' | 'toLocationType'>[],
  where: ReceiptCloseState['putaway'],
): (string | null)[] {
  if (!where) return stubs.map(() => null);
  const balances: BinQty[] = [...where.balances];
  return stubs.map((s) => {
    if (s.toLocationType === 'damaged') return suggestDamagedBin(where.locations, s.fromLocationId)?.id ?? null;
    const got = suggestPutaway({ sku: { id: s.skuId }, qty: s.qty, locations: where.locations, balances, fromLocationId: s.fromLocationId });
    if (!got.location) return null;
    balances.push({ locationId: got.location.id, skuId: s.skuId, qty: s.qty });
    return got.location.id;
  });
}
