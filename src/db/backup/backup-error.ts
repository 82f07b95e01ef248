/**
 * Why a backup could not be read or restored. One code per failure the user can act on; the
 * feature maps each to its own Dutch message. Every failure leaves the database as it was, except
 * 'interrupted': the old data is already replaced and the restore finishes at the next unlock.
 */
export type BackupErrorCode =
  | 'too-large'
  | 'truncated'
  | 'not-text'
  | 'not-backup'
  | 'too-deep'
  | 'forbidden-key'
  | 'unknown-version'
  | 'unknown-fields'
  | 'invalid-record'
  | 'altered'
  | 'kdf-altered'
  | 'wrong-passphrase'
  | 'wrong-device-passphrase'
  | 'write-failed'
  /** A team-size restore stopped after its point of no return: the next unlock finishes it (restore-journal.ts). */
  | 'interrupted';

export class BackupError extends Error {
  override readonly name = 'BackupError';
  readonly code: BackupErrorCode;

  constructor(code: BackupErrorCode, options: { cause?: unknown } = {}) {
    super(code, { cause: options.cause });
    this.code = code;
  }
}

export function isBackupError(e: unknown, code?: BackupErrorCode): e is BackupError {
  return e instanceof BackupError && (code === undefined || e.code === code);
}
