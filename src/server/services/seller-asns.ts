import type { Kysely, Transaction } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { ErrorCode } from '../../domain/errors';
import type { ExpectedItem } from '../../domain/inbound/types';
import type { AsnItemInput, AsnView, NewAsnBody } from '../../domain/seller-api/data';
import type { SellerAuth } from '../auth/seller-keys';
import { insertRows } from '../db/bulk';
import type { Database } from '../db/schema';
import { ApiError } from './api-error';
import type { EventHub } from './events';
import { versionedWrite } from './shipping-tx';

type Sku = { id: string; code: string; lot_tracked: number; expiry_tracked: number };
type Conn = Kysely<Database> | Transaction<Database>;

/** Same status, code and message for a missing ASN and another seller's: nothing to tell them apart. */
export const asnNotFound = () => new ApiError(404, ErrorCode.ASN_NOT_FOUND, 'no such ASN');

const refusal = (status: number, code: ErrorCode, path: string, message: string) => new ApiError(status, code, message, [{ path, message }]);

/**
 * Maps the body's SKU codes to the seller's SKU ids. Another seller's code answers exactly
 * like an unknown one, so a seller cannot probe the catalogue; lot and expiry must be given
 * where the SKU tracks them and only there.
 */
async function resolveItems(trx: Conn, seller: SellerAuth, body: NewAsnBody): Promise<Map<string, Sku>> {
  const items: [string, AsnItemInput][] = [
    ...body.lines.map((l, i): [string, AsnItemInput] => [`lines.${i}`, l]),
    ...body.cartons.flatMap((c, ci) => (c.contents ?? []).map((l, i): [string, AsnItemInput] => [`cartons.${ci}.contents.${i}`, l])),
  ];
  const codes = [...new Set(items.map(([, l]) => l.sku))];
  const skus = new Map<string, Sku>();
  for (let i = 0; i < codes.length; i += 500) {
    const rows = await trx
      .selectFrom('skus')
      .select(['id', 'code', 'lot_tracked', 'expiry_tracked'])
      .where('warehouse_id', '=', seller.warehouseId)
      .where('seller_id', '=', seller.sellerId)
      .where('code', 'in', codes.slice(i, i + 500))
      .execute();
    for (const r of rows) skus.set(r.code, r);
  }
  for (const [path, l] of items) {
    const sku = skus.get(l.sku);
    if (!sku) throw refusal(422, ErrorCode.SKU_NOT_FOUND, `${path}.sku`, `${path}: no SKU ${l.sku} in your catalogue`);
    if (Number(sku.lot_tracked) ? l.lot === null : l.lot !== null)
      throw refusal(422, ErrorCode.LOT_INVALID, `${path}.lot`, `${path}: ${l.sku} ${Number(sku.lot_tracked) ? 'needs a lot' : 'is not lot-tracked'}`);
    if (Number(sku.expiry_tracked) ? l.expiry === null : l.expiry !== null)
      throw refusal(422, ErrorCode.EXPIRY_INVALID, `${path}.expiry`, `${path}: ${l.sku} ${Number(sku.expiry_tracked) ? 'needs an expiry' : 'does not track expiry'}`);
  }
  return skus;
}

const toItem = (skus: Map<string, Sku>, l: AsnItemInput): ExpectedItem => ({ skuId: skus.get(l.sku)!.id, qty: l.qty, lot: l.lot, expiry: l.expiry });

/** The parts of an ASN a repeat must match to be the same announcement. */
function fingerprint(a: { expectedAt: string | null; cartons: { sscc: string; contents: ExpectedItem[] | null }[]; lines: ExpectedItem[] }): string {
  const item = (i: ExpectedItem) => [i.skuId, i.qty, i.lot, i.expiry];
  return JSON.stringify([
    a.expectedAt === null ? null : new Date(a.expectedAt).toISOString(),
    a.cartons.map((c) => [c.sscc, c.contents === null ? null : c.contents.map(item)]),
    a.lines.map(item),
  ]);
}

