// Session and UI state only (STYLE habit 6): clinical records live in Dexie, never here. The UI
// language is i18n's (src/i18n/language.ts); runtime only persists it (language-persistence.ts).
import { create } from 'zustand';

/**
 * Where the vault stands: checking at start, no vault yet, locked, unlocked, or a team-size restore
 * replacing every row (no session meanwhile: the old key opens none of the new rows).
 */
export type VaultStatus = 'checking' | 'first-use' | 'locked' | 'unlocked' | 'restoring';

export interface SessionState {
  vaultStatus: VaultStatus;
  activeDraftId: string | null;
  /** Bundled content packs that were refused at start (the installed version stays active). */
  contentProblems: string[];
  /** The device is handed to a client: the shell hides navigation and the lock button. */
  clientMode: boolean;
  setVaultStatus: (status: VaultStatus) => void;
  setActiveDraftId: (id: string | null) => void;
  setContentProblems: (problems: string[]) => void;
  setClientMode: (on: boolean) => void;
}

export const useSession = create<SessionState>()((set) => ({
  vaultStatus: 'checking',
  activeDraftId: null,
  contentProblems: [],
  clientMode: false,
  setVaultStatus: (vaultStatus) => set({ vaultStatus }),
  setActiveDraftId: (activeDraftId) => set({ activeDraftId }),
  setContentProblems: (contentProblems) => set({ contentProblems }),
  setClientMode: (clientMode) => set({ clientMode }),
}));
