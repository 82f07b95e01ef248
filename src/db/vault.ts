/**
 * The vault: creates, unlocks and re-keys the encryption at rest. Owns the meta rows 'vault'
 * (wrapped data key + KDF parameters), 'sentinel' (proof the database was not cleared) and
 * 'backoff' (wrong-passphrase delays that survive a reload, R19). The passphrase never leaves
 * this module; the unwrapped key lives only in a VaultSession.
 */
import { appendAuditQuietly, attachAuditSession } from './audit/audit-log';
import { type BackoffState, INITIAL_BACKOFF, nextAllowedAt, recordFailure, recordSuccess } from './backoff';
import { readRestoreJournal } from './backup/restore-pending';
import { copyBytes, randomBytes } from './crypto/bytes';
import { generateWrappableDataKey, unwrapDataKey, wrapDataKey } from './crypto/data-key';
import { deriveKek, kdfParamsOf, MIN_PASSPHRASE_LENGTH, needsRewrap, PRODUCTION_KDF, SALT_BYTES } from './crypto/kdf';
import type { StapwijzerDb } from './database';
import { StorageError } from './errors';
import { resealDone } from './migration/reseal';
import { withReopenRetry } from './retry';
import { VaultSession } from './session';
import { markVaultCreated } from './storage-health';
import type { BackoffMeta, KdfParams, SentinelMeta, VaultMeta } from './types';

export { VaultSession };

function assertPassphrase(passphrase: string): void {
  if ([...passphrase].length < MIN_PASSPHRASE_LENGTH) throw new StorageError('passphrase-too-short');
}

async function readVault(db: StapwijzerDb): Promise<VaultMeta> {
  const row = await withReopenRetry(db, () => db.meta.get('vault'));
  if (row?.key !== 'vault') throw new StorageError('not-initialised');
  return row;
}

/**
 * Checks a passphrase against the stored vault without unlocking anything (restore's "keep this
 * device's passphrase"). Throws 'wrong-passphrase'.
 */
export async function checkVaultPassphrase(db: StapwijzerDb, passphrase: string): Promise<VaultMeta> {
  const vault = await readVault(db);
  const { salt, ...params } = vault.kdf;
  await unwrapDataKey(copyBytes(vault.wrappedKey), await deriveKek(passphrase, copyBytes(salt), params));
  return vault;
}

/** The stored KDF parameters (without the salt), e.g. to decide whether to raise them. */
export async function vaultKdfParams(db: StapwijzerDb): Promise<KdfParams> {
  const { kdf } = await readVault(db);
  return kdfParamsOf(kdf);
}

export async function isInitialised(db: StapwijzerDb): Promise<boolean> {
  const row = await withReopenRetry(db, () => db.meta.get('vault'));
  return row?.key === 'vault';
}

export async function wrapWithPassphrase(
  dek: CryptoKey,
  passphrase: string,
  kdf: KdfParams,
): Promise<Pick<VaultMeta, 'kdf' | 'wrappedKey'>> {
  const salt = randomBytes(SALT_BYTES);
  const kek = await deriveKek(passphrase, salt, kdf);
  return {
    kdf: { ...kdfParamsOf(kdf), salt },
    wrappedKey: await wrapDataKey(dek, kek),
  };
}

/** Creates the vault (once) and returns an unlocked session. */
export async function createVault(
  db: StapwijzerDb,
  passphrase: string,
  kdf: KdfParams = PRODUCTION_KDF,
  options: { now?: number } = {},
): Promise<VaultSession> {
  assertPassphrase(passphrase);
  const now = options.now ?? Date.now();
  const extractable = await generateWrappableDataKey();
  const wrapped = await wrapWithPassphrase(extractable, passphrase, kdf);
  const vault: VaultMeta = {
    key: 'vault',
    formatVersion: 1,
    wrap: 'AES-KW',
    createdAt: now,
    updatedAt: now,
    ...wrapped,
  };
  const sentinel: SentinelMeta = { key: 'sentinel', vaultId: crypto.randomUUID(), createdAt: now };
  const backoff: BackoffMeta = { key: 'backoff', ...INITIAL_BACKOFF };
  await withReopenRetry(db, () =>
    db.transaction('rw', db.meta, async () => {
      if (await db.meta.get('vault')) throw new StorageError('already-initialised');
      // A new vault has no rows of the old shape: nothing to re-seal (migration/reseal.ts).
      await db.meta.bulkAdd([vault, sentinel, backoff]);
      await db.meta.put(resealDone(now));
    }),
  );
  markVaultCreated(db.name, sentinel.vaultId);
  // Re-import as non-extractable so the session key can never be exported.
  const kek = await deriveKek(passphrase, vault.kdf.salt, kdf);
  const session = new VaultSession(db, await unwrapDataKey(vault.wrappedKey, kek));
  await attachAuditSession(session);
  return session;
}

async function readBackoff(db: StapwijzerDb): Promise<BackoffState> {
  const row = await withReopenRetry(db, () => db.meta.get('backoff'));
  return row?.key === 'backoff' ? { failures: row.failures, lastFailureAt: row.lastFailureAt } : { ...INITIAL_BACKOFF };
}

async function writeBackoff(db: StapwijzerDb, state: BackoffState): Promise<void> {
  await withReopenRetry(db, () => db.meta.put({ key: 'backoff', ...state }));
}

/** Current backoff: when the next attempt is allowed (for the lock screen's countdown). */
export async function backoffStatus(db: StapwijzerDb): Promise<BackoffState & { retryAt: number }> {
  const state = await readBackoff(db);
  return { ...state, retryAt: nextAllowedAt(state) };
}

/** A clock: the real one, or a fixed instant when a test injects `now`. */
const clockFrom = (now: number | undefined): (() => number) => (now === undefined ? () => Date.now() : () => now);

