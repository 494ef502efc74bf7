import { create } from 'zustand';
import type { PutawayReason } from '../../../domain/inventory/putaway';
import type { Location } from '../../../domain/model';

export interface PutawayMessage {
  kind: 'success' | 'error' | 'warn';
  text: string;
}

interface State {
  taskId: string | null;
  /** The bin scanned as destination. */
  to: Location | null;
  reason: PutawayReason | null;
  /** Typed units; null: the task's units left. */
  qty: string | null;
  /** Several tasks matched the scanned item: the list shows only these. */
  matches: string[] | null;
  message: PutawayMessage | null;
  set: (patch: Partial<Omit<State, 'set' | 'reset'>>) => void;
  reset: (message?: PutawayMessage | null) => void;
}

/** The task in hand on the putaway screen; in memory (the commands are in the outbox). */
export const usePutawaySession = create<State>((set) => ({
  taskId: null,
  to: null,
  reason: null,
  qty: null,
  matches: null,
  message: null,
  set: (patch) => set(patch),
  reset: (message = null) => set({ taskId: null, to: null, reason: null, qty: null, matches: null, message }),
}));
