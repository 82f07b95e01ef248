/** Backup API: export, validate/verify/restore, reminder, wipe. */
export { BackupError, type BackupErrorCode, isBackupError } from './backup-error';
export {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BACKUP_TABLES,
  type BackupCounts,
  type BackupFile,
  backupFileName,
  MAX_BACKUP_BYTES,
  MAX_DEPTH,
} from './backup-format';
export {
  BACKUP_STATUS_SETTING,
  type BackupSink,
  type BackupStatus,
  type ExportedBackup,
  type ExportProgress,
  exportBackup,
  exportBackupTo,
  type WrittenBackup,
} from './export-backup';
export {
  EXPORT_FILE_KEEP_MS,
  type ExportFile,
  openExportFile,
  removeExportFile,
  type WritableSink,
  writableSink,
} from './export-file';
export {
  backupReminder,
  DEFAULT_THRESHOLDS,
  loadReminderInput,
  REMINDER_SETTING,
  type ReminderInput,
  type ReminderReason,
  type ReminderThresholds,
  ThresholdsSchema,
} from './reminder';
export {
  applyRestore,
  checkBackupFile,
  currentCounts,
  discardVerified,
  parseBackup,
  type RestoreOptions,
  readBackupFile,
  type VerifiedBackup,
  type VerifiedFile,
  verifyBackup,
} from './restore-backup';
export { PAGE_ROWS, SINGLE_TRANSACTION_ROWS, type SwapProgress } from './restore-journal';
export { pendingRestore } from './restore-pending';
export type { VerifiedStream } from './restore-stream';
export { STREAM_FORMAT_VERSION } from './stream-format';
export { type WipeDeps, wipeAllData } from './wipe';
