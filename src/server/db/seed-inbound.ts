import type { Kysely, Transaction } from 'kysely';
import type { ExpectedItem, SellerReceivingRules } from '../../domain/inbound/types';
import { sscc } from '../../domain/packing/numbers';
import { insertRows } from './bulk';
import type { Database } from './schema';
import { makeGtin, WAREHOUSE } from './seed-catalogue';
import { DEMO_PACK_CONFIG } from './seed-pack';
import { VersionClock } from './version';

/**
 * Inbound SSCCs in the demo use the warehouse's GS1 prefix with extension digit 9: the
 * pack benches number with extension 3, so no leased serial can ever equal one of these.
 */
const INBOUND_SSCC = { gs1CompanyPrefix: DEMO_PACK_CONFIG.gs1CompanyPrefix, ssccExtension: 9 };

/** How each demo seller's deliveries are received; stored as `receiving` in the seller's rules JSON. */
export const DEMO_RECEIVING_RULES: Readonly<Record<string, SellerReceivingRules>> = {
  'seller-luma': { trusted: true, minShelfLifeDays: 180 },
  'seller-bean': { trusted: false, minShelfLifeDays: 90 },
  'seller-nord': { trusted: false, minShelfLifeDays: 0 },
};

/** Catalogue SKUs the ASNs use (ids and GTINs are fixed by seed-catalogue's numbering). */
const SKU = {
  serum: { id: 'sku-LUMA-0001', gtin: makeGtin('506123456', 13, 1), lotTracked: true },
  luma5: { id: 'sku-LUMA-0005', gtin: makeGtin('506123456', 13, 5), lotTracked: false },
  luma6: { id: 'sku-LUMA-0006', gtin: makeGtin('506123456', 13, 6), lotTracked: false },
  nord1: { id: 'sku-NORD-0001', gtin: makeGtin('0841234', 12, 1), lotTracked: false },
  nord2: { id: 'sku-NORD-0002', gtin: makeGtin('0841234', 12, 2), lotTracked: false },
  nord3: { id: 'sku-NORD-0003', gtin: makeGtin('0841234', 12, 3), lotTracked: false },
} as const;

const LOT = 'L2611A';
const EXPIRY = '2028-09-30';

const item = (sku: keyof typeof SKU, qty: number): ExpectedItem & { gtin: string } => ({
  skuId: SKU[sku].id,
  gtin: SKU[sku].gtin,
  qty,
  lot: SKU[sku].lotTracked ? LOT : null,
  expiry: SKU[sku].lotTracked ? EXPIRY : null,
});

/**
 * The demo's two announced shipments. ASN-LUMA-0001 comes from a trusted seller in two
 * cartons with declared contents (accept a carton whole by its SSCC) and carries a lot-
 * and expiry-tracked serum; ASN-NORD-0001 has lines only and is received unit by unit.
 * GTINs are 14 digits (scan the last 12 or 13 as UPC/EAN).
 */
export const INBOUND_DEMO = {
  dockLocationId: 'loc-RCV-01',
  trusted: {
    id: 'asn-LUMA-0001',
    reference: 'ASN-LUMA-0001',
    sellerId: 'seller-luma',
    cartons: [
      { id: 'asn-LUMA-0001-c1', sscc: sscc(INBOUND_SSCC, 1), contents: [item('serum', 24), item('luma5', 12)] },
      { id: 'asn-LUMA-0001-c2', sscc: sscc(INBOUND_SSCC, 2), contents: [item('serum', 24), item('luma6', 12)] },
    ],
    lines: [item('serum', 48), item('luma5', 12), item('luma6', 12)],
  },
  unitByUnit: {
    id: 'asn-NORD-0001',
    reference: 'ASN-NORD-0001',
    sellerId: 'seller-nord',
    cartons: [] as { id: string; sscc: string; contents: (ExpectedItem & { gtin: string })[] }[],
    lines: [item('nord1', 6), item('nord2', 4), item('nord3', 10)],
  },
  lot: LOT,
  expiry: EXPIRY,
} as const;

