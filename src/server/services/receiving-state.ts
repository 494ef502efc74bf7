import type { Transaction } from 'kysely';
import type { ReceiptCloseState } from '../../domain/inbound/apply';
import { Asn, SellerReceivingRules, type AsnCarton } from '../../domain/inbound/types';
import type { HeldBalance } from '../../domain/inventory/move';
import type { BinQty, PutawayLocation } from '../../domain/inventory/putaway';
import type { Location } from '../../domain/model';
import type { Database } from '../db/schema';
import type { BatchMemory } from './push-state';

/**
 * What the receiving rules read, inside the batch's transaction. Rows earlier commands of
 * the batch made are already written (receiving-writes runs per command), except ledger
 * rows, which wait for the batch's end: those come from the batch memory.
 */
type Trx = Transaction<Database>;

export async function loadLocation(trx: Trx, warehouseId: string, id: string): Promise<Pick<Location, 'id' | 'type'> | null> {
  const r = await trx.selectFrom('locations').select(['id', 'type']).where('id', '=', id).where('warehouse_id', '=', warehouseId).executeTakeFirst();
  return r ? { id: r.id, type: r.type as Location['type'] } : null;
}

/** The ASN in the shared shape; undefined when the warehouse has no such ASN. */
export async function loadAsn(trx: Trx, warehouseId: string, id: string): Promise<Asn | undefined> {
  const a = await trx.selectFrom('asns').selectAll().where('id', '=', id).where('warehouse_id', '=', warehouseId).executeTakeFirst();
  if (!a) return undefined;
  const cartons = await trx.selectFrom('asn_cartons').select(['sscc', 'contents']).where('asn_id', '=', id).orderBy('id').execute();
  const lines = await trx.selectFrom('asn_lines').select(['sku_id', 'qty', 'lot', 'expiry']).where('asn_id', '=', id).orderBy('line_no').execute();
  return toAsn(a, cartons, lines);
}

export function toAsn(
  a: { id: string; seller_id: string; reference: string; status: string },
  cartons: readonly { sscc: string; contents: string | null }[],
  lines: readonly { sku_id: string; qty: number | string; lot: string | null; expiry: string | null }[],
): Asn {
  return {
    id: a.id,
    sellerId: a.seller_id,
    reference: a.reference,
    status: a.status as Asn['status'],
    cartons: cartons.map((c): AsnCarton => (c.contents === null ? { sscc: c.sscc } : { sscc: c.sscc, contents: JSON.parse(c.contents) as AsnCarton['contents'] })),
    lines: lines.map((l) => ({ skuId: l.sku_id, qty: Number(l.qty), lot: l.lot, expiry: l.expiry })),
  };
}

/** A seller's receiving rules from its rules JSON; null when none are set or they are malformed. */
export function receivingRulesOf(rulesJson: string | null): SellerReceivingRules | null {
  if (!rulesJson) return null;
  try {
    const r = SellerReceivingRules.safeParse((JSON.parse(rulesJson) as { receiving?: unknown }).receiving);
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}

export async function loadSeller(trx: Trx, warehouseId: string, id: string): Promise<ReceiptCloseState['seller']> {
  const s = await trx.selectFrom('sellers').select(['id', 'rules']).where('id', '=', id).where('warehouse_id', '=', warehouseId).executeTakeFirst();
  return s ? { id: s.id, rules: receivingRulesOf(s.rules) } : null;
}

export async function loadSkus(trx: Trx, warehouseId: string, ids: readonly string[]): Promise<{ id: string; sellerId: string }[]> {
  const unique = [...new Set(ids)];
  const out: { id: string; sellerId: string }[] = [];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await trx.selectFrom('skus').select(['id', 'seller_id']).where('warehouse_id', '=', warehouseId).where('id', 'in', unique.slice(i, i + 500)).execute();
    for (const r of rows) out.push({ id: r.id, sellerId: r.seller_id });
  }
  return out;
}

export async function receiptExists(trx: Trx, id: string): Promise<boolean> {
  return Boolean(await trx.selectFrom('receipts').select('id').where('id', '=', id).executeTakeFirst());
}

