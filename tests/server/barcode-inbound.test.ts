import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INBOUND_DEMO, INBOUND_DEMO_ASNS } from '../../src/server/db/seed-inbound';
import { returnsDemoTracking, RETURNS_DEMO, seedReturnsDemoIfMissing } from '../../src/server/db/seed-returns';
import { renderBarcodePage } from '../../src/server/services/barcode-page';
import { BACKENDS } from './helpers/backends';
import { startHarness, type Harness } from './helpers/harness';

/** The inbound and inventory part of /demo/barcodes, after the packing part. */
const sectionOf = (body: string) => {
  const at = body.indexOf('<section aria-labelledby="inbound-title">');
  return at < 0 ? '' : body.slice(at, body.indexOf('</section>', at) + '</section>'.length);
};

/** includes, without printing the whole page when it fails. */
const has = (page: string, text: string) => expect(page.includes(text), text).toBe(true);

describe.each(BACKENDS)('demo barcodes: inbound and inventory on %s', (kind) => {
  let h: Harness;
  let before: string;
  let s: string;
  beforeAll(async () => {
    h = await startHarness(kind);
    // The route keeps its page a minute: the state before start.ts's returns demo is rendered directly.
    before = sectionOf(await renderBarcodePage(h.db.db));
    await seedReturnsDemoIfMissing(h.db.db);
    const r = await h.app.inject({ method: 'GET', url: '/demo/barcodes' });
    expect(r.statusCode).toBe(200);
    s = sectionOf(r.body);
  });
  afterAll(async () => h?.close());

  it('says the shipped orders come at start, before start.ts adds them', async () => {
    has(before, 'added when the server starts');
    has(before, '<b>RET-01</b>');
    expect(before.includes(RETURNS_DEMO.orders[0].ref)).toBe(false);
  });

  it('has the docks, each ASN, its cartons as GS1-128 SSCCs, its items and one SKU not on it', async () => {
    has(s, '<h2 id="inbound-title">Inbound and inventory</h2>');
    has(s, '<b>RCV-01</b>');
    for (const a of INBOUND_DEMO_ASNS) {
      has(s, `<b>${a.reference}</b>`);
      has(s, `aria-label="Code 128: ${a.reference}"`);
    }
    expect(INBOUND_DEMO.trusted.cartons.length).toBeGreaterThan(0);
    for (const c of INBOUND_DEMO.trusted.cartons) has(s, `aria-label="GS1-128 SSCC: (00)${c.sscc}"`);
    // The lot-tracked line: GTIN, expiry YYMMDD and lot, as GS1-128 and as DataMatrix.
    const serum = INBOUND_DEMO.trusted.lines.find((l) => l.lot)!;
    const el = `(01)${serum.gtin}(17)${INBOUND_DEMO.expiry.slice(2).replaceAll('-', '')}(10)${INBOUND_DEMO.lot}`;
    has(s, `aria-label="GS1-128: ${el}"`);
    has(s, `aria-label="GS1 DataMatrix: ${el}"`);
    for (const l of INBOUND_DEMO.unitByUnit.lines) has(s, `aria-label="UPC-A: ${l.gtin.slice(2)}"`);
    for (const l of INBOUND_DEMO.trusted.lines.filter((x) => !x.lot)) has(s, `aria-label="EAN-13: ${l.gtin.slice(1)}"`);
    // The unexpected SKU is the seller's own (another seller's is refused, not flagged) and on no line.
    const extra = /<b>([^<]+) \(not on the ASN\)<\/b><br><small>([A-Z]+-\d+) /.exec(s);
    expect(extra).not.toBeNull();
    const sku = await h.db.db.selectFrom('skus').select(['id', 'seller_id']).where('code', '=', extra![2]!).executeTakeFirstOrThrow();
    expect(sku.seller_id).toBe(INBOUND_DEMO.trusted.sellerId);
    expect(INBOUND_DEMO.trusted.lines.map((l) => l.skuId)).not.toContain(sku.id);
    expect(s.includes('cannot draw')).toBe(false);
  });

  it('has the putaway bins: each ASN SKU goes to its pick face, which holds it', async () => {
    for (const l of INBOUND_DEMO.trusted.lines) {
      const m = new RegExp(`<b>([A-Z0-9-]+)</b><br><small>[^<]*${l.skuId.replace('sku-', '')} from ${INBOUND_DEMO.trusted.reference}`).exec(s);
      expect(m, l.skuId).not.toBeNull();
      const held = await h.db.db
        .selectFrom('stock_ledger')
        .innerJoin('locations', 'locations.id', 'stock_ledger.location_id')
        .select('locations.type')
        .where('locations.code', '=', m![1]!)
        .where('stock_ledger.sku_id', '=', l.skuId)
        .executeTakeFirst();
      expect(held?.type).toBe('pick_face');
    }
  });

  it('has the returns bench, the shipped demo orders and their tracking numbers, and bins to count and move', async () => {
    has(s, '<b>RET-01</b>');
    for (const [i, o] of RETURNS_DEMO.orders.entries()) {
      has(s, `aria-label="Code 128: ${o.ref}"`);
      has(s, `aria-label="Code 128: ${returnsDemoTracking(i)}"`);
    }
    expect(s.includes('added when the server starts')).toBe(false);
    expect(/<b>[A-Z]\d{2}-\d{2}-\d<\/b><br><small>holds [A-Z]+-\d+<\/small>/.test(s), 'a bin to count').toBe(true);
    expect(/<b>[A-Z]\d{2}-\d{2}-\d<\/b><br><small>empty reserve bin/.test(s), 'a bin to move into').toBe(true);
  });

  it('names every barcode for a screen reader and heads each part', async () => {
    const svgs = s.match(/<svg/g)?.length ?? 0;
    expect(svgs).toBeGreaterThan(20);
    expect(s.match(/<div role="img" aria-label="[^"]+"><svg/g)?.length).toBe(svgs);
    for (const h3 of ['Receiving docks', 'Putaway', 'Returns', 'Counting and moves']) has(s, `<h3>${h3}`);
  });

  it('leaves the part out when the demo ASNs are not there', async () => {
    const refs = INBOUND_DEMO_ASNS.map((a) => a.reference);
    await h.db.db.updateTable('asns').set({ reference: 'X' }).where('reference', '=', refs[0]!).execute();
    await h.db.db.updateTable('asns').set({ reference: 'Y' }).where('reference', '=', refs[1]!).execute();
    const body = await renderBarcodePage(h.db.db);
    expect(body.includes('inbound-title')).toBe(false);
    expect(body.includes('SO-30001')).toBe(true);
  });
});
