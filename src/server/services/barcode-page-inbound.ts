import type { Kysely } from 'kysely';
import { suggestPutaway, type BinQty } from '../../domain/inventory/putaway';
import type { Database } from '../db/schema';
import { WAREHOUSE } from '../db/seed-catalogue';
import { INBOUND_DEMO_ASNS } from '../db/seed-inbound';
import { RETURNS_DEMO } from '../db/seed-returns';
import { card, esc, svg, unitSymbol } from './barcode-cards';
import { BatchMemory } from './push-state';
import { loadPutawayWhere } from './receiving-state';

/**
 * The inbound and inventory demo (issue 6): what Rita Receiver scans at the dock, where
 * putaway will send it, what Rosa Returns scans at the returns bench, and bins to count
 * or move from. Everything is read from the database, so a closed ASN or a moved bin
 * shows as it is now.
 */

type Sku = { id: string; code: string; name: string; sellerId: string; gtin: string | null };

const wh = WAREHOUSE.id;

/** A barcode with words a screen reader can say: the SVG itself has none. */
const code = (bcid: string, text: string, label: string) => `<div role="img" aria-label="${esc(label)}">${svg(bcid, text)}</div>`;
const c128 = (text: string) => code('code128', text, `Code 128: ${text}`);
const unit = (s: Sku) => {
  if (!s.gtin) return '';
  const sym = unitSymbol(s.gtin);
  return code(sym.bcid, sym.text, `${sym.bcid === 'ean13' ? 'EAN-13' : sym.bcid === 'upca' ? 'UPC-A' : 'ITF-14'}: ${sym.text}`);
};
const grid = (cards: string[]) => `<div class="grid">${cards.join('')}</div>`;

/** GS1 element string of a unit with its lot and expiry (fixed-length AIs first, lot last). */
const gs1Unit = (gtin: string, lot: string | null, expiry: string | null) =>
  `(01)${gtin}${expiry ? `(17)${expiry.slice(2, 4)}${expiry.slice(5, 7)}${expiry.slice(8, 10)}` : ''}${lot ? `(10)${lot}` : ''}`;

async function skusOf(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, Sku>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('skus').select(['id', 'code', 'name', 'seller_id']).where('id', 'in', [...ids]).execute();
  const gtins = await db.selectFrom('sku_barcodes').select(['sku_id', 'value']).where('sku_id', 'in', [...ids]).where('kind', '=', 'gtin').execute();
  return new Map(rows.map((r) => [r.id, { id: r.id, code: r.code, name: r.name, sellerId: r.seller_id, gtin: gtins.find((g) => g.sku_id === r.id)?.value ?? null }]));
}

