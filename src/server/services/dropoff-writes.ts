import type { Transaction } from 'kysely';
import type { WaveDropoffArgs } from '../../domain/commands';
import type { Location } from '../../domain/model';
import type { Database } from '../db/schema';

/** The bench a drop-off names: by id when the device resolved it, else by its label. */
export async function findLocation(trx: Transaction<Database>, warehouseId: string, a: WaveDropoffArgs) {
  let q = trx.selectFrom('locations').select(['id', 'code', 'type']).where('warehouse_id', '=', warehouseId);
  q = a.locationId !== undefined ? q.where('id', '=', a.locationId) : q.where('code', '=', a.locationCode!);
  const row = await q.executeTakeFirst();
  return row ? { id: row.id, code: row.code, type: row.type as Location['type'] } : null;
}

export interface ToteWrite {
  id: string;
  code: string;
  status: string;
  locationId: string | null;
  waveId: string | null;
  version: number;
}

/**
 * Rare (a wave's drop-off, a handful of totes): plain statements beside the batch's main
 * writes, same transaction. A tote code picked into but never registered gets its row.
 */
export async function writeTotes(trx: Transaction<Database>, warehouseId: string, totes: ToteWrite[]): Promise<void> {
  for (const t of totes) {
    const r = await trx
      .updateTable('totes')
      .set({ status: t.status, location_id: t.locationId, wave_id: t.waveId, version: t.version })
      .where('warehouse_id', '=', warehouseId)
      .where('code', '=', t.code)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) {
      await trx
        .insertInto('totes')
        .values({ id: t.id, warehouse_id: warehouseId, code: t.code, status: t.status, location_id: t.locationId, wave_id: t.waveId, version: t.version })
        .execute();
    }
  }
}
