/**
 * A way to ask for a sync that does not load the engine itself: the shell uses it
 * before the engine (and the schemas it validates with) has been loaded.
 */
let impl: (() => void) | null = null;

export function setSyncTrigger(fn: (() => void) | null): void {
  impl = fn;
}

export function requestSync(): void {
  impl?.();
}
