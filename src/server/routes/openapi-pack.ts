import { z } from 'zod';
import { NumberLease } from '../../domain/packing/types';
import { LeaseRequest } from './pack';
import { errors, json } from './openapi-shared';

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
