/**
 * Runs the v5 re-sealing migration (db/migration/reseal.ts) after every unlock that needs it, and
 * exposes its progress for the shell ("Gegevens worden beveiligd… n van m").
 *
 * One tab at a time: the work runs under the Web Lock `stapwijzer-reseal`; a second tab that
 * unlocks meanwhile waits for the lock and then finds the migration done. The tab that holds the
 * lock tells the other tabs to lock (reason 'migration') before it writes, so no other tab keeps
 * working on rows that are being re-sealed; reads stay correct meanwhile either way (the session
 * opens both row shapes). A lock, a closed tab or a crash stops it safely: it resumes at the next
 * unlock. Backups are refused until it is done (assertNoMigrationRunning).
 *
 * After it, under the same lock, safety signals still under their legacy clear id (rule in the id,
 * builds before schema v10) move to their opaque id (db/migration/signal-ids.ts).
 */
import { create } from 'zustand';
import { needsReseal, type ResealProgress, runReseal, type VaultSession } from '../../db/first-screen';
import { postToOtherTabs } from '../cross-tab/channel';

export interface ResealStatus {
  phase: 'idle' | 'running' | 'done' | 'failed';
  done: number;
  total: number;
}

export const useResealStatus = create<ResealStatus>(() => ({ phase: 'idle', done: 0, total: 0 }));

export const RESEAL_LOCK = 'stapwijzer-reseal';

type Locks = Pick<LockManager, 'request'>;

function webLocks(): Locks | null {
  return typeof navigator !== 'undefined' && navigator.locks ? navigator.locks : null;
}

export interface ResealDeps {
  locks?: Locks | null;
  announce?: () => void;
}

// The safety-signal id migration (issue 17) loads with the storage layer after unlock, not with the lock
// screen's first-screen chunk (issue 23): unlocking does not need it to show Vandaag.
const signalIds = () => import('../../db');

/** Runs the migration if it is needed; resolves when it is done (or stopped by a lock). */
const needsWork = async (session: VaultSession) =>
  (await needsReseal(session.db)) || (await (await signalIds()).hasLegacySignalIds(session.db));

export async function resealAfterUnlock(session: VaultSession, deps: ResealDeps = {}): Promise<void> {
  if (!(await needsWork(session))) return;
  const locks = deps.locks === undefined ? webLocks() : deps.locks;
  const announce = deps.announce ?? (() => postToOtherTabs({ type: 'lock', reason: 'migration' }));
  const work = async () => {
    if (session.locked || !(await needsWork(session))) return;
    announce();
    const report = (p: ResealProgress) => useResealStatus.setState({ phase: 'running', ...p });
    try {
      if (await needsReseal(session.db)) await runReseal(session, { onProgress: report });
      await (await signalIds()).rewriteLegacySignalIds(session);
      useResealStatus.setState({ phase: 'done' });
    } catch (e) {
      // Locked meanwhile: not a failure, it resumes at the next unlock.
      useResealStatus.setState({ phase: session.locked ? 'idle' : 'failed' });
      if (!session.locked) throw e;
    }
  };
  if (locks) await locks.request(RESEAL_LOCK, work);
  else await work();
}
