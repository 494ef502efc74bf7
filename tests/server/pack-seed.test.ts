import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPin } from '../../src/domain/packing/override';
import { PackConfig } from '../../src/domain/packing/types';
import { DEMO_BOXES, PACK_DEMO, seedPackDemoIfMissing } from '../../src/server/db/seed-pack';
import { BACKENDS } from './helpers/backends';
import { digest, startHarness, type Harness } from './helpers/harness';
import { createHash } from 'node:crypto';

describe.each(BACKENDS)('packing demo data on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(kind);
  });
  afterAll(async () => h?.close());
  const db = () => h.db.db;

  it('seeds the box catalogue, the pack settings and both serial counters', async () => {
    const boxes = await db().selectFrom('box_types').selectAll().orderBy('code').execute();
    expect(boxes.map((b) => b.code)).toEqual(DEMO_BOXES.map((b) => b.code).sort());
    const row = await db().selectFrom('pack_configs').selectAll().executeTakeFirstOrThrow();
    const config = PackConfig.parse(JSON.parse(row.config));
    expect([config.gs1CompanyPrefix, config.ssccExtension, config.leaseBlock, config.trackingPrefix]).toEqual(['0614141', 3, 50, 'LT']);
    const counters = await db().selectFrom('number_counters').selectAll().orderBy('kind').execute();
    expect(counters.map((c) => [c.kind, Number(c.next), Number(c.last)])).toEqual([
      ['sscc', 1, 999_999_999],
      ['tracking', 1, 99_999_999],
    ]);
  });

  it('gives leads and admins an override key the demo PIN opens, and nobody else', async () => {
    const users = await db().selectFrom('users').select(['id', 'roles', 'override_salt', 'override_key', 'override_iterations']).execute();
    for (const u of users) {
      const lead = (JSON.parse(u.roles) as string[]).some((r) => r === 'lead' || r === 'admin');
      expect(u.override_key !== null, u.id).toBe(lead);
      if (!lead) continue;
      const check = createHash('sha256').update(Buffer.from(u.override_key!, 'hex')).digest('hex');
      const verifier = { salt: u.override_salt!, iterations: Number(u.override_iterations), check };
      expect(await checkPin(verifier, '1234')).not.toBeNull();
      expect(await checkPin(verifier, '9999')).toBeNull();
    }
  });

  it('leaves wave W-0003 dropped at PACK-01: two orders in one tote, one single-item order in another, units in the totes by the ledger', async () => {
    const totes = await db().selectFrom('totes').selectAll().where('code', 'in', [PACK_DEMO.twoOrderTote, PACK_DEMO.singleTote]).orderBy('code').execute();
    expect(totes.map((t) => [t.code, t.status, t.location_id, t.wave_id])).toEqual([
      [PACK_DEMO.twoOrderTote, 'awaiting_packing', PACK_DEMO.benchId, PACK_DEMO.waveId],
      [PACK_DEMO.singleTote, 'awaiting_packing', PACK_DEMO.benchId, PACK_DEMO.waveId],
    ]);
    const wave = await db().selectFrom('waves').selectAll().where('id', '=', PACK_DEMO.waveId).executeTakeFirstOrThrow();
    expect([wave.status, wave.dropoff_location_id]).toEqual(['done', PACK_DEMO.benchId]);
    const tasks = await db().selectFrom('pick_tasks').selectAll().where('wave_id', '=', PACK_DEMO.waveId).execute();
    expect(tasks.every((t) => t.status === 'picked' && Number(t.picked_qty) === Number(t.qty))).toBe(true);
    expect(new Set(tasks.filter((t) => t.tote_code === PACK_DEMO.twoOrderTote).map((t) => t.order_id)).size).toBe(2);
    for (const o of PACK_DEMO.orders) {
      for (const it of o.items) {
        const inTote = await db().selectFrom('stock_ledger').select('delta').where('container_code', '=', o.tote).where('sku_id', '=', it.skuId).execute();
        expect(inTote.reduce((n, r) => n + Number(r.delta), 0)).toBe(it.qty);
        const sku = await db().selectFrom('skus').select('weight_g').where('id', '=', it.skuId).executeTakeFirstOrThrow();
        expect(Number(sku.weight_g)).toBe(it.weightG);
        const bc = await db().selectFrom('sku_barcodes').select('value').where('sku_id', '=', it.skuId).executeTakeFirstOrThrow();
        expect(bc.value).toBe(it.gtin);
      }
      const order = await db().selectFrom('orders').select('status').where('id', '=', o.id).executeTakeFirstOrThrow();
      expect(order.status).toBe('picked');
    }
    // Every unit that left a bin went into a tote.
    const moved = await db().selectFrom('stock_ledger').select(['delta']).where('reason', '=', 'pick').where('mutation_id', 'is', null).execute();
    expect(moved.reduce((n, r) => n + Number(r.delta), 0)).toBe(0);
  });

  it('is seeded once: a second run changes nothing', async () => {
    const before = await digest(h);
    expect(await seedPackDemoIfMissing(db())).toBe(false);
    expect(await digest(h)).toBe(before);
  });

  it('adds itself to a demo database seeded before packing existed, on the next start', async () => {
    const d = db();
    const skuIds = PACK_DEMO.orders.flatMap((o) => o.items.map((i) => i.skuId));
    await d.deleteFrom('stock_ledger').where('id', 'like', 'seed-pack-%').execute();
    await d.deleteFrom('totes').where('code', 'in', [PACK_DEMO.twoOrderTote, PACK_DEMO.singleTote]).execute();
    await d.deleteFrom('pick_tasks').where('wave_id', '=', PACK_DEMO.waveId).execute();
    await d.deleteFrom('waves').where('id', '=', PACK_DEMO.waveId).execute();
    await d.deleteFrom('order_lines').where('order_id', 'in', PACK_DEMO.orders.map((o) => o.id)).execute();
    await d.deleteFrom('orders').where('id', 'in', PACK_DEMO.orders.map((o) => o.id)).execute();
    await d.deleteFrom('sku_barcodes').where('sku_id', 'in', skuIds).execute();
    await d.deleteFrom('skus').where('id', 'in', skuIds).execute();
    for (const t of ['number_counters', 'pack_configs', 'box_types'] as const) await d.deleteFrom(t).execute();
    await d.updateTable('users').set({ override_salt: null, override_key: null, override_iterations: null }).execute();
    expect(await seedPackDemoIfMissing(d)).toBe(true);
    expect(await d.selectFrom('box_types').select('id').execute()).toHaveLength(DEMO_BOXES.length);
    const totes = await d.selectFrom('totes').select('status').where('code', 'in', [PACK_DEMO.twoOrderTote, PACK_DEMO.singleTote]).execute();
    expect(totes.map((t) => t.status)).toEqual(['awaiting_packing', 'awaiting_packing']);
    const keys = await d.selectFrom('users').select('id').where('override_key', 'is not', null).orderBy('id').execute();
    expect(keys.map((k) => k.id)).toEqual(['u-5001', 'u-9001']);
  });
});
