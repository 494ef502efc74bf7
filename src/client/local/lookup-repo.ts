import type { PackConfirmArgs } from '../../domain/commands/pack';
import { buildLookupIndex, classifyLookup, lookupKey, type LookupCandidate, type LookupResult, type LookupSource } from '../../domain/inventory/lookup';
import type { ReturnableOrder } from '../../domain/inventory/snapshot';
import { binContents, indexStock, skuWhereabouts, type WhereBalance } from '../../domain/inventory/where';
import type { Location, PickTask, Tote } from '../../domain/model';
import type { PackOrder } from '../../domain/packing/types';
import { toGtin14 } from '../../domain/scan/gtin';
import { normaliseScan, type ScanResult } from '../../domain/scan/normalise';
import type { AsnRow, OutboxRow, SkuRow } from './db';
import { codeVariants } from './lookup-items';
import { binBalancesIn, lookupReader, pendingMoves, skuBalancesIn, type Reader } from './lookup-reads';

/**
 * Look-up on the device: scan anything and say what it is and where things are. Built
 * for 100,000 SKUs and 20,000 bins held offline: each scan asks IndexedDB only by index (a
 * code, a barcode value, a reference, a tracking number, an SSCC) and hands the few hits
 * to the pure classifier (domain/inventory/lookup.ts), never a whole table.
 */

export type SkuLine = WhereBalance & { locationCode: string };
export type BinLine = WhereBalance & { skuCode: string; skuName: string };
export interface OrderSummary {
  orderId: string;
  ref: string;
  status: string;
  lines: { skuId: string; skuCode: string; lot: string | null; qty: number }[];
  trackingNumbers: string[];
}

export type LookupDetail =
  | { kind: 'bin'; location: Location; lines: BinLine[] }
  | { kind: 'sku'; sku: SkuRow; lines: SkuLine[]; total: number; packQty: number; lot: string | null; expiry: string | null }
  | { kind: 'tote'; tote: Tote; orders: OrderSummary[]; tasks: (PickTask & { skuCode: string })[] }
  | { kind: 'carton'; trackingNumber: string | null; sscc: string | null; order: OrderSummary | null }
  | { kind: 'order'; order: OrderSummary }
  | { kind: 'asn'; asn: AsnRow };

export interface LookupAnswer {
  result: LookupResult;
  /** What each candidate is called (`kind:id` -> its code or reference), to tell several apart. */
  labels: Record<string, string>;
  /** What the one thing found holds; null when nothing or several things were found. */
  detail: LookupDetail | null;
  ms: number;
}

const cartonId = (orderId: string, tracking: string) => JSON.stringify([orderId, tracking]);

/**
 * The index of only what this scan can name, read by index. The scan's form narrows the
 * reads: GS1 data with a GTIN asks only for SKU barcodes, an SSCC only for cartons; bare
 * digits that are no SKU's barcode, and plain codes, ask every index.
 */
