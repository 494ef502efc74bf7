import { DEMO_BOXES, PACK_DEMO, PACK_SKUS } from '../db/seed-pack';
import { card, esc, svg, unitSymbol } from './barcode-cards';

/**
 * The packing demo: the two totes waiting at PACK-01 with their orders' items, the box
 * catalogue's codes (scan one to choose another box) and the shipping docks.
 */
export function packSection(): string {
  const skuName = new Map(Object.values(PACK_SKUS).map((s) => [s.id, s.name]));
  const totes = [PACK_DEMO.twoOrderTote, PACK_DEMO.singleTote].map((t) => {
    const orders = PACK_DEMO.orders.filter((o) => o.tote === t);
    const sub = orders.map((o) => `${o.ref}: ${o.items.map((i) => `${i.qty}x ${skuName.get(i.skuId)}`).join(', ')}`).join(' | ');
    return card(t, svg('code128', t), sub);
  });
  const items = Object.values(PACK_SKUS).map((s) => {
    const sym = unitSymbol(s.gtin);
    return card(s.name, svg(sym.bcid, sym.text), `${s.code} · ${s.weightG} g`);
  });
  return `<h2>Packing at ${esc(PACK_DEMO.benchCode)} (Paco Packer, U2001): totes waiting, then their items</h2>
<div class="grid">${totes.join('')}</div>
<div class="grid">${items.join('')}</div>
<h2>Box catalogue (the bench suggests one; scan another to use it)</h2><div class="grid">${DEMO_BOXES.map((b) =>
    card(b.name, svg('code128', b.code), `${b.code} · tare ${b.tareG} g · max ${b.maxWeightG / 1000} kg`),
  ).join('')}</div>
<h2>Shipping docks (start a carrier's pallet, then scan cartons' SSCC labels onto it)</h2><div class="grid">${['SHIP-01', 'SHIP-02']
    .map((d) => card(d, svg('code128', d)))
    .join('')}</div>`;
}
