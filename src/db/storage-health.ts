/**
 * Storage health: persistence (R10), usage/quota, "browser storage was cleared" detection and the
 * iOS-outside-standalone detector (R11). Owns the only localStorage keys of the storage layer:
 * a flag saying a vault existed, compared against the database sentinel row, and the remembered
 * persist() outcome. Every browser API is injectable so the logic is testable without a browser.
 */
import type { StapwijzerDb } from './database';

export interface FlagStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface StorageManagerLike {
  persist?: () => Promise<boolean>;
  persisted?: () => Promise<boolean>;
  estimate?: () => Promise<{ usage?: number; quota?: number }>;
}

export type PersistOutcome = 'granted' | 'denied' | 'unsupported';

export interface StorageStatus {
  persisted: boolean | null;
  usage: number | null;
  quota: number | null;
}

const VAULT_FLAG = (dbName: string) => `stapwijzer:${dbName}:vault-id`;
const PERSIST_FLAG = 'stapwijzer:persist-outcome';

function defaultFlags(): FlagStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // Access can throw when storage is disabled.
  }
}

function defaultStorageManager(): StorageManagerLike | null {
  return typeof navigator === 'undefined' || !navigator.storage ? null : navigator.storage;
}

/** Called by createVault: remember that a vault with this id exists in this profile. */
export function markVaultCreated(dbName: string, vaultId: string, flags: FlagStorage | null = defaultFlags()): void {
  flags?.setItem(VAULT_FLAG(dbName), vaultId);
}

/** Forget the vault flag (after a deliberate wipe, so onboarding does not warn). */
export function forgetVault(dbName: string, flags: FlagStorage | null = defaultFlags()): void {
  flags?.removeItem(VAULT_FLAG(dbName));
}

/**
 * True when this profile once held a vault but the database sentinel is gone or different: the
 * browser (or the user) cleared site data. The UI should then point to restoring a backup.
 */
export async function storageWasCleared(
  db: StapwijzerDb,
  flags: FlagStorage | null = defaultFlags(),
): Promise<boolean> {
  const expected = flags?.getItem(VAULT_FLAG(db.name));
  if (!expected) return false;
  const sentinel = await db.meta.get('sentinel');
  return sentinel?.key !== 'sentinel' || sentinel.vaultId !== expected;
}

/** Calls navigator.storage.persist() once per profile and remembers the outcome. */
export async function requestPersistence(
  storage: StorageManagerLike | null = defaultStorageManager(),
  flags: FlagStorage | null = defaultFlags(),
): Promise<PersistOutcome> {
  const remembered = flags?.getItem(PERSIST_FLAG);
  if (remembered === 'granted' || remembered === 'denied' || remembered === 'unsupported') return remembered;
  let outcome: PersistOutcome = 'unsupported';
  if (storage?.persist) {
    try {
      outcome = (await storage.persist()) ? 'granted' : 'denied';
    } catch {
      outcome = 'denied';
    }
  }
  flags?.setItem(PERSIST_FLAG, outcome);
  return outcome;
}

/**
 * The persist() outcome remembered by an earlier requestPersistence(), read synchronously: the app's
 * first render shows the storage notice from it, so the screen below is laid out once (no layout shift
 * when the asynchronous check confirms it). null when nothing was asked yet in this profile.
 */
export function rememberedPersistOutcome(flags: FlagStorage | null = defaultFlags()): PersistOutcome | null {
  const remembered = flags?.getItem(PERSIST_FLAG);
  return remembered === 'granted' || remembered === 'denied' || remembered === 'unsupported' ? remembered : null;
}

/** Current persistence and usage; null where the API is missing or fails. */
export async function storageStatus(
  storage: StorageManagerLike | null = defaultStorageManager(),
): Promise<StorageStatus> {
  const persisted = storage?.persisted ? await storage.persisted().catch(() => null) : null;
  const estimate = storage?.estimate ? await storage.estimate().catch(() => null) : null;
  return { persisted, usage: estimate?.usage ?? null, quota: estimate?.quota ?? null };
}

export interface NavigatorLike {
  userAgent: string;
  platform?: string;
  maxTouchPoints?: number;
  /** Safari's legacy flag, true inside a home-screen app. */
  standalone?: boolean;
}

export type MatchMediaLike = (query: string) => { matches: boolean };

/** True on iPhone/iPad (including iPadOS's desktop user agent) when not running as an installed app. */
export function isIosOutsideStandalone(nav: NavigatorLike, matchMedia: MatchMediaLike | null): boolean {
  const ios = /iPad|iPhone|iPod/.test(nav.userAgent) || (nav.platform === 'MacIntel' && (nav.maxTouchPoints ?? 0) > 1);
  if (!ios) return false;
  const standalone =
    nav.standalone === true ||
    (matchMedia?.('(display-mode: standalone)').matches ?? false) ||
    (matchMedia?.('(display-mode: fullscreen)').matches ?? false);
  return !standalone;
}
