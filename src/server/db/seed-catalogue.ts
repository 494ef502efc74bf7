import { gs1CheckDigit } from '../../domain/scan/gtin';
import type { Rng } from './rng';

/** The demo warehouse's fixed data, built in memory from a seeded PRNG (no I/O here). */

export const WAREHOUSE = { id: 'wh-fc1', code: 'FC1', name: 'Tote FC 1' } as const;

export const DEMO_USERS = [
  { id: 'u-1001', name: 'Pat Picker', badge: 'U1001', roles: ['picker'], language: 'en' },
  { id: 'u-1002', name: 'Pilar Recogedora', badge: 'U1002', roles: ['picker'], language: 'es' },
  { id: 'u-2001', name: 'Paco Packer', badge: 'U2001', roles: ['packer'], language: 'en' },
  { id: 'u-3001', name: 'Rita Receiver', badge: 'U3001', roles: ['receiver'], language: 'en' },
  { id: 'u-4001', name: 'Rosa Returns', badge: 'U4001', roles: ['returns'], language: 'es' },
  { id: 'u-5001', name: 'Lee Lead', badge: 'U5001', roles: ['lead'], language: 'en' },
  { id: 'u-9001', name: 'Ada Admin', badge: 'U9001', roles: ['admin'], language: 'en' },
] as const;
export const DEMO_PIN = '1234';

