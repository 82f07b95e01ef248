// The app's one database handle and its unlocked vault session. The session (which holds the data
// key) lives here in module scope, not in zustand: a CryptoKey is not UI state, and locking must
// drop the only reference. zustand only mirrors the status ('first-use' | 'locked' | 'unlocked').
import { createDatabase, createVault, lock, type StapwijzerDb, unlock, type VaultSession } from '../../db';
import { useSession } from '../session-store';

let database: StapwijzerDb | null = null;
let current: VaultSession | null = null;

export function appDb(): StapwijzerDb {
  database ??= createDatabase();
  return database;
}

/**
 * Whether the app's database exists, asked without opening it (opening would create it). Where the
 * browser cannot list databases, assume it exists: opening an empty one is harmless there.
 */
export async function databaseExists(): Promise<boolean> {
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return true;
  const name = appDb().name;
  return (await indexedDB.databases()).some((info) => info.name === name);
}

/** For tests: use a separately created database (fake-indexeddb) instead of the app's. */
export function setDatabaseForTests(db: StapwijzerDb): void {
  database = db;
  current = null;
}

/** The unlocked session. Screens behind the vault gate may rely on it; anything else must check. */
export function currentSession(): VaultSession {
  if (!current || current.locked) throw new Error('Stapwijzer is locked');
  return current;
}

export function hasSession(): boolean {
  return current !== null && !current.locked;
}

/** Makes an unlocked session the app's: screens behind the gate appear. */
export function adopt(session: VaultSession): VaultSession {
  current = session;
  session.onLock(() => {
    if (current === session) current = null;
    useSession.getState().setVaultStatus('locked');
  });
  useSession.getState().setVaultStatus('unlocked');
  return session;
}

/** Creates the vault at first use. Not adopted yet: onboarding still has a step to show. */
export function createAppVault(passphrase: string): Promise<VaultSession> {
  return createVault(appDb(), passphrase);
}

export async function unlockAppVault(passphrase: string): Promise<VaultSession> {
  return adopt(await unlock(appDb(), passphrase));
}

/** Drops the data key; the gate then unmounts every screen that showed client data. */
export function lockApp(): void {
  if (current) lock(current);
  current = null;
  useSession.getState().setVaultStatus('locked');
}
