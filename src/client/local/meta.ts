import type { UserPublic } from '../../domain/model';
import { uuidv7 } from 'uuidv7';
import { db } from './db';

export interface Session {
  token: string;
  user: UserPublic;
  signedInAt: string;
}

/** Everything the device remembers about itself and its sync position. */
export interface MetaValues {
  deviceId: string;
  /** The seq the next command gets; allocated in the command's own transaction. */
  nextSeq: number;
  cursor: number;
  /** Whose rows the cursor's data belongs to; another user on this device pulls afresh. */
  cursorUserId: string;
  lastSeq: number;
  lastSyncAt: string;
  session: Session | null;
  /** The app version whose rules built the view; another version rebuilds it in full once. */
  viewBuiltBy: string;
}

export async function getMeta<K extends keyof MetaValues>(key: K): Promise<MetaValues[K] | undefined> {
  const row = await db().meta.get(key);
  return row?.value as MetaValues[K] | undefined;
}

export async function setMeta<K extends keyof MetaValues>(key: K, value: MetaValues[K]): Promise<void> {
  await db().meta.put({ key, value });
}

/** The device id, made once and kept for the life of the installation. */
export async function deviceId(): Promise<string> {
  return db().transaction('rw', db().meta, async () => {
    const existing = await getMeta('deviceId');
    if (existing) return existing;
    const id = uuidv7();
    await setMeta('deviceId', id);
    return id;
  });
}
