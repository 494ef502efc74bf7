import { sql, type Kysely } from 'kysely';
import type { DbKind } from './connect';
import type { Database } from './schema';
import * as m0001 from './migrations/0001-initial';
import * as m0002 from './migrations/0002-wave-task-index';
import * as m0003 from './migrations/0003-mutation-wave';
import * as m0004 from './migrations/0004-fewer-hot-indexes';
import * as m0005 from './migrations/0005-picking-rules';
import * as m0006 from './migrations/0006-wave-dropoff';
import * as m0007 from './migrations/0007-packing';
import * as m0008 from './migrations/0008-inbound';
import * as m0009 from './migrations/0009-receiving';
import * as m0010 from './migrations/0010-count-returns';
import * as m0011 from './migrations/0011-count-settings';
import * as m0012 from './migrations/0012-seller-keys';
import * as m0013 from './migrations/0013-seller-orders';
import * as m0014 from './migrations/0014-device-reports';
import * as m0015 from './migrations/0015-lead-actions';
import * as m0016 from './migrations/0016-board-index';
import * as m0017 from './migrations/0017-replenishment';
import * as m0018 from './migrations/0018-exception-handling';

/** A migration; `kind` for the rare column type the two databases spell differently. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Up = (db: Kysely<any>, kind: DbKind) => Promise<void>;

/**
 * Migrations are modules imported here rather than files read at run time, so the
 * bundled server carries them. Append only: a shipped migration never changes.
 */
export const MIGRATIONS: readonly { name: string; up: Up }[] = [
  { name: '0001-initial', up: m0001.up },
  { name: '0002-wave-task-index', up: m0002.up },
  { name: '0003-mutation-wave', up: m0003.up },
  { name: '0004-fewer-hot-indexes', up: m0004.up },
  { name: '0005-picking-rules', up: m0005.up },
  { name: '0006-wave-dropoff', up: m0006.up },
  { name: '0007-packing', up: m0007.up },
  { name: '0008-inbound', up: m0008.up },
  { name: '0009-receiving', up: m0009.up },
  { name: '0010-count-returns', up: m0010.up },
  { name: '0011-count-settings', up: m0011.up },
  { name: '0012-seller-keys', up: m0012.up },
  { name: '0013-seller-orders', up: m0013.up },
  { name: '0014-device-reports', up: m0014.up },
  { name: '0015-lead-actions', up: m0015.up },
  { name: '0016-board-index', up: m0016.up },
  { name: '0017-replenishment', up: m0017.up },
  { name: '0018-exception-handling', up: m0018.up },
];

/** Applies every pending migration, each in its own transaction; returns the names applied. */
export async function migrate(db: Kysely<Database>, kind: DbKind): Promise<string[]> {
  await db.schema
    .createTable('tote_migrations')
    .ifNotExists()
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('applied_at', 'text', (c) => c.notNull())
    .execute();
  const applied: string[] = [];
  for (const m of MIGRATIONS) {
    const done = await db.transaction().execute(async (trx) => {
      // Two servers starting against one PostgreSQL must not both run a migration.
      if (kind === 'postgres') await sql`select pg_advisory_xact_lock(7462001)`.execute(trx);
      const row = await trx.selectFrom('tote_migrations').select('name').where('name', '=', m.name).executeTakeFirst();
      if (row) return false;
      await m.up(trx, kind);
      await trx.insertInto('tote_migrations').values({ name: m.name, applied_at: new Date().toISOString() }).execute();
      return true;
    });
    if (done) applied.push(m.name);
  }
  return applied;
}
