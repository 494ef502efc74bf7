import { CompiledQuery, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src/server/db/migrate';
import { inventoryMutations } from '../../src/server/services/pull-stock-all';
import { BACKENDS, freshDatabase, type TestDb } from './helpers/backends';

/**
 * Every pull of a receiver, returns clerk or lead looks up inventory commands by version:
 * the query must stay on the partial index, which it does only while its predicate is
 * the index's word for word.
 */
describe.each(BACKENDS)('inventory commands by version on %s', (kind) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await freshDatabase(kind);
    await migrate(t.db.db, t.db.kind);
  });
  afterAll(async () => t?.destroy());

  it('uses mutations_inventory_version', async () => {
    const q = inventoryMutations(t.db.db, 10, 20).compile();
    const plan = await t.db.db.transaction().execute(async (trx) => {
      // Bound parameters as the pull sends them: only the name predicate is literal.
      if (kind === 'postgres') await sql`set local enable_seqscan = off`.execute(trx);
      const r = await trx.executeQuery(CompiledQuery.raw(`${kind === 'postgres' ? 'explain' : 'explain query plan'} ${q.sql}`, [...q.parameters]));
      return JSON.stringify(r.rows);
    });
    expect(plan).toContain('mutations_inventory_version');
  });
});
