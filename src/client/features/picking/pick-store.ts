import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { FlowState } from './pick-flow';

/**
 * Where the picker is inside a task (which step, units scanned so far) and which task
 * they chose. Session-scoped: recorded picks live in IndexedDB; this only saves a few
 * re-scans after a reload.
 */
interface PickStore {
  flows: Record<string, FlowState>;
  selected: Record<string, string | null>;
  setFlow: (waveId: string, flow: FlowState) => void;
  select: (waveId: string, taskId: string | null) => void;
}

export const usePickStore = create<PickStore>()(
  persist(
    (set) => ({
      flows: {},
      selected: {},
      setFlow: (waveId, flow) => set((s) => ({ flows: { ...s.flows, [waveId]: flow } })),
      select: (waveId, taskId) => set((s) => ({ selected: { ...s.selected, [waveId]: taskId } })),
    }),
    { name: 'tote.pick', storage: createJSONStorage(() => sessionStorage) },
  ),
);