export const INBOUND_DEMO_ASNS = [INBOUND_DEMO.trusted, INBOUND_DEMO.unitByUnit] as const;

const strip = ({ skuId, qty, lot, expiry }: ExpectedItem) => ({ skuId, qty, lot, expiry });

/**
 * Inbound's demo data (issue 6): the sellers' receiving rules and the two announced
 * shipments, until sellers announce their own through the API. Does nothing when
 * either ASN exists or a SKU it names does not (not the demo catalogue).
 */
export async function seedInboundDemo(trx: Transaction<Database>, clock: VersionClock, now: Date): Promise<boolean> {
  const wh = WAREHOUSE.id;
  const refs = INBOUND_DEMO_ASNS.map((a) => a.reference);
  if (await trx.selectFrom('asns').select('id').where('warehouse_id', '=', wh).where('reference', 'in', refs).executeTakeFirst()) return false;
  const skuIds = [...new Set(INBOUND_DEMO_ASNS.flatMap((a) => a.lines.map((l) => l.skuId)))];
  const found = await trx.selectFrom('skus').select('id').where('id', 'in', skuIds).execute();
  if (found.length !== skuIds.length) return false;
  const iso = now.toISOString();

  const sellers = await trx.selectFrom('sellers').select(['id', 'rules']).where('id', 'in', Object.keys(DEMO_RECEIVING_RULES)).execute();
  for (const s of sellers) {
    const rules = JSON.parse(s.rules) as Record<string, unknown>;
    if (rules.receiving) continue; // an admin's setting wins over the demo's
    rules.receiving = DEMO_RECEIVING_RULES[s.id];
    await trx.updateTable('sellers').set({ rules: JSON.stringify(rules), version: clock.tick() }).where('id', '=', s.id).execute();
  }

  const expectedAt = new Date(now.getTime() + 86_400_000).toISOString().slice(0, 10) + 'T08:00:00.000Z';
  await insertRows(trx, 'asns', INBOUND_DEMO_ASNS.map((a) => ({
    id: a.id, warehouse_id: wh, seller_id: a.sellerId, reference: a.reference, status: 'announced', expected_at: expectedAt,
    created_at: iso, closed_at: null, version: clock.tick(),
  })));
  await insertRows(trx, 'asn_cartons', INBOUND_DEMO_ASNS.flatMap((a) => a.cartons.map((c) => ({
    id: c.id, asn_id: a.id, sscc: c.sscc, contents: JSON.stringify(c.contents.map(strip)), received_at: null,
  }))));
  await insertRows(trx, 'asn_lines', INBOUND_DEMO_ASNS.flatMap((a) => a.lines.map((l, i) => ({
    id: `${a.id}-${i + 1}`, asn_id: a.id, line_no: i + 1, sku_id: l.skuId, qty: l.qty, lot: l.lot, expiry: l.expiry,
  }))));
  return true;
}

/**
 * A demo database seeded before inbound existed gets it on the next start; a database
 * that is not the demo (no W-0001 in the demo warehouse) is never touched.
 */
export async function seedInboundDemoIfMissing(db: Kysely<Database>, now = new Date()): Promise<boolean> {
  const demo = await db.selectFrom('waves').select('id').where('code', '=', 'W-0001').where('warehouse_id', '=', WAREHOUSE.id).executeTakeFirst();
  if (!demo) return false;
  const refs = INBOUND_DEMO_ASNS.map((a) => a.reference);
  if (await db.selectFrom('asns').select('id').where('warehouse_id', '=', WAREHOUSE.id).where('reference', 'in', refs).executeTakeFirst()) return false;
  return db.transaction().execute(async (trx) => {
    const clock = await VersionClock.begin(trx);
    const done = await seedInboundDemo(trx, clock, now);
    await clock.finish(trx);
    return done;
  });
}
