import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PullResponse } from '../../src/domain/sync';
import { VersionClock } from '../../src/server/db/version';
import { BACKENDS } from './helpers/backends';
import { Device, PAT, pickArgs, startHarness, tasksOf, WAVE_ID, type Harness } from './helpers/harness';

type Changes = PullResponse['changes'];
/** Rows other than bin stock, which is resent whole per SKU (stock.ts) and checked on its own. */
const rowsOf = (c: Changes) => Object.entries(c).filter(([k]) => k !== 'stock').map(([, rows]) => rows);
const count = (c: Changes) => rowsOf(c).reduce((n, rows) => n + rows.length, 0);
const allVersions = (c: Changes) => Object.values(c).flatMap((rows) => rows.map((r: { version: number }) => r.version));

describe.each(BACKENDS)('sync pull on %s', (kind) => {
  let h: Harness;
  let d: Device;
  beforeAll(async () => {
    h = await startHarness(kind);
    d = await Device.signIn(h.app, 'U1001', PAT);
  });
  afterAll(async () => h?.close());

  const pull = async (cursor: number, limit = 5000) => {
    const r = await d.get(`/api/sync/pull?cursor=${cursor}&limit=${limit}`);
    expect(r.statusCode).toBe(200);
    return r.json() as PullResponse;
  };

  it('sends the whole warehouse on first sync', async () => {
    const p = await pull(0);
    expect(p.hasMore).toBe(false);
    expect(p.changes.locations).toHaveLength(514);
    expect(p.changes.skus).toHaveLength(207);
    expect(p.changes.totes).toHaveLength(305);
    expect(p.changes.users).toHaveLength(7);
    expect(p.changes.waves.map((w) => w.code)).toEqual(['W-0001', 'W-0002', 'W-0003']);
    expect(p.changes.tasks.length).toBeGreaterThanOrEqual(20);
    expect(p.changes.skus.every((s) => s.barcodes.some((b) => b.kind === 'gtin' && b.value.length === 14))).toBe(true);
    expect(JSON.stringify(p.changes.users)).not.toContain('pin');
  });

  it('pages across tables by version without losing or repeating a row', async () => {
    const full = await pull(0);
    const seen = new Map<string, number>();
    const stock = new Map<string, number>();
    let cursor = 0;
    let pages = 0;
    for (;;) {
      const p = await pull(cursor, 97);
      pages += 1;
      for (const v of allVersions(p.changes)) expect(v).toBeGreaterThan(cursor);
      if (p.hasMore) for (const v of allVersions(p.changes)) expect(v).toBeLessThanOrEqual(p.cursor);
      // A page holds at most `limit` changes, even when one table alone has more left than that.
      expect(new Set(rowsOf(p.changes).flatMap((rows) => rows.map((r: { version: number }) => r.version))).size).toBeLessThanOrEqual(97);
      for (const s of p.changes.stock) stock.set(s.id, s.qty);
      for (const [table, rows] of Object.entries(p.changes).filter(([k]) => k !== 'stock')) {
        for (const r of rows as { id: string }[]) {
          const key = `${table}:${r.id}`;
          seen.set(key, (seen.get(key) ?? 0) + 1);
        }
      }
      cursor = p.cursor;
      if (!p.hasMore) break;
      expect(pages).toBeLessThan(100);
    }
    expect(pages).toBeGreaterThan(5);
    expect(seen.size).toBe(count(full.changes));
    expect([...seen.values()].every((n) => n === 1)).toBe(true);
    expect(stock).toEqual(new Map(full.changes.stock.map((s) => [s.id, s.qty])));
    expect(cursor).toBe(full.cursor);
  });

  it('splits one table\'s run of changes into pages of the limit when no other table has any', async () => {
    const base = await pull(0);
    await h.db.db.transaction().execute(async (trx) => {
      const clock = await VersionClock.begin(trx);
      const ids = (await trx.selectFrom('locations').select('id').orderBy('id').limit(250).execute()).map((r) => r.id);
      for (const id of ids) await trx.updateTable('locations').set({ version: clock.tick() }).where('id', '=', id).execute();
      await clock.finish(trx);
    });
    const sizes: number[] = [];
    let cursor = base.cursor;
    for (;;) {
      const p = await pull(cursor, 97);
      sizes.push(p.changes.locations.length);
      cursor = p.cursor;
      if (!p.hasMore) break;
      expect(sizes.length).toBeLessThan(10);
    }
    expect(sizes).toEqual([97, 97, 56]);
  });

  it('returns exactly the rows changed after a cursor', async () => {
    const base = await pull(0);
    const empty = await pull(base.cursor);
    expect(count(empty.changes)).toBe(0);
    expect(empty.cursor).toBe(base.cursor);
    const t = (await tasksOf(h)).find((x) => x.status === 'open')!;
    await d.push([d.command('pick.confirm', pickArgs(t.id, t.qty, 'T0150'))]);
    const after = await pull(base.cursor);
    expect(after.changes.tasks.map((x) => [x.id, x.pickedQty, x.toteCode])).toEqual([[t.id, t.qty, 'T0150']]);
    expect(after.changes.waves.map((w) => [w.id, w.status])).toEqual([[WAVE_ID, 'picking']]);
    expect(count(after.changes)).toBe(2);
    // The picked SKU's balances come again (the wave changed too, so its SKUs all do).
    expect(after.changes.stock.some((s) => s.skuId === t.sku_id && s.locationId === t.location_id)).toBe(true);
    expect(after.cursor).toBeGreaterThan(base.cursor);
    expect(after.lastSeq).toBe(d.seq);
    expect(count((await pull(after.cursor)).changes)).toBe(0);
    expect((await pull(after.cursor)).changes.stock).toEqual([]);
  });

  it('validates the query', async () => {
    for (const q of ['cursor=-1', 'cursor=abc', 'limit=0', 'limit=999999', 'cursor=1&extra=1', 'cursor=1e400']) {
      const r = await d.get(`/api/sync/pull?${q}`);
      expect(r.statusCode, q).toBe(400);
      expect(r.json().error.code).toBe('VALIDATION_FAILED');
    }
    const big = await d.get(`/api/sync/pull?cursor=${Number.MAX_SAFE_INTEGER}`);
    expect(big.statusCode).toBe(200);
    expect(count((big.json() as PullResponse).changes)).toBe(0);
  });
});
