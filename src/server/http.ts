import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { ErrorCode } from '../domain/errors';
import type { AuthContext } from './auth/sessions';
import { ApiError } from './services/api-error';

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthContext | null;
  }
}

/** Validates with a shared zod schema; failures become 400 VALIDATION_FAILED with the issues. */
export function parseOr400<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const r = schema.safeParse(value);
  if (!r.success) {
    throw new ApiError(
      400,
      ErrorCode.VALIDATION_FAILED,
      'request failed validation',
      r.error.issues.slice(0, 50).map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
    );
  }
  return r.data;
}

export function requireAuth(req: FastifyRequest): AuthContext {
  if (!req.auth) throw new ApiError(401, ErrorCode.UNAUTHENTICATED, 'sign in first');
  return req.auth;
}

export function sendError(reply: FastifyReply, status: number, code: ErrorCode, message: string, details?: unknown) {
  return reply.code(status).send({ error: { code, message, ...(details === undefined ? {} : { details }) } });
}

/**
 * Strings with NUL bytes cannot be stored by PostgreSQL and prototype keys have no
 * business in a request: both are refused at the door, before any handler sees them.
 */
export function hostileJson(value: unknown, depth = 0): string | null {
  if (depth > 64) return 'nested too deeply';
  if (typeof value === 'string') return value.includes('\u0000') ? 'NUL byte in a string' : null;
  if (Array.isArray(value)) {
    for (const v of value) {
      const bad = hostileJson(v, depth + 1);
      if (bad) return bad;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '__proto__' || k === 'constructor' || k === 'prototype') return `forbidden key ${k}`;
      if (k.includes('\u0000')) return 'NUL byte in a key';
      const bad = hostileJson(v, depth + 1);
      if (bad) return bad;
    }
  }
  return null;
}