async function storedFingerprint(trx: Conn, asn: { id: string; expected_at: string | null }): Promise<string> {
  const cartons = await trx.selectFrom('asn_cartons').select(['sscc', 'contents']).where('asn_id', '=', asn.id).orderBy('id').execute();
  const lines = await trx.selectFrom('asn_lines').select(['sku_id', 'qty', 'lot', 'expiry']).where('asn_id', '=', asn.id).orderBy('line_no').execute();
  return fingerprint({
    expectedAt: asn.expected_at,
    cartons: cartons.map((c) => ({ sscc: c.sscc, contents: c.contents === null ? null : (JSON.parse(c.contents) as ExpectedItem[]) })),
    lines: lines.map((l) => ({ skuId: l.sku_id, qty: Number(l.qty), lot: l.lot, expiry: l.expiry })),
  });
}

/**
 * Announces an inbound shipment. The reference is the idempotency key: the same body again
 * answers the same ASN (created false), a changed one is 409. Runs under the version clock,
 * which serialises writers, so two concurrent repeats make one ASN; devices see it on their
 * next pull (the ASN row carries the version) and are poked.
 */
export async function createAsn(db: Kysely<Database>, events: EventHub, seller: SellerAuth, body: NewAsnBody, now = new Date()): Promise<{ id: string; created: boolean }> {
  return versionedWrite(db, events, async (trx, clock) => {
    const skus = await resolveItems(trx, seller, body);
    const cartons = body.cartons.map((c) => ({ sscc: c.sscc, contents: c.contents ? c.contents.map((l) => toItem(skus, l)) : null }));
    const lines = body.lines.map((l) => toItem(skus, l));
    const mine = fingerprint({ expectedAt: body.expectedAt, cartons, lines });

    const existing = await trx
      .selectFrom('asns')
      .select(['id', 'seller_id', 'expected_at'])
      .where('warehouse_id', '=', seller.warehouseId)
      .where('reference', '=', body.reference)
      .executeTakeFirst();
    if (existing) {
      // A reference is unique in the warehouse (the dock scans it); another seller's answers
      // like a changed repeat of one's own, and shows nothing of it.
      if (existing.seller_id === seller.sellerId && (await storedFingerprint(trx, existing)) === mine) return { id: existing.id, created: false };
      throw refusal(409, ErrorCode.ASN_REFERENCE_CONFLICT, 'reference', `reference ${body.reference} is already announced with other contents`);
    }

    const seen = new Set<string>();
    for (const [i, c] of body.cartons.entries()) {
      if (seen.has(c.sscc)) throw refusal(409, ErrorCode.ASN_SSCC_TAKEN, `cartons.${i}.sscc`, `cartons.${i}: SSCC ${c.sscc} is twice in this shipment`);
      seen.add(c.sscc);
    }
    const ssccs = [...seen];
    for (let i = 0; i < ssccs.length; i += 500) {
      const taken = await trx.selectFrom('asn_cartons').select('sscc').where('sscc', 'in', ssccs.slice(i, i + 500)).executeTakeFirst();
      if (taken) {
        const at = body.cartons.findIndex((c) => c.sscc === taken.sscc);
        throw refusal(409, ErrorCode.ASN_SSCC_TAKEN, `cartons.${at}.sscc`, `cartons.${at}: SSCC ${taken.sscc} is already announced`);
      }
    }

    const id = uuidv7();
    await trx
      .insertInto('asns')
      .values({
        id,
        warehouse_id: seller.warehouseId,
        seller_id: seller.sellerId,
        reference: body.reference,
        status: 'announced',
        expected_at: body.expectedAt === null ? null : new Date(body.expectedAt).toISOString(),
        created_at: now.toISOString(),
        closed_at: null,
        version: clock.tick(),
      })
      .execute();
    await insertRows(trx, 'asn_cartons', cartons.map((c, i) => ({
      id: `${id}-c${i + 1}`, asn_id: id, sscc: c.sscc, contents: c.contents === null ? null : JSON.stringify(c.contents), received_at: null,
    })));
    await insertRows(trx, 'asn_lines', lines.map((l, i) => ({
      id: `${id}-${i + 1}`, asn_id: id, line_no: i + 1, sku_id: l.skuId, qty: l.qty, lot: l.lot, expiry: l.expiry,
    })));
    return { id, created: true };
  });
}

