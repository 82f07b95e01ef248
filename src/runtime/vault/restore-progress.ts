// A team-size restore after its point of no return (db/backup/restore-journal.ts): its progress for the
// screen the vault gate shows meanwhile, and that it finished, for the Back-up screen's "teruggezet" line.
import { create } from 'zustand';

export interface RestoreProgress {
  progress: { done: number; total: number } | null;
  /** Set when the restored vault was adopted; the Back-up screen shows it once and clears it. */
  finished: boolean;
}

export const useRestoreProgress = create<RestoreProgress>(() => ({ progress: null, finished: false }));
