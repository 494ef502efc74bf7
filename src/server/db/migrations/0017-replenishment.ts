import type { Kysely } from 'kysely';

/** Replenishment tasks and pick-face minimums (reserved: filled in by the work it belongs to). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-unused-vars
export async function up(db: Kysely<any>): Promise<void> {}
