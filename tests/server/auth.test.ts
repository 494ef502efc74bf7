import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from './helpers/backends';
import { login, startHarness, type Harness } from './helpers/harness';

describe.each(BACKENDS)('auth on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(kind, { loginPerMinute: 8 });
  });
  afterAll(async () => h?.close());

  const attempt = (badge: string, pin: string, deviceId = 'dev-auth') =>
    h.app.inject({ method: 'POST', url: '/api/auth/login', payload: { badge, pin, deviceId } });

  it('signs in with badge and PIN and registers the device', async () => {
    const r = await attempt('u1001', '1234', 'dev-a1');
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.user).toEqual({ id: 'u-1001', name: 'Pat Picker', roles: ['picker'], language: 'en' });
    expect(body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const session = await h.db.db.selectFrom('sessions').selectAll().where('device_id', '=', 'dev-a1').executeTakeFirstOrThrow();
    expect(session.token_hash).not.toContain(body.token);
    const device = await h.db.db.selectFrom('devices').selectAll().where('id', '=', 'dev-a1').executeTakeFirstOrThrow();
    expect(device.user_id).toBe('u-1001');
    const me = await h.app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${body.token}` } });
    expect(me.json()).toMatchObject({ user: { id: 'u-1001' }, deviceId: 'dev-a1', warehouse: { name: 'Tote FC 1' } });
  });

  it('stores PINs as salted scrypt hashes', async () => {
    const rows = await h.db.db.selectFrom('users').select('pin_hash').execute();
    expect(rows.every((r) => r.pin_hash.startsWith('scrypt$'))).toBe(true);
    expect(new Set(rows.map((r) => r.pin_hash)).size).toBe(rows.length);
  });

  it('refuses unknown badges and wrong PINs alike', async () => {
    expect((await attempt('NOBODY', '1234')).json().error.code).toBe('INVALID_CREDENTIALS');
    const r = await attempt('U2001', '9999');
    expect(r.statusCode).toBe(401);
    expect(r.json().error.code).toBe('INVALID_CREDENTIALS');
  });

  it('locks a badge for 15 minutes after five wrong PINs, even against the right PIN', async () => {
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) codes.push((await attempt('U3001', '0000')).json().error.code);
    expect(codes).toEqual(['INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'BADGE_LOCKED']);
    const sixth = await attempt('U3001', '1234');
    expect(sixth.statusCode).toBe(423);
    expect(sixth.json().error.code).toBe('BADGE_LOCKED');
    const user = await h.db.db.selectFrom('users').selectAll().where('badge', '=', 'U3001').executeTakeFirstOrThrow();
    const minutes = (Date.parse(user.locked_until!) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(15);
    // When the lock has run out the right PIN works again.
    await h.db.db.updateTable('users').set({ locked_until: new Date(Date.now() - 1000).toISOString() }).where('badge', '=', 'U3001').execute();
    expect((await attempt('U3001', '1234')).statusCode).toBe(200);
  });

  it('rate-limits repeated sign-ins for one badge', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await attempt('U4001', '1234', `dev-rl-${i}`)).statusCode);
    expect(statuses.slice(0, 8).every((s) => s === 200)).toBe(true);
    const r = await attempt('U4001', '1234');
    expect(r.statusCode).toBe(429);
    expect(r.json().error.code).toBe('RATE_LIMITED');
  });

  it('requires a valid token everywhere but health, login and the OpenAPI document', async () => {
    for (const [method, url] of [
      ['GET', '/api/me'],
      ['GET', '/api/sync/pull'],
      ['POST', '/api/sync/push'],
      ['GET', '/api/sync/events'],
      ['POST', '/api/auth/logout'],
    ] as const) {
      for (const authorization of [undefined, 'Bearer nope', 'Basic dTpw', `Bearer ${'a'.repeat(43)}`]) {
        const r = await h.app.inject({ method, url, headers: authorization ? { authorization } : {} });
        expect(r.statusCode, `${method} ${url} ${authorization}`).toBe(401);
        expect(r.json().error.code).toBe('UNAUTHENTICATED');
      }
    }
    expect((await h.app.inject({ method: 'GET', url: '/api/health' })).json()).toEqual({ status: 'ok', version: '0.1.0', db: kind });
    const doc = await h.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(doc.json().openapi).toBe('3.1.0');
    expect(Object.keys(doc.json().paths)).toContain('/api/sync/push');
  });

  it('revokes the token at logout', async () => {
    const token = await login(h.app, 'U9001', 'dev-logout');
    const auth = { authorization: `Bearer ${token}` };
    expect((await h.app.inject({ method: 'POST', url: '/api/auth/logout', headers: auth })).statusCode).toBe(204);
    expect((await h.app.inject({ method: 'GET', url: '/api/me', headers: auth })).statusCode).toBe(401);
  });
});
