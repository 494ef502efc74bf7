import { create } from 'zustand';
import type { Location } from '../../../domain/model';

/**
 * The replenishment being carried: the task chosen (tapped, or by scanning its reserve
 * bin), the reserve bin scanned, the item scanned (its lot), the quantity; scanning the
 * pick face records it.
 */
interface State {
  taskId: string | null;
  from: Pick<Location, 'id' | 'code'> | null;
  /** Set once the item is scanned: the lot it carries (the task's unless GS1 said another). */
  item: { lot: string | null } | null;
  qty: number;
  choose: (taskId: string) => void;
  setFrom: (from: Pick<Location, 'id' | 'code'>) => void;
  setItem: (lot: string | null, qty: number) => void;
  setQty: (qty: number) => void;
  reset: () => void;
}

export const useReplenishSession = create<State>((set) => ({
  taskId: null,
  from: null,
  item: null,
  qty: 0,
  choose: (taskId) => set({ taskId, from: null, item: null, qty: 0 }),
  setFrom: (from) => set({ from, item: null }),
  setItem: (lot, qty) => set({ item: { lot }, qty }),
  setQty: (qty) => set({ qty }),
  reset: () => set({ taskId: null, from: null, item: null, qty: 0 }),
}));

export type ReplenishStep = 'choose' | 'from' | 'item' | 'to';

export const replenishStep = (s: Pick<State, 'taskId' | 'from' | 'item'>): ReplenishStep =>
  !s.taskId ? 'choose' : !s.from ? 'from' : !s.item ? 'item' : 'to';