async function sourceFor(r: Reader, scan: ScanResult): Promise<LookupSource> {
  const text = 'text' in scan ? scan.text : '';
  const v = codeVariants(text);
  const key = lookupKey(text);
  const gtins = [scan.kind === 'gtin' ? scan.gtin14 : null, /^\d{8,14}$/.test(key) ? toGtin14(key) : null].filter((g): g is string => g !== null);
  const ssccs = scan.kind === 'sscc' ? [scan.sscc] : /^\d{18}$/.test(key) ? [key] : [];
  const [byGtin, asnsBySscc] = await Promise.all([r.by<SkuRow>('skus', 'barcodeValues', gtins), r.by<AsnRow>('asns', 'cartonSsccs', ssccs)]);
  const everything = scan.kind === 'code' || (scan.kind === 'invalid' && /^\d+$/.test(text)) || (scan.kind === 'gtin' && scan.gs1 === null && byGtin.length === 0);
  const [locations, skusByCode, skusByBarcode, totes, asnsByRef, retByRef, retByTracking] =
    everything && v.length
      ? await Promise.all([
          r.by<Location>('locations', 'code', v),
          r.by<SkuRow>('skus', 'code', v),
          r.by<SkuRow>('skus', 'barcodeValues', v),
          r.by<Tote>('totes', 'code', v),
          r.by<AsnRow>('asns', 'reference', v),
          r.by<ReturnableOrder>('returnables', 'ref', v),
          r.by<ReturnableOrder>('returnables', 'trackingNumbers', v),
        ])
      : [[], [], [], [], [], [], []];
  const hits = byGtin.length + asnsBySscc.length + locations.length + skusByCode.length + skusByBarcode.length + totes.length + asnsByRef.length + retByRef.length + retByTracking.length;
  // Packing's orders have no index by reference, and this device's unsynced cartons are only
  // in its outbox: both are small, and read only when no index answered.
  const [packOrders, outboxRows] = hits === 0 && v.length ? await Promise.all([r.all<PackOrder>('packOrders'), r.count('outbox').then((n) => (n ? r.all<OutboxRow>('outbox') : []))]) : [[], []];
  const ownCartons = outboxRows
    .filter((row) => row.name === 'pack.confirm')
    .flatMap((row) => {
      const a = row.args as PackConfirmArgs;
      return a.cartons.map((c) => ({ id: cartonId(a.orderId, c.trackingNumber), sscc: c.sscc, trackingNumber: c.trackingNumber }));
    });
  const skus = new Map<string, SkuRow>([...byGtin, ...skusByCode, ...skusByBarcode].map((x) => [x.id, x]));
  const asns = new Map<string, AsnRow>([...asnsBySscc, ...asnsByRef].map((a) => [a.id, a]));
  const orders = new Map<string, { id: string; ref: string }>();
  for (const o of retByRef) orders.set(o.orderId, { id: o.orderId, ref: o.ref });
  for (const o of packOrders) if (lookupKey(o.orderRef) === key) orders.set(o.orderId, { id: o.orderId, ref: o.orderRef });
  return {
    locations,
    skus: [...skus.values()].map((x) => ({ id: x.id, code: x.code, barcodes: x.barcodes })),
    totes,
    cartons: [...retByTracking.flatMap((o) => o.trackingNumbers.map((t) => ({ id: cartonId(o.orderId, t), sscc: null, trackingNumber: t }))), ...ownCartons],
    orders: [...orders.values()],
    asns: [...asns.values()].map((a) => ({ id: a.id, ref: a.reference, cartonSsccs: a.cartonSsccs })),
  };
}

async function skuCodes(r: Reader, ids: readonly string[]): Promise<Map<string, SkuRow>> {
  const rows = await r.get<SkuRow>('skus', ids);
  return new Map(rows.filter((x): x is SkuRow => x !== undefined).map((x) => [x.id, x]));
}

async function summarise(r: Reader, o: ReturnableOrder | PackOrder): Promise<OrderSummary> {
  const isPack = 'orderRef' in o;
  const lines = isPack ? o.items.map((i) => ({ skuId: i.skuId, lot: i.lot, qty: i.qty })) : o.lines;
  const skus = await skuCodes(r, lines.map((l) => l.skuId));
  return {
    orderId: o.orderId,
    ref: isPack ? o.orderRef : o.ref,
    status: o.status,
    lines: lines.map((l) => ({ ...l, skuCode: skus.get(l.skuId)?.code ?? l.skuId })),
    trackingNumbers: isPack ? [] : o.trackingNumbers,
  };
}

async function orderById(r: Reader, orderId: string): Promise<OrderSummary | null> {
  const [[ret], [pack]] = await Promise.all([r.get<ReturnableOrder>('returnables', [orderId]), r.get<PackOrder>('packOrders', [orderId])]);
  const o = ret ?? pack;
  return o ? summarise(r, o) : null;
}

