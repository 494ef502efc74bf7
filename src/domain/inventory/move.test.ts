import { describe, expect, it } from 'vitest';
import { validateMove, type HeldBalance, type MoveInput } from './move';

const A1 = { id: 'A1', type: 'pick_face' } as const;
const A2 = { id: 'A2', type: 'pick_face' } as const;
const C1 = { id: 'C1', type: 'reserve' } as const;
const RCV = { id: 'RCV', type: 'receiving_dock' } as const;

const h = (locationId: string, skuId: string, qty: number, lot: string | null = null, expiry: string | null = null): HeldBalance => ({ locationId, skuId, lot, expiry, qty });

const BAL: HeldBalance[] = [
  h('A1', 'mug', 5),
  h('A1', 'tea', 4, 'L1', '2027-03-01'),
  h('A1', 'tea', 3, 'L1', '2027-01-01'),
  h('A1', 'tea', 9, 'L2', '2027-06-01'),
  h('A2', 'mug', 50),
  h('RCV', 'mug', 12),
];

const base: MoveInput = { from: A1, to: C1, skuId: 'mug', lot: null, qty: 2, balances: BAL };

describe('validateMove refusals', () => {
  const table: { name: string; patch: Partial<MoveInput>; code: string }[] = [
    { name: 'zero', patch: { qty: 0 }, code: 'QTY_NOT_POSITIVE' },
    { name: 'negative', patch: { qty: -2 }, code: 'QTY_NOT_POSITIVE' },
    { name: 'a fraction', patch: { qty: 1.5 }, code: 'QTY_NOT_A_NUMBER' },
    { name: 'NaN', patch: { qty: Number.NaN }, code: 'QTY_NOT_A_NUMBER' },
    { name: 'text', patch: { qty: '2' }, code: 'QTY_NOT_A_NUMBER' },
    { name: 'hostile text', patch: { qty: '2; DROP TABLE stock' }, code: 'QTY_NOT_A_NUMBER' },
    { name: 'the same bin', patch: { to: A1 }, code: 'MOVE_SAME_BIN' },
    ...(['pack_bench', 'receiving_dock', 'shipping_dock', 'returns', 'damaged'] as const).map((type) => ({
      name: `a ${type} as to-bin`, patch: { to: { id: 'X', type } }, code: 'NOT_A_STORAGE_LOCATION',
    })),
    { name: 'more than the bin holds', patch: { qty: 6 }, code: 'MOVE_NOT_ENOUGH_STOCK' },
    { name: 'a SKU the bin does not hold', patch: { skuId: 'jam' }, code: 'MOVE_NOT_ENOUGH_STOCK' },
    { name: "another bin's units", patch: { from: C1, to: A1 }, code: 'MOVE_NOT_ENOUGH_STOCK' },
    { name: 'a lot the bin does not hold', patch: { skuId: 'tea', lot: 'L9' }, code: 'MOVE_NOT_ENOUGH_STOCK' },
    { name: 'a lot-tracked SKU with no lot', patch: { skuId: 'tea', lot: null }, code: 'MOVE_NOT_ENOUGH_STOCK' },
    { name: 'more than one expiry of the lot holds', patch: { skuId: 'tea', lot: 'L1', expiry: '2027-01-01', qty: 4 }, code: 'MOVE_NOT_ENOUGH_STOCK' },
    { name: 'a hostile lot', patch: { skuId: 'tea', lot: "L1' OR '1'='1" }, code: 'MOVE_NOT_ENOUGH_STOCK' },
    { name: 'negative stock is not stock', patch: { balances: [h('A1', 'mug', -5), h('A1', 'mug', 3)], qty: 3 }, code: 'MOVE_NOT_ENOUGH_STOCK' },
  ];
  for (const c of table) {
    it(`refuses ${c.name}`, () => {
      expect(validateMove({ ...base, ...c.patch })).toMatchObject({ ok: false, code: c.code });
    });
  }

  it('says how many the bin holds', () => {
    expect(validateMove({ ...base, qty: 6 })).toEqual({ ok: false, code: 'MOVE_NOT_ENOUGH_STOCK', detail: { held: 5 } });
  });
});

describe('validateMove movements', () => {
  /** `bin:lot:expiry:delta` per movement. */
  const table: { name: string; patch: Partial<MoveInput>; want: string[] }[] = [
    { name: 'a plain SKU', patch: {}, want: ['A1:-:-:-2', 'C1:-:-:2'] },
    { name: 'all of it', patch: { qty: 5, to: A2 }, want: ['A1:-:-:-5', 'A2:-:-:5'] },
    { name: 'a lot, earliest expiry first', patch: { skuId: 'tea', lot: 'L1', qty: 2 }, want: ['A1:L1:2027-01-01:-2', 'C1:L1:2027-01-01:2'] },
    {
      name: 'a lot across two expiries',
      patch: { skuId: 'tea', lot: 'L1', qty: 5 },
      want: ['A1:L1:2027-01-01:-3', 'C1:L1:2027-01-01:3', 'A1:L1:2027-03-01:-2', 'C1:L1:2027-03-01:2'],
    },
    { name: 'one expiry of a lot', patch: { skuId: 'tea', lot: 'L1', expiry: '2027-03-01', qty: 4 }, want: ['A1:L1:2027-03-01:-4', 'C1:L1:2027-03-01:4'] },
    { name: 'a lot typed in lower case', patch: { skuId: 'tea', lot: ' l2 ', qty: 9 }, want: ['A1:L2:2027-06-01:-9', 'C1:L2:2027-06-01:9'] },
    { name: 'duplicate rows are one balance', patch: { balances: [h('A1', 'mug', -1), h('A1', 'mug', 3)], qty: 2 }, want: ['A1:-:-:-2', 'C1:-:-:2'] },
    { name: 'putaway from the dock', patch: { from: RCV, to: A1, qty: 12, reason: 'putaway' }, want: ['RCV:-:-:-12', 'A1:-:-:12'] },
  ];
  for (const c of table) {
    it(c.name, () => {
      const r = validateMove({ ...base, ...c.patch });
      if (!r.ok) throw new Error(r.code);
      expect(r.movements.map((m) => `${m.locationId}:${m.lot ?? '-'}:${m.expiry ?? '-'}:${m.delta}`)).toEqual(c.want);
      expect(r.movements.reduce((n, m) => n + m.delta, 0)).toBe(0);
      expect(r.movements.every((m) => m.containerCode === null && m.skuId === (c.patch.skuId ?? 'mug') && m.reason === (c.patch.reason ?? 'move'))).toBe(true);
    });
  }
});
