import type { Location, Sku } from '../../domain/model';
import type { InventorySnapshot } from '../../domain/inventory/snapshot';
import type { InboundSnapshot } from '../../domain/inbound/snapshot';
import { stockKey, type BinStock } from '../../domain/stock';
import { applyPullPage } from './server-state';
import { emptyPull, freshDb } from './test-db';

/** Test support for the inventory repositories and screens: a small warehouse on the device. */

const loc = (id: string, code: string, type: Location['type'], walkSeq: number): Location => ({
  id, code, zone: 'A', type, aisle: null, bay: null, level: null, walkSeq, capacity: null, version: 1,
});

export const sku = (id: string, code: string, barcodes: Sku['barcodes'], extra: Partial<Sku> = {}): Sku => ({
  id, sellerId: 'sel-1', code, name: `Item ${code}`, barcodes, lengthMm: 100, widthMm: 100, heightMm: 100, weightG: 100,
  casePackQty: 6, lotTracked: false, expiryTracked: false, lowStockThreshold: 0, version: 1, ...extra,
});

export const bal = (locationId: string, skuId: string, qty: number, lot: string | null = null, expiry: string | null = null): BinStock => ({
  id: stockKey(locationId, skuId, lot, expiry), locationId, skuId, lot, expiry, qty, version: 1,
});

export const LOCATIONS = [
  loc('l-a1', 'A-01-01', 'pick_face', 1),
  loc('l-a2', 'A-01-02', 'pick_face', 2),
  loc('l-r1', 'R-01-01', 'reserve', 3),
  loc('l-ret', 'RET-01', 'returns', 4),
  loc('l-dock', 'RCV-01', 'receiving_dock', 5),
];

export const SKUS = [
  sku('s-mug', 'MUG-1', [
    { value: '00000000000017', kind: 'gtin', packQty: 1 },
    { value: '10000000000014', kind: 'case', packQty: 6 },
  ]),
  sku('s-tea', 'TEA-1', [{ value: '00000000000024', kind: 'gtin', packQty: 1 }], { lotTracked: true, expiryTracked: true }),
  sku('s-pan', 'PAN-1', [{ value: '00000000000031', kind: 'gtin', packQty: 1 }]),
];

export const INVENTORY: InventorySnapshot = {
  countTasks: [
    { id: 'ct-1', locationId: 'l-a1', skuId: null, source: 'lead_request', round: 1, assignedTo: null, excludeUserIds: [], createdAt: '2026-01-01T00:00:00Z' },
    { id: 'ct-2', locationId: 'l-a2', skuId: 's-pan', source: 'short_pick', round: 1, assignedTo: null, excludeUserIds: [], createdAt: '2026-01-02T00:00:00Z' },
    { id: 'ct-3', locationId: 'l-r1', skuId: null, source: 'lead_request', round: 2, assignedTo: null, excludeUserIds: ['u1'], createdAt: '2026-01-03T00:00:00Z' },
  ],
  returnables: [
    {
      orderId: 'o-9', ref: 'SO-9001', sellerId: 'sel-1', status: 'shipped', trackingNumbers: ['LT000000019US'],
      lines: [{ skuId: 's-mug', lot: null, qty: 2 }, { skuId: 's-pan', lot: null, qty: 1 }], returned: [],
    },
  ],
  returnRules: [{ sellerId: 'sel-1', rules: { returns: 'restock_if_sealed' } }],
};

export const INBOUND: InboundSnapshot = {
  asns: [{ id: 'asn-1', sellerId: 'sel-1', reference: 'ASN-TEST-1', cartons: [{ sscc: '006141410000000012' }], lines: [{ skuId: 's-mug', qty: 12, lot: null, expiry: null }], status: 'announced' }],
  putawayTasks: [],
  receivingRules: [],
};

export const STOCK = [
  bal('l-a1', 's-mug', 5),
  bal('l-a1', 's-tea', 3, 'L1', '2027-01-31'),
  bal('l-a1', 's-tea', 2, 'L2', '2027-06-30'),
  bal('l-r1', 's-mug', 24),
];

/** A fresh database signed in as `u1` with roles, holding the warehouse above. */
export async function inventoryDb(roles: string[] = ['returns', 'lead']): Promise<void> {
  await freshDb();
  const { setMeta } = await import('./meta');
  await setMeta('session', { token: 'tok', user: { id: 'u1', name: 'Pat', roles, language: 'en' }, signedInAt: new Date().toISOString() } as never);
  const c = emptyPull().changes;
  await applyPullPage(
    emptyPull({
      changes: { ...c, locations: LOCATIONS, skus: SKUS, totes: [{ id: 'tt-1', code: 'T0401', version: 1 }], stock: STOCK },
      inventory: INVENTORY,
      inbound: INBOUND,
    }),
    { final: true, userId: 'u1' },
  );
}
