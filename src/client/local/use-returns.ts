import { useLiveQuery } from 'dexie-react-hooks';
import type { Location } from '../../domain/model';
import type { ReturnRules } from '../../domain/inventory/returns';
import { getReturn, getReturnsBench, listReturnsBenches, returnRulesFor, skusById, type ReturnView } from './returns-repo';

/** Live reads for the returns bench (undefined while loading). */

export function useReturnsBench(): Location | null | undefined {
  return useLiveQuery(getReturnsBench, [], undefined);
}

export function useReturnsBenches(): Location[] | undefined {
  return useLiveQuery(listReturnsBenches, [], undefined);
}

/** The order with this device's grading laid over, so the returned quantities move on Submit. */
export function useReturnOrder(orderId: string | null): ReturnView | null | undefined {
  return useLiveQuery(async () => (orderId ? getReturn(orderId) : null), [orderId], undefined);
}

export function useReturnRules(sellerId: string | null): ReturnRules | undefined {
  return useLiveQuery(async () => (sellerId ? returnRulesFor(sellerId) : undefined), [sellerId], undefined);
}

export function useSkuNames(ids: readonly string[]): Record<string, { code: string; name: string }> {
  const key = [...new Set(ids)].sort().join('|');
  return useLiveQuery(() => skusById(key ? key.split('|') : []), [key], {});
}
