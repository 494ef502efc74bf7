import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { isValidSscc, isValidTrackingNumber, ssccSerial, trackingSerial } from '../../domain/packing/numbers';
import type { PackSnapshot } from '../../domain/packing/types';
import { db } from './db';
import { kindsToTopUp, leaseSummary, storeLease } from './pack-leases';
import { enqueuePackConfirm, enqueuePackMissing, type CartonDraft } from './pack-outbox';
import { dismissPackRefusal, getBench, ordersInTote, packRefusals, setBench } from './pack-store';
import { applyPullPage, storePushRejections } from './server-state';
import { emptyPull, freshDb } from './test-db';

const addr = { name: 'Ann', line1: '1 Main St', city: 'Springfield', region: 'IL', postalCode: '62701', country: 'US' };
const CONFIG: PackSnapshot['config'] = {
  packingFactor: 1.2, weightTolerancePct: 5, weightToleranceMinG: 50, shipFrom: addr, gs1CompanyPrefix: '0614141',
  ssccExtension: 0, trackingPrefix: 'LC', trackingSuffix: 'US', leaseBlock: 10, leaseLowWater: 3,
};
const order = (id: string, tote: string, status: 'picked' | 'cancelled' = 'picked') => ({
  orderId: id, orderRef: `R-${id}`, sellerId: 's1', status, toteCode: tote, benchId: 'loc-PACK-01', shipTo: addr,
  carrierService: 'LOCAL Ground', items: [{ skuId: 's1', lot: null, expiry: null, qty: 1 }],
});
function snapshot(over: Partial<PackSnapshot> = {}): PackSnapshot {
  return {
    config: CONFIG,
    boxTypes: [{ id: 'b1', code: 'BOX-S', name: 'Small', innerLengthMm: 200, innerWidthMm: 150, innerHeightMm: 100, maxWeightG: 5000, tareG: 100, active: true, version: 1 }],
    orders: [order('o1', 'T9001'), order('o2', 'T9001')],
    leases: [
      { id: 'lt', kind: 'tracking', first: 100, last: 102 },
      { id: 'ls', kind: 'sscc', first: 500, last: 502 },
    ],
    verifiers: [],
    printers: [],
    ...over,
  };
}
const carton = (): CartonDraft => ({ boxTypeId: 'b1', weightG: 400, items: [{ skuId: 's1', lot: null, qty: 1 }] });
const confirm = (orderId: string, cartons = [carton()]) => enqueuePackConfirm({ orderId, toteCode: 'T9001', benchId: 'loc-PACK-01', cartons });

beforeEach(async () => {
  await freshDb();
  await db().totes.put({ id: 't-empty', code: 'T9002', version: 1 });
  await applyPullPage(emptyPull({ pack: snapshot() }), { final: true, userId: 'u1' });
});

describe('pack store', () => {
  it('finds a tote\'s orders and refuses unknown or unpicked totes', async () => {
    const r = await ordersInTote(' t9001 ');
    expect(r.ok && r.orders.map((o) => o.orderId)).toEqual(['o1', 'o2']);
    expect(await ordersInTote('T9002')).toEqual({ ok: false, code: 'TOTE_NOT_PICKED' });
    expect(await ordersInTote('NOPE')).toEqual({ ok: false, code: 'UNKNOWN_TOTE' });
  });

  it('keeps the chosen bench on the device', async () => {
    await db().locations.put({ id: 'loc-PACK-01', code: 'PACK-01', zone: 'P', type: 'pack_bench', aisle: null, bay: null, level: null, walkSeq: 1, capacity: null, version: 1 });
    expect(await getBench()).toBeNull();
    await setBench('loc-PACK-01');
    expect((await getBench())?.code).toBe('PACK-01');
  });
});

