import { useSyncExternalStore } from 'react';

/**
 * Registers the service worker (production builds only) and remembers when a new
 * version is waiting. It is never activated on its own: the user applies it from the
 * banner, which is only offered when no pick task is open.
 */
let waiting = false;
let apply: (() => void) | null = null;
const listeners = new Set<() => void>();

function emit() {
  for (const l of listeners) l();
}

export async function registerServiceWorker(): Promise<void> {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const { Workbox } = await import('workbox-window');
  const wb = new Workbox('/sw.js', { scope: '/' });
  wb.addEventListener('waiting', () => {
    waiting = true;
    apply = () => {
      // Reload once the new worker has taken control, so the page runs the new code.
      wb.addEventListener('controlling', () => window.location.reload());
      wb.messageSkipWaiting();
    };
    emit();
  });
  await wb.register();
  // Handhelds stay open all shift: look for updates now and then.
  setInterval(() => void wb.update().catch(() => undefined), 30 * 60_000);
}

export function useUpdateWaiting(): boolean {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => waiting,
    () => false,
  );
}

export function applyUpdate(): void {
  apply?.();
}
