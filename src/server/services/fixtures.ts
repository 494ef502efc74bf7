import type { Kysely } from 'kysely';
import { insertRows } from '../db/bulk';
import type { Database } from '../db/schema';
import { VersionClock } from '../db/version';
import { writeWave, type WaveLine } from '../db/wave-writer';

export interface FixtureWave {
  code: string;
  assignedUserId: string | null;
  tasks: number;
  /** Units per task; 1 keeps benchmark commands uniform. */
  qty?: number;
  linesPerOrder?: number;
}

/**
 * An extra released wave of N tasks over the seeded pick faces, with its own orders
 * (up to four lines each, one seller per order). For benchmarks and tests that need
 * more work than the demo wave, e.g. a 1,000-task wave.
 */
export async function createReleasedWave(db: Kysely<Database>, w: FixtureWave): Promise<{ waveId: string; taskIds: string[] }> {
  const faces = await db
    .selectFrom('stock_ledger')
    .innerJoin('locations', 'locations.id', 'stock_ledger.location_id')
    .innerJoin('skus', 'skus.id', 'stock_ledger.sku_id')
    .select(['stock_ledger.location_id', 'stock_ledger.sku_id', 'skus.seller_id', 'locations.warehouse_id'])
    .where('locations.type', '=', 'pick_face')
    .where('stock_ledger.reason', '=', 'seed')
    .orderBy('skus.seller_id')
    .orderBy('locations.walk_seq')
    .execute();
  if (faces.length === 0) throw new Error('no seeded pick faces: seed the database first');
  const per = Math.max(1, Math.min(4, w.linesPerOrder ?? 4));
  const now = new Date().toISOString();
  const tag = w.code.replace(/[^A-Za-z0-9-]/g, '');
  return db.transaction().execute(async (trx) => {
    const clock = await VersionClock.begin(trx);
    const orders: Parameters<typeof insertRows<'orders'>>[2] = [];
    const lines: Parameters<typeof insertRows<'order_lines'>>[2] = [];
    const waveLines: WaveLine[] = [];
    let order: { id: string; seller: string; ref: string; n: number } | null = null;
    for (let i = 0; i < w.tasks; i++) {
      const f = faces[i % faces.length]!;
      if (!order || order.n >= per || order.seller !== f.seller_id) {
        const k = orders.length + 1;
        order = { id: `ord-${tag}-${k}`, seller: f.seller_id, ref: `${tag}-SO-${k}`, n: 0 };
        orders.push({
          id: order.id,
          warehouse_id: f.warehouse_id,
          seller_id: f.seller_id,
          external_id: order.ref,
          status: 'released',
          ship_to: JSON.stringify({ name: 'Bench Customer', line1: '1 Test Way', city: 'Austin', region: 'TX', postalCode: '78701', country: 'US' }),
          carrier_service: 'UPS Ground',
          ship_by: now,
          created_at: now,
          version: clock.tick(),
        });
      }
      order.n += 1;
      const lineId = `${order.id}-${order.n}`;
      lines.push({ id: lineId, order_id: order.id, line_no: order.n, sku_id: f.sku_id, qty: w.qty ?? 1, version: clock.tick() });
      waveLines.push({ orderId: order.id, orderLineId: lineId, orderRef: order.ref, skuId: f.sku_id, qty: w.qty ?? 1, locationId: f.location_id! });
    }
    await insertRows(trx, 'orders', orders);
    await insertRows(trx, 'order_lines', lines);
    const waveId = await writeWave(trx, clock, {
      warehouseId: faces[0]!.warehouse_id,
      code: w.code,
      assignedUserId: w.assignedUserId,
      now,
      lines: waveLines,
    });
    await clock.finish(trx);
    const tasks = await trx.selectFrom('pick_tasks').select('id').where('wave_id', '=', waveId).orderBy('walk_seq').orderBy('id').execute();
    return { waveId, taskIds: tasks.map((t) => t.id) };
  });
}
