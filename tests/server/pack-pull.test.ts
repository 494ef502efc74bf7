import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPin } from '../../src/domain/packing/override';
import { PullResponse } from '../../src/domain/sync';
import { DEMO_BOXES, PACK_DEMO } from '../../src/server/db/seed-pack';
import { BACKENDS } from './helpers/backends';
import { Device, PAT, startHarness, type Harness } from './helpers/harness';

const PACO = 'u-2001';

async function pullAll(d: Device): Promise<PullResponse[]> {
  const pages: PullResponse[] = [];
  let cursor = 0;
  for (;;) {
    const r = await d.get(`/api/sync/pull?cursor=${cursor}&limit=400`);
    expect(r.statusCode).toBe(200);
    const p = PullResponse.parse(r.json());
    pages.push(p);
    cursor = p.cursor;
    if (!p.hasMore) return pages;
  }
}

describe.each(BACKENDS)('pack snapshot in the pull on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(kind);
  });
  afterAll(async () => h?.close());

  it('gives a packer the bench working set on the last page only', async () => {
    const d = await Device.signIn(h.app, 'U2001', PACO);
    const pages = await pullAll(d);
    expect(pages.length).toBeGreaterThan(1);
    for (const p of pages.slice(0, -1)) expect(p.pack).toBeUndefined();
    const pack = pages.at(-1)!.pack!;
    expect(pack.config.gs1CompanyPrefix).toBe('0614141');
    expect(pack.boxTypes.map((b) => b.code)).toEqual(DEMO_BOXES.map((b) => b.code).sort());
    expect(pack.leases).toEqual([]);
    expect(pack.printers).toEqual([]);
    const orders = pack.orders.map((o) => [o.orderRef, o.toteCode, o.benchId, o.status, o.items.reduce((n, i) => n + i.qty, 0)]);
    expect(orders.sort()).toEqual(
      PACK_DEMO.orders.map((o) => [o.ref, o.tote, PACK_DEMO.benchId, 'picked', o.items.reduce((n, i) => n + i.qty, 0)]).sort(),
    );
    const first = pack.orders.find((o) => o.orderId === PACK_DEMO.orders[0].id)!;
    expect(first.shipTo.name).toBeTruthy();
    expect(first.carrierService).toBe('UPS Ground');
    expect(pack.verifiers.map((v) => v.badge)).toEqual(['U5001', 'U9001']);
    // The verifier checks the PIN on the device; it holds no key.
    expect(await checkPin(pack.verifiers[0]!, '1234')).not.toBeNull();
    expect(JSON.stringify(pack)).not.toMatch(/override_key|keyHex/);
  });

  it('sends nothing of packing to a picker', async () => {
    const d = await Device.signIn(h.app, 'U1001', PAT);
    const pages = await pullAll(d);
    for (const p of pages) expect(p.pack).toBeUndefined();
  });

  it('lists a bench printer once the bench has one', async () => {
    await h.db.db.updateTable('locations').set({ printer_host: '10.0.0.9:9100' }).where('id', '=', PACK_DEMO.benchId).execute();
    const d = await Device.signIn(h.app, 'U5001', 'u-5001');
    const pack = (await pullAll(d)).at(-1)!.pack!;
    expect(pack.printers).toEqual([{ locationId: PACK_DEMO.benchId, host: '10.0.0.9:9100' }]);
  });
});
