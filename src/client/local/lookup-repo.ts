import Dexie from 'dexie';
import type { StockMoveArgs } from '../../domain/commands/inbound';
import type { PackConfirmArgs } from '../../domain/commands/pack';
import { buildLookupIndex, classifyLookup, lookupKey, type LookupCandidate, type LookupResult, type LookupSource } from '../../domain/inventory/lookup';
import type { ReturnableOrder } from '../../domain/inventory/snapshot';
import { binContents, indexStock, skuWhereabouts, type WhereBalance } from '../../domain/inventory/where';
import type { Location, PickTask, Tote } from '../../domain/model';
import type { PackOrder } from '../../domain/packing/types';
import { toGtin14 } from '../../domain/scan/gtin';
import { normaliseScan, type ScanResult } from '../../domain/scan/normalise';
import { db, type AsnRow, type SkuRow } from './db';
import { commandsInOutbox } from './inventory-store';
import { codeVariants } from './lookup-items';
import { pendingMovesBySku, skuBalances } from './move-repo';

/**
 * Look-up on the device: scan anything and say what it is and where things are. Built
 * for 100,000 SKUs and 20,000 bins held offline: each scan asks Dexie only by index (a
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

/** The index of only what this scan can name, read from Dexie by index. */
async function sourceFor(scan: ScanResult): Promise<LookupSource> {
  const text = 'text' in scan ? scan.text : '';
  const v = codeVariants(text);
  const key = lookupKey(text);
  const gtins = [scan.kind === 'gtin' ? scan.gtin14 : null, /^\d{8,14}$/.test(key) ? toGtin14(key) : null].filter((g): g is string => g !== null);
  const ssccs = scan.kind === 'sscc' ? [scan.sscc] : /^\d{18}$/.test(key) ? [key] : [];
  const none = Promise.resolve([]);
  const d = db();
  const [locations, skusByCode, skusByBarcode, totes, asnsByRef, asnsBySscc, retByRef, retByTracking] = await Promise.all([
    v.length ? d.locations.where('code').anyOf(v).toArray() : none,
    v.length ? d.skus.where('code').anyOf(v).toArray() : none,
    v.length || gtins.length ? d.skus.where('barcodeValues').anyOf([...v, ...gtins]).toArray() : none,
    v.length ? d.totes.where('code').anyOf(v).toArray() : none,
    v.length ? d.asns.where('reference').anyOf(v).toArray() : none,
    ssccs.length ? d.asns.where('cartonSsccs').anyOf(ssccs).toArray() : none,
    v.length ? d.returnables.where('ref').anyOf(v).toArray() : none,
    v.length ? d.returnables.where('trackingNumbers').anyOf(v).toArray() : none,
  ]);
  const hits = locations.length + skusByCode.length + skusByBarcode.length + totes.length + asnsByRef.length + asnsBySscc.length + retByRef.length + retByTracking.length;
  // Packing's working set has no index by order reference; it is a bench's few totes, read
  // only when nothing else answered (an order being packed, or an unknown code).
  const packOrders = v.length && hits === 0 ? await d.packOrders.filter((o) => lookupKey(o.orderRef) === key).toArray() : [];
  // Cartons this device packed and has not synced yet: their numbers are only in its outbox.
  const packed = hits === 0 && (await d.outbox.count()) > 0 ? await commandsInOutbox(['pack.confirm']) : [];
  const ownCartons = packed.flatMap((r) => {
    const a = r.args as PackConfirmArgs;
    return a.cartons.map((c) => ({ id: cartonId(a.orderId, c.trackingNumber), sscc: c.sscc, trackingNumber: c.trackingNumber }));
  });
  const skus = new Map<string, SkuRow>([...skusByCode, ...skusByBarcode].map((s) => [s.id, s]));
  const asns = new Map<string, AsnRow>([...asnsByRef, ...asnsBySscc].map((a) => [a.id, a]));
  const orders = new Map<string, { id: string; ref: string }>();
  for (const o of retByRef) orders.set(o.orderId, { id: o.orderId, ref: o.ref });
  for (const o of packOrders) orders.set(o.orderId, { id: o.orderId, ref: o.orderRef });
  return {
    locations,
    skus: [...skus.values()].map((s) => ({ id: s.id, code: s.code, barcodes: s.barcodes })),
    totes,
    cartons: [...retByTracking.flatMap((o) => o.trackingNumbers.map((t) => ({ id: cartonId(o.orderId, t), sscc: null, trackingNumber: t }))), ...ownCartons],
    orders: [...orders.values()],
    asns: [...asns.values()].map((a) => ({ id: a.id, ref: a.reference, cartonSsccs: a.cartonSsccs })),
  };
}

async function skuCodes(ids: readonly string[]): Promise<Map<string, SkuRow>> {
  const rows = await db().skus.bulkGet([...new Set(ids)]);
  return new Map(rows.filter((r): r is SkuRow => r !== undefined).map((r) => [r.id, r]));
}

