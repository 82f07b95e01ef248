/** Public API of the storage layer. Features import from here, never from Dexie directly. */

export * from './audit';
export * from './backoff';
export * from './backup';
export * from './caseload';
export {
  deletePackVersion,
  importPack,
  packKey,
  pruneUnreferencedPacks,
  restorePackVersion,
  type SyncReport,
  syncBundledPacks,
} from './content-import';
export { prepareArgon2 } from './crypto/argon2';
export { fromBase32, groupsOfFour, toBase32 } from './crypto/base32';
export { MIN_PASSPHRASE_LENGTH, PRODUCTION_KDF, TEST_KDF } from './crypto/kdf';
export { createDatabase, DB_NAME, durabilityFor, StapwijzerDb } from './database';
export { isStorageError, StorageError, type StorageErrorCode, toStorageError } from './errors';
export { type DeviceKey, deviceIdOf, deviceKey, publicKeyFromText } from './keys/device-key';
export type { FlushCallback, StaleEvent, StaleListener, StaleReason } from './lifecycle';
export {
  assertNoMigrationRunning,
  needsReseal,
  type ResealProgress,
  type ResealResult,
  readResealState,
  runReseal,
} from './migration/reseal';
export { hasLegacySignalIds, rewriteLegacySignalIds } from './migration/signal-ids';
export * from './repositories/clients.repository';
export * from './repositories/content.repository';
export { destroyClient, isShredded } from './repositories/destroy-client';
export * from './repositories/followup-events.repository';
export * from './repositories/followups.repository';
export * from './repositories/notes.repository';
export * from './repositories/plans.repository';
export * from './repositories/safety-events.repository';
export * from './repositories/screenings.repository';
export * from './repositories/settings.repository';
export * from './repositories/sync.repository';
export * from './repositories/text-drafts.repository';
export { withReopenRetry } from './retry';
export { CURRENT_SCHEMA_VERSION, SCHEMA_VERSIONS } from './schema-versions';
export { VaultSession } from './session';
export * from './storage-health';
export type * from './types';
export { backoffStatus, changePassphrase, createVault, isInitialised, lock, unlock, vaultKdfParams } from './vault';
