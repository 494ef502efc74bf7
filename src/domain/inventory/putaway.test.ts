import { describe, expect, it } from 'vitest';
import { checkPutawayDestination, suggestDamagedBin, suggestPutaway, type BinQty, type PutawayLocation } from './putaway';

/** `loc('A1', 'pick_face', 100, 'A', 200)`: id = code, walk sequence 100. */
function loc(code: string, type: PutawayLocation['type'], walkSeq: number, zone: string, capacity: number | null): PutawayLocation {
  return { id: code, code, type, walkSeq, zone, capacity };
}

const LOCS: PutawayLocation[] = [
  loc('RCV', 'receiving_dock', 5, 'R', null),
  loc('A1', 'pick_face', 100, 'A', 50),
  loc('A2', 'pick_face', 110, 'A', 50),
  loc('C1', 'reserve', 300, 'C', 500),
  loc('C2', 'reserve', 120, 'C', 500),
  loc('C3', 'reserve', 20, 'C', 500),
  loc('C4', 'reserve', 130, 'C', 10),
  loc('D1', 'reserve', 101, 'D', 500),
  loc('PACK', 'pack_bench', 102, 'P', null),
  loc('RET', 'returns', 103, 'R', null),
];

const b = (locationId: string, skuId: string, qty: number): BinQty => ({ locationId, skuId, qty });

describe('suggestPutaway', () => {
  const cases: {
    name: string;
    qty: number;
    balances: BinQty[];
    zone?: string | null;
    from?: string;
    locations?: PutawayLocation[];
    want: string | null;
    why: string;
  }[] = [
    { name: 'the pick face when it has room', qty: 10, balances: [b('A1', 'mug', 30)], zone: 'C', want: 'A1', why: 'pick_face' },
    { name: 'the pick face filled exactly to capacity', qty: 20, balances: [b('A1', 'mug', 30)], zone: 'C', want: 'A1', why: 'pick_face' },
    { name: 'room counts every SKU in the face', qty: 20, balances: [b('A1', 'mug', 20), b('A1', 'tea', 20)], zone: 'C', want: 'C2', why: 'reserve' },
    { name: 'an emptied face (balance 0) is still the slot', qty: 5, balances: [b('A1', 'mug', 0)], zone: 'C', want: 'A1', why: 'pick_face' },
    { name: 'a negative face balance leaves its whole capacity', qty: 50, balances: [b('A1', 'mug', -3)], zone: 'C', want: 'A1', why: 'pick_face' },
    { name: 'a second face with room', qty: 30, balances: [b('A1', 'mug', 40), b('A2', 'mug', 5)], zone: 'C', want: 'A2', why: 'pick_face' },
    { name: 'a full face sends it to the nearest empty reserve from the face', qty: 21, balances: [b('A1', 'mug', 30)], zone: 'C', want: 'C2', why: 'reserve' },
    { name: 'an occupied reserve bin is skipped', qty: 5, balances: [b('A1', 'mug', 50), b('A2', 'tea', 1), b('C2', 'tea', 1)], zone: 'C', want: 'C4', why: 'reserve' },
    { name: 'a reserve bin too small is skipped', qty: 21, balances: [b('A1', 'mug', 30), b('C2', 'tea', 1)], zone: 'C', want: 'C3', why: 'reserve' },
    { name: 'no face: nearest to the dock', qty: 5, balances: [], zone: 'C', want: 'C3', why: 'reserve' },
    { name: 'no face: nearest to where the units are', qty: 5, balances: [], zone: 'C', from: 'RET', want: 'C2', why: 'reserve' },
    { name: 'only the SKU zone', qty: 21, balances: [b('A1', 'mug', 30)], zone: 'D', want: 'D1', why: 'reserve' },
    { name: 'no zone: any reserve bin', qty: 21, balances: [b('A1', 'mug', 30)], zone: null, want: 'D1', why: 'reserve' },
    { name: 'an unknown zone has no room', qty: 5, balances: [], zone: 'Z', want: null, why: 'no_room' },
    { name: 'every reserve bin occupied', qty: 5, balances: ['C1', 'C2', 'C3', 'C4'].map((c) => b(c, 'x', 1)), zone: 'C', want: null, why: 'no_room' },
    { name: 'a face of another SKU is not this SKU face', qty: 5, balances: [b('A1', 'tea', 1)], zone: 'C', want: 'C3', why: 'reserve' },
    { name: 'an unmeasured face never fills', qty: 9999, balances: [b('F', 'mug', 1e6)], locations: [loc('F', 'pick_face', 1, 'A', null)], want: 'F', why: 'pick_face' },
    { name: 'ties go to the earlier bin in the walk', qty: 1, balances: [], locations: [loc('RCV', 'receiving_dock', 50, 'R', null), loc('Y', 'reserve', 60, 'C', 5), loc('X', 'reserve', 40, 'C', 5)], want: 'X', why: 'reserve' },
    { name: 'zero is refused', qty: 0, balances: [], zone: 'C', want: null, why: 'bad_qty' },
    { name: 'negative is refused', qty: -4, balances: [], zone: 'C', want: null, why: 'bad_qty' },
    { name: 'a fraction is refused', qty: 1.5, balances: [], zone: 'C', want: null, why: 'bad_qty' },
    { name: 'NaN is refused', qty: Number.NaN, balances: [], zone: 'C', want: null, why: 'bad_qty' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = suggestPutaway({ sku: { id: 'mug' }, qty: c.qty, locations: c.locations ?? LOCS, balances: c.balances, zoneOfSku: c.zone, fromLocationId: c.from });
      expect(r.location?.id ?? null).toBe(c.want);
      expect(r.why).toBe(c.why);
      if (r.location === null) expect(r.code).toBe(c.why === 'bad_qty' ? 'QTY_NOT_POSITIVE' : 'PUTAWAY_NO_ROOM');
    });
  }

  it('measures reserve distance from the pick face', () => {
    const r = suggestPutaway({ sku: { id: 'mug' }, qty: 21, locations: LOCS, balances: [b('A1', 'mug', 30)], zoneOfSku: 'C' });
    expect(r).toMatchObject({ why: 'reserve', distance: 20 });
  });
});

