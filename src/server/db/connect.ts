import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type PostgresPool, type PostgresPoolClient } from 'kysely';
import pg from 'pg';
import type { Database } from './schema';
import { SqliteFast } from './sqlite-fast';

export type DbKind = 'sqlite' | 'postgres';

export interface Db {
  db: Kysely<Database>;
  kind: DbKind;
  /** Where the data lives, for the start-up banner (no password). */
  describe: string;
  /** SQLite only: bulk writes that bypass the query builder on the push path. */
  fast: SqliteFast | null;
  close(): Promise<void>;
}

export const DEFAULT_SQLITE_FILE = 'tote.sqlite';

/**
 * Picks the database from a URL: `postgres://` or `postgresql://` is PostgreSQL,
 * `sqlite:/path/file.sqlite` or a bare path is SQLite. Nothing given means
 * `${dataDir}/tote.sqlite`.
 */
export function resolveDatabase(url: string | undefined, dataDir = './data'): { kind: DbKind; target: string } {
  if (url && /^postgres(ql)?:\/\//i.test(url)) return { kind: 'postgres', target: url };
  if (url && url.trim() !== '') return { kind: 'sqlite', target: resolve(url.replace(/^sqlite:(\/\/)?/i, '')) };
  return { kind: 'sqlite', target: resolve(dataDir, DEFAULT_SQLITE_FILE) };
}

export function openDatabase(url: string | undefined, dataDir?: string): Db {
  const { kind, target } = resolveDatabase(url, dataDir);
  return kind === 'postgres' ? openPostgres(target) : openSqlite(target);
}

export function openSqlite(file: string): Db {
  mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  // WAL keeps readers off the writer's back; NORMAL sync in WAL mode still survives a
  // process kill (only an OS crash can lose the last commits), which is what handhelds
  // retrying from their outbox can absorb.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('cache_size = -32000');
  const cached = withStatementCache(sqlite);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: cached }) });
  return {
    db,
    kind: 'sqlite',
    describe: file,
    fast: new SqliteFast(cached.prepare),
    close: () => db.destroy(),
  };
}

/**
 * Kysely prepares every query afresh; compiling a 200-row INSERT costs more than running
 * it. Statements are reused by SQL text instead (one connection, never iterated
 * concurrently, so sharing is safe).
 */
function withStatementCache(sqlite: SQLite.Database) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => {
      cache.clear();
      sqlite.close();
    },
    prepare: (sql: string) => {
      let stmt = cache.get(sql);
      if (!stmt) {
        stmt = sqlite.prepare(sql);
        if (cache.size >= 500) cache.delete(cache.keys().next().value!);
        cache.set(sql, stmt);
      }
      return stmt;
    },
  };
}

// int8 (COUNT, SUM) comes back as text by default; every int8 we read fits a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

/**
 * Put first in a hot statement's SQL text (PostgreSQL): it is then sent as a named
 * prepared statement, so each connection parses it once and PostgreSQL can reuse its
 * plan. Only for a few fixed texts: every distinct text stays prepared on every
 * connection for the life of the pool.
 */
export const PREPARED = '/* prepared */ ';

const statementNames = new Map<string, string>();

function preparing(pool: pg.Pool): PostgresPool {
  // One wrapper per pg client, so Kysely keeps recognising a pooled connection.
  const wrappers = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  const wrap = (client: pg.PoolClient): PostgresPoolClient => {
    // A transaction's `begin` goes out with its first statement when that one has no
    // parameters (the counter lock): one round trip for both, as one simple query.
    let beginPending = false;
    const query = async (text: string, values: unknown[]) => {
      if (text === 'begin') {
        beginPending = true;
        return { command: 'BEGIN', rowCount: null, rows: [] };
      }
      if (beginPending) {
        beginPending = false;
        if (values.length === 0) {
          const results = (await client.query(`begin; ${text}`)) as unknown as pg.QueryResult[];
          return results[results.length - 1]!;
        }
        await client.query('begin');
      }
      if (!text.startsWith(PREPARED)) return client.query(text, values);
      let name = statementNames.get(text);
      if (!name) statementNames.set(text, (name = `tote_${statementNames.size + 1}`));
      return client.query({ name, text, values });
    };
    const release = (destroy?: boolean) => {
      beginPending = false;
      client.release(destroy);
    };
    return { query, release } as unknown as PostgresPoolClient;
  };
  return {
    connect: async () => {
      const client = await pool.connect();
      let w = wrappers.get(client);
      if (!w) wrappers.set(client, (w = wrap(client)));
      return w;
    },
    end: () => pool.end(),
  };
}

export function openPostgres(url: string): Db {
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5000 });
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: preparing(pool) }) });
  return { db, kind: 'postgres', describe: withoutPassword(url), fast: null, close: () => db.destroy() };
}

function withoutPassword(url: string): string {
  try {
    const u = new URL(url);
    u.password = '';
    return u.toString();
  } catch {
    return 'postgres';
  }
}
