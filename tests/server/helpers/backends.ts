import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase, type Db } from '../../../src/server/db/connect';

/**
 * The databases every integration suite runs on: SQLite always, PostgreSQL when
 * TEST_DATABASE_URL is set. With REQUIRE_PG=1 a missing or silent PostgreSQL fails the
 * run instead of quietly skipping half the suite.
 */
export type BackendName = 'sqlite' | 'postgres';

async function postgresAnswers(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (err) {
    return (err as Error).message;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function detect(): Promise<BackendName[]> {
  const url = process.env.TEST_DATABASE_URL;
  const required = process.env.REQUIRE_PG === '1';
  if (!url) {
    if (required) throw new Error('REQUIRE_PG=1 but TEST_DATABASE_URL is not set');
    return ['sqlite'];
  }
  const problem = await postgresAnswers(url);
  if (problem) {
    if (required) throw new Error(`REQUIRE_PG=1 but PostgreSQL at TEST_DATABASE_URL does not answer: ${problem}`);
    console.warn(`[tote] PostgreSQL tests skipped: ${problem}`);
    return ['sqlite'];
  }
  return ['sqlite', 'postgres'];
}

export const BACKENDS: BackendName[] = await detect();

export interface TestDb {
  db: Db;
  /** Drops the temporary database (PostgreSQL) or deletes its directory (SQLite). */
  destroy(): Promise<void>;
}

/** A fresh, empty database of the given kind, private to the calling test file. */
export async function freshDatabase(kind: BackendName): Promise<TestDb> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'tote-test-'));
    const db = openDatabase(`sqlite:${join(dir, 'tote.sqlite')}`);
    return {
      db,
      destroy: async () => {
        await db.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const name = `tote_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  const db = openDatabase(u.toString());
  return {
    db,
    destroy: async () => {
      await db.close();
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
