import { z } from 'zod';
import { ErrorCode } from '../../domain/errors';

/** Pieces every part of the OpenAPI description uses (openapi-*.ts), generated from the handlers' zod schemas. */
export const ErrorBody = z.object({
  error: z.object({ code: z.enum(Object.values(ErrorCode) as [ErrorCode, ...ErrorCode[]]), message: z.string(), details: z.unknown().optional() }),
});

export const jsonSchema = (s: z.ZodType, io: 'input' | 'output' = 'output') =>
  z.toJSONSchema(s, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Record<string, unknown>;

export const json = (s: z.ZodType, io: 'input' | 'output' = 'output') => ({ 'application/json': { schema: jsonSchema(s, io) } });

export const errors = (...statuses: number[]) => Object.fromEntries(statuses.map((s) => [String(s), { description: 'error', content: json(ErrorBody) }]));

/** A floor session's bearer token. */
export const sessionAuth = [{ bearer: [] }];
/** A seller's API key (`Authorization: Bearer tote_sk_...` or `X-Api-Key`). */
export const sellerAuth = [{ sellerKey: [] }, { sellerKeyHeader: [] }];
