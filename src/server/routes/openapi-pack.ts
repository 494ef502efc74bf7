import { z } from 'zod';
import { ErrorCode } from '../../domain/errors';
import { NumberLease } from '../../domain/packing/types';
import { LeaseRequest } from './pack';

const ErrorBody = z.object({
  error: z.object({ code: z.enum(Object.values(ErrorCode) as [ErrorCode, ...ErrorCode[]]), message: z.string(), details: z.unknown().optional() }),
});
const json = (s: z.ZodType, io: 'input' | 'output' = 'output') => ({
  'application/json': { schema: z.toJSONSchema(s, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Record<string, unknown> },
});
const errors = (...statuses: number[]) => Object.fromEntries(statuses.map((s) => [String(s), { description: 'error', content: json(ErrorBody) }]));
const security = [{ bearer: [] }];

/** The pack bench's serial leases (merged into /api/openapi.json). */
export function packPaths() {
  return {
    '/api/pack/leases': {
      post: {
        security,
        summary: "Lease the signed-in device the next block of tracking or SSCC serials (packers, leads, admins)",
        description: 'Blocks are cut from one counter per kind and never granted twice; 409 LEASE_EXHAUSTED when the range is used up.',
        requestBody: { required: true, content: json(LeaseRequest, 'input') },
        responses: { 200: { description: 'the new lease', content: json(z.object({ lease: NumberLease })) }, ...errors(400, 401, 403, 409) },
      },
      get: {
        security,
        summary: "The signed-in device's serial leases, oldest first",
        responses: { 200: { description: 'leases', content: json(z.object({ leases: z.array(NumberLease) })) }, ...errors(401, 403) },
      },
    },
  };
}
