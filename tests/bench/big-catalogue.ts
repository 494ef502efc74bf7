import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { DEFAULT_SQLITE_FILE } from '../../src/server/db/connect';
import { caseGtin, makeGtin, SELLERS, WAREHOUSE } from '../../src/server/db/seed-catalogue';

/**
 * A catalogue the size issue 6 budgets for (100,000 SKUs, 20,000 bins), written into a
 * prepared (migrated and demo-seeded) SQLite database before its server starts. Straight
 * on better-sqlite3 in one transaction with prepared statements: the query builder would
 * take most of a minute for the quarter-million rows, the bench's setup is not its subject.
 */

export const BIG_SKUS = 100_000;
export const BIG_BINS = 20_000;

// 4 zones x 50 aisles x 25 bays x 4 levels = 20,000; letters the demo's zones (A-D, P, R, S) do not use.
const ZONES = [
  { zone: 'E', type: 'pick_face', capacity: 200 },
  { zone: 'F', type: 'pick_face', capacity: 200 },
  { zone: 'G', type: 'reserve', capacity: 2000 },
  { zone: 'H', type: 'reserve', capacity: 2000 },
] as const;
const AISLES = 50;
const BAYS = 25;
const LEVELS = 4;
// A GS1 company prefix of our own (GTIN-13 "2" numbers are restricted circulation: no real product collides).
const PREFIX = '2000';
const pad = (n: number, w: number) => String(n).padStart(w, '0');
/** Bins 0..FACES-1 are the pick faces (zones E and F), the rest reserve. */
const FACES = 2 * AISLES * BAYS * LEVELS;

export const bigBinCode = (i: number): string => {
  const perZone = AISLES * BAYS * LEVELS;
  const z = ZONES[Math.floor(i / perZone)]!;
  const r = i % perZone;
  const aisle = Math.floor(r / (BAYS * LEVELS)) + 1;
  const bay = Math.floor((r % (BAYS * LEVELS)) / LEVELS) + 1;
  const level = (r % LEVELS) + 1;
  return `${z.zone}${pad(aisle, 2)}-${pad(bay, 2)}-${level}`;
};
export const bigSkuCode = (i: number): string => `BK-${pad(i + 1, 6)}`;
/** The unit barcode as printed (EAN-13); the database holds it as GTIN-14, like the demo's. */
export const bigGtin13 = (i: number): string => makeGtin(PREFIX, 13, i + 1).slice(1);
/** Every third SKU also has a case of 12 with its own GTIN-14. */
export const bigCaseGtin = (i: number): string | null => (i % 3 === 0 ? caseGtin(makeGtin(PREFIX, 13, i + 1)) : null);

export interface BigCatalogue {
  skus: number;
  bins: number;
  barcodes: number;
  /** Ledger rows of opening stock (a bin's contents, a SKU's bins). */
  ledger: number;
  /** The server's version counter after the catalogue: a device holding it has pulled everything. */
  head: number;
  seedMs: number;
}

/**
 * Adds the catalogue to `${dataDir}/tote.sqlite` (no server may hold it open meanwhile).
 * Each row gets its own version, as the demo seed's do, so pull pages can split it.
 */
export function seedBigCatalogue(dataDir: string): BigCatalogue {
  const t0 = Date.now();
  const sqlite = new SQLite(join(dataDir, DEFAULT_SQLITE_FILE));
  try {
    sqlite.pragma('journal_mode = WAL');
    const insLoc = sqlite.prepare(
      'insert into locations (id, warehouse_id, code, zone, type, aisle, bay, level, walk_seq, capacity, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const insSku = sqlite.prepare(
      'insert into skus (id, warehouse_id, seller_id, code, name, length_mm, width_mm, height_mm, weight_g, case_pack_qty, lot_tracked, expiry_tracked, serial_tracked, low_stock_threshold, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)',
    );
    const insBarcode = sqlite.prepare('insert into sku_barcodes (id, sku_id, value, kind, pack_qty) values (?, ?, ?, ?, ?)');
    const insStock = sqlite.prepare(
      "insert into stock_ledger (id, warehouse_id, location_id, container_code, sku_id, lot, expiry, delta, reason, mutation_id, created_at) values (?, ?, ?, null, ?, ?, ?, ?, 'seed', null, ?)",
    );
    const now = new Date().toISOString();
    let barcodes = 0;
    let ledger = 0;
    const head = sqlite.transaction(() => {
      let v = Number((sqlite.prepare('select value from server_version where id = 1').get() as { value: number }).value);
      const walk0 = Number((sqlite.prepare('select coalesce(max(walk_seq), 0) as w from locations').get() as { w: number }).w);
      for (let i = 0; i < BIG_BINS; i++) {
        const code = bigBinCode(i);
        const z = ZONES.find((x) => x.zone === code[0])!;
        const [aisle, bay, level] = [Number(code.slice(1, 3)), Number(code.slice(4, 6)), Number(code.slice(7))];
        insLoc.run(`loc-${code}`, WAREHOUSE.id, code, z.zone, z.type, aisle, bay, level, walk0 + (i + 1) * 10, z.capacity, ++v);
      }
      for (let i = 0; i < BIG_SKUS; i++) {
        const code = bigSkuCode(i);
        const seller = SELLERS[i % SELLERS.length]!;
        const kase = bigCaseGtin(i);
        const tracked = seller.lotTracked && i % 10 === 0 ? 1 : 0;
        insSku.run(`sku-${code}`, WAREHOUSE.id, seller.id, code, `Bench item ${i + 1}`, 40 + (i % 300), 30 + (i % 200), 20 + (i % 150), 50 + (i % 2000), kase ? 12 : 1, tracked, tracked, [5, 10, 20][i % 3]!, ++v);
        insBarcode.run(`bc-${code}-u`, `sku-${code}`, `0${bigGtin13(i)}`, 'gtin', 1);
        barcodes++;
        if (kase) {
          insBarcode.run(`bc-${code}-c`, `sku-${code}`, kase, 'case', 12);
          barcodes++;
        }
        // Stock, so a bin or a SKU looked up has contents: a pick face each (ten SKUs to a
        // face), every fourth SKU cases in reserve too; lots where tracked.
        const lot = tracked ? `L${pad(i % 997, 4)}` : null;
        const expiry = tracked ? `2027-${pad((i % 12) + 1, 2)}-15` : null;
        insStock.run(`bench-${++ledger}`, WAREHOUSE.id, `loc-${bigBinCode(i % FACES)}`, `sku-${code}`, lot, expiry, 10 + (i % 90), now);
        if (i % 4 === 0) insStock.run(`bench-${++ledger}`, WAREHOUSE.id, `loc-${bigBinCode(FACES + (i % FACES))}`, `sku-${code}`, lot, expiry, 48 + (i % 400), now);
      }
      sqlite.prepare('update server_version set value = ? where id = 1').run(v);
      return v;
    })();
    return { skus: BIG_SKUS, bins: BIG_BINS, barcodes, ledger, head, seedMs: Date.now() - t0 };
  } finally {
    sqlite.close();
  }
}
