import { create } from 'zustand';

export interface Flash {
  kind: 'success' | 'error';
  message: string;
  /** Changes on every signal so the same message twice still flashes twice. */
  id: number;
}

export const useFeedbackStore = create<{ flash: Flash | null; show: (f: Omit<Flash, 'id'>) => void; clear: () => void }>(
  (set) => ({
    flash: null,
    show: (f) => set((s) => ({ flash: { ...f, id: (s.flash?.id ?? 0) + 1 } })),
    clear: () => set({ flash: null }),
  }),
);
