import { create } from 'zustand';
import { saveBenchWork } from '../../local/pack-store';
import type { PackConfirmArgs } from '../../../domain/commands/pack';
import type { LabelModel, PackOrder, WeightOverride } from '../../../domain/packing/types';
import type { VerifySku } from '../../../domain/packing/verify';
import type { OpenedPdf } from '../../labels/labels-pdf';
import { addUnits, newCarton, newWork, removeEmptyCarton, type OrderWork, type SkuFacts } from './pack-work';

export type PackSku = VerifySku & SkuFacts & { name: string };

export interface Packed {
  args: PackConfirmArgs;
  models: LabelModel[];
  /** The labels PDF opened for printing at Confirm; freed when the tote leaves the bench. */
  pdf: OpenedPdf | null;
}

export interface PackMessage {
  kind: 'success' | 'error';
  text: string;
}

interface State {
  tote: string | null;
  orders: PackOrder[];
  skus: Record<string, PackSku>;
  work: Record<string, OrderWork>;
  /** The order the packer is on: item scans go there first, box scans and weights apply to it. */
  focus: string | null;
  packed: Record<string, Packed>;
  message: PackMessage | null;
  load: (tote: string, orders: PackOrder[], skus: Record<string, PackSku>) => void;
  /** The tote in hand again after a reload, with the work saved for its orders that are still the same. */
  restore: (tote: string, orders: PackOrder[], skus: Record<string, PackSku>, saved: SavedWork) => void;
  /** New statuses for the same tote (after a confirm or a missing report); the work is kept. */
  refresh: (orders: PackOrder[]) => void;
  clear: () => void;
  setFocus: (orderId: string | null) => void;
  addUnits: (orderId: string, slot: number, qty: number) => void;
  setBox: (orderId: string, cartonId: string, boxId: string) => void;
  setWeight: (orderId: string, cartonId: string, weightG: number | null) => void;
  newCarton: (orderId: string) => void;
  removeCarton: (orderId: string, cartonId: string) => void;
  setOverride: (orderId: string, override: WeightOverride | null) => void;
  setPacked: (orderId: string, packed: Packed) => void;
  say: (message: PackMessage | null) => void;
}

/** What survives a reload: kept in the device's database on every change (pack-store.ts). */
export interface SavedWork {
  tote: string | null;
  work: Record<string, OrderWork>;
  focus: string | null;
  packed: Record<string, Omit<Packed, 'pdf'>>;
}

const firstOpen = (orders: readonly PackOrder[]) => orders.find((o) => o.status === 'picked')?.orderId ?? null;

function patchCarton(work: OrderWork, cartonId: string, patch: (c: OrderWork['cartons'][number]) => OrderWork['cartons'][number]): OrderWork {
  return { ...work, cartons: work.cartons.map((c) => (c.id === cartonId ? patch(c) : c)) };
}

/** The tote on the bench and the work on it; in memory (a reload starts the tote again). */
export const usePackSession = create<State>((set, get) => {
  const withWork = (orderId: string, f: (w: OrderWork, o: PackOrder) => OrderWork) => {
    const o = get().orders.find((x) => x.orderId === orderId);
    const w = get().work[orderId];
    if (!o || !w) return;
    set({ work: { ...get().work, [orderId]: f(w, o) } });
  };
  const freePdfs = () => Object.values(get().packed).forEach((p) => p.pdf?.close());
  return {
    tote: null,
    orders: [],
    skus: {},
    work: {},
    focus: null,
    packed: {},
    message: null,
    load: (tote, orders, skus) => {
      freePdfs();
      set({ tote, orders, skus, work: Object.fromEntries(orders.map((o) => [o.orderId, newWork(o)])), focus: firstOpen(orders), packed: {} });
    },
    restore: (tote, orders, skus, saved) => {
      const work: Record<string, OrderWork> = {};
      for (const o of orders) {
        const w = saved.work[o.orderId];
        const same = w && o.status === 'picked' && w.cartons.every((c) => c.units.length === o.items.length);
        work[o.orderId] = same ? w : newWork(o);
      }
      const packed: Record<string, Packed> = {};
      for (const o of orders) {
        const p = saved.packed[o.orderId];
        if (p && o.status === 'packed') packed[o.orderId] = { ...p, pdf: null };
      }
      const focus = orders.find((o) => o.orderId === saved.focus)?.status === 'picked' ? saved.focus : firstOpen(orders);
      set({ tote, orders, skus, work, focus, packed });
    },
    refresh: (orders) => {
      const { focus, work } = get();
      const still = orders.find((o) => o.orderId === focus)?.status === 'picked';
      // An order new to the tote, or whose items changed on the server, starts afresh.
      const stale = orders.filter((o) => !work[o.orderId]?.cartons.every((c) => c.units.length === o.items.length));
      const next = stale.length ? { ...work, ...Object.fromEntries(stale.map((o) => [o.orderId, newWork(o)])) } : work;
      set({ orders, work: next, focus: still ? focus : firstOpen(orders) });
    },
    clear: () => {
      freePdfs();
      set({ tote: null, orders: [], skus: {}, work: {}, focus: null, packed: {} });
    },
    setFocus: (focus) => set({ focus }),
    addUnits: (orderId, slot, qty) => withWork(orderId, (w, o) => addUnits(o, w, slot, qty)),
    // Another box or a new weight needs a new approval: the lead approved the difference they saw.
    setBox: (orderId, cartonId, boxId) => withWork(orderId, (w) => ({ ...patchCarton(w, cartonId, (c) => ({ ...c, boxId })), override: null })),
    setWeight: (orderId, cartonId, weightG) => withWork(orderId, (w) => ({ ...patchCarton(w, cartonId, (c) => ({ ...c, weightG })), override: null })),
    newCarton: (orderId) => withWork(orderId, (w, o) => ({ ...w, cartons: [...w.cartons, newCarton(o)] })),
    removeCarton: (orderId, cartonId) => withWork(orderId, (w) => removeEmptyCarton(w, cartonId)),
    setOverride: (orderId, override) => withWork(orderId, (w) => ({ ...w, override })),
    setPacked: (orderId, packed) => set({ packed: { ...get().packed, [orderId]: packed } }),
    say: (message) => set({ message }),
  };
});

// Every change to the work is saved, off the scan's path (the tone has already sounded).
usePackSession.subscribe((s, prev) => {
  if (s.tote === prev.tote && s.work === prev.work && s.focus === prev.focus && s.packed === prev.packed) return;
  const packed = Object.fromEntries(Object.entries(s.packed).map(([id, p]) => [id, { args: p.args, models: p.models }]));
  const saved: SavedWork = { tote: s.tote, work: s.work, focus: s.focus, packed };
  void saveBenchWork(saved).catch(() => undefined);
});
