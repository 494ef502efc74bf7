import type { LightMyRequestResponse } from 'fastify';
import { uuidv7 } from 'uuidv7';
import type { PackConfirmArgs } from '../../../src/domain/commands';
import { sscc, trackingNumber } from '../../../src/domain/packing/numbers';
import { deriveOverrideKey, overrideProof } from '../../../src/domain/packing/override';
import type { LeaseKind, NumberLease } from '../../../src/domain/packing/types';
import { DEMO_BOXES, DEMO_PACK_CONFIG, PACK_DEMO } from '../../../src/server/db/seed-pack';
import type { Harness } from './harness';
import type { Device } from './harness';

export const PACO = 'u-2001';
export type DemoOrder = (typeof PACK_DEMO.orders)[number];

export function postJson(d: Device, url: string, payload: unknown): Promise<LightMyRequestResponse> {
  return d.app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${d.token}` }, payload: payload as object });
}

export async function lease(d: Device, kind: LeaseKind): Promise<NumberLease> {
  const r = await postJson(d, '/api/pack/leases', { kind });
  if (r.statusCode !== 200) throw new Error(`lease failed: ${r.statusCode} ${r.body}`);
  return (r.json() as { lease: NumberLease }).lease;
}

/** A device's serials, taken in order from its leases, as the bench would. */
export class Serials {
  private used = { tracking: 0, sscc: 0 };
  constructor(private readonly leases: { tracking: NumberLease; sscc: NumberLease }) {}

  static async lease(d: Device): Promise<Serials> {
    return new Serials({ tracking: await lease(d, 'tracking'), sscc: await lease(d, 'sscc') });
  }

  next(): { trackingNumber: string; sscc: string } {
    const t = this.leases.tracking.first + this.used.tracking++;
    const s = this.leases.sscc.first + this.used.sscc++;
    return { trackingNumber: trackingNumber(DEMO_PACK_CONFIG, t), sscc: sscc(DEMO_PACK_CONFIG, s) };
  }
}

export const box = (code: string) => DEMO_BOXES.find((b) => b.code === code)!;

/** Items plus the box's tare: what a right scale reads. */
export function expectedG(order: DemoOrder, boxCode = 'BOX-M1'): number {
  return order.items.reduce((g, i) => g + i.weightG * i.qty, 0) + box(boxCode).tareG;
}

/** pack.confirm for a demo order in one carton of `boxCode`, weighed right unless told. */
export function confirmArgs(
  order: DemoOrder,
  numbers: { trackingNumber: string; sscc: string },
  opts: { boxCode?: string; weightG?: number; items?: { skuId: string; lot: string | null; qty: number }[] } = {},
): PackConfirmArgs {
  const boxCode = opts.boxCode ?? 'BOX-M1';
  return {
    orderId: order.id,
    toteCode: order.tote,
    benchId: PACK_DEMO.benchId,
    shipmentId: uuidv7(),
    cartons: [
      {
        cartonId: uuidv7(),
        boxTypeId: box(boxCode).id,
        weightG: opts.weightG ?? expectedG(order, boxCode),
        ...numbers,
        items: opts.items ?? order.items.map((i) => ({ skuId: i.skuId, lot: null, qty: i.qty })),
      },
    ],
  };
}

/** A lead's approval as the bench makes it after the lead types their PIN. */
export async function leadOverride(h: Harness, leadUserId: string, orderId: string, pin = '1234') {
  const u = await h.db.db.selectFrom('users').select(['override_salt', 'override_iterations']).where('id', '=', leadUserId).executeTakeFirstOrThrow();
  const key = await deriveOverrideKey(pin, u.override_salt!, Number(u.override_iterations));
  const nonce = uuidv7();
  return { leadUserId, nonce, proof: await overrideProof(key, orderId, nonce) };
}

export async function orderStatus(h: Harness, orderId: string): Promise<string> {
  return (await h.db.db.selectFrom('orders').select('status').where('id', '=', orderId).executeTakeFirstOrThrow()).status;
}

/** Units a container holds by the ledger (a tote code or a carton's SSCC). */
export async function containerUnits(h: Harness, code: string): Promise<number> {
  const rows = await h.db.db.selectFrom('stock_ledger').select('delta').where('container_code', '=', code).execute();
  return rows.reduce((n, r) => n + Number(r.delta), 0);
}
