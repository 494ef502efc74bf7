/**
 * Local writes announce themselves here so the sync engine can push right away without
 * the storage layer depending on it.
 */
type Listener = () => void;
const listeners = new Set<Listener>();

export function onLocalWrite(fn: Listener): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

export function notifyLocalWrite(): void {
  for (const fn of listeners) fn();
}
