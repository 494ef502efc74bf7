import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from './schema';

/**
 * Hands out server versions inside one write transaction. `begin` takes the counter
 * row with an UPDATE, which on PostgreSQL holds its row lock until commit: writers are
 * serialised, so versions commit in order and a puller can never skip one. Versions
 * are then numbered in memory and `finish` writes the last one back.
 */
export class VersionClock {
  private next: number;
  private written: number | null = null;
  private constructor(
    private readonly start: number,
  ) {
    this.next = start;
  }

  static async begin(trx: Transaction<Database> | Kysely<Database>): Promise<VersionClock> {
    // No parameters, so on PostgreSQL it travels with the transaction's `begin` (db/connect.ts).
    const { rows } = await sql<{ value: number }>`update server_version set value = value + 0 where id = 1 returning value`.execute(trx);
    if (!rows[0]) throw new Error('server_version row missing');
    return new VersionClock(Number(rows[0].value));
  }

  /** A fresh version for one change (a command, a seeded row). */
  tick(): number {
    this.next += 1;
    return this.next;
  }

  get current(): number {
    return this.next;
  }

  get changed(): boolean {
    return this.next !== this.start;
  }

  /**
   * The caller wrote `current` back to the counter row itself, inside this transaction
   * (folded into its last write statement), so `finish` need not write it again.
   */
  markWritten(): void {
    this.written = this.next;
  }

  async finish(trx: Transaction<Database> | Kysely<Database>): Promise<number> {
    if (this.changed && this.written !== this.next) await trx.updateTable('server_version').set({ value: this.next }).where('id', '=', 1).execute();
    return this.next;
  }
}

export async function currentVersion(db: Kysely<Database> | Transaction<Database>): Promise<number> {
  const row = await db.selectFrom('server_version').select('value').where('id', '=', 1).executeTakeFirstOrThrow();
  return Number(row.value);
}

/** PostgreSQL integer columns stop at 2^31-1; clamp client numbers before they reach SQL. */
export const MAX_INT4 = 2_147_483_647;
export function clampInt4(n: number): number {
  return Math.max(-MAX_INT4, Math.min(MAX_INT4, Math.trunc(n)));
}
