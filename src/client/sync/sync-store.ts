import { create } from 'zustand';

export interface SyncRejection {
  id: string;
  seq: number;
  name: string;
  code: string;
  message: string;
  createdAt: string;
}

export interface SyncState {
  online: boolean;
  syncing: boolean;
  pending: number;
  lastSyncAt: string | null;
  rejections: SyncRejection[];
  /** A batch the server refuses as malformed (400): sync stops until the app is fixed. */
  blockedCode: string | null;
  /** Set on 401: the token is gone, the user must sign in again (the outbox is kept). */
  signedOut: boolean;
  set: (patch: Partial<Omit<SyncState, 'set'>>) => void;
}

export const useSyncStore = create<SyncState>((set) => ({
  online: typeof navigator === 'undefined' ? true : navigator.onLine,
  syncing: false,
  pending: 0,
  lastSyncAt: null,
  rejections: [],
  blockedCode: null,
  signedOut: false,
  set: (patch) => set(patch),
}));
