import type { Kysely } from 'kysely';

/** Who handled an exception, how and when (reserved: filled in by the work it belongs to). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-unused-vars
export async function up(db: Kysely<any>): Promise<void> {}
