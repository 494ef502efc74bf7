import { existsSync } from 'node:fs';
import { basename, resolve, sep } from 'node:path';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { ErrorCode } from '../domain/errors';
import { authenticateSellerKey, sellerKeyOf } from './auth/seller-keys';
import { authenticate } from './auth/sessions';
import type { Db } from './db/connect';
import { hostileJson, sendError } from './http';
import { authRoutes } from './routes/auth';
import { countTaskRoutes } from './routes/count-tasks';
import { demoRoutes } from './routes/demo';
import { boardRoutes } from './routes/board';
import { boardWaveRoutes } from './routes/board-waves';
import { deviceRoutes } from './routes/devices';
import { healthRoutes } from './routes/health';
import { manifestRoutes } from './routes/manifests';
import { openApiRoutes } from './routes/openapi';
import { packRoutes } from './routes/pack';
import { photoRoutes } from './routes/photos';
import { orderRoutes } from './routes/orders';
import { leadWaveOrderRoutes } from './routes/lead-wave-orders';
import { leadWaveRoutes } from './routes/lead-waves';
import { exceptionRoutes } from './routes/exceptions';
import { printRoutes } from './routes/print';
import { replenishRoutes } from './routes/replenish';
import { sellerDataRoutes } from './routes/seller-data';
import { sellerEventRoutes } from './routes/seller-events';
import { sellerKeyRoutes } from './routes/seller-keys';
import { sellerOrderRoutes } from './routes/seller-orders';
import { syncRoutes } from './routes/sync';
import { wavePlanningRoutes } from './routes/wave-planning';
import { waveRoutes } from './routes/waves';
import { ApiError, isDbFault } from './services/api-error';
import { LocalCarrier, type CarrierAdapter } from './services/carrier';
import { EventHub } from './services/events';
import { printTimeoutFromEnv } from './services/printer';

export const BODY_LIMIT = 1024 * 1024;
const PUBLIC_API = new Set(['/api/health', '/api/auth/login', '/api/openapi.json']);

export interface AppOptions {
  db: Db;
  logger?: FastifyServerOptions['logger'];
  /** The built client (dist/client); omitted in tests and under the Vite dev server. */
  staticDir?: string | null;
  loginPerMinute?: number;
  heartbeatMs?: number;
  events?: EventHub;
  /** Tests cut keep-alive sockets at close; a real server lets in-flight requests finish. */
  forceCloseConnections?: boolean;
  /** The carrier integration (services/carrier); the built-in LocalCarrier when omitted. */
  carrier?: CarrierAdapter;
  /** How long a label printer gets to take a label (default PRINT_TIMEOUT_MS or 5000 ms). */
  printTimeoutMs?: number;
}

