/**
 * An unlocked vault session: the only holder of the non-extractable data key, in memory only.
 * `lock()` drops the key; every seal/open afterwards fails with 'locked' (R24's "decrypt calls
 * fail"). Repositories receive the session, never the key.
 */
import * as v from 'valibot';
import { aadFor, open, seal } from './crypto/aead';
import type { EncryptedTableName, StapwijzerDb } from './database';
import { StorageError } from './errors';
import { PAYLOAD_SCHEMAS } from './payload-schemas';
import type { Decrypted, MinimalClear, Sealed } from './types';

export class VaultSession {
  readonly db: StapwijzerDb;
  #key: CryptoKey | null;
  readonly #onLock = new Set<() => void>();

  constructor(db: StapwijzerDb, key: CryptoKey) {
    this.db = db;
    this.#key = key;
  }

  get locked(): boolean {
    return this.#key === null;
  }

  /** Drops the data key. Idempotent. */
  lock(): void {
    if (this.#key === null) return;
    this.#key = null;
    for (const cb of this.#onLock) cb();
    this.#onLock.clear();
  }

  onLock(cb: () => void): () => void {
    this.#onLock.add(cb);
    return () => this.#onLock.delete(cb);
  }

  #requireKey(): CryptoKey {
    if (this.#key === null) throw new StorageError('locked');
    return this.#key;
  }

  /** Encrypts `data` bound to the table and every clear field of the row. */
  async seal<C extends MinimalClear>(table: EncryptedTableName, clear: C, data: unknown): Promise<C & Sealed> {
    const sealed = await seal(this.#requireKey(), aadFor(table, clear), data);
    return { ...clear, ...sealed };
  }

  /**
   * Decrypts a stored row and checks its payload against the table's schema (payload-schemas.ts); a
   * failed tag or a payload of another shape throws 'integrity' for this row only.
   */
  async open<C extends MinimalClear, P>(table: EncryptedTableName, row: C & Sealed): Promise<Decrypted<C, P>> {
    const key = this.#requireKey();
    const { iv, ct, ...clear } = row;
    const parsed = v.safeParse(PAYLOAD_SCHEMAS[table], await open(key, aadFor(table, clear), { iv, ct }));
    if (!parsed.success) {
      throw new StorageError('integrity', { detail: `${table}/${row.id}: ${v.summarize(parsed.issues)}` });
    }
    // Validated above; PayloadSchemasMatchTypes proves each table's schema output is its payload type.
    return { ...(clear as unknown as C), data: parsed.output as P };
  }
}
