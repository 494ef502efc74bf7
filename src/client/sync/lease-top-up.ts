import { NumberLease } from '../../domain/packing/types';
import { kindsToTopUp, storeLease } from '../local/pack-leases';
import { apiFetch } from './api';

/** Roles that pack, and so hold serial leases (the server sends them the pack snapshot). */
export const PACK_ROLES = ['packer', 'lead'] as const;

/**
 * After a pull: a bench running low on tracking or SSCC serials asks for another block
 * while it is online, so it can keep numbering cartons when the network goes. A refusal
 * leaves things as they are; the next sync tries again.
 */
export async function topUpLeases(token: string): Promise<void> {
  for (const kind of await kindsToTopUp()) {
    const res = await apiFetch<{ lease?: unknown }>('/api/pack/leases', { method: 'POST', token, body: { kind } });
    if (!res.ok) continue;
    const lease = NumberLease.safeParse(res.body.lease);
    if (lease.success && lease.data.kind === kind) await storeLease(lease.data);
  }
}