async function detailIn(r: Reader, c: LookupCandidate): Promise<LookupDetail | null> {
  switch (c.kind) {
    case 'bin': {
      const [[location], balances] = await Promise.all([r.get<Location>('locations', [c.id]), binBalancesIn(r, c.id)]);
      if (!location) return null;
      const lines = binContents(indexStock(balances), c.id);
      const skus = await skuCodes(r, lines.map((l) => l.skuId));
      return { kind: 'bin', location, lines: lines.map((l) => ({ ...l, skuCode: skus.get(l.skuId)?.code ?? l.skuId, skuName: skus.get(l.skuId)?.name ?? '' })) };
    }
    case 'sku': {
      const [[sku], balances] = await Promise.all([r.get<SkuRow>('skus', [c.id]), pendingMoves(r).then((p) => skuBalancesIn(r, c.id, p))]);
      if (!sku) return null;
      const where = skuWhereabouts(indexStock(balances), c.id);
      const locs = await r.get<Location>('locations', where.lines.map((l) => l.locationId));
      const codes = new Map(locs.filter((l): l is Location => l !== undefined).map((l) => [l.id, l.code]));
      return {
        kind: 'sku', sku, total: where.total, packQty: c.packQty ?? 1, lot: c.lot ?? null, expiry: c.expiry ?? null,
        lines: where.lines.map((l) => ({ ...l, locationCode: codes.get(l.locationId) ?? l.locationId })),
      };
    }
    case 'tote': {
      const [tote] = await r.get<Tote>('totes', [c.id]);
      if (!tote) return null;
      const [packOrders, tasks] = await Promise.all([
        r.by<PackOrder>('packOrders', 'toteCode', [tote.code]),
        tote.waveId ? r.by<PickTask>('tasks', '[waveId+toteCode]', [[tote.waveId, tote.code]]) : Promise.resolve([]),
      ]);
      const [orders, skus] = await Promise.all([Promise.all(packOrders.map((o) => summarise(r, o))), skuCodes(r, tasks.map((x) => x.skuId))]);
      return { kind: 'tote', tote, orders, tasks: tasks.map((x) => ({ ...x, skuCode: skus.get(x.skuId)?.code ?? x.skuId })) };
    }
    case 'carton': {
      const [orderId, tracking] = JSON.parse(c.id) as [string, string];
      return { kind: 'carton', trackingNumber: tracking, sscc: null, order: await orderById(r, orderId) };
    }
    case 'order': {
      const order = await orderById(r, c.id);
      return order ? { kind: 'order', order } : null;
    }
    case 'asn': {
      const [asn] = await r.get<AsnRow>('asns', [c.id]);
      return asn ? { kind: 'asn', asn } : null;
    }
  }
}

/** What the one thing a scan names holds: a bin's contents, a SKU's bins, a tote's orders... */
export async function lookupDetail(c: LookupCandidate): Promise<LookupDetail | null> {
  return detailIn(await lookupReader(), c);
}

/**
 * Looks up one scan (raw text as scanned or typed, or an already normalised scan) and
 * times it, detail included: `ms` is what the look-up screen reports and the bench reads.
 */
export async function lookupScan(raw: string | ScanResult): Promise<LookupAnswer> {
  const t0 = performance.now();
  const scan = typeof raw === 'string' ? normaliseScan({ source: 'keyboard', raw, at: Date.now() }) : raw;
  const r = await lookupReader();
  const source = await sourceFor(r, scan);
  const result = classifyLookup(scan, buildLookupIndex(source));
  const detail = result.kind === 'found' ? await detailIn(r, result.candidate) : null;
  return { result, labels: result.kind === 'ambiguous' ? labelsOf(source) : {}, detail, ms: performance.now() - t0 };
}

function labelsOf(src: LookupSource): Record<string, string> {
  return Object.fromEntries([
    ...src.locations.map((l) => [`bin:${l.id}`, l.code]),
    ...src.skus.map((x) => [`sku:${x.id}`, x.code]),
    ...src.totes.map((x) => [`tote:${x.id}`, x.code]),
    ...src.cartons.map((x) => [`carton:${x.id}`, x.trackingNumber ?? x.sscc ?? '']),
    ...src.orders.map((x) => [`order:${x.id}`, x.ref]),
    ...src.asns.map((x) => [`asn:${x.id}`, x.ref]),
  ]);
}
