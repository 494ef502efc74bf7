import type { Kysely } from 'kysely';
import type { OrderCycle } from '../../domain/board/quality';
import { HOUR, shiftWindow, type ShiftWindow } from '../../domain/board/rates';
import { boardStats, type BoardStatsQuery, type BoardStatsResponse } from '../../domain/board/stats';
import { tallyCommands, type LoggedCommand } from '../../domain/board/tally';
import type { Database } from '../db/schema';

/** Commands the board reads: floor work and what tells of wrong picks. */
const BOARD_COMMANDS = [
  'pick.confirm',
  'pick.short',
  'pick.undo',
  'pack.confirm',
  'receipt.close',
  'putaway.confirm',
  'stock.move',
  'count.submit',
  'return.grade',
] as const;

/**
 * A command done offline reaches the server late; one received more than this after
 * the window's end is not in the window's figures yet anyway, but one done in the
 * window may be received at any time up to now, so the read is bounded below only.
 * Waves released this long before the window can still ship orders in it.
 */
export const CYCLE_LOOKBACK_HOURS = 72;
const IN_CHUNK = 500;

const chunks = <T>(xs: readonly T[]) => Array.from({ length: Math.ceil(xs.length / IN_CHUNK) }, (_, i) => xs.slice(i * IN_CHUNK, (i + 1) * IN_CHUNK));

/**
 * The warehouse's commands received since the window began. Bounded by time; the
 * device join keeps another warehouse's work out. Device time decides the window (the
 * work was done then); the receive-time bound only keeps the read small.
 */
async function loggedCommands(db: Kysely<Database>, warehouseId: string, w: ShiftWindow): Promise<LoggedCommand[]> {
  const rows = await db
    .selectFrom('mutations')
    .innerJoin('devices', 'devices.id', 'mutations.device_id')
    .select(['mutations.user_id', 'mutations.name', 'mutations.status', 'mutations.args', 'mutations.created_at'])
    .where('devices.warehouse_id', '=', warehouseId)
    .where('mutations.received_at', '>=', new Date(w.start).toISOString())
    .where('mutations.name', 'in', BOARD_COMMANDS)
    .execute();
  return rows.map((r) => ({ userId: r.user_id, name: r.name, status: r.status, args: parseArgs(r.args), at: Date.parse(r.created_at) }));
}

function parseArgs(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/**
 * Orders shipped in the window with the release of their first wave. Reached through
 * the waves released lately (a small table) and their tasks (by wave index), never by
 * a scan of all orders.
 */
async function orderCycles(db: Kysely<Database>, warehouseId: string, w: ShiftWindow): Promise<(OrderCycle & { externalId: string })[]> {
  const waves = await db
    .selectFrom('waves')
    .select(['id', 'released_at'])
    .where('warehouse_id', '=', warehouseId)
    .where('released_at', '>=', new Date(w.start - CYCLE_LOOKBACK_HOURS * HOUR).toISOString())
    .execute();
  const releasedOf = new Map(waves.map((x) => [x.id, Date.parse(x.released_at!)]));
  const released = new Map<string, number>();
  for (const ids of chunks([...releasedOf.keys()])) {
    const tasks = await db.selectFrom('pick_tasks').select(['wave_id', 'order_id']).distinct().where('wave_id', 'in', ids).execute();
    for (const t of tasks) {
      const at = releasedOf.get(t.wave_id)!;
      released.set(t.order_id, Math.min(at, released.get(t.order_id) ?? at));
    }
  }
  const out: (OrderCycle & { externalId: string })[] = [];
  const start = new Date(w.start).toISOString();
  const end = new Date(w.end).toISOString();
  for (const ids of chunks([...released.keys()])) {
    const orders = await db
      .selectFrom('orders')
      .select(['id', 'external_id', 'shipped_at'])
      .where('id', 'in', ids)
      .where('warehouse_id', '=', warehouseId)
      .where('shipped_at', '>=', start)
      .where('shipped_at', '<=', end)
      .execute();
    for (const o of orders) out.push({ orderId: o.id, externalId: o.external_id, releasedAt: released.get(o.id)!, shippedAt: Date.parse(o.shipped_at!) });
  }
  return out;
}

/** Every figure of the lead's board for the last `query.hours` hours (docs/board-stats.md). */
export async function loadBoardStats(db: Kysely<Database>, warehouseId: string, query: BoardStatsQuery, now = Date.now()): Promise<BoardStatsResponse> {
  const window = shiftWindow(now, query.hours);
  const [logged, cycles, users] = await Promise.all([
    loggedCommands(db, warehouseId, window),
    orderCycles(db, warehouseId, window),
    db.selectFrom('users').select(['id', 'name']).where('warehouse_id', '=', warehouseId).execute(),
  ]);
  const { actions, quality } = tallyCommands(logged, window);
  return boardStats({ window, query, actions, quality, cycles, names: new Map(users.map((u) => [u.id, u.name])) });
}