describe('checkPutawayDestination', () => {
  const A1 = { id: 'A1', type: 'pick_face' } as const;
  const C2 = { id: 'C2', type: 'reserve' } as const;
  const cases: { name: string; suggested: { id: string } | null; scanned: { id: string; type: PutawayLocation['type'] }; reason?: unknown; want: object }[] = [
    { name: 'the suggested bin', suggested: A1, scanned: A1, want: { ok: true, deviated: false, reason: null } },
    { name: 'the suggested bin ignores a reason', suggested: A1, scanned: A1, reason: 'full', want: { ok: true, deviated: false, reason: null } },
    { name: 'another bin without a reason', suggested: A1, scanned: C2, want: { ok: false, code: 'PUTAWAY_REASON_REQUIRED' } },
    { name: 'another bin with an empty reason', suggested: A1, scanned: C2, reason: '', want: { ok: false, code: 'PUTAWAY_REASON_REQUIRED' } },
    ...(['full', 'damaged_bin', 'closer', 'other'] as const).map((reason) => ({
      name: `another bin because ${reason}`, suggested: A1, scanned: C2, reason, want: { ok: true, deviated: true, reason },
    })),
    { name: 'a reason off the list', suggested: A1, scanned: C2, reason: 'felt like it', want: { ok: false, code: 'PUTAWAY_REASON_UNKNOWN' } },
    { name: 'a reason in the wrong case', suggested: A1, scanned: C2, reason: 'FULL', want: { ok: false, code: 'PUTAWAY_REASON_UNKNOWN' } },
    { name: 'a hostile reason', suggested: A1, scanned: C2, reason: '<script>alert(1)</script>', want: { ok: false, code: 'PUTAWAY_REASON_UNKNOWN' } },
    { name: 'a reason that is not text', suggested: A1, scanned: C2, reason: { toString: () => 'full' }, want: { ok: false, code: 'PUTAWAY_REASON_UNKNOWN' } },
    { name: 'a prototype key as reason', suggested: A1, scanned: C2, reason: '__proto__', want: { ok: false, code: 'PUTAWAY_REASON_UNKNOWN' } },
    { name: 'no suggestion: any storage bin', suggested: null, scanned: C2, want: { ok: true, deviated: false, reason: null } },
    ...(['pack_bench', 'receiving_dock', 'shipping_dock', 'returns', 'damaged'] as const).map((type) => ({
      name: `never a ${type}`, suggested: A1, scanned: { id: 'X', type }, reason: 'other', want: { ok: false, code: 'NOT_A_STORAGE_LOCATION' },
    })),
    { name: 'never a bench, even with no suggestion', suggested: null, scanned: { id: 'P', type: 'pack_bench' }, want: { ok: false, code: 'NOT_A_STORAGE_LOCATION' } },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(checkPutawayDestination(c.suggested, c.scanned, c.reason)).toEqual(c.want);
    });
  }

  const DMG = { id: 'DMG', type: 'damaged' } as const;
  const damaged: { name: string; suggested: { id: string } | null; scanned: { id: string; type: PutawayLocation['type'] }; reason?: unknown; want: object }[] = [
    { name: 'damaged units into the suggested damaged bin', suggested: DMG, scanned: DMG, want: { ok: true, deviated: false, reason: null } },
    { name: 'damaged units into another damaged bin need a reason', suggested: DMG, scanned: { id: 'DMG2', type: 'damaged' }, want: { ok: false, code: 'PUTAWAY_REASON_REQUIRED' } },
    { name: 'damaged units into another damaged bin, with a reason', suggested: DMG, scanned: { id: 'DMG2', type: 'damaged' }, reason: 'full', want: { ok: true, deviated: true, reason: 'full' } },
    ...(['pick_face', 'reserve', 'receiving_dock', 'returns'] as const).map((type) => ({
      name: `damaged units never into a ${type}`, suggested: DMG, scanned: { id: 'X', type }, reason: 'other', want: { ok: false, code: 'NOT_A_DAMAGED_LOCATION' },
    })),
  ];
  for (const c of damaged) {
    it(c.name, () => {
      expect(checkPutawayDestination(c.suggested, c.scanned, c.reason, 'damaged')).toEqual(c.want);
    });
  }
});

describe('suggestDamagedBin', () => {
  const cases: [name: string, locations: PutawayLocation[], from: string | null, want: string | null][] = [
    ['the only damaged bin', [...LOCS, loc('DMG', 'damaged', 500, 'D', null)], 'RCV', 'DMG'],
    ['the nearest to where the units are', [...LOCS, loc('D1X', 'damaged', 500, 'D', null), loc('D2X', 'damaged', 90, 'D', null)], 'RET', 'D2X'],
    ['no origin known: nearest to the first dock', [loc('RCV', 'receiving_dock', 5, 'R', null), loc('D1X', 'damaged', 50, 'D', null), loc('D2X', 'damaged', 9, 'D', null)], null, 'D2X'],
    ['no damaged bin in the warehouse', LOCS, 'RCV', null],
  ];
  it.each(cases)('%s', (_name, locations, from, want) => {
    expect(suggestDamagedBin(locations, from)?.id ?? null).toBe(want);
  });
});
