import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { LoginRequest, LoginResponse } from '../../domain/auth';
import { COMMANDS } from '../../domain/commands';
import { ErrorCode } from '../../domain/errors';
import { UserPublic } from '../../domain/model';
import { MutationResult, PullQuery, PullResponse, PushRequest, PushResponse } from '../../domain/sync';
import { APP_VERSION } from '../version';
import { countPaths } from './openapi-count';
import { boardPaths } from './openapi-board';
import { boardWavePaths } from './openapi-board-waves';
import { devicePaths } from './openapi-devices';
import { leadPaths } from './openapi-lead';
import { exceptionPaths } from './openapi-exceptions';
import { leadOrderPaths } from './openapi-lead-orders';
import { packPaths } from './openapi-pack';
import { photoPaths } from './openapi-photos';
import { replenishPaths } from './openapi-replenish';
import { sellerPaths } from './openapi-seller';
import { sellerOrderPaths } from './openapi-seller-orders';
import { sellerDataPaths } from './openapi-seller-data';
import { shippingPaths } from './openapi-shipping';
import { wavePaths } from './openapi-waves';
import { WavePicks } from './waves';

const ErrorBody = z.object({
  error: z.object({ code: z.enum(Object.values(ErrorCode) as [ErrorCode, ...ErrorCode[]]), message: z.string(), details: z.unknown().optional() }),
});
const Health = z.object({ status: z.literal('ok'), version: z.string(), db: z.enum(['sqlite', 'postgres']) });
const Me = z.object({
  user: UserPublic,
  deviceId: z.string(),
  warehouse: z.object({ id: z.string(), code: z.string(), name: z.string() }).nullable(),
});

const schema = (s: z.ZodType, io: 'input' | 'output' = 'output') =>
  z.toJSONSchema(s, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Record<string, unknown>;

const json = (s: z.ZodType, io: 'input' | 'output' = 'output') => ({ 'application/json': { schema: schema(s, io) } });
const errors = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((s) => [String(s), { description: 'error', content: json(ErrorBody) }]));

/** OpenAPI 3.1 generated from the same zod schemas the handlers validate with. */
export function buildOpenApi() {
  const bearer = [{ bearer: [] }];
  const pullParams = Object.entries((schema(PullQuery, 'input').properties ?? {}) as Record<string, unknown>).map(([name, s]) => ({
    name,
    in: 'query',
    required: false,
    schema: s,
  }));
  return {
    openapi: '3.1.0',
    info: { title: 'Tote API', version: APP_VERSION, description: 'Offline-first warehouse picking: auth and sync.' },
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer' },
        sellerKey: { type: 'http', scheme: 'bearer', description: "A seller's API key, tote_sk_..." },
        sellerKeyHeader: { type: 'apiKey', in: 'header', name: 'X-Api-Key' },
      },
      schemas: {
        Error: schema(ErrorBody),
        MutationResult: schema(MutationResult),
        ...Object.fromEntries(Object.entries(COMMANDS).map(([name, def]) => [`Command_${name.replace('.', '_')}`, schema(def.args, 'input')])),
      },
    },
    paths: {
      '/api/health': { get: { summary: 'Liveness and database kind', responses: { 200: { description: 'ok', content: json(Health) } } } },
      '/api/auth/login': {
        post: {
          summary: 'Sign in with badge and PIN on a device',
          requestBody: { required: true, content: json(LoginRequest, 'input') },
          responses: { 200: { description: 'signed in', content: json(LoginResponse) }, ...errors(400, 401, 413, 415, 423, 429) },
        },
      },
      '/api/auth/logout': { post: { security: bearer, summary: 'Revoke this session', responses: { 204: { description: 'signed out' }, ...errors(401) } } },
      '/api/me': { get: { security: bearer, summary: 'Who is signed in', responses: { 200: { description: 'me', content: json(Me) }, ...errors(401) } } },
      '/api/sync/push': {
        post: {
          security: bearer,
          summary: 'Apply queued commands, in seq order, exactly once',
          description: `Commands: ${Object.keys(COMMANDS).join(', ')}; their arguments are in components.schemas.Command_*.`,
          requestBody: { required: true, content: json(PushRequest, 'input') },
          responses: { 200: { description: 'results', content: json(PushResponse) }, ...errors(400, 401, 403, 409, 413, 415, 503) },
        },
      },
      '/api/sync/pull': {
        get: {
          security: bearer,
          summary: 'Rows changed after a cursor',
          parameters: pullParams,
          responses: { 200: { description: 'changes', content: json(PullResponse) }, ...errors(400, 401) },
        },
      },
      '/api/sync/events': {
        get: {
          security: bearer,
          summary: 'Server-sent events: `poke` with the new version after each change',
          responses: { 200: { description: 'event stream', content: { 'text/event-stream': { schema: { type: 'string' } } } }, ...errors(401) },
        },
      },
      '/api/waves/{waveId}/picks': {
        get: {
          security: bearer,
          summary: 'Applied pick commands of a wave (leads)',
          parameters: [{ name: 'waveId', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { 200: { description: 'picks', content: json(WavePicks) }, ...errors(401, 403, 404) },
        },
      },
      ...shippingPaths(),
      ...packPaths(),
      ...photoPaths(),
      ...countPaths(),
      ...sellerPaths(),
      ...wavePaths(),
      ...leadPaths(),
      ...exceptionPaths(),
      ...leadOrderPaths(),
      ...sellerOrderPaths(),
      ...sellerDataPaths(),
      ...devicePaths(),
      ...boardPaths(),
      ...replenishPaths(),
      ...boardWavePaths(),
      '/api/openapi.json': { get: { summary: 'This document', responses: { 200: { description: 'OpenAPI 3.1' } } } },
      '/demo/barcodes': { get: { summary: 'Printable demo barcodes', responses: { 200: { description: 'HTML', content: { 'text/html': {} } } } } },
    },
  };
}

export function openApiRoutes(app: FastifyInstance) {
  let doc: ReturnType<typeof buildOpenApi> | null = null;
  app.get('/api/openapi.json', async () => (doc ??= buildOpenApi()));
}
