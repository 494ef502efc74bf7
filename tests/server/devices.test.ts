import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STRANDED_AFTER_MINUTES, type DeviceReport, type DevicesResponse } from '../../src/domain/devices';
import { createReleasedWave } from '../../src/server/services/fixtures';
import { BACKENDS } from './helpers/backends';
import { Device, digest, LEE, PAT, pickArgs, startHarness, type Harness } from './helpers/harness';

const report = (over: Partial<DeviceReport> = {}): DeviceReport => ({
  pending: 0,
  oldestPendingAt: null,
  rejectedUnseen: 0,
  appVersion: '1.2.3-test',
  ...over,
});

describe.each(BACKENDS)('device reports and the lead\'s device list on %s', (kind) => {
  let h: Harness;
  let lead: Device;
  beforeAll(async () => {
    h = await startHarness(kind);
    lead = await Device.signIn(h.app, 'U5001', LEE, 'dev-lead-board');
  });
  afterAll(async () => h?.close());
  const db = () => h.db.db;
  const row = (id: string) => db().selectFrom('devices').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const beat = (d: Device, payload: object) =>
    h.app.inject({ method: 'POST', url: '/api/devices/heartbeat', headers: { authorization: `Bearer ${d.token}` }, payload });
  const list = async (who = lead) => {
    const r = await who.get('/api/devices');
    expect(r.statusCode).toBe(200);
    return r.json() as DevicesResponse;
  };
  const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

  it('a heartbeat updates its own device row: seen, version and the reported figures', async () => {
    const d = await Device.signIn(h.app, 'U1001', PAT);
    await db().updateTable('devices').set({ last_seen: ago(30) }).where('id', '=', d.id).execute();
    const oldest = ago(3);
    const r = await beat(d, { report: report({ pending: 4, oldestPendingAt: oldest, rejectedUnseen: 2, batteryPct: 37, online: true }) });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ deviceId: d.id });
    const after = await row(d.id);
    expect(after).toMatchObject({ app_version: '1.2.3-test', oldest_pending_at: oldest, reported_at: (r.json() as { reportedAt: string }).reportedAt });
    expect(Number(after.pending)).toBe(4);
    expect(Number(after.rejected_unseen)).toBe(2);
    expect(Number(after.battery_pct)).toBe(37);
    expect(Date.now() - Date.parse(after.last_seen)).toBeLessThan(60_000);
    // A later report replaces the earlier one, figures and all.
    expect((await beat(d, { report: report({ appVersion: '1.2.4' }) })).statusCode).toBe(200);
    const again = await row(d.id);
    expect(Number(again.pending)).toBe(0);
    expect(again.oldest_pending_at).toBeNull();
    expect(again.battery_pct).toBeNull();
    expect(again.app_version).toBe('1.2.4');
  });

  it("a device's push also refreshes its last seen and app version", async () => {
    const { waveId, taskIds } = await createReleasedWave(db(), { code: 'W-DEV1', assignedUserId: PAT, tasks: 1, qty: 2 });
    const d = await Device.signIn(h.app, 'U1001', PAT);
    await db().updateTable('devices').set({ last_seen: ago(60), app_version: 'old' }).where('id', '=', d.id).execute();
    const res = await d.push([d.command('pick.confirm', pickArgs(taskIds[0]!, 1, 'T0777', 1, waveId))]);
    expect(res.lastSeq).toBe(1);
    const after = await row(d.id);
    expect(after.app_version).toBe('0.1.0-test');
    expect(Date.now() - Date.parse(after.last_seen)).toBeLessThan(60_000);
    const listed = (await list()).devices.find((x) => x.id === d.id)!;
    expect(listed).toMatchObject({ appVersion: '0.1.0-test', lastSeq: 1, stranded: false });
  });

  it('lists every device for a lead with the reported figures, stranded ones first', async () => {
    const quiet = await Device.signIn(h.app, 'U1001', PAT, 'dev-in-a-locker');
    const busy = await Device.signIn(h.app, 'U1001', PAT, 'dev-on-the-floor');
    const oldest = ago(45);
    expect((await beat(quiet, { report: report({ pending: 7, oldestPendingAt: oldest, rejectedUnseen: 1 }) })).statusCode).toBe(200);
    expect((await beat(busy, { report: report({ pending: 3, oldestPendingAt: ago(1) }) })).statusCode).toBe(200);
    // The handheld went into a locker: nothing heard from it for longer than the rule allows.
    await db().updateTable('devices').set({ last_seen: ago(STRANDED_AFTER_MINUTES + 5) }).where('id', '=', quiet.id).execute();

    const body = await list();
    expect(body.strandedAfterMinutes).toBe(STRANDED_AFTER_MINUTES);
    expect(body.devices[0]!.id).toBe(quiet.id);
    expect(body.devices[0]).toMatchObject({
      stranded: true,
      pending: 7,
      rejectedUnseen: 1,
      oldestPendingAt: oldest,
      appVersion: '1.2.3-test',
      user: { id: PAT },
    });
    expect(body.devices[0]!.oldestPendingAgeSec).toBeGreaterThanOrEqual(45 * 60 - 5);
    const b = body.devices.find((x) => x.id === busy.id)!;
    expect(b).toMatchObject({ stranded: false, pending: 3 });
    expect(body.devices.filter((x) => x.stranded).map((x) => x.id)).toEqual([quiet.id]);
    // Every device of the warehouse, including the lead's own and ones that never reported.
    const ids = body.devices.map((x) => x.id);
    expect(ids).toEqual(expect.arrayContaining([lead.id, quiet.id, busy.id]));
    expect(body.devices.find((x) => x.id === lead.id)).toMatchObject({ reportedAt: null, pending: 0 });
    const all = await db().selectFrom('devices').select('id').execute();
    expect(ids).toHaveLength(all.length);

    // Seen again (it synced): no longer stranded even with work still waiting.
    expect((await beat(quiet, { report: report({ pending: 7, oldestPendingAt: oldest }) })).statusCode).toBe(200);
    expect((await list()).devices.find((x) => x.id === quiet.id)).toMatchObject({ stranded: false });
  });

  it('is for leads and admins: a picker gets 403; without a session 401', async () => {
    const picker = await Device.signIn(h.app, 'U1001', PAT);
    const r = await picker.get('/api/devices');
    expect(r.statusCode).toBe(403);
    expect(r.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
    const admin = await Device.signIn(h.app, 'U9001', 'u-9001');
    expect((await admin.get('/api/devices')).statusCode).toBe(200);
    expect((await h.app.inject({ method: 'GET', url: '/api/devices' })).statusCode).toBe(401);
  });

  it('a heartbeat without a session is 401 and changes nothing', async () => {
    const before = await digest(h);
    for (const headers of [{}, { authorization: 'Bearer not-a-real-token-at-all-xxxxxxxx' }]) {
      const r = await h.app.inject({ method: 'POST', url: '/api/devices/heartbeat', headers, payload: { report: report() } });
      expect(r.statusCode).toBe(401);
      expect(r.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    }
    expect(await digest(h)).toBe(before);
  });

  it('refuses bad reports with 400 and a code, and changes nothing', async () => {
    const d = await Device.signIn(h.app, 'U1001', PAT);
    expect((await beat(d, { report: report({ pending: 2, oldestPendingAt: ago(2), rejectedUnseen: 1 }) })).statusCode).toBe(200);
    const bad: object[] = [
      {},
      report(),
      { report: { ...report(), pending: -1 } },
      { report: { ...report(), rejectedUnseen: -3 } },
      { report: { ...report(), pending: 1e12, oldestPendingAt: ago(1) } },
      { report: { ...report(), rejectedUnseen: 1e9 } },
      { report: { ...report(), pending: 1.5, oldestPendingAt: ago(1) } },
      { report: { ...report(), pending: '3' } },
      { report: { ...report(), pending: null } },
      { report: { ...report(), appVersion: 7 } },
      { report: { ...report(), appVersion: '' } },
      { report: { ...report(), appVersion: 'x'.repeat(51) } },
      { report: { ...report(), appVersion: 'a b' } },
      { report: { ...report(), oldestPendingAt: 'yesterday' } },
      { report: { ...report(), pending: 2 } },
      { report: { ...report(), oldestPendingAt: ago(1) } },
      { report: { ...report(), batteryPct: 101 } },
      { report: { ...report(), batteryPct: '50' } },
      { report: { ...report(), online: 'yes' } },
      { report: { ...report(), deviceId: 'someone-else' } },
      { report: report(), extra: 1 },
      { report: [] },
      { report: 'ok' },
    ];
    const before = await digest(h);
    for (const payload of bad) {
      const r = await beat(d, payload);
      expect(r.statusCode, JSON.stringify(payload)).toBe(400);
      expect((r.json() as { error: { code: string } }).error.code).toBe('VALIDATION_FAILED');
    }
    const text = await h.app.inject({ method: 'POST', url: '/api/devices/heartbeat', headers: { authorization: `Bearer ${d.token}`, 'content-type': 'application/json' }, payload: '{"report":' });
    expect(text.statusCode).toBe(400);
    expect(await digest(h)).toBe(before);
    expect(Number((await row(d.id)).pending)).toBe(2);
  });

  it("lists only the lead's own warehouse, and a device moved elsewhere cannot report into it", async () => {
    const iso = new Date().toISOString();
    await db().insertInto('warehouses').values({ id: 'wh-elsewhere', code: 'FC9', name: 'Elsewhere', version: 1, created_at: iso }).execute();
    await db()
      .insertInto('devices')
      .values({ id: 'dev-elsewhere', warehouse_id: 'wh-elsewhere', user_id: null, name: 'far', app_version: null, last_seen: ago(90), last_seq: 0, created_at: iso, pending: 9, oldest_pending_at: ago(100) })
      .execute();
    expect((await list()).devices.map((x) => x.id)).not.toContain('dev-elsewhere');

    const moved = await Device.signIn(h.app, 'U1001', PAT);
    await db().updateTable('devices').set({ warehouse_id: 'wh-elsewhere' }).where('id', '=', moved.id).execute();
    const before = await digest(h);
    const r = await beat(moved, { report: report({ pending: 1, oldestPendingAt: ago(1) }) });
    expect(r.statusCode).toBe(403);
    expect(r.json()).toMatchObject({ error: { code: 'DEVICE_MISMATCH' } });
    expect(await digest(h)).toBe(before);
  });

  it('is in the OpenAPI description', async () => {
    const doc = (await h.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, unknown> };
    for (const p of ['/api/devices', '/api/devices/heartbeat']) expect(doc.paths).toHaveProperty([p]);
  });
});
