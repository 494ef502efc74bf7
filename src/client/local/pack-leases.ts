import { markUsed, needsTopUp, nextSerial, remainingSerials } from '../../domain/packing/lease';
import type { LeaseKind, NumberLease } from '../../domain/packing/types';
import { db, type LeaseRow } from './db';
import { getPackConfig } from './pack-store';

/**
 * Serials leased from the server in blocks, so the bench can number cartons offline.
 * Each lease row keeps the next serial this device has not used; serials are taken in
 * the same transaction as the pack.confirm that prints them (pack-outbox.ts), so a
 * crash can never hand one out twice.
 */

/** Serials used per lease, in the form the lease rules take. */
const usedOf = (rows: readonly LeaseRow[]): Record<string, number> => Object.fromEntries(rows.map((l) => [l.id, l.next - l.first]));

export function remainingOf(rows: readonly LeaseRow[], kind: LeaseKind): number {
  return remainingSerials(rows, usedOf(rows), kind);
}

/**
 * Takes `count` serials of a kind, oldest lease first (domain/packing/lease.ts). Returns
 * the serials and the rows to write back, or null when the leases hold fewer (nothing
 * is taken then).
 */
export function takeSerials(rows: readonly LeaseRow[], kind: LeaseKind, count: number): { serials: number[]; changed: LeaseRow[] } | null {
  let used = usedOf(rows);
  const serials: number[] = [];
  const touched = new Set<string>();
  for (let i = 0; i < count; i++) {
    const next = nextSerial(rows, used, kind);
    if (!next) return null;
    serials.push(next.serial);
    used = markUsed(used, next.leaseId);
    touched.add(next.leaseId);
  }
  const changed = rows.filter((l) => touched.has(l.id)).map((l) => ({ ...l, next: l.first + used[l.id]! }));
  return { serials, changed };
}

/** Serials left per kind, for the bench's header and the top-up. */
export async function leaseSummary(): Promise<Record<LeaseKind, number>> {
  const rows = await db().packLeases.toArray();
  return { tracking: remainingOf(rows, 'tracking'), sscc: remainingOf(rows, 'sscc') };
}

/** Kinds below the configured low-water mark; none before the first pack snapshot. */
export async function kindsToTopUp(): Promise<LeaseKind[]> {
  const config = await getPackConfig();
  if (!config) return [];
  const rows = await db().packLeases.toArray();
  return (['tracking', 'sscc'] as const).filter((k) => needsTopUp(rows, usedOf(rows), k, config.leaseLowWater));
}

/** Stores a lease the server just granted; a lease already held keeps its used serials. */
export async function storeLease(lease: NumberLease): Promise<void> {
  const d = db();
  await d.transaction('rw', d.packLeases, async () => {
    const held = await d.packLeases.get(lease.id);
    await d.packLeases.put({ ...lease, next: Math.max(held?.next ?? lease.first, lease.first) });
  });
}