/** Builds the API without listening: main.ts listens, tests inject, dev.ts mounts it in Vite. */
export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const { db, kind } = opts.db;
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: BODY_LIMIT,
    return503OnClosing: true,
    // Router-level refusals (bad URL encoding, over-long parameters) in our error shape too.
    frameworkErrors: (err, _req, reply) =>
      sendError(reply, err.statusCode && err.statusCode < 500 ? err.statusCode : 400, ErrorCode.VALIDATION_FAILED, err.message),
    ...(opts.forceCloseConnections ? { forceCloseConnections: true } : {}),
  });
  const events = opts.events ?? new EventHub();
  app.decorateRequest('auth', null);
  app.decorateRequest('sellerAuth', null);

  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: BODY_LIMIT }, (_req, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') return done(null, undefined);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      return done(new ApiError(400, ErrorCode.MALFORMED_JSON, `body is not valid JSON: ${(err as Error).message.slice(0, 200)}`), undefined);
    }
    const bad = hostileJson(value);
    if (bad) return done(new ApiError(400, ErrorCode.VALIDATION_FAILED, `refused: ${bad}`), undefined);
    done(null, value);
  });

  app.setErrorHandler((err: FastifyError | ApiError, req, reply) => {
    if (err instanceof ApiError) return sendError(reply, err.status, err.code, err.message, err.details);
    const fe = err as FastifyError;
    switch (fe.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return sendError(reply, 413, ErrorCode.BODY_TOO_LARGE, `body over ${BODY_LIMIT} bytes`);
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return sendError(reply, 415, ErrorCode.UNSUPPORTED_MEDIA_TYPE, 'send application/json');
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return sendError(reply, 400, ErrorCode.MALFORMED_JSON, 'body is not valid JSON');
    }
    if (fe.statusCode === 429) return sendError(reply, 429, ErrorCode.RATE_LIMITED, fe.message);
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
      return sendError(reply, fe.statusCode, ErrorCode.VALIDATION_FAILED, fe.message);
    }
    if (isDbFault(err)) {
      req.log.error({ err }, 'database fault');
      return sendError(reply, 503, ErrorCode.TRANSIENT, 'database unavailable; retry');
    }
    req.log.error({ err }, 'unexpected error');
    return sendError(reply, 500, ErrorCode.INTERNAL, 'internal error');
  });

  app.addHook('onRequest', async (req) => {
    // Decide by the matched route, not the URL: unknown paths fall to the 404 handler and
    // the static wildcard must not make /api/typo look like it needs a token.
    const route = req.routeOptions.url;
    if (req.is404 || !route || !route.startsWith('/api/') || PUBLIC_API.has(route)) return;
    // The sellers' API speaks with API keys, never with a floor session's token.
    if (route.startsWith('/api/seller/')) {
      const key = sellerKeyOf(req);
      req.sellerAuth = key ? await authenticateSellerKey(db, key) : null;
      if (!req.sellerAuth) throw new ApiError(401, ErrorCode.UNAUTHENTICATED, 'missing, unknown or revoked API key');
      return;
    }
    const header = req.headers.authorization;
    const m = typeof header === 'string' ? /^Bearer\s+([A-Za-z0-9_-]+)$/.exec(header.trim()) : null;
    req.auth = m ? await authenticate(db, m[1]!) : null;
    if (!req.auth) throw new ApiError(401, ErrorCode.UNAUTHENTICATED, 'missing, expired or revoked token');
  });

  await app.register(fastifyRateLimit, { global: false });
  healthRoutes(app, kind);
  authRoutes(app, { db, loginPerMinute: opts.loginPerMinute ?? 20 });
  syncRoutes(app, { db, kind, fast: opts.db.fast, events, heartbeatMs: opts.heartbeatMs ?? 15_000 });
  waveRoutes(app, db);
  wavePlanningRoutes(app, { db, events });
  openApiRoutes(app);
  demoRoutes(app, db);
  packRoutes(app, db, kind);
  const carrier = opts.carrier ?? new LocalCarrier();
  const printTimeoutMs = opts.printTimeoutMs ?? printTimeoutFromEnv(process.env.PRINT_TIMEOUT_MS);
  printRoutes(app, { db, events, printTimeoutMs });
  orderRoutes(app, { db, events, carrier });
  leadWaveRoutes(app, { db, events });
  exceptionRoutes(app, { db, events });
  leadWaveOrderRoutes(app, db);
  manifestRoutes(app, { db, events, carrier });
  sellerEventRoutes(app, db);
  sellerKeyRoutes(app, db);
  sellerOrderRoutes(app, { db, events, carrier });
  sellerDataRoutes(app, { db, events });
  photoRoutes(app, { db, kind, events });
  countTaskRoutes(app, { db, events });
  deviceRoutes(app, db);
  boardRoutes(app, db);
  replenishRoutes(app, { db, events });
  boardWaveRoutes(app, db);

  const staticDir = opts.staticDir ? resolve(opts.staticDir) : null;
  const spa = staticDir !== null && existsSync(resolve(staticDir, 'index.html'));
  if (spa) {
    await app.register(fastifyStatic, {
      root: staticDir,
      cacheControl: false,
      setHeaders: (reply, filePath) => {
        const name = basename(filePath);
        // Vite fingerprints everything under assets/; the worker and the shell must be re-checked.
        const hashed = filePath.includes(`${sep}assets${sep}`) && name !== 'sw.js' && name !== 'index.html';
        reply.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }

  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?', 1)[0]!;
    const isPage = req.method === 'GET' || req.method === 'HEAD';
    if (spa && isPage && !path.startsWith('/api/') && !path.startsWith('/demo/')) {
      return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').sendFile('index.html');
    }
    return sendError(reply, 404, ErrorCode.NOT_FOUND, `no route for ${req.method} ${path.slice(0, 200)}`);
  });
  return app;
}
