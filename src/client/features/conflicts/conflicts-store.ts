import { create } from 'zustand';

/**
 * Cards the picker pressed Done on in this session. The outbox write already hides them,
 * but the live query re-reads a moment later; hiding them here makes the card go at once.
 */
interface ConflictsStore {
  done: ReadonlySet<string>;
  markDone(cardId: string): void;
  undoMark(cardId: string): void;
}

export const useConflictsStore = create<ConflictsStore>()((set) => ({
  done: new Set(),
  markDone: (cardId) => set((s) => ({ done: new Set(s.done).add(cardId) })),
  undoMark: (cardId) =>
    set((s) => {
      const done = new Set(s.done);
      done.delete(cardId);
      return { done };
    }),
}));
