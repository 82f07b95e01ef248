/**
 * The key hierarchy below the data key (ARCHITECTURE "Keys and passphrases"): passphrase → KEK
 * (Argon2id, vault.ts) → data key → [team key] → per-client keys. Owns the per-client keys: a random
 * 256-bit AES-GCM key per client, created on the first write of that client, wrapped under its
 * parent (the data key, or a team key once the team issue sets one) and stored in the clear `keys`
 * table as { id, parent, iv, wrapped } — nothing about the person. Unwrapped keys are cached as
 * NON-extractable CryptoKeys for the session and dropped on lock.
 *
 * Wrapping is AES-GCM encryption of the raw key bytes under the parent key (AAD: the key id and the
 * parent id, so a wrapped key cannot be moved to another id). Not `wrapKey`: the data key is
 * unwrapped with encrypt/decrypt usages only, and a fresh key's raw bytes exist only between
 * generation and wrapping. Destroying a client's `keys` row makes that client's rows unreadable
 * (crypto-shredding); every sealed row names its key id (`kid`), so keys can rotate later.
 *
 * Beside them, one per-vault HMAC-SHA-256 key (`ID_KEY_ID`), stored and wrapped the same way and
 * unwrapped as a non-extractable signing key: it turns facts that must give the same record id every
 * time (a draft and a safety rule: the signal's id) into an id that tells nothing in clear.
 */
import { IV_BYTES } from '../crypto/aead';
import { copyBytes, randomBytes, toBytes, utf8 } from '../crypto/bytes';
import { StorageError } from '../errors';
import type { KeyRow } from '../types';

/** Key id of the data key itself (rows without a client: settings, anonymous drafts, safety events). */
export const DATA_KEY_ID = 'dek';

/** A client's key id. Derived from the pseudonymous client id, which every row of that client carries in clear anyway. */
export function clientKeyId(clientId: string): string {
  return `c:${clientId}`;
}

/**
 * Key id of the per-vault HMAC key for deterministic opaque ids. Created on first use (the first
 * safety signal), wrapped under the data key, in every backup with the other key rows.
 */
export const ID_KEY_ID = 'h:ids';

const isMacKey = (id: string) => id.startsWith('h:');

/** Where wrapped keys are kept: the database's `keys` table, or a backup's key list being verified. */
export interface KeyStore {
  get(id: string): Promise<KeyRow | undefined>;
  /** Adds the row unless one with its id exists; resolves to the row that is stored. */
  addIfAbsent(row: KeyRow): Promise<KeyRow>;
}

const KEY_ALGORITHM = { name: 'AES-GCM', length: 256 } as const;
const MAC_ALGORITHM = { name: 'HMAC', hash: 'SHA-256', length: 256 } as const;
const KEY_BYTES = 32;
const wrapAad = (id: string, parent: string) => utf8(JSON.stringify(['stapwijzer/key/1', id, parent]));

interface ParentKey {
  id: string;
  key: CryptoKey;
}

export class KeyRing {
  #dataKey: CryptoKey | null;
  #team: ParentKey | null = null;
  readonly #cache = new Map<string, Promise<CryptoKey>>();
  readonly #store: KeyStore;

  constructor(dataKey: CryptoKey, store: KeyStore) {
    this.#dataKey = dataKey;
    this.#store = store;
  }

  get locked(): boolean {
    return this.#dataKey === null;
  }

  /** Drops the data key, any team key and every unwrapped client key. */
  drop(): void {
    this.#dataKey = null;
    this.#team = null;
    this.#cache.clear();
  }

  dataKey(): CryptoKey {
    if (this.#dataKey === null) throw new StorageError('locked');
    return this.#dataKey;
  }

  /**
   * The team-key slot (for the team-sync issue): from now on new client keys are wrapped under
   * `key` with parent `id`, and keys whose parent is `id` can be unwrapped. Existing client keys
   * stay wrapped under the data key; re-wrapping them is the team issue's migration.
   */
  setTeamKey(id: string, key: CryptoKey): void {
    if (id === DATA_KEY_ID) throw new TypeError('a team key needs its own id');
    this.dataKey();
    this.#team = { id, key };
    for (const cached of this.#cache.keys()) if (cached !== DATA_KEY_ID) this.#cache.delete(cached);
  }

  #parent(id: string): CryptoKey {
    if (id === DATA_KEY_ID) return this.dataKey();
    if (this.#team?.id === id) return this.#team.key;
    throw new StorageError('integrity', { detail: `no key ${id} to unwrap with` });
  }

  /** The key a row names; 'integrity' when it is missing or does not unwrap (a destroyed key). */
  async key(id: string): Promise<CryptoKey> {
    if (id === DATA_KEY_ID) return this.dataKey();
    return this.#cached(id, async () => {
      const row = await this.#store.get(id);
      if (!row) throw new StorageError('integrity', { detail: `key ${id} is missing` });
      return this.#unwrap(row);
    });
  }

