import type { Kysely, Transaction } from 'kysely';
import { countSettingsOf, CountSettingsPatch, type CountSettings } from '../../domain/inventory/count-settings';
import type { Database } from '../db/schema';
import type { EventHub } from './events';
import { parseJson } from './returns-state';
import { versionedWrite } from './shipping-tx';

/** The counting settings in force in a warehouse. */
export async function loadCountSettings(trx: Transaction<Database> | Kysely<Database>, warehouseId: string): Promise<CountSettings> {
  const w = await trx.selectFrom('warehouses').select('count_settings').where('id', '=', warehouseId).executeTakeFirst();
  return countSettingsOf(parseJson(w?.count_settings ?? null));
}

/** A lead changes some settings; the others keep their stored value. Returns what is now in force. */
export function saveCountSettings(db: Kysely<Database>, events: EventHub, warehouseId: string, patch: CountSettingsPatch): Promise<CountSettings> {
  return versionedWrite(db, events, async (trx, clock) => {
    const w = await trx.selectFrom('warehouses').select('count_settings').where('id', '=', warehouseId).executeTakeFirstOrThrow();
    const old = CountSettingsPatch.safeParse(parseJson(w.count_settings));
    const next = { ...(old.success ? old.data : {}), ...patch };
    await trx.updateTable('warehouses').set({ count_settings: JSON.stringify(next), version: clock.tick() }).where('id', '=', warehouseId).execute();
    return countSettingsOf(next);
  });
}
