import { create } from 'zustand';
import type { ReceiveFlag } from '../../../domain/inbound/receive';
import type { ReceiptLine } from '../../../domain/inbound/types';
import type { ScanResult } from '../../../domain/scan/normalise';

export interface ReceiveMessage {
  kind: 'success' | 'error' | 'warn';
  text: string;
  flags?: ReceiveFlag[];
}

/** A unit scan waiting for the clerk's lot or expiry (nothing recorded yet). */
export interface Ask {
  scan: ScanResult;
  skuId: string;
  needs: 'lot' | 'expiry';
  lot: string | null;
}

/** A trusted seller's unopened carton, accepted whole only on the clerk's tap. */
export interface CartonOffer {
  scan: ScanResult;
  sscc: string;
  lines: ReceiptLine[];
}

/** The damage the next unit scan records: a reason and at least one photo, given first. */
export interface Damage {
  reason: string;
  photoIds: string[];
}

interface State {
  message: ReceiveMessage | null;
  ask: Ask | null;
  offer: CartonOffer | null;
  /** The opened carton units come out of (its SSCC goes on their lines). */
  openCarton: string | null;
  /** Damage mode: the form is open; `armed` once reason and photo are in. */
  damage: (Damage & { armed: boolean }) | null;
  closing: boolean;
  say: (message: ReceiveMessage | null) => void;
  set: (patch: Partial<Omit<State, 'say' | 'set' | 'reset'>>) => void;
  reset: () => void;
}

const EMPTY = { message: null, ask: null, offer: null, openCarton: null, damage: null, closing: false };

/** What the receiving screen is in the middle of; in memory (the draft's lines are on disk). */
export const useReceiveSession = create<State>((set) => ({
  ...EMPTY,
  say: (message) => set({ message }),
  set: (patch) => set(patch),
  reset: () => set(EMPTY),
}));
