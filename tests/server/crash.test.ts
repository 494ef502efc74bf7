import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { uuidv7 } from 'uuidv7';
import { afterAll, describe, expect, it } from 'vitest';
import type { Mutation, MutationResult, PushResponse } from '../../src/domain/sync';
import { SCHEMA_VERSION } from '../../src/domain/sync';
import { openSqlite } from '../../src/server/db/connect';
import { migrate } from '../../src/server/db/migrate';
import { seedIfEmpty } from '../../src/server/db/seed';
import { createReleasedWave } from '../../src/server/services/fixtures';

/**
 * The real server process on a SQLite file (chosen with DATA_DIR), killed with SIGKILL
 * mid-stream while four handhelds push; each handheld re-pushes from its last
 * acknowledged seq after every restart. Every acknowledged command must end up stored
 * exactly once, with its effect applied exactly once.
 */
const DEVICES = 4;
const PER_DEVICE = 250;
const BATCH = 10;
const KILL_AT = [0.15, 0.35, 0.55, 0.75];

class Server {
  proc: ChildProcess | null = null;
  base = '';
  constructor(private readonly dataDir: string) {}

  async start(): Promise<void> {
    const proc = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      cwd: process.cwd(),
      env: { ...process.env, DATA_DIR: this.dataDir, DATABASE_URL: '', PORT: '0', HOST: '127.0.0.1', STATIC_DIR: join(this.dataDir, 'no-client'), LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.proc = proc;
    let out = '';
    this.base = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 30_000);
      const onData = (b: Buffer) => {
        out += b.toString();
        const m = /listening on (http:\/\/localhost:\d+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!.replace('localhost', '127.0.0.1'));
        }
      };
      proc.stdout!.on('data', onData);
      proc.stderr!.on('data', (b: Buffer) => (out += b.toString()));
      proc.on('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
    });
  }

  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const p = this.proc;
    if (!p || p.exitCode !== null || p.signalCode !== null) return;
    this.base = '';
    await new Promise<void>((resolve) => {
      p.once('exit', () => resolve());
      p.kill(signal);
    });
  }
}

interface Handheld {
  id: string;
  token: string;
  outbox: Mutation[];
  acked: number;
  results: Map<number, MutationResult>;
}

describe('crash safety (real process, SQLite, kill -9)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tote-crash-'));
  const server = new Server(dir);
  afterAll(async () => {
    await server.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps every acknowledged command exactly once across repeated kills', async () => {
    const prep = openSqlite(join(dir, 'tote.sqlite'));
    await migrate(prep.db, 'sqlite');
    await seedIfEmpty(prep.db);
    const { waveId } = await createReleasedWave(prep.db, { code: 'W-CRASH', assignedUserId: 'u-1001', tasks: DEVICES * PER_DEVICE });
    const tasks = await prep.db.selectFrom('pick_tasks').select(['id', 'order_id', 'qty']).where('wave_id', '=', waveId).orderBy('walk_seq').orderBy('id').execute();
    await prep.close();
    const toteOf = new Map([...new Set(tasks.map((t) => t.order_id))].map((o, i) => [o, `C${String(i + 1).padStart(4, '0')}`]));

    await server.start();
    const handhelds: Handheld[] = [];
    for (let k = 0; k < DEVICES; k++) {
      const id = `crash-dev-${k}`;
      const [badge, userId] = k % 2 === 0 ? ['U1001', 'u-1001'] : ['U1002', 'u-1002'];
      const r = await fetch(`${server.base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ badge, pin: '1234', deviceId: id }),
      });
      const { token } = (await r.json()) as { token: string };
      const mine = tasks.filter((_, i) => i % DEVICES === k);
      const outbox = mine.map((t, i): Mutation => ({
        id: uuidv7(),
        deviceId: id,
        seq: i + 1,
        name: 'pick.confirm',
        args: { waveId, taskId: t.id, qty: Number(t.qty), toteCode: toteOf.get(t.order_id)!, assignmentEpoch: 1 },
        argsVersion: 1,
        userId,
        createdAt: new Date().toISOString(),
      }));
      handhelds.push({ id, token, outbox, acked: 0, results: new Map() });
    }

    const total = DEVICES * PER_DEVICE;
    const ackedTotal = () => handhelds.reduce((n, h) => n + h.acked, 0);
    let networkFailures = 0;
    let kills = 0;

    const drive = async (h: Handheld) => {
      while (h.acked < h.outbox.length) {
        const base = server.base;
        if (!base) {
          await new Promise((r) => setTimeout(r, 20));
          continue;
        }
        const batch = h.outbox.slice(h.acked, h.acked + BATCH);
        let res: Response;
        try {
          res = await fetch(`${base}/api/sync/push`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${h.token}` },
            body: JSON.stringify({ deviceId: h.id, schemaVersion: SCHEMA_VERSION, appVersion: 'crash', mutations: batch }),
          });
        } catch {
          networkFailures += 1;
          await new Promise((r) => setTimeout(r, 20));
          continue;
        }
        if (res.status === 503) continue;
        expect(res.status).toBe(200);
        const body = (await res.json()) as PushResponse;
        expect(body.results.map((r) => r.seq)).toEqual(batch.map((m) => m.seq));
        for (const r of body.results) {
          const seen = h.results.get(r.seq);
          if (seen) expect(r).toEqual(seen); // a replayed answer never differs
          h.results.set(r.seq, r);
        }
        h.acked = body.lastSeq;
      }
    };

    const killer = async () => {
      for (const at of KILL_AT) {
        while (ackedTotal() < total * at) await new Promise((r) => setTimeout(r, 2));
        await new Promise((r) => setTimeout(r, Math.random() * 15));
        await server.kill('SIGKILL');
        kills += 1;
        await server.start();
      }
    };

    await Promise.all([killer(), ...handhelds.map(drive)]);
    await server.kill('SIGTERM');

    expect(kills).toBe(KILL_AT.length);
    expect(networkFailures).toBeGreaterThan(0);
    const check = openSqlite(join(dir, 'tote.sqlite'));
    try {
      const muts = await check.db.selectFrom('mutations').select(['id', 'device_id', 'seq', 'result']).execute();
      expect(muts).toHaveLength(total);
      const byId = new Map(muts.map((m) => [m.id, m]));
      for (const h of handhelds) {
        expect(h.acked).toBe(PER_DEVICE);
        for (const m of h.outbox) {
          const stored = byId.get(m.id);
          expect(stored?.seq).toBe(m.seq);
          expect(JSON.parse(stored!.result)).toEqual(h.results.get(m.seq));
          expect(h.results.get(m.seq)!.status).toBe('applied');
        }
        const dev = await check.db.selectFrom('devices').select('last_seq').where('id', '=', h.id).executeTakeFirstOrThrow();
        expect(dev.last_seq).toBe(PER_DEVICE);
      }
      const ledger = await check.db
        .selectFrom('stock_ledger')
        .select(['mutation_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where('mutation_id', 'is not', null)
        .groupBy('mutation_id')
        .execute();
      expect(ledger).toHaveLength(total);
      expect(ledger.every((r) => Number(r.n) === 2)).toBe(true);
      const after = await check.db.selectFrom('pick_tasks').select(['qty', 'picked_qty', 'status']).where('wave_id', '=', waveId).execute();
      expect(after.every((t) => t.status === 'picked' && t.picked_qty === t.qty)).toBe(true);
      const dupEx = await check.db.selectFrom('exceptions').select('type').where('type', '=', 'line_already_picked').execute();
      expect(dupEx).toHaveLength(0);
    } finally {
      await check.close();
    }
  }, 150_000);
});
