import type { ErrorCode } from '../../domain/errors';

/** An answer the API gives on purpose: status, code and message end up in `{error}`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Looks like the database or the connection to it failed (not the request). */
export function isDbFault(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const e = err as { code?: unknown; severity?: unknown; message?: unknown; name?: unknown };
  if (typeof e.code === 'string' && /^(SQLITE_|ECONN|ETIMEDOUT|EPIPE|57P|08|53|40001|40P01)/.test(e.code)) return true;
  if (typeof e.severity === 'string') return true; // every pg server error carries one
  return typeof e.message === 'string' && /destroyed|connection|terminat|timeout|database is locked/i.test(e.message);
}