  /** The client's key, created (and stored) on first use. */
  async clientKey(clientId: string): Promise<{ kid: string; key: CryptoKey }> {
    const kid = clientKeyId(clientId);
    const key = await this.#cached(kid, async () => {
      const existing = await this.#store.get(kid);
      if (existing) return this.#unwrap(existing);
      // Two tabs may both create it: the one stored first wins and both use that one.
      return this.#unwrap(await this.#store.addIfAbsent(await this.#create(kid)));
    });
    return { kid, key };
  }

  /** The per-vault HMAC key (ID_KEY_ID), created (and stored) on first use; it can only sign. */
  async idKey(): Promise<CryptoKey> {
    return this.#cached(ID_KEY_ID, async () => {
      const existing = await this.#store.get(ID_KEY_ID);
      if (existing) return this.#unwrap(existing);
      // As for client keys: two tabs creating it at once both end up with the one stored first.
      return this.#unwrap(await this.#store.addIfAbsent(await this.#create(ID_KEY_ID)));
    });
  }

  #cached(id: string, load: () => Promise<CryptoKey>): Promise<CryptoKey> {
    this.dataKey();
    let pending = this.#cache.get(id);
    if (!pending) {
      pending = load();
      this.#cache.set(id, pending);
      // A failed load is not cached: a later call tries again.
      pending.catch(() => {
        if (this.#cache.get(id) === pending) this.#cache.delete(id);
      });
    }
    return pending;
  }

  async #create(id: string): Promise<KeyRow> {
    // The id key is the vault's own: always under the data key, never a team key.
    const parent = isMacKey(id)
      ? { id: DATA_KEY_ID, key: this.dataKey() }
      : (this.#team ?? { id: DATA_KEY_ID, key: this.dataKey() });
    const raw = isMacKey(id)
      ? randomBytes(KEY_BYTES)
      : toBytes(
          await crypto.subtle.exportKey(
            'raw',
            await crypto.subtle.generateKey(KEY_ALGORITHM, true, ['encrypt', 'decrypt']),
          ),
        );
    try {
      const { iv, ct } = await sealRaw(parent.key, wrapAad(id, parent.id), raw);
      return { id, parent: parent.id, iv, wrapped: ct };
    } finally {
      raw.fill(0);
    }
  }

  async #unwrap(row: KeyRow): Promise<CryptoKey> {
    const raw = await openRaw(this.#parent(row.parent), wrapAad(row.id, row.parent), row);
    try {
      if (isMacKey(row.id)) return await crypto.subtle.importKey('raw', raw, MAC_ALGORITHM, false, ['sign']);
      return await crypto.subtle.importKey('raw', raw, KEY_ALGORITHM, false, ['encrypt', 'decrypt']);
    } finally {
      raw.fill(0);
    }
  }
}

async function sealRaw(key: CryptoKey, aad: Uint8Array<ArrayBuffer>, raw: Uint8Array<ArrayBuffer>) {
  const iv = randomBytes(IV_BYTES);
  const ct = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: aad, tagLength: 128 }, key, raw);
  return { iv, ct: toBytes(ct) };
}

async function openRaw(key: CryptoKey, aad: Uint8Array<ArrayBuffer>, row: KeyRow): Promise<Uint8Array<ArrayBuffer>> {
  try {
    const raw = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: copyBytes(row.iv), additionalData: aad, tagLength: 128 },
      key,
      copyBytes(row.wrapped),
    );
    return toBytes(raw);
  } catch (e) {
    throw new StorageError('integrity', { cause: e, detail: `key ${row.id} does not unwrap` });
  }
}
