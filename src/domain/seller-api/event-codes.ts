/**
 * Seller events are stored as the rules wrote them, with Tote's SKU ids. A seller's system
 * knows its own SKU codes, so the feed adds `skuCode` beside every `skuId` when it serves
 * an event: stored events stay untouched, and an event written before a SKU was renamed
 * still reads with today's code.
 */

/** `skuId` -> `skuCode`, `foundSkuId` -> `foundSkuCode`; null for keys that do not name a SKU. */
export function codeKeyOf(key: string): string | null {
  if (key === 'skuId') return 'skuCode';
  return /^[a-z][A-Za-z]*SkuId$/.test(key) ? `${key.slice(0, -5)}SkuCode` : null;
}

/** Every SKU id anywhere in a payload (objects and arrays at any depth). */
export function skuIdsIn(payload: unknown, into: Set<string> = new Set()): Set<string> {
  if (Array.isArray(payload)) for (const v of payload) skuIdsIn(v, into);
  else if (payload && typeof payload === 'object') {
    for (const [k, v] of Object.entries(payload)) {
      if (codeKeyOf(k) && typeof v === 'string') into.add(v);
      else skuIdsIn(v, into);
    }
  }
  return into;
}

/**
 * The payload with `skuCode` after each `skuId` (and `foundSkuCode` after `foundSkuId`)
 * whose code is known; an unknown id gets no code rather than a guess. A code the rule
 * already wrote is kept.
 */
export function withSkuCodes<T>(payload: T, codes: ReadonlyMap<string, string>): T {
  if (Array.isArray(payload)) return payload.map((v: unknown) => withSkuCodes(v, codes)) as T;
  if (!payload || typeof payload !== 'object') return payload;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(payload)) {
    out[k] = withSkuCodes(v, codes);
    const codeKey = codeKeyOf(k);
    if (codeKey && typeof v === 'string' && codes.has(v) && !(codeKey in payload)) out[codeKey] = codes.get(v);
  }
  return out as T;
}