export interface SeedLocation {
  id: string;
  code: string;
  zone: string;
  type: string;
  aisle: number | null;
  bay: number | null;
  level: number | null;
  walkSeq: number;
  capacity: number | null;
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** Pick faces A and B, reserve C; serpentine: odd aisles walk bays up, even aisles down. */
export function buildLocations(): SeedLocation[] {
  const zones = [
    { zone: 'A', type: 'pick_face', aisles: 6, bays: 10, levels: 3, capacity: 200 },
    { zone: 'B', type: 'pick_face', aisles: 6, bays: 10, levels: 3, capacity: 200 },
    { zone: 'C', type: 'reserve', aisles: 4, bays: 9, levels: 4, capacity: 2000 },
  ];
  const out: SeedLocation[] = [];
  let walk = 0;
  for (const z of zones) {
    for (let aisle = 1; aisle <= z.aisles; aisle++) {
      const bays = Array.from({ length: z.bays }, (_, i) => i + 1);
      if (aisle % 2 === 0) bays.reverse();
      for (const bay of bays) {
        for (let level = 1; level <= z.levels; level++) {
          walk += 10;
          const code = `${z.zone}${pad(aisle, 2)}-${pad(bay, 2)}-${level}`;
          out.push({ id: `loc-${code}`, code, zone: z.zone, type: z.type, aisle, bay, level, walkSeq: walk, capacity: z.capacity });
        }
      }
    }
  }
  const specials: [string, string, string][] = [
    ['RCV-01', 'R', 'receiving_dock'],
    ['RCV-02', 'R', 'receiving_dock'],
    ['PACK-01', 'P', 'pack_bench'],
    ['PACK-02', 'P', 'pack_bench'],
    ['PACK-03', 'P', 'pack_bench'],
    ['PACK-04', 'P', 'pack_bench'],
    ['RET-01', 'R', 'returns'],
    ['DMG-01', 'D', 'damaged'],
    ['SHIP-01', 'S', 'shipping_dock'],
    ['SHIP-02', 'S', 'shipping_dock'],
  ];
  for (const [code, zone, type] of specials) {
    walk += 10;
    out.push({ id: `loc-${code}`, code, zone, type, aisle: null, bay: null, level: null, walkSeq: walk, capacity: null });
  }
  return out;
}

export interface SeedSeller {
  id: string;
  code: string;
  name: string;
  rules: Record<string, unknown>;
  /** GS1 company prefix; 12-digit GTINs (UPC-A) when it starts with 0. */
  prefix: string;
  gtinLength: 12 | 13;
  products: readonly string[];
  variants: readonly string[];
  count: number;
  lotTracked: boolean;
  dims: [number, number, number, number]; // max length, width, height mm, weight g
}

export const SELLERS: readonly SeedSeller[] = [
  {
    id: 'seller-luma',
    code: 'LUMA',
    name: 'Luma Skin Co.',
    rules: { returns: 'restock_if_sealed', label: 'zpl', lotExpiry: 'fefo' },
    prefix: '506123456',
    gtinLength: 13,
    products: ['Hydrating Serum', 'Vitamin C Serum', 'Gel Cleanser', 'Night Cream', 'SPF 50 Fluid', 'Clay Mask', 'Lip Balm', 'Toner Mist', 'Eye Cream', 'Body Lotion', 'Retinol Oil', 'Hand Cream', 'Micellar Water', 'Face Scrub'],
    variants: ['15 ml', '30 ml', '50 ml', '100 ml', 'Travel Size'],
    count: 70,
    lotTracked: true,
    dims: [60, 50, 150, 350],
  },
  {
    id: 'seller-nord',
    code: 'NORD',
    name: 'Nordkit Outdoor',
    rules: { returns: 'inspect', label: 'pdf', lotExpiry: 'none' },
    prefix: '0841234',
    gtinLength: 12,
    products: ['Merino Beanie', 'Trail Socks', 'Packable Jacket', 'Fleece Gloves', 'Dry Bag 10L', 'Head Torch', 'Camp Mug', 'Neck Gaiter', 'Rain Poncho', 'Trek Pole Tips', 'Base Layer Top', 'Bottle 750 ml', 'First Aid Pouch', 'Bivvy Sack'],
    variants: ['S Black', 'M Black', 'L Olive', 'M Sand', 'One Size'],
    count: 70,
    lotTracked: false,
    dims: [400, 300, 120, 900],
  },
  {
    id: 'seller-bean',
    code: 'BEAN',
    name: 'Bright Bean Coffee',
    rules: { returns: 'dispose', label: 'zpl', lotExpiry: 'fefo' },
    prefix: '843700112',
    gtinLength: 13,
    products: ['Ethiopia Yirgacheffe', 'Colombia Huila', 'Brazil Cerrado', 'House Espresso', 'Decaf Swiss Water', 'Kenya AA', 'Guatemala Antigua', 'Sumatra Mandheling', 'Cold Brew Pack', 'Breakfast Blend', 'Drip Bags x10', 'Chai Spice Blend'],
    variants: ['Whole Bean 250 g', 'Ground 250 g', 'Whole Bean 1 kg', 'Capsules x20', 'Ground 500 g'],
    count: 60,
    lotTracked: true,
    dims: [200, 120, 80, 1100],
  },
];

export interface SeedSku {
  id: string;
  sellerId: string;
  code: string;
  name: string;
  gtin14: string;
  caseGtin14: string | null;
  casePackQty: number;
  dims: [number, number, number, number];
  lotTracked: boolean;
  expiryTracked: boolean;
  lowStockThreshold: number;
}

/** Unit GTIN (12 or 13 digits with check digit) padded to GTIN-14. */
export function makeGtin(prefix: string, length: 12 | 13, item: number): string {
  const body = prefix + pad(item, length - 1 - prefix.length);
  return (body + gs1CheckDigit(body)).padStart(14, '0');
}

/** Case GTIN-14: indicator digit + the unit's first 12 digits (of its 13) + a new check digit. */
export function caseGtin(unit14: string, indicator = 1): string {
  const body = String(indicator) + unit14.slice(1, 13);
  return body + gs1CheckDigit(body);
}

export function buildSkus(rng: Rng): SeedSku[] {
  const out: SeedSku[] = [];
  for (const s of SELLERS) {
    const names = s.products.flatMap((p) => s.variants.map((v) => `${p} ${v}`));
    const chosen = rng.shuffle(names).slice(0, s.count).sort();
    chosen.forEach((name, i) => {
      const n = i + 1;
      const [l, w, h, g] = s.dims;
      const hasCase = rng.chance(0.35);
      const casePackQty = hasCase ? rng.pick([6, 12, 24]) : 1;
      const gtin14 = makeGtin(s.prefix, s.gtinLength, n);
      const tracked = s.lotTracked && (s.code === 'BEAN' ? n <= 10 : n <= 4);
      out.push({
        id: `sku-${s.code}-${pad(n, 4)}`,
        sellerId: s.id,
        code: `${s.code}-${pad(n, 4)}`,
        name,
        gtin14,
        caseGtin14: hasCase ? caseGtin(gtin14) : null,
        casePackQty,
        dims: [rng.int(Math.floor(l / 3), l), rng.int(Math.floor(w / 3), w), rng.int(Math.floor(h / 3), h), rng.int(Math.floor(g / 5), g)],
        lotTracked: tracked,
        expiryTracked: tracked,
        lowStockThreshold: rng.pick([5, 10, 20]),
      });
    });
  }
  return out;
}

const FIRST = ['Ava', 'Noah', 'Mia', 'Liam', 'Zoe', 'Ethan', 'Lucia', 'Omar', 'Grace', 'Kenji', 'Sofia', 'Mateo', 'Priya', 'Jonas', 'Chloe', 'Dev'];
const LAST = ['Nguyen', 'Garcia', 'Smith', 'Okafor', 'Rossi', 'Kim', 'Martin', 'Haddad', 'Novak', 'Silva', 'Brown', 'Ito'];
const STREETS = ['Maple Ave', 'Harbor St', 'Oak Ridge Rd', 'Sunset Blvd', 'Mill Ln', 'Cedar Ct', 'Lakeview Dr', 'Elm St'];
const CITIES: [string, string, string][] = [
  ['Austin', 'TX', '787'],
  ['Portland', 'OR', '972'],
  ['Columbus', 'OH', '432'],
  ['Denver', 'CO', '802'],
  ['Raleigh', 'NC', '276'],
  ['Madison', 'WI', '537'],
  ['Tucson', 'AZ', '857'],
  ['Albany', 'NY', '122'],
];
export const CARRIER_SERVICES = ['UPS Ground', 'USPS Priority Mail', 'FedEx Home Delivery', 'USPS Ground Advantage', 'DHL eCommerce'];

export function shipTo(rng: Rng) {
  const [city, state, zip3] = rng.pick(CITIES);
  return {
    name: `${rng.pick(FIRST)} ${rng.pick(LAST)}`,
    line1: `${rng.int(10, 9899)} ${rng.pick(STREETS)}`,
    city,
    region: state,
    postalCode: `${zip3}${pad(rng.int(1, 99), 2)}`,
    country: 'US',
  };
}