describe('enqueuePackConfirm', () => {
  it('numbers each carton from the leases in the same write as the outbox row', async () => {
    const r = await confirm('o1', [carton(), carton()]);
    if (!r.ok) throw new Error(r.code);
    const [a, b] = r.args.cartons;
    expect([trackingSerial(a!.trackingNumber), trackingSerial(b!.trackingNumber)]).toEqual([100, 101]);
    expect([ssccSerial(CONFIG, a!.sscc), ssccSerial(CONFIG, b!.sscc)]).toEqual([500, 501]);
    expect(isValidTrackingNumber(a!.trackingNumber) && isValidSscc(a!.sscc)).toBe(true);
    const rows = await db().outbox.toArray();
    expect(rows.map((x) => [x.name, x.seq])).toEqual([['pack.confirm', 1]]);
    expect(rows[0]!.args).toEqual(r.args);
    expect(await leaseSummary()).toEqual({ tracking: 1, sscc: 1 });
    const tote = await ordersInTote('T9001');
    expect(tote.ok && tote.orders.map((o) => o.status)).toEqual(['packed', 'picked']);
  });

  it('refuses a second confirm of the same order and takes no number for it', async () => {
    expect((await confirm('o1')).ok).toBe(true);
    expect(await confirm('o1')).toMatchObject({ ok: false, code: 'ORDER_ALREADY_PACKED' });
    expect(await db().outbox.count()).toBe(1);
    expect(await leaseSummary()).toEqual({ tracking: 2, sscc: 2 });
  });

  it('says LEASE_EXHAUSTED, writes nothing and keeps the serials when there are too few', async () => {
    expect(await confirm('o1', [carton(), carton(), carton(), carton()])).toMatchObject({ ok: false, code: 'LEASE_EXHAUSTED' });
    expect(await db().outbox.count()).toBe(0);
    expect(await leaseSummary()).toEqual({ tracking: 3, sscc: 3 });
  });

  it('never reuses a serial when the next pull still lists the lease, nor after a new lease', async () => {
    const first = await confirm('o1');
    await applyPullPage(emptyPull({ pack: snapshot() }), { final: true, userId: 'u1' });
    const second = await confirm('o2');
    if (!first.ok || !second.ok) throw new Error('refused');
    expect(second.args.cartons[0]!.trackingNumber).not.toBe(first.args.cartons[0]!.trackingNumber);
    expect(await kindsToTopUp()).toEqual(['tracking', 'sscc']);
    await storeLease({ id: 'lt2', kind: 'tracking', first: 200, last: 209 });
    await storeLease({ id: 'lt', kind: 'tracking', first: 100, last: 102 });
    expect(await leaseSummary()).toEqual({ tracking: 11, sscc: 1 });
    expect(await kindsToTopUp()).toEqual(['sscc']);
  });

  it('shows the order packed until the pull that reflects it, then as the server says', async () => {
    expect((await confirm('o1')).ok).toBe(true);
    const cancelled = snapshot({ orders: [order('o1', 'T9001', 'cancelled'), order('o2', 'T9001')] });
    await applyPullPage(emptyPull({ lastSeq: 0, pack: cancelled }), { final: true, userId: 'u1' });
    let tote = await ordersInTote('T9001');
    expect(tote.ok && tote.orders[0]!.status).toBe('packed');
    await applyPullPage(emptyPull({ lastSeq: 1, pack: cancelled }), { final: true, userId: 'u1' });
    tote = await ordersInTote('T9001');
    expect(tote.ok && tote.orders[0]!.status).toBe('cancelled');
  });
});

describe('enqueuePackMissing', () => {
  it('puts the order on hold at once and leaves the other order open', async () => {
    const r = await enqueuePackMissing({ orderId: 'o2', toteCode: 'T9001', benchId: 'loc-PACK-01', skuId: 's1', lot: null, qty: 1 });
    expect(r.ok).toBe(true);
    const tote = await ordersInTote('T9001');
    expect(tote.ok && tote.orders.map((o) => o.status)).toEqual(['picked', 'on_hold']);
    expect(await confirm('o2')).toMatchObject({ ok: false, code: 'ORDER_ON_HOLD' });
  });
});

describe('packRefusals', () => {
  it('lists a pack the server refused, with its order, until the packer is done with it', async () => {
    const r = await confirm('o1');
    if (!r.ok) throw new Error(r.code);
    const row = (await db().outbox.toArray())[0]!;
    await storePushRejections([{ id: row.id, seq: row.seq, status: 'rejected', code: 'ORDER_CANCELLED', message: 'cancelled' }]);
    const refused = await packRefusals('u1');
    expect(refused.map((x) => [x.name, x.code, x.orderRef, x.toteCode])).toEqual([['pack.confirm', 'ORDER_CANCELLED', 'R-o1', 'T9001']]);
    expect(await packRefusals('someone-else')).toEqual([]);
    await dismissPackRefusal(refused[0]!.id);
    expect(await packRefusals('u1')).toEqual([]);
  });
});
