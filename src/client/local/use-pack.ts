import { useLiveQuery } from 'dexie-react-hooks';
import type { Location } from '../../domain/model';
import type { BoxType, OverrideVerifier, PackConfig } from '../../domain/packing/types';
import { leaseSummary } from './pack-leases';
import { getBench, getPackConfig, listBenches, listBoxTypes, listVerifiers, ordersInTote, packRefusals, printerFor, type PackRefusal, type ToteLookup } from './pack-store';

/** Live reads of the pack bench's local data for the packing screens (undefined while loading). */

export function useBench(): Location | null | undefined {
  return useLiveQuery(getBench, [], undefined);
}

export function useBenches(): Location[] | undefined {
  return useLiveQuery(listBenches, [], undefined);
}

export function usePackConfig(): PackConfig | null | undefined {
  return useLiveQuery(getPackConfig, [], undefined);
}

export function useBoxTypes(): BoxType[] {
  return useLiveQuery(listBoxTypes, [], []);
}

export function useVerifiers(): OverrideVerifier[] {
  return useLiveQuery(listVerifiers, [], []);
}

export function usePrinter(benchId: string | null): string | null {
  return useLiveQuery(async () => (benchId ? printerFor(benchId) : null), [benchId], null);
}

export function useLeaseSummary(): { tracking: number; sscc: number } | undefined {
  return useLiveQuery(leaseSummary, [], undefined);
}

export function usePackRefusals(userId: string | null): PackRefusal[] {
  return useLiveQuery(async () => (userId ? packRefusals(userId) : []), [userId], []);
}

/** The tote's orders as the device holds them now: a pull (an order cancelled upstream) shows at once. */
export function useToteOrders(toteCode: string | null): ToteLookup | null {
  return useLiveQuery(async () => (toteCode ? ordersInTote(toteCode) : null), [toteCode], null);
}
