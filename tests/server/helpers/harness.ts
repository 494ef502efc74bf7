import { createHash } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { buildApp } from '../../../src/server/app';
import { migrate } from '../../../src/server/db/migrate';
import { ALL_TABLES } from '../../../src/server/db/schema';
import { seedIfEmpty } from '../../../src/server/db/seed';
import type { Mutation, PushResponse } from '../../../src/domain/sync';
import { SCHEMA_VERSION } from '../../../src/domain/sync';
import { freshDatabase, type BackendName, type TestDb } from './backends';

export interface Harness extends TestDb {
  app: FastifyInstance;
  kind: BackendName;
  close(): Promise<void>;
}

/** A migrated, seeded database and an app on it, not listening (use inject). */
export async function startHarness(kind: BackendName, opts: { loginPerMinute?: number } = {}): Promise<Harness> {
  const t = await freshDatabase(kind);
  await migrate(t.db.db, t.db.kind);
  await seedIfEmpty(t.db.db);
  const app = await buildApp({ db: t.db, loginPerMinute: opts.loginPerMinute ?? 1000, forceCloseConnections: true });
  await app.ready();
  return {
    ...t,
    app,
    kind,
    close: async () => {
      await app.close();
      await t.destroy();
    },
  };
}

export const WAVE_ID = 'wave-W-0001';
export const PAT = 'u-1001';
export const PILAR = 'u-1002';
export const LEE = 'u-5001';

export async function login(app: FastifyInstance, badge: string, deviceId: string, pin = '1234'): Promise<string> {
  const r = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { badge, pin, deviceId } });
  if (r.statusCode !== 200) throw new Error(`login ${badge} failed: ${r.statusCode} ${r.body}`);
  return (r.json() as { token: string }).token;
}

/** A device as the client would be: its own gap-free seq and an outbox of commands. */
export class Device {
  seq = 0;
  constructor(
    readonly app: FastifyInstance,
    readonly id: string,
    public token: string,
    public userId: string,
  ) {}

  static async signIn(app: FastifyInstance, badge: string, userId: string, id = `dev-${uuidv7()}`) {
    return new Device(app, id, await login(app, badge, id), userId);
  }

  command(name: string, args: unknown, extra: Partial<Mutation> = {}): Mutation {
    this.seq += 1;
    return {
      id: uuidv7(),
      deviceId: this.id,
      seq: this.seq,
      name,
      args,
      argsVersion: 1,
      userId: this.userId,
      createdAt: new Date().toISOString(),
      ...extra,
    };
  }

  pushRaw(mutations: Mutation[], body: Record<string, unknown> = {}): Promise<LightMyRequestResponse> {
    return this.app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: { authorization: `Bearer ${this.token}` },
      payload: { deviceId: this.id, schemaVersion: SCHEMA_VERSION, appVersion: '0.1.0-test', mutations, ...body },
    });
  }

  async push(mutations: Mutation[]): Promise<PushResponse> {
    const r = await this.pushRaw(mutations);
    if (r.statusCode !== 200) throw new Error(`push failed: ${r.statusCode} ${r.body}`);
    return r.json() as PushResponse;
  }

  get(url: string): Promise<LightMyRequestResponse> {
    return this.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${this.token}` } });
  }
}

export function pickArgs(taskId: string, qty: number, toteCode: string, epoch = 1, waveId = WAVE_ID) {
  return { waveId, taskId, qty, toteCode, assignmentEpoch: epoch };
}

/** A digest of every row of every table: equal digests mean nothing changed. */
export async function digest(h: TestDb): Promise<string> {
  const hash = createHash('sha256');
  for (const t of ALL_TABLES) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(t)}`.execute(h.db.db);
    const lines = rows.rows.map((r) => JSON.stringify(Object.keys(r).sort().map((k) => [k, r[k] === null ? null : String(r[k])])));
    lines.sort();
    hash.update(`${t}:${lines.length}\n${lines.join('\n')}\n`);
  }
  return hash.digest('hex');
}

export async function tasksOf(h: TestDb, waveId = WAVE_ID) {
  return h.db.db.selectFrom('pick_tasks').selectAll().where('wave_id', '=', waveId).orderBy('walk_seq').orderBy('id').execute();
}
