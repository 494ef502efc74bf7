import { describe, expect, it } from 'vitest';
import { sscc, trackingNumber } from '../packing/numbers';
import { gs1CheckDigit, toGtin14 } from '../scan/gtin';
import { normaliseScan, type RawScan } from '../scan/normalise';
import { buildLookupIndex, classifyLookup, type LookupIndex, type LookupResult, type LookupSource } from './lookup';

const gtin13 = (body12: string) => body12 + gs1CheckDigit(body12);
const MUG = gtin13('506123456001');
const MUG6 = toGtin14('1' + gtin13('506123456001').slice(0, 12) + gs1CheckDigit('1' + gtin13('506123456001').slice(0, 12)))!;
const SHARED = gtin13('506123456099');
const TRK = trackingNumber({ trackingPrefix: 'LX', trackingSuffix: 'GB' }, 1234);
const OUR_SSCC = sscc({ gs1CompanyPrefix: '0614141', ssccExtension: 1 }, 77);
const INBOUND_SSCC = sscc({ gs1CompanyPrefix: '5061234', ssccExtension: 3 }, 9);
/** A 12-digit order number whose check digit happens to be valid as a GTIN. */
const NUMERIC_REF = '12345678901' + gs1CheckDigit('12345678901');
const BAD_DIGITS_REF = '100234567891';

const SOURCE: LookupSource = {
  locations: [
    { id: 'loc-A01', code: 'A01-01-1' },
    { id: 'loc-dup', code: 'R-1001' },
  ],
  skus: [
    { id: 'sku-mug', code: 'MUG-1', barcodes: [{ value: MUG, packQty: 1 }, { value: MUG6, packQty: 6 }, { value: 'MUGX', packQty: 1 }] },
    { id: 'sku-a', code: 'A-1', barcodes: [{ value: SHARED, packQty: 1 }] },
    { id: 'sku-b', code: 'B-1', barcodes: [{ value: SHARED, packQty: 1 }] },
    { id: 'sku-proto', code: '__proto__', barcodes: [] },
  ],
  totes: [{ id: 'tote-7', code: 'T007' }],
  cartons: [
    { id: 'ctn-1', sscc: OUR_SSCC, trackingNumber: TRK },
    { id: 'ctn-2', sscc: null, trackingNumber: null },
  ],
  orders: [
    { id: 'o-luma', ref: 'R-1001' },
    { id: 'o-nord', ref: 'r-1001' },
    { id: 'o-trk', ref: TRK },
    { id: 'o-num', ref: NUMERIC_REF },
    { id: 'o-bad', ref: BAD_DIGITS_REF },
  ],
  asns: [{ id: 'asn-1', ref: 'ASN-42', cartonSsccs: [INBOUND_SSCC] }],
};
const IDX = buildLookupIndex(SOURCE);

const scan = (raw: string, symbologyId?: string): RawScan => ({ source: 'wedge', raw, at: 0, ...(symbologyId ? { symbologyId } : {}) });
const look = (raw: string, sym?: string, idx: LookupIndex = IDX) => classifyLookup(normaliseScan(scan(raw, sym), { today: new Date('2026-11-24') }), idx);
/** Compact answer for tables: `kind:id:via`, `a|b` for several, or the result kind. */
function short(r: LookupResult): string {
  const one = (c: { kind: string; id: string; via: string }) => `${c.kind}:${c.id}:${c.via}`;
  if (r.kind === 'found') return one(r.candidate);
  if (r.kind === 'ambiguous') return r.candidates.map(one).join('|');
  if (r.kind === 'invalid') return `invalid:${r.code}`;
  return r.kind;
}

