import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { SCHEMA_VERSION } from '../../src/domain/sync';
import { BACKENDS } from './helpers/backends';
import { digest, login, PAT, startHarness, WAVE_ID, type Harness } from './helpers/harness';

const SQL = "'; DROP TABLE users; --";
const HTML = '<script>alert(1)</script><img src=x onerror=alert(2)>';
const NUL = 'U1001\u0000admin';
const HUGE_UNICODE = '𝕋🧺'.repeat(20_000);
const LONE_SURROGATE = 'U1001\ud800';

function deep(n: number): string {
  return '['.repeat(n) + ']'.repeat(n);
}

interface Case {
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
  url: string;
  auth?: boolean;
  contentType?: string;
  body?: string;
  status?: number;
  code?: string;
}

const DEVICE = 'dev-bad-input';
const mutation = (over: Record<string, unknown> = {}) => ({
  id: uuidv7(),
  deviceId: DEVICE,
  seq: 1,
  name: 'pick.confirm',
  args: { waveId: WAVE_ID, taskId: 'task-W-0001-001', qty: 1, toteCode: 'T0001', assignmentEpoch: 1 },
  argsVersion: 1,
  userId: PAT,
  createdAt: new Date().toISOString(),
  ...over,
});
const push = (mutations: unknown[], over: Record<string, unknown> = {}) =>
  JSON.stringify({ deviceId: DEVICE, schemaVersion: SCHEMA_VERSION, appVersion: '1', mutations, ...over });
const loginBody = (over: Record<string, unknown>) => JSON.stringify({ badge: 'U1001', pin: '1234', deviceId: DEVICE, ...over });

const malformed = ['{', '{"badge":', '{"a":1,}', "{'a':1}", 'NaN', '\u0000', '{"a":1}{"b":2}', '\ufeff{"badge":"U1001"}'];
const wrongShapes = ['null', '[]', '"string"', '123', 'true', '{}', deep(5000)];