export async function inboundSection(db: Kysely<Database>): Promise<string> {
  const refs = INBOUND_DEMO_ASNS.map((a) => a.reference);
  const asns = await db
    .selectFrom('asns')
    .select(['id', 'reference', 'seller_id', 'status'])
    .where('warehouse_id', '=', wh)
    .where('reference', 'in', refs)
    .orderBy('reference')
    .execute();
  if (!asns.length) return '';
  const asnIds = asns.map((a) => a.id);
  const cartons = await db.selectFrom('asn_cartons').select(['asn_id', 'sscc']).where('asn_id', 'in', asnIds).orderBy('id').execute();
  const lines = await db.selectFrom('asn_lines').select(['asn_id', 'sku_id', 'qty', 'lot', 'expiry']).where('asn_id', 'in', asnIds).orderBy('asn_id').orderBy('line_no').execute();
  const docks = await locationsOf(db, 'receiving_dock');
  const dock = docks[0] ?? null;

  // A SKU of the same seller that no line announces: received, but flagged unexpected.
  const extraIds: string[] = [];
  for (const a of asns) {
    const onAsn = lines.filter((l) => l.asn_id === a.id).map((l) => l.sku_id);
    const extra = await db
      .selectFrom('skus')
      .innerJoin('sku_barcodes', 'sku_barcodes.sku_id', 'skus.id')
      .select('skus.id')
      .where('skus.seller_id', '=', a.seller_id)
      .where('skus.warehouse_id', '=', wh)
      .where('sku_barcodes.kind', '=', 'gtin')
      .where('skus.id', 'not in', onAsn.length ? onAsn : [''])
      .orderBy('skus.lot_tracked')
      .orderBy('skus.code')
      .executeTakeFirst();
    if (extra) extraIds.push(extra.id);
  }
  const skus = await skusOf(db, [...new Set([...lines.map((l) => l.sku_id), ...extraIds])]);

  const receiving = asns.map((a, i) => {
    const mine = lines.filter((l) => l.asn_id === a.id);
    const boxes = cartons.filter((c) => c.asn_id === a.id);
    const items = mine.map((l) => {
      const s = skus.get(l.sku_id);
      if (!s?.gtin) return '';
      const sub = `${s.code} · ${Number(l.qty)} expected`;
      if (!l.lot && !l.expiry) return card(s.name, unit(s), sub);
      const el = gs1Unit(s.gtin, l.lot, l.expiry);
      return (
        card(`${s.name} (GS1-128, lot and expiry)`, code('gs1-128', el, `GS1-128: ${el}`), `${el} · ${sub}`) +
        card(`${s.name} (GS1 DataMatrix)`, code('gs1datamatrix', el, `GS1 DataMatrix: ${el}`), el)
      );
    });
    const extra = extraIds[i] ? skus.get(extraIds[i]) : undefined;
    const status = a.status === 'announced' ? '' : ` (${a.status})`;
    return `<h3>${esc(a.reference)}${esc(status)}: ${boxes.length ? `${boxes.length} cartons, then the units inside` : 'received unit by unit'}</h3>
${grid([
  card(a.reference, c128(a.reference), `ASN · ${a.seller_id}`),
  ...boxes.map((b) => card(`Carton ${b.sscc}`, code('gs1-128', `(00)${b.sscc}`, `GS1-128 SSCC: (00)${b.sscc}`), `(00)${b.sscc}`)),
  ...items,
  ...(extra ? [card(`${extra.name} (not on the ASN)`, unit(extra), `${extra.code} · flagged as an unexpected SKU`)] : []),
])}`;
  });

  const where = await putawayBins(db, asns, lines, dock?.id ?? null);
  const binCards = [...where.entries()].map(([bin, why]) => card(bin, c128(bin), why.join(' · ')));
  return `<section aria-labelledby="inbound-title">
<h2 id="inbound-title">Inbound and inventory</h2>
<p class="noprint">Rita Receiver (U3001) opens Receive and scans ${esc(dock?.code ?? 'a dock')}, then an ASN or one of its cartons. A trusted seller's carton is taken whole with a tap, or opened and its units scanned (the lot-tracked one as GS1, with lot and expiry); Close receipt makes putaway tasks.</p>
<h3>Receiving docks</h3>${grid(docks.map((d) => card(d.code, c128(d.code), 'scan first to choose the dock')))}
${receiving.join('\n')}
<h3>Putaway: where those units go</h3>
<p class="noprint">Put away lists the open tasks: scan the item (or carton), then the bin it suggests; another bin needs a reason.</p>${grid(binCards)}
${await returnsPart(db, skus)}
${await countPart(db, [...skus.values()], where)}
</section>`;
}

async function locationsOf(db: Kysely<Database>, type: string) {
  return db.selectFrom('locations').select(['id', 'code']).where('warehouse_id', '=', wh).where('type', '=', type).orderBy('walk_seq').execute();
}

/** The bins closing each ASN would suggest now (the same rule close uses), and the SKUs' pick faces. */
async function putawayBins(
  db: Kysely<Database>,
  asns: { id: string; reference: string }[],
  lines: { asn_id: string; sku_id: string; qty: number | string }[],
  dockId: string | null,
): Promise<Map<string, string[]>> {
  const skuIds = [...new Set(lines.map((l) => l.sku_id))];
  const { locations, balances } = await db.transaction().execute((trx) => loadPutawayWhere(trx, wh, new BatchMemory([], []), skuIds));
  const used: BinQty[] = [...balances];
  const codeOf = new Map(locations.map((l) => [l.id, l]));
  const out = new Map<string, string[]>();
  const note = (bin: string, why: string) => out.set(bin, [...(out.get(bin) ?? []), why]);
  for (const a of asns) {
    const totals = new Map<string, number>();
    for (const l of lines) if (l.asn_id === a.id) totals.set(l.sku_id, (totals.get(l.sku_id) ?? 0) + Number(l.qty));
    for (const [skuId, qty] of totals) {
      const s = suggestPutaway({ sku: { id: skuId }, qty, locations, balances: used, fromLocationId: dockId });
      if (!s.location) continue;
      used.push({ locationId: s.location.id, skuId, qty });
      note(s.location.code, `${skuId.replace(/^sku-/, '')} from ${a.reference} (${s.why === 'pick_face' ? 'pick face' : 'reserve'})`);
    }
  }
  for (const b of balances) {
    const l = codeOf.get(b.locationId);
    if (l?.type === 'pick_face' && skuIds.includes(b.skuId) && !out.get(l.code)?.some((w) => w.startsWith(b.skuId.replace(/^sku-/, '')))) {
      note(l.code, `pick face of ${b.skuId.replace(/^sku-/, '')}`);
    }
  }
  return out;
}

