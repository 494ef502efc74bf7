import { create } from 'zustand';
import type { Location } from '../../../domain/model';

export interface MoveItem {
  skuId: string;
  code: string;
  name: string;
  /** Null until chosen when the bin holds the SKU under several lots. */
  lot: string | null;
  lotChoices: { lot: string | null; qty: number }[];
}

interface State {
  from: Location | null;
  item: MoveItem | null;
  qty: number;
  setFrom: (from: Location) => void;
  setItem: (item: MoveItem, qty: number) => void;
  chooseLot: (lot: string | null) => void;
  addQty: (n: number) => void;
  setQty: (n: number) => void;
  reset: () => void;
}

/** The move being put together: from-bin, item (and lot), quantity; the to-bin scan records it. */
export const useMoveSession = create<State>((set, get) => ({
  from: null,
  item: null,
  qty: 0,
  setFrom: (from) => set({ from, item: null, qty: 0 }),
  setItem: (item, qty) => set({ item, qty }),
  chooseLot: (lot) => {
    const item = get().item;
    if (item) set({ item: { ...item, lot, lotChoices: [] } });
  },
  addQty: (n) => set({ qty: get().qty + n }),
  setQty: (qty) => set({ qty }),
  reset: () => set({ from: null, item: null, qty: 0 }),
}));

export const moveStep = (s: Pick<State, 'from' | 'item'>): 'from' | 'item' | 'lot' | 'to' =>
  !s.from ? 'from' : !s.item ? 'item' : s.item.lotChoices.length > 0 ? 'lot' : 'to';
