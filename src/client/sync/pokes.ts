/**
 * Server pokes for screens that read the API directly rather than the device's tables
 * (the dock's manifest): the sync engine passes on every poke it gets from
 * /api/sync/events, and such a screen reloads what it shows.
 */
const listeners = new Set<() => void>();

export function onServerPoke(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function emitServerPoke(): void {
  for (const l of [...listeners]) {
    try {
      l();
    } catch {
      // One screen's failure must not keep the others (or the sync engine) from hearing it.
    }
  }
}