async function summarise(o: ReturnableOrder | PackOrder): Promise<OrderSummary> {
  const isPack = 'orderRef' in o;
  const lines = isPack ? o.items.map((i) => ({ skuId: i.skuId, lot: i.lot, qty: i.qty })) : o.lines;
  const skus = await skuCodes(lines.map((l) => l.skuId));
  return {
    orderId: o.orderId,
    ref: isPack ? o.orderRef : o.ref,
    status: o.status,
    lines: lines.map((l) => ({ ...l, skuCode: skus.get(l.skuId)?.code ?? l.skuId })),
    trackingNumbers: isPack ? [] : o.trackingNumbers,
  };
}

async function orderById(orderId: string): Promise<OrderSummary | null> {
  const d = db();
  const [ret, pack] = await Promise.all([d.returnables.get(orderId), d.packOrders.get(orderId)]);
  const o = ret ?? pack;
  return o ? summarise(o) : null;
}

/** A bin's balances as this device sees them: pulled, with pending moves in or out replayed. */
async function binBalances(locationId: string): Promise<WhereBalance[]> {
  const [rows, pending] = await Promise.all([
    db().stock.where('[locationId+skuId]').between([locationId, Dexie.minKey], [locationId, Dexie.maxKey]).toArray(),
    pendingMovesBySku(),
  ]);
  const moved = [...pending].filter(([, ms]) => ms.some((m) => [(m.args as StockMoveArgs).fromLocationId, (m.args as StockMoveArgs).toLocationId].includes(locationId)));
  const movedSkus = new Set(moved.map(([sku]) => sku));
  const replayed = await Promise.all([...movedSkus].map((sku) => skuBalances(sku, pending)));
  return [...rows.filter((r) => !movedSkus.has(r.skuId)), ...replayed.flat().filter((b) => b.locationId === locationId)];
}

/** What the one thing a scan names holds: a bin's contents, a SKU's bins, a tote's orders... */
export async function lookupDetail(c: LookupCandidate): Promise<LookupDetail | null> {
  const d = db();
  switch (c.kind) {
    case 'bin': {
      const [location, balances] = await Promise.all([d.locations.get(c.id), binBalances(c.id)]);
      if (!location) return null;
      const lines = binContents(indexStock(balances), c.id);
      const skus = await skuCodes(lines.map((l) => l.skuId));
      return { kind: 'bin', location, lines: lines.map((l) => ({ ...l, skuCode: skus.get(l.skuId)?.code ?? l.skuId, skuName: skus.get(l.skuId)?.name ?? '' })) };
    }
    case 'sku': {
      const [sku, balances] = await Promise.all([d.skus.get(c.id), skuBalances(c.id)]);
      if (!sku) return null;
      const where = skuWhereabouts(indexStock(balances), c.id);
      const locs = await d.locations.bulkGet([...new Set(where.lines.map((l) => l.locationId))]);
      const codes = new Map(locs.filter((l): l is Location => l !== undefined).map((l) => [l.id, l.code]));
      return {
        kind: 'sku', sku, total: where.total, packQty: c.packQty ?? 1, lot: c.lot ?? null, expiry: c.expiry ?? null,
        lines: where.lines.map((l) => ({ ...l, locationCode: codes.get(l.locationId) ?? l.locationId })),
      };
    }
    case 'tote': {
      const tote = await d.totes.get(c.id);
      if (!tote) return null;
      const [packOrders, tasks] = await Promise.all([
        d.packOrders.where('toteCode').equals(tote.code).toArray(),
        tote.waveId ? d.tasks.where('[waveId+toteCode]').equals([tote.waveId, tote.code]).toArray() : Promise.resolve([]),
      ]);
      const skus = await skuCodes(tasks.map((x) => x.skuId));
      return { kind: 'tote', tote, orders: await Promise.all(packOrders.map(summarise)), tasks: tasks.map((x) => ({ ...x, skuCode: skus.get(x.skuId)?.code ?? x.skuId })) };
    }
    case 'carton': {
      const [orderId, tracking] = JSON.parse(c.id) as [string, string];
      return { kind: 'carton', trackingNumber: tracking, sscc: null, order: await orderById(orderId) };
    }
    case 'order': {
      const order = await orderById(c.id);
      return order ? { kind: 'order', order } : null;
    }
    case 'asn': {
      const asn = await d.asns.get(c.id);
      return asn ? { kind: 'asn', asn } : null;
    }
  }
}

/**
 * Looks up one scan (raw text as scanned or typed, or an already normalised scan) and
 * times it, detail included: `ms` is what the look-up screen reports and the bench reads.
 */
export async function lookupScan(raw: string | ScanResult): Promise<LookupAnswer> {
  const t0 = performance.now();
  const scan = typeof raw === 'string' ? normaliseScan({ source: 'keyboard', raw, at: Date.now() }) : raw;
  const source = await sourceFor(scan);
  const result = classifyLookup(scan, buildLookupIndex(source));
  const detail = result.kind === 'found' ? await lookupDetail(result.candidate) : null;
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
