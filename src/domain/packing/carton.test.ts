import { describe, expect, it } from 'vitest';
import { boxFit, compareBoxes, suggestBox, type BoxFit, type CartonItem } from './carton';
import type { BoxType } from './types';

const box = (code: string, l: number, w: number, h: number, maxWeightG: number, tareG: number, active = true): BoxType => ({
  id: `bx-${code}`,
  code,
  name: code,
  innerLengthMm: l,
  innerWidthMm: w,
  innerHeightMm: h,
  maxWeightG,
  tareG,
  active,
  version: 1,
});

// Inner volumes: MINI 0.9 l (retired), MAILER 1.35 l, SMALL 3 l, TUBE 4.48 l, MEDIUM 15 l, LARGE 112 l.
const MINI = box('MINI', 200, 150, 30, 1_000, 30, false);
const MAILER = box('MAILER', 250, 180, 30, 1_000, 40);
const SMALL = box('SMALL', 200, 150, 100, 5_000, 120);
const TUBE = box('TUBE', 700, 80, 80, 10_000, 300);
const MEDIUM = box('MEDIUM', 300, 250, 200, 15_000, 250);
const LARGE = box('LARGE', 700, 400, 400, 30_000, 700);
// Out of order on purpose: the choice must not depend on the catalogue's order.
const CATALOGUE = [LARGE, TUBE, MINI, MEDIUM, SMALL, MAILER];
const config = { packingFactor: 1.5 };

const item = (l: number, w: number, h: number, weightG: number, qty = 1): CartonItem => ({ lengthMm: l, widthMm: w, heightMm: h, weightG, qty });
const phoneCase = (qty = 1) => item(160, 90, 15, 60, qty);
const mug = (qty = 1) => item(110, 90, 90, 350, qty);
const umbrella = item(60, 650, 60, 500);
const plate = (qty = 1) => item(150, 25, 150, 2_000, qty);

describe('suggestBox', () => {
  it.each<{ name: string; items: CartonItem[]; boxes?: BoxType[]; factor?: number; expected: string | null }>([
    { name: 'a single small item goes in the mailer', items: [phoneCase()], expected: 'MAILER' },
    { name: 'the retired mini box is skipped though it would fit', items: [phoneCase()], expected: 'MAILER' },
    { name: 'the mini box is chosen once it is active', items: [phoneCase()], boxes: [...CATALOGUE, { ...MINI, active: true }], expected: 'MINI' },
    { name: 'one mug is too tall for the mailer', items: [mug()], expected: 'SMALL' },
    { name: 'three mugs need more volume than the small box, and are too wide for the tube', items: [mug(3)], expected: 'MEDIUM' },
    { name: 'twenty mugs need the large box', items: [mug(20)], expected: 'LARGE' },
    { name: 'mixed items add up by volume', items: [phoneCase(4), mug(2)], expected: 'MEDIUM' },
    { name: 'a long thin item needs the tube', items: [umbrella], expected: 'TUBE' },
    { name: 'a long item with a mug is too wide for the tube and too long for the medium box', items: [umbrella, mug()], expected: 'LARGE' },
    { name: 'a heavy flat item is too heavy for the mailer', items: [plate()], expected: 'SMALL' },
    { name: 'three plates are too heavy for the small box', items: [plate(3)], expected: 'MEDIUM' },
    { name: 'eight plates are too heavy for the medium box', items: [plate(8)], expected: 'LARGE' },
    { name: 'an item longer than every box fits nothing', items: [item(900, 50, 50, 100)], expected: null },
    { name: 'too heavy for every box', items: [plate(15)], expected: null },
    { name: 'an empty item list needs no box', items: [], expected: null },
    { name: 'items with no units need no box', items: [mug(0)], expected: null },
    { name: 'no active boxes', items: [phoneCase()], boxes: [MINI], expected: null },
    { name: 'an empty catalogue', items: [phoneCase()], boxes: [], expected: null },
    // 6 phone cases: 1.296 l of goods; at 1.5 that is 1.944 l > the mailer's 1.35 l.
    { name: 'the packing factor leaves room for air', items: [phoneCase(6)], expected: 'SMALL' },
    { name: 'a factor of 1 packs tight', items: [phoneCase(6)], factor: 1, expected: 'MAILER' },
  ])('$name -> $expected', ({ items, boxes = CATALOGUE, factor, expected }) => {
    expect(suggestBox(items, boxes, { packingFactor: factor ?? config.packingFactor })?.code ?? null).toBe(expected);
  });

  it('breaks a volume tie by the lighter tare, then by code', () => {
    const heavy = box('B-HEAVY', 200, 150, 100, 5_000, 200);
    const lightB = box('B-LIGHT', 100, 300, 100, 5_000, 90);
    const lightA = box('A-LIGHT', 150, 100, 200, 5_000, 90);
    expect(suggestBox([mug()], [heavy, lightB, lightA], config)?.code).toBe('A-LIGHT');
    expect(suggestBox([mug()], [heavy, lightB], config)?.code).toBe('B-LIGHT');
    expect([heavy, lightB, lightA].sort(compareBoxes).map((b) => b.code)).toEqual(['A-LIGHT', 'B-LIGHT', 'B-HEAVY']);
  });

  it('does not reorder the catalogue it is given', () => {
    const boxes = [...CATALOGUE];
    suggestBox([mug()], boxes, config);
    expect(boxes).toEqual(CATALOGUE);
  });
});

