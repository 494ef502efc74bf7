import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { BACKENDS } from './helpers/backends';
import { Device, PAT, pickArgs, startHarness, tasksOf, type Harness } from './helpers/harness';

describe.each(BACKENDS)('server-sent events on %s', (kind) => {
  let h: Harness;
  let base: string;
  beforeAll(async () => {
    h = await startHarness(kind);
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    const addr = h.app.server.address();
    base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  });
  afterAll(async () => h?.close());

  it('pokes a listening device with the new version after a commit', async () => {
    const d = await Device.signIn(h.app, 'U1001', PAT);
    const ctl = new AbortController();
    const res = await fetch(`${base}/api/sync/events`, { headers: { authorization: `Bearer ${d.token}` }, signal: ctl.signal });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    const until = async (re: RegExp) => {
      while (!re.test(text)) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`stream ended: ${text}`);
        text += decoder.decode(value);
      }
      return re.exec(text)!;
    };
    const first = await until(/event: poke\ndata: \{"version":(\d+)\}\n\n/);
    const v0 = Number(first[1]);
    text = '';
    const t = (await tasksOf(h)).find((x) => x.status === 'open')!;
    await d.push([d.command('pick.confirm', pickArgs(t.id, 1, 'T0120'))]);
    const next = await until(/event: poke\ndata: \{"version":(\d+)\}\n\n/);
    expect(Number(next[1])).toBeGreaterThan(v0);
    ctl.abort();
  });

  it('refuses a stream without a token', async () => {
    const res = await fetch(`${base}/api/sync/events`);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('UNAUTHENTICATED');
  });

  it('serves the printable demo barcodes with the demo wave first', async () => {
    const r = await h.app.inject({ method: 'GET', url: '/demo/barcodes' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('text/html');
    expect(r.body).toContain('<svg');
    expect(r.body).toContain('@media print');
    expect(r.body).toContain('T0030');
    expect(r.body).not.toContain('T0031');
    for (const t of await tasksOf(h)) expect(r.body).toContain(`<b>${(await h.db.db.selectFrom('locations').select('code').where('id', '=', t.location_id).executeTakeFirstOrThrow()).code}</b>`);
    // The picking demo: W-0002's bins, its lots and the spare totes.
    for (const t of await tasksOf(h, 'wave-W-0002')) expect(r.body).toContain(`<b>${(await h.db.db.selectFrom('locations').select('code').where('id', '=', t.location_id).executeTakeFirstOrThrow()).code}</b>`);
    expect(r.body).toMatch(/<b>Lot LL\d{2}02<\/b>/);
    for (const t of ['T0301', 'T0302', 'T0303']) expect(r.body).toContain(`<b>${t}</b>`);
    // Where a done wave's totes are dropped off.
    for (const b of ['PACK-01', 'PACK-04']) expect(r.body).toContain(`<b>${b}</b>`);
    // The packing demo: its totes with their orders, the box catalogue, the docks.
    for (const t of ['T0401', 'T0402', 'BOX-S1', 'BOX-L1', 'SHIP-01']) expect(r.body).toContain(t);
    expect(r.body).toContain('SO-30001: 2x Demo Merino Beanie One Size');
  });
});

describe('static client', () => {
  let app: FastifyInstance;
  let h: Harness;
  let dir: string;
  beforeAll(async () => {
    h = await startHarness('sqlite');
    dir = mkdtempSync(join(tmpdir(), 'tote-static-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Tote</title>');
    writeFileSync(join(dir, 'sw.js'), 'self.addEventListener("fetch",()=>{})');
    writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
    app = await buildApp({ db: h.db, staticDir: dir });
  });
  afterAll(async () => {
    await app?.close();
    await h?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves hashed assets as immutable and the shell and worker as no-cache', async () => {
    const asset = await app.inject({ method: 'GET', url: '/assets/index-abc123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    const sw = await app.inject({ method: 'GET', url: '/sw.js' });
    expect(sw.headers['cache-control']).toBe('no-cache');
    const root = await app.inject({ method: 'GET', url: '/' });
    expect(root.body).toContain('<title>Tote</title>');
    expect(root.headers['cache-control']).toBe('no-cache');
  });

  it('answers deep links with the app shell, and unknown API routes with JSON 404', async () => {
    const deep = await app.inject({ method: 'GET', url: '/pick/wave-W-0001?x=1' });
    expect(deep.statusCode).toBe(200);
    expect(deep.body).toContain('<title>Tote</title>');
    expect(deep.headers['cache-control']).toBe('no-cache');
    const api = await app.inject({ method: 'GET', url: '/api/nothing' });
    expect(api.statusCode).toBe(404);
    expect(api.json().error.code).toBe('NOT_FOUND');
    const post = await app.inject({ method: 'POST', url: '/pick' });
    expect(post.statusCode).toBe(404);
  });
});

void BACKENDS;
