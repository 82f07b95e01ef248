// What the content check found this session (R41), for the notice: each pack version refused because
// its stored copy was altered, and whether the bundle restored it.
import { create } from 'zustand';

export interface ContentRepair {
  packId: string;
  contentVersion: string;
  restored: boolean;
}

interface ContentRepairState {
  repairs: ContentRepair[];
  add: (repair: ContentRepair) => void;
  dismiss: () => void;
}

export const useContentRepairs = create<ContentRepairState>((set) => ({
  repairs: [],
  add: (repair) => set((s) => ({ repairs: [...s.repairs, repair] })),
  dismiss: () => set({ repairs: [] }),
}));