/**
 * The bins putaway may suggest and what they hold: pick faces' balances per SKU where a
 * face ever held one of `skuIds` (its slot), every reserve bin's total, this batch's
 * earlier movements, and the units open putaway tasks are already headed to, so two
 * receipts do not send their units to the same empty bin.
 */
export async function loadPutawayWhere(trx: Trx, warehouseId: string, batch: BatchMemory, skuIds: readonly string[]): Promise<NonNullable<ReceiptCloseState['putaway']>> {
  const locs = await trx
    .selectFrom('locations')
    .select(['id', 'code', 'zone', 'type', 'walk_seq', 'capacity'])
    .where('warehouse_id', '=', warehouseId)
    .where('type', 'in', ['pick_face', 'reserve', 'damaged', 'receiving_dock', 'returns'])
    .execute();
  const locations: PutawayLocation[] = locs.map((l) => ({
    id: l.id, code: l.code, zone: l.zone, type: l.type as PutawayLocation['type'], walkSeq: Number(l.walk_seq), capacity: l.capacity === null ? null : Number(l.capacity),
  }));
  const balances: BinQty[] = [];
  const skus = [...new Set(skuIds)];
  if (skus.length > 0) {
    const faces = await trx
      .selectFrom('stock_ledger as s')
      .innerJoin('locations as l', 'l.id', 's.location_id')
      .select('s.location_id')
      .distinct()
      .where('s.warehouse_id', '=', warehouseId)
      .where('l.type', '=', 'pick_face')
      .where('s.sku_id', 'in', skus)
      .execute();
    const faceIds = faces.map((f) => f.location_id);
    if (faceIds.length > 0) {
      const rows = await trx
        .selectFrom('stock_ledger')
        .select(['location_id', 'sku_id', (eb) => eb.fn.sum<number>('delta').as('qty')])
        .where('location_id', 'in', faceIds)
        .groupBy(['location_id', 'sku_id'])
        .execute();
      for (const r of rows) balances.push({ locationId: r.location_id!, skuId: r.sku_id, qty: Number(r.qty) });
    }
  }
  const reserve = await trx
    .selectFrom('stock_ledger as s')
    .innerJoin('locations as l', 'l.id', 's.location_id')
    .select(['s.location_id', (eb) => eb.fn.sum<number>('s.delta').as('qty')])
    .where('s.warehouse_id', '=', warehouseId)
    .where('l.type', '=', 'reserve')
    .groupBy('s.location_id')
    .execute();
  // A reserve bin's total is all the rule needs (empty or not); no SKU is named.
  for (const r of reserve) balances.push({ locationId: r.location_id!, skuId: '', qty: Number(r.qty) });
  for (const m of batch.ledger) if (m.location_id) balances.push({ locationId: m.location_id, skuId: m.sku_id, qty: m.delta });
  const headed = await trx
    .selectFrom('putaway_tasks')
    .select(['suggested_location_id', 'sku_id', 'qty', 'done_qty'])
    .where('warehouse_id', '=', warehouseId)
    .where('status', '=', 'open')
    .where('suggested_location_id', 'is not', null)
    .execute();
  for (const t of headed) balances.push({ locationId: t.suggested_location_id!, skuId: t.sku_id, qty: Number(t.qty) - Number(t.done_qty) });
  return { locations, balances };
}

/** What a bin holds of a SKU by lot and expiry: the ledger plus this batch's earlier rows. */
export async function loadHeld(trx: Trx, warehouseId: string, batch: BatchMemory, locationId: string, skuId: string): Promise<HeldBalance[]> {
  const rows = await trx
    .selectFrom('stock_ledger')
    .select(['lot', 'expiry', (eb) => eb.fn.sum<number>('delta').as('qty')])
    .where('warehouse_id', '=', warehouseId)
    .where('location_id', '=', locationId)
    .where('sku_id', '=', skuId)
    .groupBy(['lot', 'expiry'])
    .execute();
  const held: HeldBalance[] = rows.map((r) => ({ locationId, skuId, lot: r.lot, expiry: r.expiry, qty: Number(r.qty) }));
  for (const m of batch.ledger) {
    if (m.location_id === locationId && m.sku_id === skuId) held.push({ locationId, skuId, lot: m.lot ?? null, expiry: m.expiry ?? null, qty: m.delta });
  }
  return held;
}
