// Session and UI state only (STYLE habit 6): clinical records live in Dexie, never here.
// Only the language is persisted (localStorage, not client data) so the lock screen speaks it too.
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { Language } from '../i18n/translate';

export interface SessionState {
  language: Language;
  locked: boolean;
  activeDraftId: string | null;
  setLanguage: (language: Language) => void;
  setLocked: (locked: boolean) => void;
  setActiveDraftId: (id: string | null) => void;
}

export const useSession = create<SessionState>()(
  persist(
    (set) => ({
      language: 'nl',
      locked: true,
      activeDraftId: null,
      setLanguage: (language) => set({ language }),
      setLocked: (locked) => set({ locked }),
      setActiveDraftId: (activeDraftId) => set({ activeDraftId }),
    }),
    {
      name: 'stapwijzer.preferences',
      storage: createJSONStorage(() => localStorage),
      partialize: (s) => ({ language: s.language }),
    },
  ),
);
