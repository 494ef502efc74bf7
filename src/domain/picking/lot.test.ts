import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../errors';
import { normaliseScan } from '../scan/normalise';
import { checkLotScan, lotFromScan, sameLot, type AllocatedLot, type BinLotStock, type LotCheck, type LotFromScan, type LotRefusalCode, type ScannedLot } from './lot';

const TODAY = '2026-11-24'; // with 30 days, the first shippable expiry is 2026-12-24
const ALLOC: AllocatedLot = { lot: 'L100', expiry: '2027-03-01' };
const bin = (lot: string, expiry: string | null, available = 10): BinLotStock => ({ lot, expiry, available });
const refused = (code: LotRefusalCode, lot: string, expiry: string | null = null): LotCheck => ({
  ok: false, code, expected: ALLOC.lot, lot, expiry,
});

describe('checkLotScan', () => {
  const cases: {
    name: string; allocated?: AllocatedLot; scanned: ScannedLot; stock: BinLotStock | null; minShelfLifeDays?: number; want: LotCheck;
  }[] = [
    { name: 'the allocated lot', scanned: { lot: 'L100' }, stock: bin('L100', '2027-03-01'), want: { ok: true, swap: null } },
    { name: 'the allocated lot, other case and blanks', scanned: { lot: ' l100 ' }, stock: null, want: { ok: true, swap: null } },
    { name: 'an earlier lot in the bin is swapped in', scanned: { lot: 'L090' }, stock: bin('L090', '2027-02-01'),
      want: { ok: true, swap: { from: 'L100', to: 'L090', expiry: '2027-02-01' } } },
    { name: 'a lot with the same expiry is swapped in', scanned: { lot: 'L101' }, stock: bin('L101', '2027-03-01'),
      want: { ok: true, swap: { from: 'L100', to: 'L101', expiry: '2027-03-01' } } },
    { name: 'the swap uses the ledger spelling of the lot', scanned: { lot: 'l090' }, stock: bin('L090', '2027-02-01'),
      want: { ok: true, swap: { from: 'L100', to: 'L090', expiry: '2027-02-01' } } },
    { name: 'a later lot is refused', scanned: { lot: 'L200' }, stock: bin('L200', '2027-03-02'),
      want: refused(ErrorCode.LOT_EXPIRES_LATER, 'L200', '2027-03-02') },
    { name: 'the label printing a later date than the ledger is refused', scanned: { lot: 'L090', expiry: '2027-04-01' },
      stock: bin('L090', '2027-02-01'), want: refused(ErrorCode.LOT_EXPIRES_LATER, 'L090', '2027-04-01') },
    { name: 'one day inside the shelf-life window is refused', scanned: { lot: 'L001' }, stock: bin('L001', '2026-12-23'),
      want: refused(ErrorCode.LOT_INSIDE_SHELF_LIFE, 'L001', '2026-12-23') },
    { name: 'exactly on the shelf-life boundary is accepted', scanned: { lot: 'L002' }, stock: bin('L002', '2026-12-24'),
      want: { ok: true, swap: { from: 'L100', to: 'L002', expiry: '2026-12-24' } } },
    { name: 'the label printing a date inside the window is refused', scanned: { lot: 'L090', expiry: '2026-12-01' },
      stock: bin('L090', '2027-02-01'), want: refused(ErrorCode.LOT_INSIDE_SHELF_LIFE, 'L090', '2026-12-01') },
    { name: "the seller's longer window applies", scanned: { lot: 'L002' }, stock: bin('L002', '2026-12-24'), minShelfLifeDays: 60,
      want: refused(ErrorCode.LOT_INSIDE_SHELF_LIFE, 'L002', '2026-12-24') },
    { name: 'a lot the bin does not hold is unknown', scanned: { lot: 'L090' }, stock: null, want: refused(ErrorCode.LOT_UNKNOWN, 'L090') },
    { name: 'a lot whose balance is used up is unknown', scanned: { lot: 'L090' }, stock: bin('L090', '2027-02-01', 0),
      want: refused(ErrorCode.LOT_UNKNOWN, 'L090') },
    { name: 'a balance for another lot does not count', scanned: { lot: 'L090' }, stock: bin('L091', '2027-02-01'),
      want: refused(ErrorCode.LOT_UNKNOWN, 'L090') },
    { name: 'no date known for the scanned lot: refused', scanned: { lot: 'L090' }, stock: bin('L090', null),
      want: refused(ErrorCode.LOT_MISMATCH, 'L090') },
    { name: 'no date in the ledger but a good one on the label: swapped', scanned: { lot: 'L090', expiry: '2027-02-01' },
      stock: bin('L090', null), want: { ok: true, swap: { from: 'L100', to: 'L090', expiry: null } } },
    { name: 'lot-only SKU: any lot the bin holds is swapped in', allocated: { lot: 'L100', expiry: null }, scanned: { lot: 'L300' },
      stock: bin('L300', null), want: { ok: true, swap: { from: 'L100', to: 'L300', expiry: null } } },
  ];

  it.each(cases)('$name', (c) => {
    const out = checkLotScan(c.allocated ?? ALLOC, c.scanned, c.stock, { today: TODAY, minShelfLifeDays: c.minShelfLifeDays });
    expect(out).toEqual(c.want);
  });

  it.each([
    { a: 'ab-12', b: 'AB-12 ', same: true },
    { a: 'AB-12', b: 'AB-13', same: false },
    { a: 'AB12', b: 'AB-12', same: false },
  ])('sameLot($a, $b) is $same', ({ a, b, same }) => {
    expect(sameLot(a, b)).toBe(same);
  });
});

describe('lotFromScan', () => {
  const G = '09501101530003';
  const scan = (raw: string, symbologyId?: string) =>
    normaliseScan({ source: 'wedge', raw, symbologyId, at: 0 }, { today: new Date(Date.UTC(2026, 10, 24)) });
  it.each<{ name: string; raw: string; sym?: string; want: LotFromScan | null }>([
    { name: 'GS1-128 with GTIN, expiry and lot', raw: `]C101${G}17270301` + '10ABC123', want: { lot: 'ABC123', expiry: '2027-03-01', gtin14: G } },
    { name: 'best-before when no expiry is printed', raw: `]C101${G}15270415` + '10ABC123', want: { lot: 'ABC123', expiry: '2027-04-15', gtin14: G } },
    { name: 'GS1 lot with no date', raw: `]C101${G}10LOT-7`, want: { lot: 'LOT-7', expiry: null, gtin14: G } },
    { name: 'GS1 data with a lot and no GTIN', raw: ']C110LOT-7', want: { lot: 'LOT-7', expiry: null, gtin14: null } },
    { name: 'a plain lot label', raw: ' LOT-42 ', sym: ']C0', want: { lot: 'LOT-42', expiry: null, gtin14: null } },
    { name: 'a GTIN without a lot', raw: '9501101530003', want: null },
    { name: 'a pallet label (SSCC) is not a lot', raw: ']C100106141411234567897', want: null },
    { name: 'a refused GS1 scan', raw: `]C101${G.slice(0, 13)}9`, want: null },
    { name: 'nothing read', raw: '', want: null },
  ])('$name', ({ raw, sym, want }) => {
    expect(lotFromScan(scan(raw, sym))).toEqual(want);
  });
});
