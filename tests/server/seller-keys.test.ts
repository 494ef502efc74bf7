import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SELLER_RATE_PER_MINUTE } from '../../src/server/auth/seller-keys';
import { BACKENDS } from './helpers/backends';
import { login, startHarness, type Harness } from './helpers/harness';

describe.each(BACKENDS)('sellers\' API keys on %s', (kind) => {
  let h: Harness;
  let admin: string;
  let lead: string;
  let sellers: string[];
  beforeAll(async () => {
    h = await startHarness(kind);
    admin = await login(h.app, 'U9001', 'dev-admin');
    lead = await login(h.app, 'U5001', 'dev-lead');
    sellers = (await h.db.db.selectFrom('sellers').select('id').orderBy('id').execute()).map((r) => r.id);
  });
  afterAll(async () => h?.close());

  const make = async (sellerId: string, token = admin) =>
    h.app.inject({ method: 'POST', url: '/api/admin/seller-keys', headers: { authorization: `Bearer ${token}` }, payload: { sellerId, name: 'shop integration' } });
  const me = (key: string, header: 'bearer' | 'x-api-key' = 'bearer') =>
    h.app.inject({ method: 'GET', url: '/api/seller/v1/me', headers: header === 'bearer' ? { authorization: `Bearer ${key}` } : { 'x-api-key': key } });

  it('an admin makes a key, shown once and kept only as a hash; it speaks for its seller alone', async () => {
    expect(sellers.length).toBeGreaterThanOrEqual(2);
    const r = await make(sellers[0]!);
    expect(r.statusCode).toBe(201);
    const { key, id, prefix } = r.json() as { key: string; id: string; prefix: string };
    expect(key).toMatch(/^tote_sk_[0-9a-f]{12}_[A-Za-z0-9_-]{32}$/);
    const stored = await h.db.db.selectFrom('seller_api_keys').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain(key.slice(-32));
    expect(stored.prefix).toBe(prefix);
    for (const how of ['bearer', 'x-api-key'] as const) {
      const who = await me(key, how);
      expect(who.statusCode).toBe(200);
      expect(who.json()).toMatchObject({ sellerId: sellers[0] });
    }
    const list = await h.app.inject({ method: 'GET', url: `/api/admin/seller-keys?sellerId=${sellers[0]}`, headers: { authorization: `Bearer ${admin}` } });
    expect(list.body).not.toContain(key.slice(-32));
    expect((list.json() as { keys: { id: string }[] }).keys.map((k) => k.id)).toContain(id);
  });

  it('refuses keys that are malformed, unknown, altered or revoked, and floor tokens, with 401 and a code', async () => {
    const { key, id } = (await make(sellers[1]!)).json() as { key: string; id: string };
    const altered = key.slice(0, -1) + (key.endsWith('A') ? 'B' : 'A');
    for (const bad of ['', 'nope', altered, `tote_sk_000000000000_${'x'.repeat(32)}`, admin]) {
      const r = await me(bad);
      expect(r.statusCode).toBe(401);
      expect(r.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    }
    expect((await me(key)).statusCode).toBe(200);
    const revoke = await h.app.inject({ method: 'DELETE', url: `/api/admin/seller-keys/${id}`, headers: { authorization: `Bearer ${admin}` } });
    expect(revoke.statusCode).toBe(200);
    expect((await me(key)).statusCode).toBe(401);
    // A key never opens the floor's API.
    const floor = await h.app.inject({ method: 'GET', url: '/api/seller-events', headers: { authorization: `Bearer ${key}` } });
    expect(floor.statusCode).toBe(401);
  });

  it('only an admin manages keys; bad bodies and foreign ids change nothing', async () => {
    const before = await h.db.db.selectFrom('seller_api_keys').select('id').execute();
    expect((await make(sellers[0]!, lead)).statusCode).toBe(403);
    expect((await make('sel-nobody')).statusCode).toBe(404);
    for (const payload of [{}, { sellerId: sellers[0] }, { sellerId: sellers[0], name: '' }, { sellerId: sellers[0], name: 'a\u0000b' }, { sellerId: sellers[0], name: 'x', extra: 1 }]) {
      const r = await h.app.inject({ method: 'POST', url: '/api/admin/seller-keys', headers: { authorization: `Bearer ${admin}` }, payload });
      expect(r.statusCode).toBe(400);
    }
    expect((await h.app.inject({ method: 'DELETE', url: '/api/admin/seller-keys/nope', headers: { authorization: `Bearer ${admin}` } })).statusCode).toBe(404);
    expect(await h.db.db.selectFrom('seller_api_keys').select('id').execute()).toHaveLength(before.length);
  });

  it('is in the OpenAPI description', async () => {
    const doc = (await h.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, unknown>; components: { securitySchemes: Record<string, unknown> } };
    for (const p of ['/api/admin/seller-keys', '/api/admin/seller-keys/{id}', '/api/seller/v1/me']) expect(doc.paths).toHaveProperty([p]);
    expect(Object.keys(doc.components.securitySchemes)).toEqual(expect.arrayContaining(['sellerKey', 'sellerKeyHeader']));
  });

  it('rate-limits per key: one key over its limit gets 429 with a code, another key is untouched', async () => {
    const a = ((await make(sellers[0]!)).json() as { key: string }).key;
    const b = ((await make(sellers[0]!)).json() as { key: string }).key;
    const codes: number[] = [];
    for (let i = 0; i <= SELLER_RATE_PER_MINUTE; i++) codes.push((await me(a)).statusCode);
    expect(codes.slice(0, SELLER_RATE_PER_MINUTE).every((c) => c === 200)).toBe(true);
    const over = await me(a);
    expect(over.statusCode).toBe(429);
    expect(over.json()).toMatchObject({ error: { code: 'RATE_LIMITED' } });
    expect((await me(b)).statusCode).toBe(200);
  });
});