/**
 * Derives the KEK and unwraps the data key, enforcing and updating the persisted backoff.
 * Throws 'backoff' (with retryAt) when called too early, 'wrong-passphrase' on a bad guess.
 */
async function unwrapWithBackoff(
  db: StapwijzerDb,
  passphrase: string,
  clock: () => number,
  extractable: boolean,
  onDeriving?: () => void,
): Promise<{ dek: CryptoKey; vault: VaultMeta }> {
  const vault = await readVault(db);
  const state = await readBackoff(db);
  const allowedAt = nextAllowedAt(state);
  if (clock() < allowedAt) throw new StorageError('backoff', { retryAt: allowedAt });
  const { salt, ...params } = vault.kdf;
  const kek = await deriveKek(passphrase, copyBytes(salt), params, onDeriving);
  try {
    const dek = await unwrapDataKey(copyBytes(vault.wrappedKey), kek, extractable);
    if (state.failures > 0) await writeBackoff(db, recordSuccess());
    return { dek, vault };
  } catch (e) {
    // The wait runs from the moment the guess is known to be wrong, not from the start of the attempt:
    // otherwise a slow key derivation (over a second on a low-end phone) would swallow the short waits.
    // Tests that inject `now` keep their own clock.
    const next = recordFailure(state, clock());
    await writeBackoff(db, next);
    // Logged while locked: the actor is the last known initials kept in clear meta.
    await appendAuditQuietly(db, [{ action: 'unlock-failed', recordId: null }]);
    throw new StorageError('wrong-passphrase', { cause: e, retryAt: nextAllowedAt(next) });
  }
}

/**
 * Re-wraps a v1 (PBKDF2) vault with the current KDF right after a successful unlock, so a copied
 * profile stops being a cheap PBKDF2 target. Best effort: a failure leaves the old wrap working.
 */
async function rewrapIfOld(db: StapwijzerDb, passphrase: string, target: KdfParams): Promise<void> {
  const vault = await readVault(db);
  if (!needsRewrap(vault.kdf, target)) return;
  const { salt, ...params } = vault.kdf;
  const dek = await unwrapDataKey(
    copyBytes(vault.wrappedKey),
    await deriveKek(passphrase, copyBytes(salt), params),
    true,
  );
  const next: VaultMeta = { ...vault, ...(await wrapWithPassphrase(dek, passphrase, target)), updatedAt: Date.now() };
  await withReopenRetry(db, () =>
    db.transaction('rw', db.meta, async () => {
      const stored = await db.meta.get('vault');
      if (stored?.key !== 'vault' || stored.updatedAt !== vault.updatedAt) return;
      await db.meta.put(next);
    }),
  );
}

/**
 * Unlocks the vault; the returned session holds the non-extractable data key in memory only. A vault
 * still wrapped with PBKDF2 is re-wrapped with `rewrapTo` (default: the production Argon2id).
 * `onDeriving` is called once the key derivation has started in its worker (the backoff allowed the
 * attempt): what the caller does then runs beside the derivation, off the main thread's way.
 */
export async function unlock(
  db: StapwijzerDb,
  passphrase: string,
  options: {
    now?: number;
    rewrapTo?: KdfParams;
    onDeriving?: () => void;
    /** A restore interrupted after its point of no return is finished first: its progress. */
    onRestoreProgress?: ((progress: { done: number; total: number }) => void) | undefined;
  } = {},
): Promise<VaultSession> {
  const { dek, vault } = await unwrapWithBackoff(db, passphrase, clockFrom(options.now), false, options.onDeriving);
  const target = options.rewrapTo ?? PRODUCTION_KDF;
  if (needsRewrap(vault.kdf, target)) await rewrapIfOld(db, passphrase, target);
  // Only a session over complete tables may read or anchor anything: an interrupted team-size restore
  // is copied to the end before the session exists (its code loads only then).
  const restoring = (await readRestoreJournal(db)) !== null;
  const journal = restoring ? await import('./backup/restore-journal') : null;
  if (journal) await journal.copyStagedPages(db, { onProgress: options.onRestoreProgress });
  const session = new VaultSession(db, dek);
  await attachAuditSession(session);
  if (journal) await journal.endJournal(db);
  await appendAuditQuietly(db, [{ action: 'unlock', recordId: null }]);
  return session;
}

/** Drops the data key from memory. */
export function lock(session: VaultSession): void {
  session.lock();
}

/**
 * Re-wraps the data key under a new passphrase (fresh salt, optionally new KDF parameters).
 * Records are untouched: only the 'vault' meta row changes.
 */
export async function changePassphrase(
  db: StapwijzerDb,
  oldPassphrase: string,
  newPassphrase: string,
  options: { kdf?: KdfParams; now?: number } = {},
): Promise<void> {
  assertPassphrase(newPassphrase);
  const now = options.now ?? Date.now();
  const { dek, vault } = await unwrapWithBackoff(db, oldPassphrase, clockFrom(options.now), true);
  const { salt: _salt, ...current } = vault.kdf;
  // A v1 (PBKDF2) vault moves to Argon2id on a passphrase change too.
  const kdf = options.kdf ?? (needsRewrap(current, PRODUCTION_KDF) ? PRODUCTION_KDF : current);
  const wrapped = await wrapWithPassphrase(dek, newPassphrase, kdf);
  const next: VaultMeta = { ...vault, ...wrapped, updatedAt: now };
  await withReopenRetry(db, () =>
    db.transaction('rw', db.meta, async () => {
      const stored = await db.meta.get('vault');
      if (stored?.key !== 'vault' || stored.updatedAt !== vault.updatedAt) throw new StorageError('conflict');
      await db.meta.put(next);
    }),
  );
}
