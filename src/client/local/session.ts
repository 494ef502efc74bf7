import type { UserPublic } from '../../domain/model';
import { db } from './db';
import { getMeta, setMeta, type Session } from './meta';

export type { Session };

export async function getSession(): Promise<Session | null> {
  return (await getMeta('session')) ?? null;
}

/** Kept in IndexedDB so a reload with no network stays signed in. */
export async function saveSession(token: string, user: UserPublic): Promise<void> {
  await setMeta('session', { token, user, signedInAt: new Date().toISOString() });
}

/** Signing out (or a 401) forgets the token only: queued commands stay and sync at next sign-in. */
export async function clearSession(): Promise<void> {
  await setMeta('session', null);
}

export async function setUserLanguage(language: UserPublic['language']): Promise<void> {
  await db().transaction('rw', db().meta, async () => {
    const s = await getMeta('session');
    if (s) await setMeta('session', { ...s, user: { ...s.user, language } });
  });
}

/** Asks the browser not to evict our data under storage pressure. */
export async function requestPersistentStorage(): Promise<boolean> {
  try {
    return (await navigator.storage?.persist?.()) ?? false;
  } catch {
    return false;
  }
}
