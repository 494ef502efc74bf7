import type { Insertable, Transaction } from 'kysely';
import type { Outcome } from '../../domain/commands';
import { insertRows } from '../db/bulk';
import type { CartonsTable, Database, SellerEventsTable, ShipmentsTable } from '../db/schema';

/**
 * The rows packing commands cause (order status, shipments with their cartons, seller
 * events), gathered while a push batch decides and written at its end, in its
 * transaction. Rare beside picks: plain statements, not the batch's bulk statement.
 * Named after the command, like every row a command causes; the unique indexes on
 * tracking numbers, SSCCs, shipment orders and override nonces are the backstop.
 */
export class PackWrites {
  private readonly orders = new Map<string, { status: string; version: number; packedAt: string | null; from?: readonly string[] }>();
  private readonly shipments: Insertable<ShipmentsTable>[] = [];
  private readonly cartons: Insertable<CartonsTable>[] = [];
  private readonly events: Insertable<SellerEventsTable>[] = [];

  constructor(private readonly warehouseId: string) {}

  collect(outcome: Outcome, mutationId: string, version: number, now: string): void {
    if (outcome.status !== 'applied') return;
    for (const o of outcome.orderPatches ?? []) {
      const prev = this.orders.get(o.id);
      if (o.from && prev && !o.from.includes(prev.status as never)) continue;
      this.orders.set(o.id, {
        status: o.patch.status,
        version,
        packedAt: o.patch.status === 'packed' ? now : (prev?.packedAt ?? null),
        ...(o.from && !prev ? { from: o.from } : {}),
      });
    }
    for (const s of outcome.shipments ?? []) {
      this.shipments.push({
        id: s.id,
        warehouse_id: this.warehouseId,
        order_id: s.orderId,
        bench_id: s.benchId,
        carrier: s.carrier,
        service: s.service,
        status: 'packed',
        packed_by: s.packedBy,
        override_by: s.overrideBy,
        override_nonce: s.overrideNonce,
        mutation_id: mutationId,
        created_at: now,
        shipped_at: null,
        version,
      });
      for (const c of s.cartons) {
        this.cartons.push({
          id: c.id,
          warehouse_id: this.warehouseId,
          shipment_id: s.id,
          order_id: s.orderId,
          seq: c.seq,
          box_type_id: c.boxTypeId,
          weight_g: c.weightG,
          expected_weight_g: c.expectedWeightG,
          tracking_number: c.trackingNumber,
          sscc: c.sscc,
          contents: JSON.stringify(c.items),
          carrier: s.carrier,
          manifest_id: null,
          created_at: now,
          version,
        });
      }
    }
    for (const [n, e] of (outcome.sellerEvents ?? []).entries()) {
      this.events.push({
        id: `${mutationId}:e${n}`,
        warehouse_id: this.warehouseId,
        seller_id: e.sellerId,
        type: e.type,
        payload: JSON.stringify(e.payload),
        created_at: now,
        version,
      });
    }
  }

  async write(trx: Transaction<Database>): Promise<void> {
    for (const [id, o] of this.orders) {
      let q = trx
        .updateTable('orders')
        .set({ status: o.status, version: o.version, ...(o.packedAt ? { packed_at: o.packedAt } : {}) })
        .where('id', '=', id)
        .where('warehouse_id', '=', this.warehouseId);
      if (o.from) q = q.where('status', 'in', [...o.from]);
      await q.execute();
    }
    // Shipments before their cartons (foreign key).
    await insertRows(trx, 'shipments', this.shipments);
    await insertRows(trx, 'cartons', this.cartons);
    await insertRows(trx, 'seller_events', this.events);
  }
}
