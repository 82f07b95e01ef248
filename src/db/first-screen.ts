/**
 * The part of the storage layer's public API that the first screens need — the shell, the lock screen
 * and onboarding: open the database, create / unlock / lock the vault, the settings it reads, the
 * content sync that runs while the lock screen shows, storage health, and the wipe the lock screen
 * offers when the passphrase is lost. Those modules import from here instead of index.ts, whose
 * `export *` of every repository, the backup format and the team-sync store would otherwise put all of
 * that on the first screen's critical path (issue 23). index.ts exports the same names.
 */
export { removeExportFile } from './backup/export-file';
export { pendingRestore } from './backup/restore-pending';
export { wipeAllData } from './backup/wipe';
export { type SyncReport, syncBundledPacks } from './content-import';
export { prepareArgon2 } from './crypto/argon2';
export { MIN_PASSPHRASE_LENGTH } from './crypto/kdf';
export { createDatabase, DB_NAME, StapwijzerDb } from './database';
export { isStorageError, StorageError } from './errors';
export { needsReseal, type ResealProgress, runReseal } from './migration/reseal';
export { listActivePacks } from './repositories/content.repository';
export { getSetting, putSetting } from './repositories/settings.repository';
export type { VaultSession } from './session';
export { rememberedPersistOutcome, requestPersistence, storageStatus, storageWasCleared } from './storage-health';
export type { KdfParams } from './types';
export { backoffStatus, createVault, isInitialised, lock, unlock } from './vault';
