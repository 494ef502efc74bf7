import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { uuidv7 } from 'uuidv7';
import { SCHEMA_VERSION } from '../../src/domain/sync';
import { prepareDatabase } from '../../src/server/start';
import { createReleasedWave } from '../../src/server/services/fixtures';
import { figure, percentile, type Figure } from './figures';
import { startServer } from './server-process';

const COMMANDS = 10_000;
const BATCH = 100;
const DEVICES = 4;

interface Prepared {
  env: Record<string, string>;
  tasks: { id: string; orderId: string }[];
  waveId: string;
  cleanup(): Promise<void>;
}

async function prepare(kind: 'sqlite' | 'postgres', pgUrl: string | undefined): Promise<Prepared> {
  let env: Record<string, string>;
  let cleanup: () => Promise<void>;
  let serverEnv: { databaseUrl: string | undefined; dataDir: string };
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'tote-bench-'));
    env = { DATA_DIR: dir };
    serverEnv = { databaseUrl: undefined, dataDir: dir };
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const name = `tote_bench_${Date.now()}`;
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const u = new URL(pgUrl!);
    u.pathname = `/${name}`;
    env = { DATABASE_URL: u.toString() };
    serverEnv = { databaseUrl: u.toString(), dataDir: '/nonexistent' };
    cleanup = async () => {
      const a = new pg.Client({ connectionString: pgUrl });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    };
  }
  const { db } = await prepareDatabase(serverEnv);
  const pat = await db.db.selectFrom('users').select('id').where('badge', '=', 'U1001').executeTakeFirstOrThrow();
  const { waveId } = await createReleasedWave(db.db, { code: 'BENCH', assignedUserId: pat.id, tasks: COMMANDS, qty: 1 });
  const rows = await db.db.selectFrom('pick_tasks').select(['id', 'order_id']).where('wave_id', '=', waveId).orderBy('walk_seq').execute();
  await db.close();
  return { env, waveId, tasks: rows.map((r) => ({ id: r.id, orderId: r.order_id })), cleanup };
}

async function login(url: string, deviceId: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ badge: 'U1001', pin: '1234', deviceId }),
  });
  if (!res.ok) throw new Error(`login ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}

/** Several devices push their own share of a 10,000-task wave in batches of 100, concurrently. */
export async function pushThroughput(kind: 'sqlite' | 'postgres', pgUrl?: string): Promise<{ rate: number; p95: number; rssMb: number; applied: number }> {
  const p = await prepare(kind, pgUrl);
  const server = await startServer(p.env);
  try {
    const devices = await Promise.all(
      Array.from({ length: DEVICES }, async (_, d) => {
        const deviceId = `bench-${kind}-${d}`;
        return { deviceId, token: await login(server.url, deviceId) };
      }),
    );
    const userId = 'u-1001';
    const latencies: number[] = [];
    let applied = 0;
    const started = performance.now();
    await Promise.all(
      devices.map(async (dev, d) => {
        const mine = p.tasks.filter((_, i) => i % DEVICES === d);
        let seq = 1;
        for (let i = 0; i < mine.length; i += BATCH) {
          const mutations = mine.slice(i, i + BATCH).map((t) => ({
            id: uuidv7(),
            deviceId: dev.deviceId,
            seq: seq++,
            name: 'pick.confirm',
            args: { waveId: p.waveId, taskId: t.id, qty: 1, toteCode: `BT-${t.orderId}`.slice(0, 64), assignmentEpoch: 1 },
            argsVersion: 1,
            userId,
            createdAt: new Date().toISOString(),
          }));
          const t0 = performance.now();
          const res = await fetch(`${server.url}/api/sync/push`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${dev.token}` },
            body: JSON.stringify({ deviceId: dev.deviceId, schemaVersion: SCHEMA_VERSION, appVersion: 'bench', mutations }),
          });
          latencies.push(performance.now() - t0);
          if (!res.ok) throw new Error(`push ${res.status}: ${await res.text()}`);
          const body = (await res.json()) as { results: { status: string }[] };
          applied += body.results.filter((r) => r.status === 'applied').length;
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    return { rate: COMMANDS / seconds, p95: percentile(latencies, 95), rssMb: server.rssMb(), applied };
  } finally {
    await server.stop();
    await p.cleanup();
  }
}

export async function pushFigures(pgUrl: string | undefined): Promise<Figure[]> {
  const out: Figure[] = [];
  const s = await pushThroughput('sqlite');
  out.push(figure('push throughput, SQLite, batches of 100', s.rate, 'commands/s', '>=', 10_000, `${s.applied} applied, ${DEVICES} devices`));
  out.push(figure('push latency per batch of 100, SQLite, p95', s.p95, 'ms', '<=', 100));
  out.push(figure('server RSS after the push benchmark (SQLite)', s.rssMb, 'MB', '<=', 250));
  if (pgUrl) {
    const g = await pushThroughput('postgres', pgUrl);
    out.push(figure('push throughput, PostgreSQL, batches of 100', g.rate, 'commands/s', '>=', 5_000, `${g.applied} applied, ${DEVICES} devices`));
    out.push(figure('push latency per batch of 100, PostgreSQL, p95', g.p95, 'ms', '<=', 100));
    out.push(figure('server RSS after the push benchmark (PostgreSQL)', g.rssMb, 'MB', '<=', 250));
  } else {
    out.push(figure('push throughput, PostgreSQL, batches of 100', null, 'commands/s', '>=', 5_000, 'set BENCH_DATABASE_URL'));
  }
  return out;
}
