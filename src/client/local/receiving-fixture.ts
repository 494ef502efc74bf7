import type { InboundSnapshot } from '../../domain/inbound/snapshot';
import type { Location } from '../../domain/model';
import type { Rejection } from '../../domain/sync';
import { sscc } from '../../domain/packing/numbers';
import { gs1CheckDigit } from '../../domain/scan/gtin';
import { normaliseScan, type ScanResult } from '../../domain/scan/normalise';
import type { SkuRow } from './db';
import { setMeta } from './meta';
import { applyPullPage } from './server-state';
import { emptyPull } from './test-db';

/** Test support for receiving and putaway: a dock, bins, a trusted seller's ASN with two cartons. */

const gtin = (item: number) => {
  const body = `0506123456${String(item).padStart(3, '0')}`;
  return body + gs1CheckDigit(body);
};
export const GTIN = { serum: gtin(1), cream: gtin(5) };
export const CARTON = [sscc({ gs1CompanyPrefix: '0614141', ssccExtension: 9 }, 1), sscc({ gs1CompanyPrefix: '0614141', ssccExtension: 9 }, 2)];

const loc = (id: string, type: Location['type'], walkSeq: number, capacity: number | null = null): Location => ({
  id, code: id.replace('loc-', ''), zone: 'A', type, aisle: null, bay: null, level: null, walkSeq, capacity, version: 1,
});
export const LOCATIONS = [loc('loc-RCV-01', 'receiving_dock', 0), loc('loc-A-01', 'pick_face', 10, 100), loc('loc-C-01', 'reserve', 50, 500), loc('loc-C-02', 'reserve', 60, 500), loc('loc-DMG-01', 'damaged', 90)];

const sku = (id: string, code: string, g: string, lotTracked: boolean): SkuRow => ({
  id, sellerId: 'seller-luma', code, name: code, barcodes: [{ value: g, kind: 'gtin', packQty: 1 }, { value: `1${g.slice(1, 13)}${gs1CheckDigit(`1${g.slice(1, 13)}`)}`, kind: 'case', packQty: 6 }],
  lengthMm: 1, widthMm: 1, heightMm: 1, weightG: 1, casePackQty: 6, lotTracked, expiryTracked: lotTracked, lowStockThreshold: 0, version: 1,
  barcodeValues: [],
});
export const SKUS = [sku('sku-serum', 'SERUM', GTIN.serum, true), sku('sku-cream', 'CREAM', GTIN.cream, false)];

export const SNAPSHOT: InboundSnapshot = {
  asns: [
    {
      id: 'asn-1', sellerId: 'seller-luma', reference: 'ASN-LUMA-0001', status: 'announced',
      cartons: [
        { sscc: CARTON[0]!, contents: [{ skuId: 'sku-serum', qty: 4, lot: 'L1', expiry: '2030-01-31' }] },
        { sscc: CARTON[1]!, contents: [{ skuId: 'sku-cream', qty: 3, lot: null, expiry: null }] },
      ],
      lines: [
        { skuId: 'sku-serum', qty: 4, lot: 'L1', expiry: '2030-01-31' },
        { skuId: 'sku-cream', qty: 3, lot: null, expiry: null },
      ],
    },
  ],
  putawayTasks: [],
  receivingRules: [{ sellerId: 'seller-luma', rules: { trusted: true, minShelfLifeDays: 30 } }],
};

export async function pullInbound(snap: InboundSnapshot = SNAPSHOT, lastSeq = 0, rejections: Rejection[] = []): Promise<void> {
  await applyPullPage(
    emptyPull({
      lastSeq,
      rejections,
      changes: { locations: LOCATIONS, skus: SKUS.map(({ barcodeValues: _b, ...s }) => s), totes: [], users: [], waves: [], tasks: [], exceptions: [], stock: [] },
      inbound: snap,
    }),
    { final: true, userId: 'u1' },
  );
}

export const scan = (raw: string): ScanResult => normaliseScan({ source: 'wedge', raw, at: 0 });

/** The test session's user as a receiver (test-db signs in a picker). */
export async function signInAsReceiver(): Promise<void> {
  await setMeta('session', { token: 'tok', user: { id: 'u1', name: 'Rita', roles: ['receiver'], language: 'en' }, signedInAt: new Date().toISOString() });
}
