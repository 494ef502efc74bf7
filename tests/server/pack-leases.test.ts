import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NumberLease } from '../../src/domain/packing/types';
import { WAREHOUSE } from '../../src/server/db/seed-catalogue';
import { BACKENDS } from './helpers/backends';
import { Device, digest, LEE, PAT, startHarness, type Harness } from './helpers/harness';
import { lease, PACO, postJson } from './helpers/pack';

describe.each(BACKENDS)('serial leases on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(kind);
  });
  afterAll(async () => h?.close());
  const db = () => h.db.db;

  it('gives each device its own blocks of the configured size, never overlapping, even asked at once', async () => {
    const a = await Device.signIn(h.app, 'U2001', PACO);
    const b = await Device.signIn(h.app, 'U5001', LEE);
    const got = await Promise.all([lease(a, 'tracking'), lease(b, 'tracking'), lease(a, 'tracking'), lease(b, 'sscc'), lease(a, 'sscc')]);
    for (const l of got) expect(l.last - l.first + 1).toBe(50);
    for (const k of ['tracking', 'sscc'] as const) {
      const mine = got.filter((l) => l.kind === k).sort((x, y) => x.first - y.first);
      for (let i = 1; i < mine.length; i++) expect(mine[i]!.first).toBeGreaterThan(mine[i - 1]!.last);
    }
    const list = async (d: Device) => ((await d.get('/api/pack/leases')).json() as { leases: NumberLease[] }).leases;
    expect((await list(a)).map((l) => l.id).sort()).toEqual([got[0]!, got[2]!, got[4]!].map((l) => l.id).sort());
    expect((await list(b)).map((l) => l.id).sort()).toEqual([got[1]!, got[3]!].map((l) => l.id).sort());
    const counter = await db().selectFrom('number_counters').select('next').where('kind', '=', 'tracking').executeTakeFirstOrThrow();
    expect(Number(counter.next)).toBe(151);
  });

  it('refuses pickers, unknown kinds and extra fields without writing anything', async () => {
    const picker = await Device.signIn(h.app, 'U1001', PAT);
    const packer = await Device.signIn(h.app, 'U2001', PACO);
    const before = await digest(h);
    const cases: [Device, unknown, number, string][] = [
      [picker, { kind: 'tracking' }, 403, 'FORBIDDEN'],
      [packer, { kind: 'pallet' }, 400, 'VALIDATION_FAILED'],
      [packer, { kind: 'sscc', first: 1 }, 400, 'VALIDATION_FAILED'],
      [packer, {}, 400, 'VALIDATION_FAILED'],
      [packer, { kind: "'; DROP TABLE number_leases; --" }, 400, 'VALIDATION_FAILED'],
    ];
    for (const [d, body, status, code] of cases) {
      const r = await postJson(d, '/api/pack/leases', body);
      expect([r.statusCode, (r.json() as { error: { code: string } }).error.code]).toEqual([status, code]);
    }
    expect((await picker.get('/api/pack/leases')).statusCode).toBe(403);
    const anon = await h.app.inject({ method: 'POST', url: '/api/pack/leases', payload: { kind: 'sscc' } });
    expect(anon.statusCode).toBe(401);
    expect(await digest(h)).toBe(before);
  });

  it('hands out the end of the range as a short block, then answers 409 LEASE_EXHAUSTED', async () => {
    await db().updateTable('number_counters').set({ next: 1000, last: 1019 }).where('warehouse_id', '=', WAREHOUSE.id).where('kind', '=', 'sscc').execute();
    const d = await Device.signIn(h.app, 'U2001', PACO);
    expect(await lease(d, 'sscc')).toMatchObject({ first: 1000, last: 1019 });
    const before = await digest(h);
    const r = await postJson(d, '/api/pack/leases', { kind: 'sscc' });
    expect(r.statusCode).toBe(409);
    expect((r.json() as { error: { code: string } }).error.code).toBe('LEASE_EXHAUSTED');
    expect(await digest(h)).toBe(before);
    // The other kind is not affected.
    const t = await lease(d, 'tracking');
    expect(t.last - t.first).toBe(49);
  });
});
