import { create } from 'zustand';
import type { ReturnGrade } from '../../../domain/inventory/returns';

/** One returned unit as the clerk grades it, before Submit. */
export interface DraftUnit {
  key: number;
  /** The order line's SKU the unit comes back against. */
  skuId: string;
  grade: ReturnGrade | null;
  /** For a wrong item: what was in the parcel, scanned. */
  foundSkuId: string | null;
  reason: string;
  sealed: boolean;
  photoIds: string[];
}

interface State {
  orderId: string | null;
  scannedRef: string | null;
  units: DraftUnit[];
  open: (orderId: string, scannedRef: string) => void;
  addUnit: (skuId: string) => void;
  patch: (key: number, patch: Partial<DraftUnit>) => void;
  remove: (key: number) => void;
  /** After Submit: the order stays on screen with its new returned quantities. */
  graded: () => void;
  clear: () => void;
}

let next = 1;

/** The order on the returns bench and the units graded so far; in memory. */
export const useReturnsSession = create<State>((set, get) => ({
  orderId: null,
  scannedRef: null,
  units: [],
  open: (orderId, scannedRef) => set({ orderId, scannedRef, units: [] }),
  addUnit: (skuId) => set({ units: [...get().units, { key: next++, skuId, grade: null, foundSkuId: null, reason: '', sealed: false, photoIds: [] }] }),
  patch: (key, patch) => set({ units: get().units.map((u) => (u.key === key ? { ...u, ...patch } : u)) }),
  remove: (key) => set({ units: get().units.filter((u) => u.key !== key) }),
  graded: () => set({ units: [] }),
  clear: () => set({ orderId: null, scannedRef: null, units: [] }),
}));

/** The wrong-item unit waiting for the found item's scan, if any. */
export const awaitingFound = (units: readonly DraftUnit[]): DraftUnit | undefined => units.find((u) => u.grade === 'wrong_item' && u.foundSkuId === null);
