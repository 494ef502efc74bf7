import { createServer, type Server, type Socket } from 'node:net';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../../src/server/app';
import { migrate } from '../../../src/server/db/migrate';
import { seedIfEmpty } from '../../../src/server/db/seed';
import type { CarrierAdapter } from '../../../src/server/services/carrier';
import { freshDatabase, type BackendName } from './backends';
import { login, type Harness } from './harness';
import { ensurePackConfig } from './shipment-fixture';

/** A seeded app like startHarness, with the shipping options a test sets (print timeout, carrier). */
export async function startShippingHarness(kind: BackendName, opts: { printTimeoutMs?: number; carrier?: CarrierAdapter } = {}): Promise<Harness> {
  const t = await freshDatabase(kind);
  await migrate(t.db.db, t.db.kind);
  await seedIfEmpty(t.db.db);
  await ensurePackConfig(t.db.db);
  const app = await buildApp({ db: t.db, loginPerMinute: 1000, forceCloseConnections: true, printTimeoutMs: opts.printTimeoutMs ?? 1000, carrier: opts.carrier });
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

export type Call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) => Promise<LightMyRequestResponse>;

/** A signed-in caller: `as('U5001')` returns a function that sends requests with that badge's token. */
export async function caller(app: FastifyInstance, badge: string): Promise<Call> {
  const token = await login(app, badge, `dev-${badge}-${Math.random().toString(36).slice(2, 8)}`);
  return (method, url, payload) =>
    app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload === undefined ? {} : { payload: payload as object }) });
}

export const codeOf = (r: LightMyRequestResponse): string | undefined => (r.json() as { error?: { code: string } }).error?.code;

/** A label printer on loopback: collects each connection's bytes and closes once the sender has finished. */
export interface TestPrinter {
  host: string;
  jobs: string[];
  /** Resolves with the next job received (or one already waiting). */
  nextJob(): Promise<string>;
  close(): Promise<void>;
}

function track(server: Server): Set<Socket> {
  const sockets = new Set<Socket>();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  return sockets;
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  if (!addr || typeof addr === 'string') throw new Error('no address');
  return `127.0.0.1:${addr.port}`;
}

function closeServer(server: Server, sockets: Set<Socket>): Promise<void> {
  for (const s of sockets) s.destroy();
  return new Promise((resolve) => server.close(() => resolve()));
}

export async function startPrinter(): Promise<TestPrinter> {
  const jobs: string[] = [];
  const waiting: ((job: string) => void)[] = [];
  let taken = 0;
  const server = createServer((socket) => {
    const chunks: Buffer[] = [];
    socket.on('data', (c) => chunks.push(c));
    socket.on('end', () => {
      const job = Buffer.concat(chunks).toString('utf8');
      jobs.push(job);
      waiting.shift()?.(job);
      socket.end();
    });
  });
  const sockets = track(server);
  const host = await listen(server);
  return {
    host,
    jobs,
    nextJob: () => {
      const i = taken++;
      if (jobs[i] !== undefined) return Promise.resolve(jobs[i]!);
      return new Promise((resolve) => waiting.push(resolve));
    },
    close: () => closeServer(server, sockets),
  };
}

/** Accepts the connection, then never reads and never closes: a printer that hangs. */
export async function startSilentPrinter(): Promise<{ host: string; connections: () => number; close(): Promise<void> }> {
  let connections = 0;
  const server = createServer((socket) => {
    connections += 1;
    socket.pause();
  });
  const sockets = track(server);
  const host = await listen(server);
  return { host, connections: () => connections, close: () => closeServer(server, sockets) };
}

/** A loopback port nothing listens on (bound, then released): connecting is refused. */
export async function refusedHost(): Promise<string> {
  const server = createServer();
  const host = await listen(server);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return host;
}
