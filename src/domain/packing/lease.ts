import type { LeaseKind, NumberLease } from './types';

/**
 * Serial leases. The server hands each device blocks [first, last] cut from one counter
 * per kind, strictly increasing, so no serial is ever granted twice; the device numbers
 * cartons from its blocks with no network. A device uses a lease's serials in order, so
 * "how many used" is all it has to remember per lease.
 */

export interface SerialCounter {
  /** The next serial never granted. */
  next: number;
  /** The largest serial this kind can carry (inclusive). */
  last: number;
}

/**
 * Server side: the next block of up to `size` serials and the counter's new `next`, or
 * null when the range is exhausted. The final block may be shorter than `size`.
 */
export function allocateLease(counter: SerialCounter, size: number): { first: number; last: number; next: number } | null {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`lease size must be a positive integer, got ${size}`);
  if (counter.next > counter.last) return null;
  const last = Math.min(counter.next + size - 1, counter.last);
  return { first: counter.next, last, next: last + 1 };
}

export const leaseSize = (lease: Pick<NumberLease, 'first' | 'last'>): number => Math.max(0, lease.last - lease.first + 1);

/** Serials used from a lease, trusted only within [0, size]. */
function usedOf(lease: NumberLease, used: Readonly<Record<string, number>>): number {
  const n = used[lease.id] ?? 0;
  return Number.isFinite(n) ? Math.min(Math.max(0, Math.floor(n)), leaseSize(lease)) : 0;
}

/** Leases of a kind, oldest first: the server grants blocks in increasing order. */
const ofKind = (leases: readonly NumberLease[], kind: LeaseKind) =>
  leases.filter((l) => l.kind === kind).sort((a, b) => a.first - b.first || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/** Device side: the lowest unused serial of the oldest lease that has one, or null. */
export function nextSerial(
  leases: readonly NumberLease[],
  used: Readonly<Record<string, number>>,
  kind: LeaseKind,
): { leaseId: string; serial: number } | null {
  for (const lease of ofKind(leases, kind)) {
    const n = usedOf(lease, used);
    if (n < leaseSize(lease)) return { leaseId: lease.id, serial: lease.first + n };
  }
  return null;
}

/** The used-counts after taking one serial from this lease. */
export function markUsed(used: Readonly<Record<string, number>>, leaseId: string): Record<string, number> {
  return { ...used, [leaseId]: (used[leaseId] ?? 0) + 1 };
}

export function remainingSerials(leases: readonly NumberLease[], used: Readonly<Record<string, number>>, kind: LeaseKind): number {
  return ofKind(leases, kind).reduce((n, l) => n + leaseSize(l) - usedOf(l, used), 0);
}

/** Whether to ask for another block: below the low-water mark, and always when none are left. */
export function needsTopUp(leases: readonly NumberLease[], used: Readonly<Record<string, number>>, kind: LeaseKind, lowWater: number): boolean {
  return remainingSerials(leases, used, kind) < Math.max(lowWater, 1);
}
