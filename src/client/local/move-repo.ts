import type { StockMoveArgs } from '../../domain/commands/inbound';
import { ErrorCode } from '../../domain/errors';
import { validateMove, type HeldBalance } from '../../domain/inventory/move';
import { db, type OutboxRow } from './db';
import { notifyLocalWrite } from './events';
import { commandsInOutbox, inventoryFailure, InventoryRefusal, writeCommandInTx, type InventoryResult } from './inventory-store';

/**
 * Bin-to-bin moves on the device. The pulled bin balances (stock table) are read-only;
 * this device's moves still in the outbox are replayed over them with the same rule
 * the server uses (validateMove), so a second move out of a bin sees the first one.
 */

const MOVE = 'stock.move';

/** Replays pending moves of one SKU over its balances, in outbox order; a move the rule refuses changes nothing. */
export function replayMoves(balances: readonly HeldBalance[], moves: readonly Pick<OutboxRow, 'seq' | 'args'>[]): HeldBalance[] {
  let held = balances.map((b) => ({ ...b }));
  for (const m of [...moves].sort((a, b) => a.seq - b.seq)) {
    const a = m.args as StockMoveArgs;
    // The to-bin was checked when the move was recorded; here only the units are moved.
    const r = validateMove({ from: { id: a.fromLocationId, type: 'reserve' }, to: { id: a.toLocationId, type: 'reserve' }, skuId: a.skuId, lot: a.lot, qty: a.qty, balances: held });
    if (!r.ok) continue;
    for (const mv of r.movements) {
      if (mv.locationId === null) continue;
      const row = held.find((b) => b.locationId === mv.locationId && b.skuId === mv.skuId && b.lot === mv.lot && b.expiry === mv.expiry);
      if (row) row.qty += mv.delta;
      else held = [...held, { locationId: mv.locationId as string, skuId: mv.skuId, lot: mv.lot, expiry: mv.expiry, qty: mv.delta }];
    }
  }
  return held;
}

/** Pending moves, grouped by SKU. Read once per answer: the outbox holds only unsynced commands. */
export async function pendingMovesBySku(): Promise<Map<string, OutboxRow[]>> {
  const out = new Map<string, OutboxRow[]>();
  // Counting is an index walk with no values read: the usual empty outbox costs nothing.
  if ((await db().outbox.count()) === 0) return out;
  for (const r of await commandsInOutbox([MOVE])) {
    const sku = (r.args as StockMoveArgs).skuId;
    out.set(sku, [...(out.get(sku) ?? []), r]);
  }
  return out;
}

/** Every bin's balance of one SKU as this device sees it: pulled, with its pending moves replayed. */
export async function skuBalances(skuId: string, pending?: Map<string, OutboxRow[]>): Promise<HeldBalance[]> {
  const [rows, moves] = await Promise.all([db().stock.where('skuId').equals(skuId).toArray(), pending ? Promise.resolve(pending) : pendingMovesBySku()]);
  const base = rows.map(({ locationId, skuId: s, lot, expiry, qty }) => ({ locationId, skuId: s, lot, expiry, qty }));
  return replayMoves(base, moves.get(skuId) ?? []);
}

/** The lots of a SKU a bin holds (units above 0), for the lot choice of a move. */
export async function lotsHeld(locationId: string, skuId: string): Promise<{ lot: string | null; qty: number }[]> {
  const byLot = new Map<string | null, number>();
  for (const b of await skuBalances(skuId)) if (b.locationId === locationId) byLot.set(b.lot, (byLot.get(b.lot) ?? 0) + b.qty);
  return [...byLot].filter(([, q]) => q > 0).map(([lot, qty]) => ({ lot, qty }));
}

export interface MoveRequest {
  fromLocationId: string;
  toLocationId: string;
  skuId: string;
  lot: string | null;
  qty: unknown;
}

/**
 * Records stock.move after checking it with validateMove against this device's balances,
 * in one transaction with the outbox write. Refused (nothing written): an unknown bin, a
 * quantity that is not a whole number above 0, the same bin, a to-bin that is not
 * storage, or more than the from-bin holds (`held` says how many it does).
 */
export async function enqueueStockMove(req: MoveRequest): Promise<InventoryResult<{ seq: number; args: StockMoveArgs }> & { held?: number }> {
  const d = db();
  let held: number | undefined;
  try {
    const out = await d.transaction('rw', [d.meta, d.outbox, d.stock, d.locations], async () => {
      const [from, to] = await d.locations.bulkGet([req.fromLocationId, req.toLocationId]);
      if (!from || !to) throw new InventoryRefusal(ErrorCode.LOCATION_NOT_FOUND);
      const balances = await skuBalances(req.skuId);
      const r = validateMove({ from, to, skuId: req.skuId, lot: req.lot, qty: req.qty, balances });
      if (!r.ok) {
        held = r.detail?.held;
        throw new InventoryRefusal(r.code);
      }
      const args: StockMoveArgs = { fromLocationId: from.id, toLocationId: to.id, skuId: req.skuId, lot: req.lot, qty: req.qty as number };
      const row = await writeCommandInTx(MOVE, args);
      return { seq: row.seq, args };
    });
    notifyLocalWrite();
    return { ok: true, ...out };
  } catch (err) {
    return { ...inventoryFailure(err), ...(held !== undefined ? { held } : {}) };
  }
}
