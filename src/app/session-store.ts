// Session and UI state only (STYLE habit 6): clinical records live in Dexie, never here.
// Only the language is persisted (localStorage, not client data) so the lock screen speaks it too.
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { Language } from '../i18n/translate';

/** Where the vault stands: checking at start, no vault yet, locked, or unlocked. */
export type VaultStatus = 'checking' | 'first-use' | 'locked' | 'unlocked';

export interface SessionState {
  language: Language;
  vaultStatus: VaultStatus;
  activeDraftId: string | null;
  /** Bundled content packs that were refused at start (the installed version stays active). */
  contentProblems: string[];
  /** The device is handed to a client: the shell hides navigation and the lock button. */
  clientMode: boolean;
  setLanguage: (language: Language) => void;
  setVaultStatus: (status: VaultStatus) => void;
  setActiveDraftId: (id: string | null) => void;
  setContentProblems: (problems: string[]) => void;
  setClientMode: (on: boolean) => void;
}

export const useSession = create<SessionState>()(
  persist(
    (set) => ({
      language: 'nl',
      vaultStatus: 'checking',
      activeDraftId: null,
      contentProblems: [],
      clientMode: false,
      setLanguage: (language) => set({ language }),
      setVaultStatus: (vaultStatus) => set({ vaultStatus }),
      setActiveDraftId: (activeDraftId) => set({ activeDraftId }),
      setContentProblems: (contentProblems) => set({ contentProblems }),
      setClientMode: (clientMode) => set({ clientMode }),
    }),
    {
      name: 'stapwijzer.preferences',
      storage: createJSONStorage(() => localStorage),
      partialize: (s) => ({ language: s.language }),
    },
  ),
);
