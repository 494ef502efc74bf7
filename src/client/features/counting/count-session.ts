import { create } from 'zustand';
import type { CountTaskItem } from '../../local/count-repo';

/** One counted line: what the counter found of one SKU and lot. Never the expected quantity. */
export interface CountedLine {
  skuId: string;
  code: string;
  name: string;
  lot: string | null;
  qty: number;
}

interface State {
  task: CountTaskItem | null;
  /** The counter scanned the task's bin: unit scans count from now on. */
  atBin: boolean;
  lines: CountedLine[];
  /** A lot-tracked item scanned without its lot: its units wait for the lot to be typed. */
  askLot: { line: Omit<CountedLine, 'qty' | 'lot'>; qty: number } | null;
  setAskLot: (ask: State['askLot']) => void;
  start: (task: CountTaskItem, atBin: boolean) => void;
  confirmBin: () => void;
  add: (line: Omit<CountedLine, 'qty'>, qty: number) => void;
  setQty: (skuId: string, lot: string | null, qty: number) => void;
  clear: () => void;
}

const same = (l: CountedLine, skuId: string, lot: string | null) => l.skuId === skuId && l.lot === lot;

/** The count in progress; in memory (a reload starts the bin again, which a blind count allows). */
export const useCountSession = create<State>((set, get) => ({
  task: null,
  atBin: false,
  lines: [],
  askLot: null,
  setAskLot: (askLot) => set({ askLot }),
  start: (task, atBin) => set({ task, atBin, lines: [], askLot: null }),
  confirmBin: () => set({ atBin: true }),
  add: (line, qty) => {
    const lines = get().lines;
    const seen = lines.find((l) => same(l, line.skuId, line.lot));
    set({ lines: seen ? lines.map((l) => (l === seen ? { ...l, qty: l.qty + qty } : l)) : [...lines, { ...line, qty }] });
  },
  setQty: (skuId, lot, qty) => set({ lines: get().lines.map((l) => (same(l, skuId, lot) ? { ...l, qty } : l)) }),
  clear: () => set({ task: null, atBin: false, lines: [], askLot: null }),
}));