async function returnsPart(db: Kysely<Database>, known: Map<string, Sku>): Promise<string> {
  const benches = await locationsOf(db, 'returns');
  const refs = RETURNS_DEMO.orders.map((o) => o.ref);
  const orders = await db
    .selectFrom('orders')
    .leftJoin('cartons', 'cartons.order_id', 'orders.id')
    .select(['orders.id', 'orders.external_id', 'orders.status', 'cartons.tracking_number'])
    .where('orders.warehouse_id', '=', wh)
    .where('orders.external_id', 'in', refs)
    .orderBy('orders.external_id')
    .execute();
  const ids = orders.map((o) => o.id);
  const lines = ids.length ? await db.selectFrom('order_lines').select(['order_id', 'sku_id', 'qty']).where('order_id', 'in', ids).orderBy('line_no').execute() : [];
  const skus = await skusOf(db, [...new Set(lines.map((l) => l.sku_id))].filter((id) => !known.has(id)));
  const nameOf = (id: string) => (known.get(id) ?? skus.get(id))?.code ?? id;
  const orderCards = orders.flatMap((o) => {
    const sub = lines.filter((l) => l.order_id === o.id).map((l) => `${Number(l.qty)}x ${nameOf(l.sku_id)}`).join(', ');
    return [
      card(`Order ${o.external_id}`, c128(o.external_id), `${o.status} · ${sub}`),
      ...(o.tracking_number ? [card(`Tracking ${o.tracking_number}`, c128(o.tracking_number), `label of ${o.external_id}`)] : []),
    ];
  });
  const items = [...skus.values()].map((s) => card(s.name, unit(s), s.code));
  return `<h3>Returns: benches, shipped orders a customer sends back, their items</h3>
<p class="noprint">Rosa Returns (U4001) opens Returns, chooses ${esc(benches[0]?.code ?? 'the bench')}, scans an order or tracking number, then each item that came back (their barcodes are above), grades each and submits: a restock makes a putaway task.</p>
${grid([...benches.map((b) => card(b.code, c128(b.code), 'returns bench')), ...orderCards, ...items])}${
    orders.length ? '' : '\n<p>The shipped demo orders are added when the server starts.</p>'
  }`;
}

/** Two bins holding the demo's SKUs to count (a lead asks for the count) or move from, and an empty reserve bin to move into. */
async function countPart(db: Kysely<Database>, skus: Sku[], putaway: Map<string, string[]>): Promise<string> {
  const ids = skus.map((s) => s.id);
  if (!ids.length) return '';
  const held = await db
    .selectFrom('stock_ledger')
    .innerJoin('locations', 'locations.id', 'stock_ledger.location_id')
    .select(['locations.code', 'locations.walk_seq', 'stock_ledger.sku_id', (eb) => eb.fn.sum<number>('stock_ledger.delta').as('qty')])
    .where('stock_ledger.warehouse_id', '=', wh)
    .where('locations.type', 'in', ['pick_face', 'reserve'])
    .where('stock_ledger.sku_id', 'in', ids)
    .groupBy(['locations.code', 'locations.walk_seq', 'stock_ledger.sku_id'])
    .orderBy('locations.walk_seq')
    .execute();
  const bins = held.filter((h) => Number(h.qty) > 0).slice(0, 2);
  const empty = await db
    .selectFrom('locations')
    .select('code')
    .where('warehouse_id', '=', wh)
    .where('type', '=', 'reserve')
    .where('code', 'not in', [...putaway.keys(), ''])
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('stock_ledger').select('stock_ledger.id').whereRef('stock_ledger.location_id', '=', 'locations.id'))),
    )
    .orderBy('walk_seq')
    .executeTakeFirst();
  const byId = new Map(skus.map((s) => [s.id, s]));
  const cards = bins.flatMap((b) => {
    const s = byId.get(b.sku_id)!;
    return [card(b.code, c128(b.code), `holds ${s.code}`), card(s.name, unit(s) + c128(s.code), `${s.code} · in ${b.code}`)];
  });
  if (empty) cards.push(card(empty.code, c128(empty.code), 'empty reserve bin: move into it'));
  return `<h3>Counting and moves: bins and what is in them</h3>
<p class="noprint">Count shows the bins a count task names (a lead asks for one, or a short pick makes one): scan the bin, every unit, submit. Move stock: scan a bin, the item, then the bin to put it in.</p>
${grid(cards)}`;
}
