import type { Transaction } from 'kysely';
import { insertRows } from './bulk';
import type { Database } from './schema';
import type { VersionClock } from './version';

export interface WaveLine {
  orderId: string;
  orderLineId: string;
  orderRef: string;
  skuId: string;
  qty: number;
  locationId: string;
  /** Allocated lot and expiry (lot/expiry-tracked SKUs). */
  lot?: string | null;
  expiry?: string | null;
}

export interface NewWave {
  warehouseId: string;
  code: string;
  assignedUserId: string | null;
  /** Defaults to 'single'. */
  kind?: 'single' | 'cluster';
  now: string;
  lines: WaveLine[];
}

/** Writes a released wave with one pick task per line, numbered in walk order. */
export async function writeWave(trx: Transaction<Database>, clock: VersionClock, w: NewWave): Promise<string> {
  const ids = [...new Set(w.lines.map((l) => l.locationId))];
  const walk = new Map<string, number>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await trx.selectFrom('locations').select(['id', 'walk_seq']).where('id', 'in', ids.slice(i, i + 500)).execute();
    for (const r of rows) walk.set(r.id, r.walk_seq);
  }
  const sorted = [...w.lines].sort((a, b) => walk.get(a.locationId)! - walk.get(b.locationId)! || a.orderLineId.localeCompare(b.orderLineId));
  const waveId = `wave-${w.code}`;
  await trx
    .insertInto('waves')
    .values({
      id: waveId,
      warehouse_id: w.warehouseId,
      code: w.code,
      status: 'released',
      kind: w.kind ?? 'single',
      assigned_user_id: w.assignedUserId,
      assignment_epoch: w.assignedUserId ? 1 : 0,
      released_at: w.now,
      completed_at: null,
      version: clock.tick(),
    })
    .execute();
  const width = String(sorted.length).length < 3 ? 3 : String(sorted.length).length;
  await insertRows(
    trx,
    'pick_tasks',
    sorted.map((l, i) => ({
      id: `task-${w.code}-${String(i + 1).padStart(width, '0')}`,
      warehouse_id: w.warehouseId,
      wave_id: waveId,
      order_id: l.orderId,
      order_line_id: l.orderLineId,
      order_ref: l.orderRef,
      sku_id: l.skuId,
      location_id: l.locationId,
      walk_seq: walk.get(l.locationId)!,
      qty: l.qty,
      picked_qty: 0,
      status: 'open',
      tote_code: null,
      picked_by: null,
      lot: l.lot ?? null,
      expiry: l.expiry ?? null,
      skipped_at: null,
      version: clock.tick(),
    })),
  );
  return waveId;
}
