import type { Kysely } from 'kysely';

/**
 * The lead's board reads the commands received in the last hours (services/board-stats.ts)
 * every time it refreshes. Without this index that read walks the whole mutations log.
 * One more index write per command, but received_at only grows, so it appends at the
 * right edge of the tree: the cheapest kind of index write (0004 dropped the costly ones).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('mutations_received').on('mutations').column('received_at').execute();
}