describe('boxFit', () => {
  it.each<{ name: string; items: CartonItem[]; box: BoxType; expected: BoxFit }>([
    { name: 'fits', items: [mug()], box: SMALL, expected: { ok: true } },
    { name: 'fits in any orientation', items: [item(20, 240, 170, 10)], box: MAILER, expected: { ok: true } },
    // 200x150x100 box, goods 2,000,000 mm3 at 1.5 = exactly the inner volume.
    { name: 'volume exactly at capacity fits', items: [item(100, 100, 100, 10, 2)], box: SMALL, expected: { ok: true } },
    { name: 'weight exactly at the limit fits', items: [item(10, 10, 10, 880)], box: SMALL, expected: { ok: true } },
    { name: 'weight 1 g over the limit', items: [item(10, 10, 10, 4_881)], box: SMALL, expected: { ok: false, reason: 'weight', detail: { grossG: 5_001, maxWeightG: 5_000 } } },
    {
      name: 'volume 1 mm3 of air over',
      items: [item(100, 100, 100, 10, 2), item(1, 1, 1, 0)],
      box: SMALL,
      expected: { ok: false, reason: 'volume', detail: { neededMm3: 3_000_001.5, innerMm3: 3_000_000 } },
    },
    {
      name: 'an item too long',
      items: [mug(), umbrella],
      box: MEDIUM,
      expected: { ok: false, reason: 'dimension', detail: { item: 1, itemMm: [650, 60, 60], innerMm: [300, 250, 200] } },
    },
    {
      name: 'an item too thick for a mailer',
      items: [mug()],
      box: MAILER,
      expected: { ok: false, reason: 'dimension', detail: { item: 0, itemMm: [110, 90, 90], innerMm: [250, 180, 30] } },
    },
    // The small box has volume to spare for a thin rod, but the rod must lie along its longest side.
    {
      name: 'enough volume but the item is longer than the box',
      items: [item(10, 10, 260, 5)],
      box: SMALL,
      expected: { ok: false, reason: 'dimension', detail: { item: 0, itemMm: [260, 10, 10], innerMm: [200, 150, 100] } },
    },
    {
      name: 'dimension is reported before weight',
      items: [item(300, 10, 10, 9_000)],
      box: SMALL,
      expected: { ok: false, reason: 'dimension', detail: { item: 0, itemMm: [300, 10, 10], innerMm: [200, 150, 100] } },
    },
    {
      name: 'weight is reported before volume',
      items: [plate(3)],
      box: SMALL,
      expected: { ok: false, reason: 'weight', detail: { grossG: 6_120, maxWeightG: 5_000 } },
    },
    { name: 'an empty carton fits any box', items: [], box: MAILER, expected: { ok: true } },
  ])('$name', ({ items, box: b, expected }) => {
    expect(boxFit(items, b, config)).toEqual(expected);
  });

  it('agrees with suggestBox: the suggested box fits and every smaller active box does not', () => {
    const sets = [[phoneCase()], [mug(3)], [umbrella], [plate(3)], [phoneCase(4), mug(2)]];
    for (const items of sets) {
      const chosen = suggestBox(items, CATALOGUE, config)!;
      expect(boxFit(items, chosen, config)).toEqual({ ok: true });
      for (const smaller of CATALOGUE.filter((b) => b.active && compareBoxes(b, chosen) < 0)) {
        expect(boxFit(items, smaller, config).ok).toBe(false);
      }
    }
  });
});
