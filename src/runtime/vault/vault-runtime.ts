// The running vault: one database handle and the unlocked session. The session (which holds the data
// key) lives in this object, not in zustand: a CryptoKey is not UI state, and locking must drop the
// only reference. zustand only mirrors the status ('first-use' | 'locked' | 'unlocked').
// One instance is made by the composition root (src/main.tsx) and handed to components through
// RuntimeProvider (runtime-context.tsx); tests make their own over fake-indexeddb.
import {
  createVault,
  type KdfParams,
  lock,
  prepareArgon2,
  type StapwijzerDb,
  unlock,
  type VaultSession,
} from '../../db/first-screen';
import { useSession } from '../session-store';
import { afterUnlockIdle } from './after-unlock-idle';
import { resealAfterUnlock } from './reseal-runner';

export interface VaultRuntimeOptions {
  /**
   * Called once per page: when typing on the lock screen begins (prepareUnlock), or else when the
   * first unlock's key derivation has started. The composition root fetches the code of the first
   * screen behind the gate then, so it is loaded before the session exists instead of after it
   * (issue 23). Code only, never data.
   */
  warmUp?: () => void;
}

export class VaultRuntime {
  #current: VaultSession | null = null;
  #warmUp: (() => void) | null;

  constructor(
    readonly db: StapwijzerDb,
    options: VaultRuntimeOptions = {},
  ) {
    this.#warmUp = options.warmUp ?? null;
  }

  /** The unlocked session. Screens behind the vault gate may rely on it; anything else must check. */
  session(): VaultSession {
    const current = this.#current;
    if (!current || current.locked) throw new Error('Stapwijzer is locked');
    return current;
  }

  hasSession(): boolean {
    return this.#current !== null && !this.#current.locked;
  }

  /**
   * Whether the app's database exists, asked without opening it (opening would create it). Where the
   * browser cannot list databases, assume it exists: opening an empty one is harmless there.
   */
  async databaseExists(): Promise<boolean> {
    if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return true;
    const name = this.db.name;
    return (await indexedDB.databases()).some((info) => info.name === name);
  }

  /** Makes an unlocked session the app's: screens behind the gate appear. */
  adopt(session: VaultSession): VaultSession {
    this.#current = session;
    session.onLock(() => {
      if (this.#current === session) this.#current = null;
      useSession.getState().setVaultStatus('locked');
    });
    useSession.getState().setVaultStatus('unlocked');
    // Rows of the v1–v4 shape are re-sealed in the background (R40); reads work meanwhile (the session
    // opens both shapes) and backups are refused until the stored state says done, so the check can
    // wait until Vandaag has had its first frame.
    this.resealing = afterUnlockIdle()
      .then(() => resealAfterUnlock(session))
      .catch(() => {});
    return session;
  }

  /** The running (or last) re-sealing migration; tests await it. */
  resealing: Promise<void> = Promise.resolve();

  /** Creates the vault at first use. Not adopted yet: onboarding still has a step to show. */
  createVault(passphrase: string, kdf?: KdfParams): Promise<VaultSession> {
    return createVault(this.db, passphrase, kdf);
  }

  /** `onRestoreProgress`: an interrupted team-size restore is finished first (db/backup/restore-journal.ts). */
  async unlock(
    passphrase: string,
    options: { onRestoreProgress?: (progress: { done: number; total: number }) => void } = {},
  ): Promise<VaultSession> {
    return this.adopt(
      await unlock(this.db, passphrase, {
        onDeriving: () => this.#warm(),
        onRestoreProgress: options.onRestoreProgress,
      }),
    );
  }

  /**
   * The passphrase is being typed (the lock screen calls this from its field): the key derivation's
   * worker starts and compiles, and the code behind the gate loads, meanwhile. Idempotent. The derivation then runs alone: beside it, the
   * warm-up's chunk evaluation slowed the memory-hard hashing by ≈ 60 ms, and the worker's own start
   * and compile cost ≈ 100 ms after the submit (issue 23, BENCHMARKS.md). Nothing is read from the
   * vault.
   */
  prepareUnlock(): void {
    prepareArgon2();
    this.#warm();
  }

  #warm(): void {
    const warmUp = this.#warmUp;
    this.#warmUp = null;
    warmUp?.();
  }

  /**
   * A team-size restore passed its point of no return: the rows are being replaced by the backup's,
   * which the current key cannot open, so the session is dropped now (every screen that reads rows
   * unmounts) and the gate shows the restore's progress until the restored session is adopted.
   */
  beginRestoring(): void {
    const current = this.#current;
    this.#current = null;
    if (current) lock(current);
    useSession.getState().setVaultStatus('restoring');
  }

  /** Drops the data key; the gate then unmounts every screen that showed client data. */
  lock(): void {
    if (this.#current) lock(this.#current);
    this.#current = null;
    useSession.getState().setVaultStatus('locked');
  }
}
