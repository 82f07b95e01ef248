/**
 * Typed storage errors. Owns the one vocabulary every storage failure is translated into, so the
 * UI can show one Dutch message per code and never has to inspect DOMException or Dexie error
 * shapes itself (R9: QuotaExceededError arrives both bare and wrapped in Dexie's AbortError).
 */

export type StorageErrorCode =
  | 'wrong-passphrase'
  | 'passphrase-too-short'
  | 'backoff'
  | 'locked'
  | 'not-initialised'
  | 'already-initialised'
  | 'integrity'
  | 'conflict'
  | 'not-found'
  | 'quota'
  | 'stale-build'
  | 'connection-lost'
  | 'migration-failed'
  /** The v5 re-sealing migration has not finished: backups wait for it (migration/reseal.ts). */
  | 'migration-running'
  | 'kdf-unsupported'
  | 'already-completed'
  | 'unknown';

export class StorageError extends Error {
  override readonly name = 'StorageError';
  readonly code: StorageErrorCode;
  /** For 'backoff': epoch ms at which the next unlock attempt is allowed. */
  readonly retryAt: number | undefined;

  constructor(code: StorageErrorCode, options: { cause?: unknown; retryAt?: number; detail?: string } = {}) {
    super(options.detail ? `${code}: ${options.detail}` : code, { cause: options.cause });
    this.code = code;
    this.retryAt = options.retryAt;
  }
}

export function isStorageError(e: unknown, code?: StorageErrorCode): e is StorageError {
  return e instanceof StorageError && (code === undefined || e.code === code);
}

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  inner?: unknown;
}

function asErrorLike(e: unknown): ErrorLike | null {
  return typeof e === 'object' && e !== null ? (e as ErrorLike) : null;
}

function nameOf(e: unknown): string {
  const n = asErrorLike(e)?.name;
  return typeof n === 'string' ? n : '';
}

function messageOf(e: unknown): string {
  const m = asErrorLike(e)?.message;
  return typeof m === 'string' ? m : '';
}

/** The error itself plus the chain Dexie builds through `.inner` (and `.cause`). */
function chain(e: unknown): unknown[] {
  const out: unknown[] = [];
  let cur: unknown = e;
  while (cur !== undefined && cur !== null && out.length < 5) {
    out.push(cur);
    const like = asErrorLike(cur);
    cur = like?.inner ?? (cur instanceof Error ? cur.cause : undefined);
  }
  return out;
}

export function isQuotaError(e: unknown): boolean {
  return chain(e).some((x) => nameOf(x) === 'QuotaExceededError' || /QuotaExceeded/i.test(messageOf(x)));
}

const CONNECTION_NAMES = new Set(['DatabaseClosedError', 'InvalidStateError']);
const CONNECTION_MESSAGE =
  /connection to indexed database server lost|database connection is closing|connection.*(lost|closed)/i;

/** WebKit "server lost", a force-closed connection, or Dexie's DatabaseClosedError. */
export function isConnectionLost(e: unknown): boolean {
  if (isStorageError(e)) return e.code === 'connection-lost';
  return chain(e).some((x) => CONNECTION_NAMES.has(nameOf(x)) || CONNECTION_MESSAGE.test(messageOf(x)));
}

/** Maps any thrown value to a StorageError; StorageErrors pass through unchanged. */
export function toStorageError(e: unknown): StorageError {
  if (e instanceof StorageError) return e;
  if (isQuotaError(e)) return new StorageError('quota', { cause: e });
  if (isConnectionLost(e)) return new StorageError('connection-lost', { cause: e });
  const names = chain(e).map(nameOf);
  if (names.includes('ConstraintError')) return new StorageError('conflict', { cause: e });
  if (names.some((n) => n === 'UpgradeError' || n === 'VersionError')) {
    return new StorageError('migration-failed', { cause: e });
  }
  return new StorageError('unknown', { cause: e, detail: messageOf(e) || nameOf(e) });
}
