import type SQLite from 'better-sqlite3';

/**
 * The push path's bulk writes straight on the better-sqlite3 handle, with cached
 * single-row statements: ~2 µs a row against ~15 µs through a query builder. Only
 * called inside a Kysely transaction on the same (single) connection, so the rows are
 * part of that transaction.
 */
export class SqliteFast {
  constructor(private readonly prepare: (sql: string) => SQLite.Statement) {}

  /** Inserts rows (objects keyed by `cols`); returns how many went in. */
  insert(table: string, cols: readonly string[], rows: readonly object[], opts: { skipConflicts?: boolean } = {}): number {
    if (rows.length === 0) return 0;
    const stmt = this.prepare(
      `insert ${opts.skipConflicts ? 'or ignore ' : ''}into "${table}" (${cols.map((c) => `"${c}"`).join(', ')}) values (${cols.map(() => '?').join(', ')})`,
    );
    let n = 0;
    for (const r of rows) {
      const rec = r as Record<string, unknown>;
      n += stmt.run(cols.map((c) => rec[c] ?? null)).changes;
    }
    return n;
  }

  /** Ledger balance of each (bin, SKU) pair: one index probe each, where IN lists on both columns would probe every combination. */
  balances(pairs: readonly { locationId: string; skuId: string }[]): number[] {
    const stmt = this.prepare('select coalesce(sum("delta"), 0) as "b" from "stock_ledger" where "location_id" = ? and "sku_id" = ?');
    return pairs.map((p) => Number((stmt.get(p.locationId, p.skuId) as { b: number }).b));
  }

  updatePickTasks(
    tasks: readonly {
      id: string; pickedQty: number; status: string; toteCode: string | null; pickedBy: string | null; skippedAt: number | null;
      lot: string | null; expiry: string | null; version: number;
    }[],
  ) {
    const stmt = this.prepare(
      // A lot swap at the lot step moves the task's lot and expiry (pick.confirm).
      'update "pick_tasks" set "picked_qty" = ?, "status" = ?, "tote_code" = ?, "picked_by" = ?, "skipped_at" = ?, "lot" = ?, "expiry" = ?, "version" = ? where "id" = ?',
    );
    for (const t of tasks) stmt.run(t.pickedQty, t.status, t.toteCode, t.pickedBy, t.skippedAt, t.lot, t.expiry, t.version, t.id);
  }
}
