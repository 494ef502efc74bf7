import { sql, type Insertable, type Kysely, type Transaction } from 'kysely';
import type { DbKind } from './connect';
import type { Database } from './schema';

type Conn = Kysely<Database> | Transaction<Database>;
export type PgType = 'text' | 'int4';

/**
 * Multi-row INSERTs in chunks: one statement per chunk keeps PostgreSQL round trips
 * few, and the chunk size keeps SQLite under its bound-parameter limit.
 */
export async function insertRows<T extends keyof Database & string>(
  db: Conn,
  table: T,
  rows: Insertable<Database[T]>[],
  chunk = 200,
): Promise<void> {
  for (let i = 0; i < rows.length; i += chunk) {
    // Kysely's generic insert typing cannot follow a table name held in a variable.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    await (db as Kysely<any>).insertInto(table).values(rows.slice(i, i + chunk)).execute();
  }
}

/**
 * The hot-path insert; returns how many rows went in. On PostgreSQL one parameter per
 * column (arrays through unnest) instead of one per value: a 200-row batch then parses
 * and binds in a fraction of the time. On SQLite cached multi-row statements are already
 * cheap. `skipConflicts` turns unique violations into rows not counted.
 */
export async function insertMany<T extends keyof Database & string>(
  db: Conn,
  kind: DbKind,
  table: T,
  types: Record<keyof Database[T] & string, PgType>,
  rows: Insertable<Database[T]>[],
  opts: { skipConflicts?: boolean } = {},
): Promise<number> {
  if (rows.length === 0) return 0;
  const conflict = opts.skipConflicts ? sql` on conflict do nothing` : sql``;
  if (kind === 'sqlite') {
    let n = 0;
    for (let i = 0; i < rows.length; i += 100) {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      let q = (db as Kysely<any>).insertInto(table).values(rows.slice(i, i + 100));
      if (opts.skipConflicts) q = q.onConflict((oc) => oc.doNothing());
      const r = await q.executeTakeFirst();
      n += Number(r.numInsertedOrUpdatedRows ?? 0);
    }
    return n;
  }
  const cols = Object.keys(types) as (keyof Database[T] & string)[];
  const r = await sql`insert into ${sql.table(table)} (${sql.join(cols.map((c) => sql.ref(c)))}) select * from unnest(${unnestColumns(types, rows)})${conflict}`.execute(db);
  return Number(r.numAffectedRows ?? 0);
}

/** PostgreSQL: the arguments of `unnest(...)` for rows, one typed array parameter per column (in `types` order). */
export function unnestColumns(types: Record<string, PgType>, rows: readonly object[]) {
  return sql.join(Object.keys(types).map((c) => sql`${rows.map((r) => (r as Record<string, unknown>)[c] ?? null)}::${sql.raw(types[c]!)}[]`));
}
