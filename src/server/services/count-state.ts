import type { Selectable, Transaction } from 'kysely';
import type { CountSubmitArgs } from '../../domain/commands';
import type { CountSubmitState, CountTaskState } from '../../domain/inventory/count-submit';
import type { CountTaskSource } from '../../domain/inventory/count';
import type { CountTaskView } from '../../domain/inventory/snapshot';
import type { CountTasksTable, Database } from '../db/schema';
import { loadCountSettings } from './count-settings';
import type { DecideEnv } from './push-decide';
import { parseJson } from './returns-state';

type Row = Selectable<CountTasksTable>;

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** Short picks store 'short_pick', negative balances 'negative_stock' (0001); the rest their source. */
export function sourceOf(reason: string): CountTaskSource {
  if (reason === 'short_pick' || reason === 'lead_request' || reason === 'periodic') return reason;
  if (reason === 'negative_stock' || reason === 'negative_balance') return 'negative_balance';
  return 'lead_request';
}

export function toCountTaskState(r: Row): CountTaskState {
  return {
    id: r.id,
    locationId: r.location_id,
    skuId: r.sku_id,
    status: r.status,
    reason: r.reason,
    round: Number(r.round ?? 1),
    chainId: r.chain_id ?? r.id,
    assignedTo: r.assigned_to ?? null,
    excludeUserIds: strings(parseJson(r.exclude_user_ids ?? '[]')),
  };
}

/** A task as a device sees it: blind, never what the ledger expects or what others counted. */
export function toCountTaskView(r: Row): CountTaskView {
  const s = toCountTaskState(r);
  return {
    id: s.id, locationId: s.locationId, skuId: s.skuId, source: sourceOf(s.reason), round: s.round,
    assignedTo: s.assignedTo, excludeUserIds: [...s.excludeUserIds], createdAt: r.created_at,
  };
}

/**
 * count.submit's state: the task, the bin's ledger balance now (this batch's earlier,
 * still unwritten ledger rows included) and the counts of the task's earlier rounds.
 */
export async function loadCountState(env: DecideEnv, a: CountSubmitArgs): Promise<CountSubmitState> {
  const { trx, warehouseId } = env;
  const row = await trx.selectFrom('count_tasks').selectAll().where('id', '=', a.countTaskId).where('warehouse_id', '=', warehouseId).executeTakeFirst();
  const { threshold } = await loadCountSettings(trx, warehouseId);
  if (!row) return { task: null, expected: [], earlier: [], threshold };
  const task = toCountTaskState(row);
  return { task, expected: await binBalance(trx, env, task), earlier: await earlierRounds(trx, task), threshold };
}

async function binBalance(trx: Transaction<Database>, env: DecideEnv, task: CountTaskState): Promise<CountSubmitState['expected']> {
  let q = trx
    .selectFrom('stock_ledger')
    .select(['sku_id', 'lot', 'expiry', (eb) => eb.fn.sum<number>('delta').as('qty')])
    .where('location_id', '=', task.locationId)
    .where('warehouse_id', '=', env.warehouseId);
  if (task.skuId !== null) q = q.where('sku_id', '=', task.skuId);
  const rows = await q.groupBy(['sku_id', 'lot', 'expiry']).execute();
  const out = new Map<string, { skuId: string; lot: string | null; expiry: string | null; qty: number }>();
  const add = (skuId: string, lot: string | null, expiry: string | null, qty: number) => {
    const k = JSON.stringify([skuId, lot, expiry]);
    const e = out.get(k) ?? { skuId, lot, expiry, qty: 0 };
    e.qty += qty;
    out.set(k, e);
  };
  for (const r of rows) add(r.sku_id, r.lot, r.expiry, Number(r.qty));
  for (const l of env.batch.ledger) {
    if (l.location_id !== task.locationId || (task.skuId !== null && l.sku_id !== task.skuId)) continue;
    add(l.sku_id, l.lot ?? null, l.expiry ?? null, Number(l.delta));
  }
  return [...out.values()];
}

async function earlierRounds(trx: Transaction<Database>, task: CountTaskState): Promise<CountSubmitState['earlier']> {
  if (task.round <= 1) return [];
  const rows = await trx
    .selectFrom('count_tasks')
    .select(['id', 'round', 'counted_by', 'counted_lines'])
    .where((eb) => eb.or([eb('id', '=', task.chainId), eb('chain_id', '=', task.chainId)]))
    .where('status', '=', 'recount')
    .where('round', '<', task.round)
    .orderBy('round')
    .execute();
  return rows
    .filter((r) => r.counted_by !== null)
    .map((r) => {
      const lines = parseJson(r.counted_lines);
      return {
        countedBy: r.counted_by!,
        lines: (Array.isArray(lines) ? (lines as { skuId: string; lot: string | null; qty: number }[]) : []).map((l) => ({ skuId: l.skuId, lot: l.lot ?? null, qty: Number(l.qty) })),
      };
    });
}
