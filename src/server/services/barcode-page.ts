import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { DEMO_PIN } from '../db/seed-catalogue';
import { DEMO_WAVE_CODE } from '../db/seed';
import { card, esc, svg, unitSymbol } from './barcode-cards';
import { packSection } from './barcode-page-pack';
import { inboundSection } from './barcode-page-inbound';
import { CLUSTER_WAVE_CODE, DEMO_LOT_SKU, DEMO_SHORT_SKU, SPARE_TOTES } from '../db/seed-cluster';

/**
 * A printable sheet of the demo warehouse's codes, the demo wave's bins and items
 * first, so a newcomer can pick W-0001 by scanning paper or a second screen.
 */
export async function renderBarcodePage(db: Kysely<Database>): Promise<string> {
  const wave = await db.selectFrom('waves').select('id').where('code', '=', DEMO_WAVE_CODE).executeTakeFirst();
  const tasks = wave
    ? await db
        .selectFrom('pick_tasks')
        .innerJoin('locations', 'locations.id', 'pick_tasks.location_id')
        .select(['locations.code as bin', 'pick_tasks.sku_id', 'pick_tasks.walk_seq'])
        .where('pick_tasks.wave_id', '=', wave.id)
        .orderBy('pick_tasks.walk_seq')
        .execute()
    : [];
  const waveBins = [...new Set(tasks.map((t) => t.bin))];
  const moreBins = await db
    .selectFrom('locations')
    .select('code')
    .where((eb) => eb.or([eb('zone', '=', 'A').and('aisle', '=', 1), eb('type', '!=', 'pick_face').and('type', '!=', 'reserve')]))
    .orderBy('walk_seq')
    .limit(40)
    .execute();
  const bins = [...waveBins, ...moreBins.map((b) => b.code).filter((c) => !waveBins.includes(c))];
  const waveSkus = [...new Set(tasks.map((t) => t.sku_id))];
  const others = await db.selectFrom('skus').select('id').orderBy('code').limit(12).execute();
  const skuIds = [...waveSkus, ...others.map((o) => o.id).filter((id) => !waveSkus.includes(id))];
  const skus = skuIds.length
    ? await db.selectFrom('skus').select(['id', 'code', 'name']).where('id', 'in', skuIds).execute()
    : [];
  const codes = skuIds.length
    ? await db.selectFrom('sku_barcodes').select(['sku_id', 'value']).where('sku_id', 'in', skuIds).where('kind', '=', 'gtin').execute()
    : [];
  const gtinOf = new Map(codes.map((c) => [c.sku_id, c.value]));
  const skuById = new Map(skus.map((s) => [s.id, s]));
  const totes = await db.selectFrom('totes').select('code').orderBy('code').limit(30).execute();
  const users = await db.selectFrom('users').select(['name', 'badge', 'roles']).orderBy('badge').execute();
  const benches = await db.selectFrom('locations').select('code').where('type', '=', 'pack_bench').orderBy('walk_seq').execute();

  const skuCards = skuIds.map((id) => {
    const s = skuById.get(id)!;
    const g = gtinOf.get(id);
    const sym = g ? unitSymbol(g) : null;
    const tag = waveSkus.includes(id) ? `in ${DEMO_WAVE_CODE}` : '';
    return card(s.name, (sym ? svg(sym.bcid, sym.text) : '') + svg('code128', s.code), [s.code, tag].filter(Boolean).join(' · '));
  });
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Tote demo barcodes</title>
<style>
body{font-family:system-ui,sans-serif;margin:16px;color:#111;background:#fff}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:24px;border-bottom:2px solid #111;break-after:avoid}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(230px,1fr));gap:12px}
.card{margin:0;padding:8px;border:1px solid #999;border-radius:6px;break-inside:avoid;text-align:center}
.card svg{width:100%;height:auto;max-height:110px;margin-top:6px}
figcaption{font-size:.9rem}.bad{color:#b00}
@media print{body{margin:0}.noprint{display:none}.card{border-color:#000}@page{margin:10mm}}
</style></head><body>
<h1>Tote FC 1: demo barcodes</h1>
<p class="noprint">Print this page or scan it from a second screen. Wave ${esc(DEMO_WAVE_CODE)} is assigned to Pat Picker (badge U1001, PIN ${esc(DEMO_PIN)}); its bins and items come first.</p>
<h2>Badges</h2><div class="grid">${users
    .map((u) => card(u.name, svg('code128', u.badge), `${u.badge} · PIN ${DEMO_PIN} · ${(JSON.parse(u.roles) as string[]).join(', ')}`))
    .join('')}</div>
<h2>Bins (${esc(DEMO_WAVE_CODE)} first, in walk order)</h2><div class="grid">${bins
    .map((b) => card(b, svg('code128', b), waveBins.includes(b) ? DEMO_WAVE_CODE : ''))
    .join('')}</div>
<h2>Items (GTIN and SKU code)</h2><div class="grid">${skuCards.join('')}</div>
<h2>Totes</h2><div class="grid">${totes.map((t) => card(t.code, svg('code128', t.code))).join('')}</div>
<h2>Pack benches (scan one when a wave is done: its totes wait there for packing)</h2><div class="grid">${benches
    .map((b) => card(b.code, svg('code128', b.code)))
    .join('')}</div>
${await clusterSection(db)}
${packSection()}
${await inboundSection(db)}
</body></html>`;
}

/** The picking demo: W-0002's bins, items and lots, the reserve bins a short pick re-allocates to, and the spare totes. */
async function clusterSection(db: Kysely<Database>): Promise<string> {
  const wave = await db.selectFrom('waves').select('id').where('code', '=', CLUSTER_WAVE_CODE).executeTakeFirst();
  if (!wave) return '';
  const skuIds = [DEMO_LOT_SKU.id, DEMO_SHORT_SKU.id];
  const tasks = await db
    .selectFrom('pick_tasks')
    .innerJoin('locations', 'locations.id', 'pick_tasks.location_id')
    .innerJoin('skus', 'skus.id', 'pick_tasks.sku_id')
    .select(['locations.code as bin', 'skus.id as sku_id'])
    .where('pick_tasks.wave_id', '=', wave.id)
    .orderBy('pick_tasks.walk_seq')
    .execute();
  const stock = await db
    .selectFrom('stock_ledger')
    .innerJoin('locations', 'locations.id', 'stock_ledger.location_id')
    .select(['locations.code as bin', 'stock_ledger.lot', 'stock_ledger.expiry'])
    .where('stock_ledger.sku_id', 'in', skuIds)
    .orderBy('locations.walk_seq')
    .execute();
  const bins = [...new Set([...tasks.map((t) => t.bin), ...stock.map((s) => s.bin)])];
  const ids = [...new Set(tasks.map((t) => t.sku_id))];
  const skus = await db.selectFrom('skus').select(['id', 'code', 'name']).where('id', 'in', ids).execute();
  const gtins = await db.selectFrom('sku_barcodes').select(['sku_id', 'value']).where('sku_id', 'in', ids).where('kind', '=', 'gtin').execute();
  const lots = [...new Map(stock.filter((s) => s.lot).map((s) => [s.lot!, s.expiry])).entries()];
  const items = skus.map((s) => {
    const g = gtins.find((x) => x.sku_id === s.id)?.value;
    const sym = g ? unitSymbol(g) : null;
    return card(s.name, (sym ? svg(sym.bcid, sym.text) : '') + svg('code128', s.code), s.code);
  });
  return `<h2>Cluster wave ${esc(CLUSTER_WAVE_CODE)} (Pat Picker): bins, including where a short pick is re-allocated</h2>
<div class="grid">${bins.map((b) => card(b, svg('code128', b))).join('')}</div>
<h2>${esc(CLUSTER_WAVE_CODE)} items and lots</h2><div class="grid">${items.join('')}${lots
    .map(([lot, expiry]) => card(`Lot ${lot}`, svg('code128', lot), expiry ? `expires ${expiry}` : ''))
    .join('')}</div>
<h2>Spare totes for the cart</h2><div class="grid">${SPARE_TOTES.map((t) => card(t, svg('code128', t))).join('')}</div>`;
}