function cases(): Case[] {
  const out: Case[] = [];
  for (const [url, auth] of [
    ['/api/auth/login', false],
    ['/api/sync/push', true],
    ['/api/auth/logout', true],
  ] as const) {
    for (const body of malformed) out.push({ name: `malformed ${JSON.stringify(body).slice(0, 20)}`, method: 'POST', url, auth, body, status: 400 });
    for (const body of wrongShapes.filter((b) => !(url === '/api/auth/logout' && b === '{}'))) {
      out.push({ name: `wrong shape ${body.slice(0, 12)}`, method: 'POST', url, auth, body, status: 400 });
    }
    out.push({ name: 'text/plain', method: 'POST', url, auth, contentType: 'text/plain', body: 'hello', status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
    out.push({ name: 'form', method: 'POST', url, auth, contentType: 'application/x-www-form-urlencoded', body: 'badge=U1001', status: 415 });
    out.push({ name: 'xml', method: 'POST', url, auth, contentType: 'application/xml', body: '<a/>', status: 415 });
    out.push({ name: 'oversized', method: 'POST', url, auth, body: JSON.stringify({ badge: 'x'.repeat(1_100_000) }), status: 413, code: 'BODY_TOO_LARGE' });
    out.push({ name: 'prototype key', method: 'POST', url, auth, body: '{"__proto__":{"admin":true},"badge":"U1001"}', status: 400 });
    out.push({ name: 'NUL in value', method: 'POST', url, auth, body: JSON.stringify({ badge: NUL, pin: '1234', deviceId: 'd' }), status: 400 });
  }
  const login = [
    { badge: 123, pin: 1234, deviceId: null },
    { badge: 'U1001', pin: '12a4', deviceId: DEVICE },
    { badge: 'U1001', pin: '1234', deviceId: undefined },
    { badge: HUGE_UNICODE, pin: '1234', deviceId: DEVICE },
    { badge: '', pin: '1234', deviceId: DEVICE },
    { badge: 'U1001', pin: '1234', deviceId: DEVICE, role: 'admin' },
    { badge: 'U1001', pin: SQL, deviceId: DEVICE },
    { badge: 'U1001', pin: '1234', deviceId: 'd'.repeat(101) },
  ];
  login.forEach((b, i) => out.push({ name: `login shape ${i}`, method: 'POST', url: '/api/auth/login', body: loginBody(b), status: 400, code: 'VALIDATION_FAILED' }));
  for (const badge of [SQL, HTML, LONE_SURROGATE, "U1001' OR '1'='1", 'U1001;--']) {
    out.push({ name: `hostile badge ${badge.slice(0, 10)}`, method: 'POST', url: '/api/auth/login', body: loginBody({ badge }), status: 401, code: 'INVALID_CREDENTIALS' });
  }
  const pushes: [string, string, number, string][] = [
    ['unknown command', push([mutation({ name: SQL })]), 400, 'UNKNOWN_COMMAND'],
    ['html command', push([mutation({ name: HTML })]), 400, 'UNKNOWN_COMMAND'],
    ['bad args', push([mutation({ args: { waveId: SQL, taskId: 1 } })]), 400, 'VALIDATION_FAILED'],
    ['extra arg', push([mutation({ args: { ...mutation().args, admin: true } })]), 400, 'VALIDATION_FAILED'],
    ['args too long', push([mutation({ args: { ...mutation().args, taskId: SQL.repeat(10) } })]), 400, 'VALIDATION_FAILED'],
    ['huge unicode arg', push([mutation({ args: { ...mutation().args, toteCode: HUGE_UNICODE } })]), 400, 'VALIDATION_FAILED'],
    ['future argsVersion', push([mutation({ argsVersion: 99 })]), 400, 'UNSUPPORTED_ARGS_VERSION'],
    ['seq as string', push([mutation({ seq: '1' })]), 400, 'VALIDATION_FAILED'],
    ['seq zero', push([mutation({ seq: 0 })]), 400, 'VALIDATION_FAILED'],
    ['seq huge', push([mutation({ seq: 1e300 })]), 400, 'VALIDATION_FAILED'],
    ['id not uuid', push([mutation({ id: SQL })]), 400, 'VALIDATION_FAILED'],
    ['bad date', push([mutation({ createdAt: HTML })]), 400, 'VALIDATION_FAILED'],
    ['non-consecutive', push([mutation(), mutation({ seq: 3 })]), 400, 'VALIDATION_FAILED'],
    ['duplicate ids', push([mutation({ id: '0190a000-0000-7000-8000-000000000001' }), mutation({ id: '0190a000-0000-7000-8000-000000000001', seq: 2 })]), 400, 'VALIDATION_FAILED'],
    ['mutation for another device', push([mutation({ deviceId: 'other' })]), 400, 'VALIDATION_FAILED'],
    ['push for another device', push([], { deviceId: SQL }), 403, 'DEVICE_MISMATCH'],
    ['too many', push(Array.from({ length: 501 }, (_, i) => mutation({ seq: i + 1 }))), 400, 'VALIDATION_FAILED'],
    ['unknown field', push([], { admin: true }), 400, 'VALIDATION_FAILED'],
    ['future schema', push([], { schemaVersion: 999 }), 400, 'VALIDATION_FAILED'],
    ['gap', push([mutation({ seq: 42 })]), 409, 'SEQ_GAP'],
  ];
  for (const [name, body, status, code] of pushes) out.push({ name: `push ${name}`, method: 'POST', url: '/api/sync/push', auth: true, body, status, code });
  for (const q of ['cursor=' + encodeURIComponent(SQL), 'cursor=%00', 'limit=' + encodeURIComponent(HTML), 'cursor=1&cursor=2', 'cursor=1.5', 'cursor=' + '9'.repeat(400)]) {
    out.push({ name: `pull ${q.slice(0, 20)}`, method: 'GET', url: `/api/sync/pull?${q}`, auth: true, status: 400, code: 'VALIDATION_FAILED' });
  }
  for (const id of [SQL, HTML]) {
    out.push({ name: `wave picks ${id.slice(0, 10)}`, method: 'GET', url: `/api/waves/${encodeURIComponent(id)}/picks`, auth: true, status: 403, code: 'FORBIDDEN' });
  }
  // Over Fastify's parameter length the router answers 414 before any handler.
  out.push({ name: 'wave picks long id', method: 'GET', url: `/api/waves/${'x'.repeat(300)}/picks`, auth: true, status: 414, code: 'VALIDATION_FAILED' });
  out.push({ name: 'bad url encoding', method: 'GET', url: '/api/waves/%E0%A4%A/picks', auth: true, status: 400, code: 'VALIDATION_FAILED' });
  for (const [method, url] of [
    ['GET', '/api/nope'],
    ['POST', '/api/users'],
    ['DELETE', '/api/sync/push'],
    ['PUT', '/api/auth/login'],
    ['PATCH', '/api/me'],
    ['GET', `/api/${encodeURIComponent(SQL)}`],
    ['GET', '/api/../../etc/passwd'],
    ['GET', '/demo/nope'],
  ] as const) {
    out.push({ name: `unknown ${method} ${url.slice(0, 24)}`, method, url, auth: true, status: 404, code: 'NOT_FOUND' });
  }
  return out;
}

describe.each(BACKENDS)('bad input on %s', (kind) => {
  let h: Harness;
  let token: string;
  beforeAll(async () => {
    h = await startHarness(kind);
    token = await login(h.app, 'U1001', DEVICE);
  });
  afterAll(async () => h?.close());

  it.each(cases().map((c) => [c.name + ` (${c.method} ${c.url.slice(0, 30)})`, c] as const))('%s: 4xx with a code, nothing changed', async (_n, c) => {
    const before = await digest(h);
    const headers: Record<string, string> = {};
    if (c.auth) headers.authorization = `Bearer ${token}`;
    if (c.body !== undefined) headers['content-type'] = c.contentType ?? 'application/json';
    const r = await h.app.inject({ method: c.method, url: c.url, headers, ...(c.body !== undefined ? { payload: c.body } : {}) });
    expect(r.statusCode).toBeGreaterThanOrEqual(400);
    expect(r.statusCode).toBeLessThan(500);
    if (c.status) expect(r.statusCode).toBe(c.status);
    const body = r.json() as { error: { code: string; message: string } };
    expect(typeof body.error.code).toBe('string');
    expect(typeof body.error.message).toBe('string');
    if (c.code) expect(body.error.code).toBe(c.code);
    expect(await digest(h)).toBe(before);
  });

  it('stores hostile strings in a well-formed command as plain data', async () => {
    const r = await h.app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      payload: push([mutation({ args: { waveId: SQL, taskId: HTML, qty: 1, toteCode: "T'1", assignmentEpoch: 0 } })]),
    });
    expect(r.statusCode).toBe(200);
    expect(r.json().results[0]).toMatchObject({ status: 'rejected', code: 'WAVE_NOT_FOUND' });
    const users = await h.db.db.selectFrom('users').select('id').execute();
    expect(users).toHaveLength(7);
    const stored = await h.db.db.selectFrom('mutations').select('args').where('device_id', '=', DEVICE).executeTakeFirstOrThrow();
    expect(JSON.parse(stored.args)).toMatchObject({ waveId: SQL, taskId: HTML });
  });
});