/** The seller's ASN by id or reference, or the same 404 whether it is missing or another seller's. */
export async function readAsn(db: Kysely<Database>, seller: SellerAuth, by: { id: string } | { reference: string }): Promise<AsnView> {
  let q = db.selectFrom('asns').selectAll().where('warehouse_id', '=', seller.warehouseId).where('seller_id', '=', seller.sellerId);
  q = 'id' in by ? q.where('id', '=', by.id) : q.where('reference', '=', by.reference);
  const asn = await q.executeTakeFirst();
  if (!asn) throw asnNotFound();

  const cartons = await db.selectFrom('asn_cartons').selectAll().where('asn_id', '=', asn.id).orderBy('id').execute();
  const lines = await db.selectFrom('asn_lines').selectAll().where('asn_id', '=', asn.id).orderBy('line_no').execute();
  const receipts = await db
    .selectFrom('receipts')
    .select(['id', 'status', 'closed_at'])
    .where('asn_id', '=', asn.id)
    .where('seller_id', '=', seller.sellerId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const ids = receipts.map((r) => r.id);
  const rLines = ids.length ? await db.selectFrom('receipt_lines').selectAll().where('receipt_id', 'in', ids).orderBy('created_at').orderBy('id').execute() : [];
  const disc = ids.length ? await db.selectFrom('discrepancies').selectAll().where('receipt_id', 'in', ids).orderBy('id').execute() : [];

  const skuIds = new Set<string>([...lines.map((l) => l.sku_id), ...rLines.map((l) => l.sku_id), ...disc.flatMap((d) => (d.sku_id ? [d.sku_id] : []))]);
  for (const c of cartons) for (const i of c.contents ? (JSON.parse(c.contents) as ExpectedItem[]) : []) skuIds.add(i.skuId);
  const codeOf = new Map<string, string>();
  const all = [...skuIds];
  for (let i = 0; i < all.length; i += 500) {
    // Only the seller's own SKUs get a code: anything else on a receipt stays anonymous.
    const rows = await db.selectFrom('skus').select(['id', 'code']).where('seller_id', '=', seller.sellerId).where('id', 'in', all.slice(i, i + 500)).execute();
    for (const r of rows) codeOf.set(r.id, r.code);
  }
  const code = (id: string | null) => (id === null ? null : (codeOf.get(id) ?? null));
  const item = (i: ExpectedItem) => ({ sku: code(i.skuId) ?? '', qty: Number(i.qty), lot: i.lot, expiry: i.expiry });
  const photos = (s: string) => JSON.parse(s) as string[];

  return {
    id: asn.id,
    reference: asn.reference,
    status: asn.status as AsnView['status'],
    expectedAt: asn.expected_at,
    createdAt: asn.created_at,
    closedAt: asn.closed_at,
    cartons: cartons.map((c) => ({ sscc: c.sscc, contents: c.contents === null ? null : (JSON.parse(c.contents) as ExpectedItem[]).map(item), receivedAt: c.received_at })),
    lines: lines.map((l) => ({ lineNo: Number(l.line_no), ...item({ skuId: l.sku_id, qty: Number(l.qty), lot: l.lot, expiry: l.expiry }) })),
    receipts: receipts.map((r) => ({
      id: r.id,
      status: r.status === 'closed' ? ('closed' as const) : ('open' as const),
      closedAt: r.closed_at,
      lines: rLines
        .filter((l) => l.receipt_id === r.id)
        .map((l) => ({
          sku: code(l.sku_id),
          lot: l.lot,
          expiry: l.expiry,
          qty: Number(l.qty),
          condition: l.condition === 'damaged' ? ('damaged' as const) : ('ok' as const),
          cartonSscc: l.carton_sscc,
          reason: l.reason,
          photoIds: photos(l.photo_ids),
        })),
      discrepancies: disc
        .filter((d) => d.receipt_id === r.id)
        .map((d) => {
          const [expected, received] = [Number(d.expected_qty), Number(d.received_qty)];
          const kind = d.kind as AsnView['receipts'][number]['discrepancies'][number]['kind'];
          return {
            kind,
            sku: code(d.sku_id),
            lot: d.lot,
            cartonSscc: d.carton_sscc,
            expectedQty: expected,
            receivedQty: received,
            qty: kind === 'over' || kind === 'short' ? Math.abs(received - expected) : received,
            reason: d.reason,
            photoIds: photos(d.photo_ids),
          };
        }),
    })),
  };
}
