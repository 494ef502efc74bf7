import type { Insertable, Kysely, Transaction } from 'kysely';
import type { Database } from './schema';

type Conn = Kysely<Database> | Transaction<Database>;

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
