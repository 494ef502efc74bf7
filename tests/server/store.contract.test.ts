import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGtin14 } from '../../src/domain/scan/gtin';
import { migrate, MIGRATIONS } from '../../src/server/db/migrate';
import { DEMO_WAVE_CODE, seedIfEmpty } from '../../src/server/db/seed';
import { currentVersion, VersionClock } from '../../src/server/db/version';
import { createReleasedWave } from '../../src/server/services/fixtures';
import { BACKENDS, freshDatabase, type TestDb } from './helpers/backends';
import { digest } from './helpers/harness';

/** The same assertions against every store: what the rest of the server relies on. */
describe.each(BACKENDS)('store contract on %s', (kind) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await freshDatabase(kind);
  });
  afterAll(async () => t?.destroy());
  const db = () => t.db.db;

  it('migrates an empty database once and records it', async () => {
    expect(t.db.kind).toBe(kind);
    expect(await migrate(db(), kind)).toEqual(MIGRATIONS.map((m) => m.name));
    expect(await migrate(db(), kind)).toEqual([]);
    const rows = await db().selectFrom('tote_migrations').select('name').execute();
    expect(rows.map((r) => r.name)).toEqual(MIGRATIONS.map((m) => m.name));
    expect(await currentVersion(db())).toBe(0);
  });

  it('seeds the demo warehouse once and never again', async () => {
    expect(await seedIfEmpty(db())).toBe(true);
    const before = await digest(t);
    expect(await seedIfEmpty(db())).toBe(false);
    expect(await digest(t)).toBe(before);
  });

  it('seeds what the contracts promise', async () => {
    const count = async (table: 'locations' | 'skus' | 'totes' | 'orders' | 'users' | 'sellers') =>
      Number((await db().selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    expect(await count('sellers')).toBe(3);
    // The catalogue's 200 SKUs, 300 totes and 100 orders, plus the picking demo's (seed-cluster.ts)
    // and the packing demo's (seed-pack.ts).
    expect(await count('skus')).toBe(207);
    expect(await count('totes')).toBe(305);
    expect(await count('orders')).toBe(106);
    expect(await count('users')).toBe(7);
    expect(await count('locations')).toBeGreaterThanOrEqual(500);
    const bins = await db().selectFrom('locations').selectAll().where('type', 'in', ['pick_face', 'reserve']).orderBy('walk_seq').execute();
    for (const b of bins) expect(b.code).toMatch(/^[A-C]\d{2}-\d{2}-\d$/);
    // Serpentine: within a zone, odd aisles walk bays up and even aisles walk them down.
    for (let i = 1; i < bins.length; i++) {
      const [a, b] = [bins[i - 1]!, bins[i]!];
      expect(b.walk_seq).toBeGreaterThan(a.walk_seq);
      if (a.zone === b.zone && a.aisle === b.aisle && a.bay !== b.bay) {
        expect(Math.sign(b.bay! - a.bay!)).toBe(a.aisle! % 2 === 1 ? 1 : -1);
      }
    }
    const barcodes = await db().selectFrom('sku_barcodes').selectAll().execute();
    for (const b of barcodes) expect(toGtin14(b.value)).toBe(b.value);
    expect(barcodes.some((b) => b.value.startsWith('00'))).toBe(true); // UPC-A items
    expect(barcodes.some((b) => b.kind === 'case' && b.pack_qty > 1 && !b.value.startsWith('0'))).toBe(true);
    const wave = await db().selectFrom('waves').selectAll().where('code', '=', DEMO_WAVE_CODE).executeTakeFirstOrThrow();
    expect([wave.status, wave.assigned_user_id]).toEqual(['released', 'u-1001']);
    const tasks = await db().selectFrom('pick_tasks').selectAll().where('wave_id', '=', wave.id).orderBy('id').execute();
    expect(tasks.length).toBeGreaterThanOrEqual(20);
    expect(tasks.length).toBeLessThanOrEqual(30);
    expect(tasks.map((x) => x.walk_seq)).toEqual([...tasks.map((x) => x.walk_seq)].sort((a, b) => a - b));
    expect(tasks.filter((x) => x.qty >= 2 && x.qty <= 5).length).toBeGreaterThanOrEqual(2);
    const orders = new Set(tasks.map((x) => x.order_id));
    expect(orders.size).toBeGreaterThanOrEqual(8);
    expect(orders.size).toBeLessThanOrEqual(12);
  });

  it('hands out versions in order and rolls them back with the transaction', async () => {
    const start = await currentVersion(db());
    const v = await db().transaction().execute(async (trx) => {
      const c = await VersionClock.begin(trx);
      c.tick();
      const last = c.tick();
      await c.finish(trx);
      return last;
    });
    expect(v).toBe(start + 2);
    await expect(
      db().transaction().execute(async (trx) => {
        const c = await VersionClock.begin(trx);
        c.tick();
        await c.finish(trx);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await currentVersion(db())).toBe(start + 2);
  });

  it('serialises concurrent writers on the version counter', async () => {
    const start = await currentVersion(db());
    const runs = await Promise.all(
      Array.from({ length: 8 }, () =>
        db().transaction().execute(async (trx) => {
          const c = await VersionClock.begin(trx);
          const first = c.tick();
          await new Promise((r) => setTimeout(r, 5));
          const last = c.tick();
          await c.finish(trx);
          return [first, last] as const;
        }),
      ),
    );
    const all = runs.flat().sort((a, b) => a - b);
    expect(new Set(all).size).toBe(16);
    expect(all[0]).toBe(start + 1);
    expect(all[15]).toBe(start + 16);
  });

  it('enforces the exactly-once backstops: mutation id and device+seq are unique', async () => {
    await db()
      .insertInto('devices')
      .values({ id: 'dev-store', warehouse_id: 'wh-fc1', user_id: null, name: null, app_version: null, last_seen: 'x', last_seq: 0, created_at: 'x' })
      .execute();
    const row = { id: 'm-1', device_id: 'dev-store', seq: 1, name: 'pick.confirm', args: '{}', args_version: 1, user_id: 'u-1001', status: 'applied', code: null, message: null, result: '{}', version: 1, created_at: 'x', received_at: 'x', wave_id: null };
    await db().insertInto('mutations').values(row).execute();
    await expect(db().insertInto('mutations').values({ ...row, seq: 2 }).execute()).rejects.toThrow();
    await expect(db().insertInto('mutations').values({ ...row, id: 'm-2' }).execute()).rejects.toThrow();
  });

  it('keeps the ledger append-only in meaning: balances are sums, one place per row', async () => {
    const bal = await db()
      .selectFrom('stock_ledger')
      .select((eb) => eb.fn.sum<number>('delta').as('n'))
      .where('reason', '=', 'seed')
      .executeTakeFirstOrThrow();
    expect(Number(bal.n)).toBeGreaterThan(0);
    await expect(
      db()
        .insertInto('stock_ledger')
        .values({ id: 'bad', warehouse_id: 'wh-fc1', location_id: null, container_code: null, sku_id: 'sku-LUMA-0001', lot: null, expiry: null, delta: 1, reason: 'adjust', mutation_id: null, created_at: 'x' })
        .execute(),
    ).rejects.toThrow();
  });

  it('round-trips JSON text and hostile strings as parameters', async () => {
    const weird = `'; DROP TABLE users; -- <b>é𝕋🧺</b> \\ "`;
    await db().updateTable('sellers').set({ rules: JSON.stringify({ note: weird }) }).where('id', '=', 'seller-luma').execute();
    const s = await db().selectFrom('sellers').select('rules').where('id', '=', 'seller-luma').executeTakeFirstOrThrow();
    expect(JSON.parse(s.rules)).toEqual({ note: weird });
    const n = await sql<{ n: number }>`select count(*) as n from users`.execute(db());
    expect(Number(n.rows[0]!.n)).toBe(7);
  });

  it('creates a large released wave for benchmarks', async () => {
    const { waveId, taskIds } = await createReleasedWave(db(), { code: 'W-BENCH', assignedUserId: 'u-1001', tasks: 1000 });
    expect(taskIds).toHaveLength(1000);
    const w = await db().selectFrom('waves').selectAll().where('id', '=', waveId).executeTakeFirstOrThrow();
    expect([w.status, w.assigned_user_id]).toEqual(['released', 'u-1001']);
  });
});
