import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sscc } from '../../src/domain/packing/numbers';
import type { AsnView } from '../../src/domain/seller-api/data';
import type { PullResponse } from '../../src/domain/sync';
import { DEMO_PACK_CONFIG } from '../../src/server/db/seed-pack';
import { BACKENDS } from './helpers/backends';
import { Device, login, startHarness, type Harness } from './helpers/harness';
import { C1, closeArgs, line, RITA } from './helpers/receiving';

/** The sellers' inbound shipments by API key: create, idempotent repeat, refusals, receipt results, isolation. */
describe.each(BACKENDS)("sellers' ASNs on %s", (kind) => {
  let h: Harness;
  let luma: string;
  let nord: string;
  let floor: string;
  const LOT = { lot: 'L-API-1', expiry: '2029-01-31' };
  const [S1, S2] = [sscc({ gs1CompanyPrefix: DEMO_PACK_CONFIG.gs1CompanyPrefix, ssccExtension: 8 }, 501), sscc({ gs1CompanyPrefix: DEMO_PACK_CONFIG.gs1CompanyPrefix, ssccExtension: 8 }, 502)];
  const body = (over: Record<string, unknown> = {}) => ({
    reference: 'API-LUMA-0001',
    expectedAt: '2026-12-01T08:00:00Z',
    cartons: [{ sscc: S1, contents: [{ sku: 'LUMA-0005', qty: 5 }, { sku: 'LUMA-0001', qty: 3, ...LOT }] }, { sscc: S2 }],
    lines: [{ sku: 'LUMA-0005', qty: 5 }, { sku: 'LUMA-0001', qty: 3, ...LOT }, { sku: 'LUMA-0010', qty: 2 }],
    ...over,
  });
  beforeAll(async () => {
    h = await startHarness(kind);
    const admin = await login(h.app, 'U9001', 'dev-admin');
    const key = async (sellerId: string) =>
      ((await h.app.inject({ method: 'POST', url: '/api/admin/seller-keys', headers: { authorization: `Bearer ${admin}` }, payload: { sellerId, name: 'it' } })).json() as { key: string }).key;
    luma = await key('seller-luma');
    nord = await key('seller-nord');
    floor = await login(h.app, 'U5001', 'dev-lead');
  });
  afterAll(async () => h?.close());

  const call = (key: string, method: 'GET' | 'POST', url: string, payload?: unknown) =>
    h.app.inject({ method, url: `/api/seller/v1${url}`, headers: { authorization: `Bearer ${key}` }, ...(payload === undefined ? {} : { payload: payload as object }) });
  const inboundDigest = async () => {
    const hash = createHash('sha256');
    for (const t of ['asns', 'asn_cartons', 'asn_lines', 'server_version'] as const) {
      const rows = await sql<Record<string, unknown>>`select * from ${sql.table(t)}`.execute(h.db.db);
      hash.update(`${t}:${rows.rows.map((r) => JSON.stringify(Object.keys(r).sort().map((k) => [k, String(r[k])]))).sort().join('\n')}\n`);
    }
    return hash.digest('hex');
  };
  let asnId = '';

  it('announces an ASN by SKU codes; the same body again is the same ASN; devices pull it', async () => {
    const r = await call(luma, 'POST', '/asns', body());
    expect(r.statusCode).toBe(201);
    const asn = r.json() as AsnView;
    asnId = asn.id;
    expect(asn).toMatchObject({ reference: 'API-LUMA-0001', status: 'announced', expectedAt: '2026-12-01T08:00:00.000Z', closedAt: null, receipts: [] });
    expect(asn.lines).toEqual([
      { lineNo: 1, sku: 'LUMA-0005', qty: 5, lot: null, expiry: null },
      { lineNo: 2, sku: 'LUMA-0001', qty: 3, ...LOT },
      { lineNo: 3, sku: 'LUMA-0010', qty: 2, lot: null, expiry: null },
    ]);
    expect(asn.cartons).toEqual([
      { sscc: S1, receivedAt: null, contents: [{ sku: 'LUMA-0005', qty: 5, lot: null, expiry: null }, { sku: 'LUMA-0001', qty: 3, ...LOT }] },
      { sscc: S2, receivedAt: null, contents: null },
    ]);
    const stored = await h.db.db.selectFrom('asn_lines').select(['sku_id', 'qty']).where('asn_id', '=', asnId).orderBy('line_no').execute();
    expect(stored.map((l) => [l.sku_id, Number(l.qty)])).toEqual([['sku-LUMA-0005', 5], ['sku-LUMA-0001', 3], ['sku-LUMA-0010', 2]]);

    const before = await inboundDigest();
    const again = await call(luma, 'POST', '/asns', body({ expectedAt: '2026-12-01T09:00:00+01:00' }));
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(asn);
    expect(await inboundDigest()).toBe(before);

    const d = await Device.signIn(h.app, 'U3001', RITA);
    const pulled = (await d.get('/api/sync/pull?cursor=0&limit=5000')).json() as PullResponse;
    const onDevice = pulled.inbound?.asns.find((a) => a.id === asnId);
    expect(onDevice).toMatchObject({ sellerId: 'seller-luma', reference: 'API-LUMA-0001', status: 'announced' });
    expect(onDevice?.lines.map((l) => l.skuId)).toEqual(['sku-LUMA-0005', 'sku-LUMA-0001', 'sku-LUMA-0010']);
  });

  it('refuses a changed repeat, foreign or unknown SKUs, missing lots, taken SSCCs and bad shapes with a code, writing nothing', async () => {
    const before = await inboundDigest();
    const cases: [unknown, number, string, string?][] = [
      [body({ lines: [{ sku: 'LUMA-0005', qty: 6 }] }), 409, 'ASN_REFERENCE_CONFLICT', 'reference'],
      [body({ expectedAt: null }), 409, 'ASN_REFERENCE_CONFLICT', 'reference'],
      [body({ reference: 'API-2', cartons: [], lines: [{ sku: 'LUMA-0005', qty: 1 }, { sku: 'NORD-0001', qty: 1 }] }), 422, 'SKU_NOT_FOUND', 'lines.1.sku'],
      [body({ reference: 'API-2', cartons: [], lines: [{ sku: 'LUMA-9999', qty: 1 }] }), 422, 'SKU_NOT_FOUND', 'lines.0.sku'],
      [body({ reference: 'API-2', cartons: [{ sscc: S1, contents: [{ sku: 'NORD-0002', qty: 1 }] }] }), 422, 'SKU_NOT_FOUND', 'cartons.0.contents.0.sku'],
      [body({ reference: 'API-2', cartons: [], lines: [{ sku: 'LUMA-0001', qty: 1 }] }), 422, 'LOT_INVALID', 'lines.0.lot'],
      [body({ reference: 'API-2', cartons: [], lines: [{ sku: 'LUMA-0005', qty: 1, ...LOT }] }), 422, 'LOT_INVALID', 'lines.0.lot'],
      [body({ reference: 'API-2', cartons: [{ sscc: S1 }] }), 409, 'ASN_SSCC_TAKEN', 'cartons.0.sscc'],
      [body({ reference: 'API-2', cartons: [{ sscc: C1 }] }), 409, 'ASN_SSCC_TAKEN', 'cartons.0.sscc'],
      [body({ reference: 'API-2', cartons: [{ sscc: sscc({ gs1CompanyPrefix: DEMO_PACK_CONFIG.gs1CompanyPrefix, ssccExtension: 8 }, 900) }, { sscc: sscc({ gs1CompanyPrefix: DEMO_PACK_CONFIG.gs1CompanyPrefix, ssccExtension: 8 }, 900) }] }), 409, 'ASN_SSCC_TAKEN', 'cartons.1.sscc'],
      [body({ reference: 'API-2', cartons: [{ sscc: S1.slice(0, 17) + String((Number(S1[17]) + 1) % 10) }] }), 400, 'VALIDATION_FAILED'],
      [body({ reference: 'API 2' }), 400, 'VALIDATION_FAILED'],
      [body({ reference: 'API-2', lines: [] }), 400, 'VALIDATION_FAILED'],
      [body({ reference: 'API-2', lines: [{ sku: 'LUMA-0005', qty: 0 }] }), 400, 'VALIDATION_FAILED'],
      [body({ reference: 'API-2', lines: [{ sku: 'LUMA-0001', qty: 1, lot: 'L1', expiry: '2029-02-30' }] }), 400, 'VALIDATION_FAILED'],
      [body({ reference: 'API-2', extra: true }), 400, 'VALIDATION_FAILED'],
      [{ ...body({ reference: 'API-2' }), lines: 'x' }, 400, 'VALIDATION_FAILED'],
    ];
    for (const [payload, status, code, path] of cases) {
      const r = await call(luma, 'POST', '/asns', payload);
      expect([r.statusCode, (r.json() as { error: { code: string } }).error.code], JSON.stringify(payload)).toEqual([status, code]);
      if (path) expect((r.json() as { error: { details: { path: string }[] } }).error.details[0]!.path).toBe(path);
    }
    expect(await inboundDigest()).toBe(before);
  });

  it('concurrent repeats of one announcement make one ASN', async () => {
    const b = body({ reference: 'API-LUMA-RACE', cartons: [], lines: [{ sku: 'LUMA-0006', qty: 4 }] });
    const rs = await Promise.all(Array.from({ length: 6 }, () => call(luma, 'POST', '/asns', b)));
    expect(rs.map((r) => r.statusCode).sort()).toEqual([200, 200, 200, 200, 200, 201]);
    expect(new Set(rs.map((r) => (r.json() as AsnView).id)).size).toBe(1);
    expect(await h.db.db.selectFrom('asns').select('id').where('reference', '=', 'API-LUMA-RACE').execute()).toHaveLength(1);
  });

  it('once received on the floor, the ASN shows its receipt: received lines and discrepancies by SKU code', async () => {
    const d = await Device.signIn(h.app, 'U3001', RITA);
    const args = closeArgs({
      asnId,
      sellerId: 'seller-luma',
      lines: [
        line('sku-LUMA-0005', 5, { cartonSscc: S1 }),
        line('sku-LUMA-0001', 3, { ...LOT, cartonSscc: S1 }),
        line('sku-LUMA-0010', 1),
        line('sku-LUMA-0010', 1, { condition: 'damaged', reason: 'Wet box', photoIds: ['ph-api-1'] }),
      ],
      notes: [],
    });
    const m = d.command('receipt.close', args);
    expect((await d.push([m])).results).toEqual([{ id: m.id, seq: 1, status: 'applied' }]);

    const r = await call(luma, 'GET', `/asns/${asnId}`);
    expect(r.statusCode).toBe(200);
    const asn = r.json() as AsnView;
    expect(asn.status).toBe('closed');
    expect(asn.closedAt).not.toBeNull();
    expect(asn.receipts).toHaveLength(1);
    const rc = asn.receipts[0]!;
    expect([rc.id, rc.status, rc.closedAt !== null]).toEqual([args.receiptId, 'closed', true]);
    expect(rc.lines.map((l) => [l.sku, l.lot, l.qty, l.condition, l.reason, l.photoIds])).toEqual([
      ['LUMA-0005', null, 5, 'ok', null, []],
      ['LUMA-0001', LOT.lot, 3, 'ok', null, []],
      ['LUMA-0010', null, 1, 'ok', null, []],
      ['LUMA-0010', null, 1, 'damaged', 'Wet box', ['ph-api-1']],
    ]);
    expect(rc.discrepancies.map((x) => [x.kind, x.sku, x.qty, x.reason, x.photoIds])).toEqual([['damaged', 'LUMA-0010', 1, 'Wet box', ['ph-api-1']]]);
    const byRef = await call(luma, 'GET', '/asns?reference=API-LUMA-0001');
    expect(byRef.json()).toEqual(asn);

    const feed = (await call(luma, 'GET', '/events?after=0&limit=1000')).json() as { events: { type: string; payload: { receiptId?: string } }[] };
    expect(feed.events.filter((e) => e.type === 'inbound.received').map((e) => e.payload.receiptId)).toContain(args.receiptId);
    // Every SKU the event names comes with the seller's own code beside Tote's id.
    const event = feed.events.find((e) => e.type === 'inbound.received' && e.payload.receiptId === args.receiptId)!;
    const named: [unknown, unknown][] = [];
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') {
        const o = v as Record<string, unknown>;
        if (typeof o.skuId === 'string') named.push([o.skuId, o.skuCode]);
        Object.values(o).forEach(walk);
      }
    };
    walk(event.payload);
    expect(named.length).toBeGreaterThan(0);
    for (const [id, code] of named) expect(code, String(id)).toMatch(/^LUMA-\d{4}$/);
    expect(new Set(named.map(([, code]) => code))).toEqual(new Set(['LUMA-0005', 'LUMA-0001', 'LUMA-0010']));
  });

  it("isolation: another seller's ASN answers exactly like a missing one, on every route, and shows nothing", async () => {
    const missingId = await call(nord, 'GET', '/asns/asn-nope-0000');
    expect(missingId.statusCode).toBe(404);
    expect(missingId.json()).toEqual({ error: { code: 'ASN_NOT_FOUND', message: 'no such ASN' } });
    for (const id of [asnId, 'asn-LUMA-0001']) {
      const r = await call(nord, 'GET', `/asns/${id}`);
      expect([r.statusCode, r.body]).toEqual([404, missingId.body]);
    }
    const missingRef = await call(nord, 'GET', '/asns?reference=NOPE-0001');
    for (const ref of ['API-LUMA-0001', 'ASN-LUMA-0001']) {
      const r = await call(nord, 'GET', `/asns?reference=${ref}`);
      expect([r.statusCode, r.body]).toEqual([404, missingRef.body]);
    }
    expect(missingRef.body).toBe(missingId.body);
    // The seller's own demo ASN reads fine with its key: the 404s above are isolation, not a broken route.
    expect((await call(nord, 'GET', '/asns?reference=ASN-NORD-0001')).statusCode).toBe(200);
    const stock = (await call(nord, 'GET', '/stock?limit=1000')).json() as { stock: { sku: string }[] };
    expect(stock.stock.length).toBeGreaterThan(0);
    expect(stock.stock.every((s) => s.sku.startsWith('NORD-'))).toBe(true);
    expect(((await call(nord, 'GET', '/stock?sku=LUMA-0005')).json() as { stock: unknown[] }).stock).toEqual([]);
    const events = await call(nord, 'GET', '/events?after=0&limit=1000');
    expect(events.body).not.toContain(asnId);
    expect(events.body).not.toContain('seller-luma');
    // A reference is unique in the warehouse: taking another seller's is refused like a changed repeat, showing none of it.
    const taken = await call(nord, 'POST', '/asns', { reference: 'API-LUMA-0001', lines: [{ sku: 'NORD-0001', qty: 1 }] });
    expect([taken.statusCode, (taken.json() as { error: { code: string } }).error.code]).toEqual([409, 'ASN_REFERENCE_CONFLICT']);
    expect(taken.body).not.toContain(asnId);
  });

  it('a floor session token or no key opens none of these routes', async () => {
    for (const [method, url] of [['GET', `/asns/${asnId}`], ['GET', '/asns?reference=API-LUMA-0001'], ['POST', '/asns'], ['GET', '/stock'], ['GET', '/events']] as const) {
      const r = await call(floor, method, url, method === 'POST' ? body({ reference: 'API-FLOOR' }) : undefined);
      expect([r.statusCode, (r.json() as { error: { code: string } }).error.code]).toEqual([401, 'UNAUTHENTICATED']);
      const none = await h.app.inject({ method, url: `/api/seller/v1${url}` });
      expect(none.statusCode).toBe(401);
    }
    expect(await h.db.db.selectFrom('asns').select('id').where('reference', '=', 'API-FLOOR').execute()).toEqual([]);
  });

  it('is in the OpenAPI description with the seller security scheme', async () => {
    const doc = (await h.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, { security: unknown }>> };
    for (const [p, m] of [['/api/seller/v1/asns', 'post'], ['/api/seller/v1/asns', 'get'], ['/api/seller/v1/asns/{id}', 'get'], ['/api/seller/v1/stock', 'get'], ['/api/seller/v1/events', 'get']] as const) {
      expect(doc.paths[p]?.[m]?.security).toEqual([{ sellerKey: [] }, { sellerKeyHeader: [] }]);
    }
  });
});