describe('classifyLookup', () => {
  const table: { name: string; raw: string; sym?: string; want: string }[] = [
    { name: 'a bin label', raw: 'A01-01-1', want: 'bin:loc-A01:bin_code' },
    { name: 'a bin typed in lower case with blanks', raw: '  a01-01-1 ', want: 'bin:loc-A01:bin_code' },
    { name: 'a SKU by its GTIN', raw: MUG, sym: ']E0', want: 'sku:sku-mug:gtin' },
    { name: 'a SKU by its case GTIN in GS1-128', raw: `(01)${MUG6}`, want: 'sku:sku-mug:gtin' },
    { name: 'a SKU by its code', raw: 'mug-1', want: 'sku:sku-mug:sku_code' },
    { name: 'a SKU by a text barcode', raw: 'MUGX', want: 'sku:sku-mug:barcode' },
    { name: 'a GTIN on two SKUs lists both', raw: SHARED, sym: ']E0', want: 'sku:sku-a:gtin|sku:sku-b:gtin' },
    { name: 'a tote', raw: 't007', want: 'tote:tote-7:tote_code' },
    { name: 'our carton by its SSCC (AI 00)', raw: `(00)${OUR_SSCC}`, want: 'carton:ctn-1:sscc' },
    { name: 'an SSCC typed without its AI', raw: OUR_SSCC, sym: ']C0', want: 'carton:ctn-1:sscc' },
    { name: "an inbound carton's SSCC is its ASN", raw: `(00)${INBOUND_SSCC}`, want: 'asn:asn-1:asn_sscc' },
    { name: 'an unknown SSCC is unknown, never a SKU', raw: `(00)${sscc({ gs1CompanyPrefix: '0614141', ssccExtension: 1 }, 78)}`, want: 'unknown' },
    { name: 'a tracking number is the carton, even when an order has that ref', raw: TRK.toLowerCase(), want: 'carton:ctn-1:tracking' },
    { name: 'an ASN by its ref', raw: 'asn-42', want: 'asn:asn-1:asn_ref' },
    { name: 'a ref on a bin and two orders lists all', raw: 'R-1001', want: 'bin:loc-dup:bin_code|order:o-luma:order_ref|order:o-nord:order_ref' },
    { name: 'digits that pass as a GTIN but are an order number', raw: NUMERIC_REF, want: 'order:o-num:order_ref' },
    { name: 'digits with a bad check digit that are an order number', raw: BAD_DIGITS_REF, want: 'order:o-bad:order_ref' },
    { name: 'a bad GTIN no order has stays invalid', raw: '5061234560019', sym: ']E0', want: 'invalid:BAD_CHECK_DIGIT' },
    { name: 'a GTIN no SKU has', raw: gtin13('999999999999'), sym: ']E0', want: 'unknown' },
    { name: 'GS1 data with neither GTIN nor SSCC', raw: '(410)5012345678900', want: 'unknown' },
    { name: 'nothing', raw: '   ', want: 'empty' },
    { name: 'a prototype key is just a SKU code', raw: '__proto__', want: 'sku:sku-proto:sku_code' },
    { name: 'constructor', raw: 'constructor', want: 'unknown' },
    { name: 'toString', raw: 'toString', want: 'unknown' },
    { name: 'markup', raw: '<script>alert(1)</script>', want: 'unknown' },
    { name: 'SQL', raw: "A01-01-1' OR '1'='1", want: 'unknown' },
    { name: 'a very long code', raw: 'X'.repeat(10_000), want: 'unknown' },
    { name: 'unicode look-alikes', raw: 'А01-01-1', want: 'unknown' },
  ];
  for (const c of table) it(c.name, () => expect(short(look(c.raw, c.sym))).toBe(c.want));

  it('carries the pack quantity and the GS1 lot and expiry', () => {
    const r = look(`(01)${MUG6}(17)271231(10)LOT9`);
    expect(r).toEqual({ kind: 'found', candidate: { kind: 'sku', id: 'sku-mug', via: 'gtin', packQty: 6, lot: 'LOT9', expiry: '2027-12-31' } });
  });
});

/** A Map that refuses to be walked: proves a look-up is gets only. */
class NoScanMap<K, V> extends Map<K, V> {
  private sealed = false;
  seal(): this {
    this.sealed = true;
    return this;
  }
  private refuse(): never {
    throw new Error('look-up walked a whole map');
  }
  override [Symbol.iterator](): MapIterator<[K, V]> {
    return this.sealed ? this.refuse() : super[Symbol.iterator]();
  }
  override entries(): MapIterator<[K, V]> {
    return this.sealed ? this.refuse() : super.entries();
  }
  override keys(): MapIterator<K> {
    return this.sealed ? this.refuse() : super.keys();
  }
  override values(): MapIterator<V> {
    return this.sealed ? this.refuse() : super.values();
  }
  override forEach(cb: (v: V, k: K, m: Map<K, V>) => void): void {
    if (this.sealed) this.refuse();
    super.forEach(cb);
  }
}

describe('at the scale of a full catalogue', () => {
  it('answers from 100,000 SKUs and 20,000 bins by map gets alone', () => {
    const skus = Array.from({ length: 100_000 }, (_, i) => {
      const body = `50612${String(i).padStart(7, '0')}`;
      return { id: `sku-${i}`, code: `SKU-${i}`, barcodes: [{ value: body + gs1CheckDigit(body), packQty: 1 }] };
    });
    const locations = Array.from({ length: 20_000 }, (_, i) => ({ id: `loc-${i}`, code: `B${String(i).padStart(5, '0')}` }));
    const built = buildLookupIndex({ locations, skus, totes: [], cartons: [], orders: [], asns: [] });
    const sealed = Object.fromEntries(Object.entries(built).map(([k, m]) => [k, new NoScanMap(m as Map<string, unknown>).seal()])) as unknown as LookupIndex;
    expect(built.skuBarcodes.size).toBe(100_000);
    expect(built.bins.size).toBe(20_000);
    const last = skus[99_999]!;
    expect(short(look(last.barcodes[0]!.value, ']E0', sealed))).toBe('sku:sku-99999:gtin');
    expect(short(look('b19999', undefined, sealed))).toBe('bin:loc-19999:bin_code');
    expect(short(look('sku-50000', undefined, sealed))).toBe('sku:sku-50000:sku_code');
    expect(short(look('NOPE', undefined, sealed))).toBe('unknown');
  });
});
