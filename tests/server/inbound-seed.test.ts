import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Asn, SellerReceivingRules } from '../../src/domain/inbound/types';
import { isValidSscc } from '../../src/domain/packing/numbers';
import { DEMO_RECEIVING_RULES, INBOUND_DEMO, INBOUND_DEMO_ASNS, seedInboundDemoIfMissing } from '../../src/server/db/seed-inbound';
import { WAREHOUSE } from '../../src/server/db/seed-catalogue';
import { BACKENDS } from './helpers/backends';
import { digest, startHarness, type Harness } from './helpers/harness';

const TABLES = ['asns', 'asn_cartons', 'asn_lines', 'receipts', 'receipt_lines', 'discrepancies', 'putaway_tasks', 'photos', 'returns', 'return_lines'] as const;

describe.each(BACKENDS)('inbound demo data on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(kind);
  });
  afterAll(async () => h?.close());
  const db = () => h.db.db;

  /** The ASNs as stored, in the shared shape, so the dock's rules can read them. */
  async function storedAsns(): Promise<Asn[]> {
    const asns = await db().selectFrom('asns').selectAll().orderBy('reference').execute();
    const out: Asn[] = [];
    for (const a of asns) {
      const cartons = await db().selectFrom('asn_cartons').selectAll().where('asn_id', '=', a.id).orderBy('id').execute();
      const lines = await db().selectFrom('asn_lines').selectAll().where('asn_id', '=', a.id).orderBy('line_no').execute();
      out.push(Asn.parse({
        id: a.id, sellerId: a.seller_id, reference: a.reference, status: a.status,
        cartons: cartons.map((c) => ({ sscc: c.sscc, ...(c.contents === null ? {} : { contents: JSON.parse(c.contents) as unknown }) })),
        lines: lines.map((l) => ({ skuId: l.sku_id, qty: Number(l.qty), lot: l.lot, expiry: l.expiry })),
      }));
    }
    return out;
  }

  it('creates the inbound tables, empty but for the announced shipments', async () => {
    for (const t of TABLES) {
      const rows = await db().selectFrom(t).selectAll().execute();
      expect(rows.length > 0, t).toBe(['asns', 'asn_cartons', 'asn_lines'].includes(t));
    }
    const counts = await db().selectFrom('count_tasks').select(['round', 'expected_qty']).execute();
    expect(counts.every((c) => Number(c.round) === 1 && c.expected_qty === null)).toBe(true);
  });

  it('stores a photo\'s bytes and gives them back unchanged', async () => {
    const bytes = Buffer.from([0, 1, 2, 253, 254, 255]);
    await db().insertInto('photos').values({
      id: 'photo-seed-test', warehouse_id: WAREHOUSE.id, device_id: 'dev-1', mutation_id: null, content_type: 'image/jpeg',
      byte_size: bytes.length, sha256: 'x', received_bytes: bytes.length, stored: 1, data: bytes, created_at: 'now', version: 0,
    }).execute();
    const row = await db().selectFrom('photos').select('data').where('id', '=', 'photo-seed-test').executeTakeFirstOrThrow();
    expect(Buffer.from(row.data!).equals(bytes)).toBe(true);
    await db().deleteFrom('photos').where('id', '=', 'photo-seed-test').execute();
  });

  it('announces the two demo ASNs as the shared shape: a trusted seller\'s two cartons, and lines only for another seller', async () => {
    const asns = await storedAsns();
    expect(asns).toEqual(INBOUND_DEMO_ASNS.map((a) => ({
      id: a.id, sellerId: a.sellerId, reference: a.reference, status: 'announced',
      cartons: a.cartons.map((c) => ({ sscc: c.sscc, contents: c.contents.map(({ skuId, qty, lot, expiry }) => ({ skuId, qty, lot, expiry })) })),
      lines: a.lines.map(({ skuId, qty, lot, expiry }) => ({ skuId, qty, lot, expiry })),
    })).sort((x, y) => x.reference.localeCompare(y.reference)));
    const ssccs = INBOUND_DEMO.trusted.cartons.map((c) => c.sscc);
    expect(ssccs.every(isValidSscc)).toBe(true);
    expect(new Set(ssccs).size).toBe(2);
    expect(INBOUND_DEMO.unitByUnit.cartons).toHaveLength(0);
    // Each carton's declared contents add up to the ASN's lines.
    const sum = new Map<string, number>();
    for (const c of INBOUND_DEMO.trusted.cartons) for (const i of c.contents) sum.set(i.skuId, (sum.get(i.skuId) ?? 0) + i.qty);
    expect(Object.fromEntries(sum)).toEqual(Object.fromEntries(INBOUND_DEMO.trusted.lines.map((l) => [l.skuId, l.qty])));
  });

  it('names real SKUs of the ASN\'s seller by their GTINs, with lot and expiry on a tracked SKU', async () => {
    for (const a of INBOUND_DEMO_ASNS) {
      for (const l of a.lines) {
        const sku = await db().selectFrom('skus').selectAll().where('id', '=', l.skuId).executeTakeFirstOrThrow();
        expect(sku.seller_id).toBe(a.sellerId);
        expect(l.lot !== null, l.skuId).toBe(Number(sku.lot_tracked) === 1);
        expect(l.expiry !== null, l.skuId).toBe(Number(sku.expiry_tracked) === 1);
        const bc = await db().selectFrom('sku_barcodes').select('value').where('sku_id', '=', l.skuId).where('kind', '=', 'gtin').executeTakeFirstOrThrow();
        expect(bc.value).toBe(l.gtin);
      }
    }
    expect(INBOUND_DEMO.trusted.lines.some((l) => l.lot !== null && l.expiry !== null)).toBe(true);
    const dock = await db().selectFrom('locations').select('type').where('id', '=', INBOUND_DEMO.dockLocationId).executeTakeFirstOrThrow();
    expect(dock.type).toBe('receiving_dock');
  });

  it('gives each demo seller receiving rules, the ASN-LUMA seller trusted', async () => {
    const sellers = await db().selectFrom('sellers').select(['id', 'rules']).execute();
    for (const s of sellers) {
      const rules = JSON.parse(s.rules) as { receiving: unknown; returns: unknown };
      expect(SellerReceivingRules.parse(rules.receiving)).toEqual(DEMO_RECEIVING_RULES[s.id]);
      expect(rules.returns).toBeDefined();
    }
    expect(DEMO_RECEIVING_RULES[INBOUND_DEMO.trusted.sellerId]!.trusted).toBe(true);
    expect(DEMO_RECEIVING_RULES[INBOUND_DEMO.unitByUnit.sellerId]!.trusted).toBe(false);
  });

  it('is seeded once: a second run changes nothing', async () => {
    const before = await digest(h);
    expect(await seedInboundDemoIfMissing(db())).toBe(false);
    expect(await digest(h)).toBe(before);
    expect(await db().selectFrom('asns').select('id').execute()).toHaveLength(2);
  });

  it('adds itself to a demo database seeded before inbound existed, on the next start, keeping an admin\'s rules', async () => {
    const d = db();
    await d.deleteFrom('asn_lines').execute();
    await d.deleteFrom('asn_cartons').execute();
    await d.deleteFrom('asns').execute();
    const admin = { trusted: true, minShelfLifeDays: 30 };
    for (const s of await d.selectFrom('sellers').select(['id', 'rules']).execute()) {
      const { receiving: _, ...rest } = JSON.parse(s.rules) as Record<string, unknown>;
      const rules = s.id === 'seller-bean' ? { ...rest, receiving: admin } : rest;
      await d.updateTable('sellers').set({ rules: JSON.stringify(rules) }).where('id', '=', s.id).execute();
    }
    expect(await seedInboundDemoIfMissing(d)).toBe(true);
    expect((await storedAsns()).map((a) => a.reference)).toEqual(['ASN-LUMA-0001', 'ASN-NORD-0001']);
    const bean = await d.selectFrom('sellers').select('rules').where('id', '=', 'seller-bean').executeTakeFirstOrThrow();
    expect((JSON.parse(bean.rules) as { receiving: unknown }).receiving).toEqual(admin);
    const luma = await d.selectFrom('sellers').select('rules').where('id', '=', 'seller-luma').executeTakeFirstOrThrow();
    expect((JSON.parse(luma.rules) as { receiving: unknown }).receiving).toEqual(DEMO_RECEIVING_RULES['seller-luma']);
  });
});
