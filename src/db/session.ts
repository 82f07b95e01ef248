/**
 * An unlocked vault session: the only holder of the non-extractable data key and of the unwrapped
 * per-client keys (keys/key-ring.ts), in memory only. `lock()` drops them all; every seal/open
 * afterwards fails with 'locked' (R24's "decrypt calls fail"). Repositories receive the session,
 * never a key.
 *
 * Row shape since schema v5 (R40, clear-fields.ts): `seal(table, clear, data)` takes the record's
 * fields as before, keeps in clear only the table's clear fields plus the key id, and seals the
 * rest of the fields (dates, status, pathway…) with the payload as one envelope `{ m, d }`, padded
 * to a size bucket (crypto/padding.ts). Rows of a client are sealed with that client's key, rows
 * without one (settings, anonymous drafts, every safety event) with the data key. `open()` reads
 * both the v5 shape and the v1–v4 shape (no `kid`: the data key and the old AAD over every clear
 * field), and hands out the same record either way, so repositories and features see no change.
 */
import * as v from 'valibot';
import { CLEAR_FIELDS } from './clear-fields';
import { AAD_FORMAT_V2, aadFor, type ClearValue, open, seal } from './crypto/aead';
import { utf8 } from './crypto/bytes';
import { MIN_BUCKET, TABLE_MIN_BUCKET } from './crypto/padding';
import type { EncryptedTableName, StapwijzerDb } from './database';
import { StorageError } from './errors';
import { DATA_KEY_ID, KeyRing, type KeyStore } from './keys/key-ring';
import { PAYLOAD_SCHEMAS, SEALED_META_SCHEMAS } from './payload-schemas';
import type { Decrypted, KeyRow, MinimalClear, Sealed, SealedRow } from './types';

export { KeyRing };

/** Any stored sealed row (v5 or older): what `open()` accepts. */
export interface OpenableRow extends Sealed {
  id: string;
  rev: number;
  kid?: string;
}

export interface VaultSessionOptions {
  /**
   * TEST FIXTURES ONLY: write rows in the v1–v4 shape, to build databases as older builds left them
   * (migration tests). Never set by the app.
   */
  legacyWrites?: boolean;
  /** Where wrapped client keys live; the database's `keys` table by default. */
  keys?: KeyStore;
}

const Envelope = v.looseObject({ m: v.record(v.string(), v.unknown()), d: v.unknown() });

/** The database's `keys` table as a key store. */
export function dbKeyStore(db: StapwijzerDb): KeyStore {
  return {
    get: (id) => db.keys.get(id),
    addIfAbsent: (row) =>
      db.transaction('rw', db.keys, async () => {
        const existing = await db.keys.get(row.id);
        if (existing) return existing;
        await db.keys.add(row);
        return row;
      }),
  };
}

/** A key store over rows held in memory (a backup being verified). */
export function memoryKeyStore(rows: readonly KeyRow[]): KeyStore {
  const byId = new Map(rows.map((r) => [r.id, r]));
  return {
    get: async (id) => byId.get(id),
    addIfAbsent: async (row) => {
      const existing = byId.get(row.id);
      if (existing) return existing;
      byId.set(row.id, row);
      return row;
    },
  };
}

/** The client whose key seals a row of `table` (null: the data key). */
function ownerOf(table: EncryptedTableName, clear: { id?: unknown; clientId?: unknown }): string | null {
  if (table === 'clients') return typeof clear.id === 'string' ? clear.id : null;
  // Safety events stay under the data key: a client key id on them would mark the client (clear-fields.ts).
  if (table === 'safetyEvents' || table === 'settings') return null;
  return typeof clear.clientId === 'string' ? clear.clientId : null;
}

/** Splits a record's fields into what stays in clear and what is sealed; refuses anything unlisted. */
export function splitClear(
  table: EncryptedTableName,
  fields: object,
): { clear: Record<string, ClearValue>; meta: Record<string, unknown> } {
  const rule: { clear: readonly string[]; sealedMeta: readonly string[] } = CLEAR_FIELDS[table];
  const clear: Record<string, ClearValue> = {};
  const meta: Record<string, unknown> = {};
  for (const [k, value] of Object.entries(fields)) {
    if (value === undefined || k === 'kid' || k === 'iv' || k === 'ct') continue;
    if (rule.clear.includes(k)) {
      if (typeof value !== 'string' && typeof value !== 'number' && value !== null) {
        throw new TypeError(`Clear field ${table}.${k} must be a string, number or null`);
      }
      clear[k] = value;
    } else if (rule.sealedMeta.includes(k)) meta[k] = value;
    else throw new TypeError(`${table}.${k} is on neither list of clear-fields.ts: refusing to store it`);
  }
  return { clear, meta };
}

/** Seals a record into the v5 shape with the keys of `ring` (see VaultSession.seal). */
export async function sealRow(
  ring: KeyRing,
  table: EncryptedTableName,
  clear: { id?: unknown; clientId?: unknown },
  data: unknown,
): Promise<SealedRow> {
  const split = splitClear(table, clear);
  const owner = ownerOf(table, clear);
  const { kid, key } = owner ? await ring.clientKey(owner) : { kid: DATA_KEY_ID, key: ring.dataKey() };
  const stored = { ...split.clear, kid };
  const sealed = await seal(
    key,
    aadFor(table, stored, AAD_FORMAT_V2),
    { m: split.meta, d: data },
    { padded: true, minBucket: TABLE_MIN_BUCKET[table] ?? MIN_BUCKET },
  );
  return { ...stored, ...sealed } as SealedRow;
}

/** Opens a stored row of either shape with the keys of `ring` (see VaultSession.open). */
export async function openRow<C extends MinimalClear, P>(
  ring: KeyRing,
  table: EncryptedTableName,
  row: OpenableRow,
): Promise<Decrypted<C, P>> {
  const { iv, ct, ...clear } = row;
  let fields: Record<string, unknown>;
  let payload: unknown;
  if (typeof clear.kid === 'string') {
    const key = await ring.key(clear.kid);
    const envelope = v.safeParse(Envelope, await open(key, aadFor(table, clear, AAD_FORMAT_V2), { iv, ct }));
    if (!envelope.success) throw new StorageError('integrity', { detail: `${table}/${row.id}: no envelope` });
    const meta = v.safeParse(SEALED_META_SCHEMAS[table], envelope.output.m);
    if (!meta.success) {
      throw new StorageError('integrity', { detail: `${table}/${row.id}: ${v.summarize(meta.issues)}` });
    }
    const { kid: _kid, ...rest } = clear;
    fields = { ...meta.output, ...rest };
    payload = envelope.output.d;
  } else {
    fields = clear;
    payload = await open(ring.dataKey(), aadFor(table, clear), { iv, ct });
  }
  const parsed = v.safeParse(PAYLOAD_SCHEMAS[table], payload);
  if (!parsed.success) {
    throw new StorageError('integrity', { detail: `${table}/${row.id}: ${v.summarize(parsed.issues)}` });
  }
  // Validated above; PayloadSchemasMatchTypes proves each table's schema output is its payload type.
  return { ...(fields as unknown as C), data: parsed.output as P };
}

/** 16 of the bytes as a version-4 UUID string (122 bits of them kept). */
function uuidShaped(bytes: Uint8Array): string {
  const b = bytes.slice(0, 16);
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export class VaultSession {
  readonly db: StapwijzerDb;
  readonly #ring: KeyRing;
  readonly #legacyWrites: boolean;
  readonly #onLock = new Set<() => void>();

  constructor(db: StapwijzerDb, key: CryptoKey, options: VaultSessionOptions = {}) {
    this.db = db;
    this.#ring = new KeyRing(key, options.keys ?? dbKeyStore(db));
    this.#legacyWrites = options.legacyWrites ?? false;
  }

  get locked(): boolean {
    return this.#ring.locked;
  }

  /** Drops the data key and every client key. Idempotent. */
  lock(): void {
    if (this.#ring.locked) return;
    this.#ring.drop();
    for (const cb of this.#onLock) cb();
    this.#onLock.clear();
  }

  onLock(cb: () => void): () => void {
    this.#onLock.add(cb);
    return () => this.#onLock.delete(cb);
  }

  /**
   * The team-key slot (team-sync issue): new client keys are wrapped under this key from now on.
   * Until that issue stores and distributes team keys, nothing calls it.
   */
  setTeamKey(kid: string, key: CryptoKey): void {
    this.#ring.setTeamKey(kid, key);
  }

  /**
   * Seals a record: the table's clear fields (clear-fields.ts) plus the key id stay in clear and
   * are bound into the AAD; the record's other fields and `data` are sealed, padded to a bucket.
   * Throws a TypeError for a field on neither list of clear-fields.ts.
   */
  async seal<C extends MinimalClear>(table: EncryptedTableName, clear: C, data: unknown): Promise<SealedRow> {
    if (this.#legacyWrites) {
      const sealed = await seal(this.#ring.dataKey(), aadFor(table, clear), data);
      return { ...clear, ...sealed } as unknown as SealedRow;
    }
    return sealRow(this.#ring, table, clear, data);
  }

  /**
   * Seals a small value that is not a record under the data key, unpadded, with the v1 AAD over
   * `clear`: the backup manifest's digest (its format pins that shape). Not for client data.
   */
  async sealManifest(table: EncryptedTableName, clear: object, data: unknown): Promise<Sealed> {
    return seal(this.#ring.dataKey(), aadFor(table, clear), data);
  }

  /** Opens what `sealManifest` sealed with the same `table` and `clear`; throws 'integrity' otherwise. */
  async openManifest(table: EncryptedTableName, clear: object, sealed: Sealed): Promise<unknown> {
    return open(this.#ring.dataKey(), aadFor(table, clear), sealed);
  }

  /**
   * A deterministic id that tells nothing in clear: HMAC-SHA-256 under the vault's id key
   * (keys/key-ring.ts) over the purpose and the parts, shaped as a UUID so it looks like every
   * other record id. The same purpose and parts give the same id in this vault (and in its
   * backups, which carry the key); nothing outside the vault can compute or invert it.
   */
  async opaqueId(purpose: string, parts: readonly string[]): Promise<string> {
    const key = await this.#ring.idKey();
    const mac = new Uint8Array(
      await crypto.subtle.sign('HMAC', key, utf8(JSON.stringify(['stapwijzer/id/1', purpose, ...parts]))),
    );
    return uuidShaped(mac);
  }

  /** Unwraps the key `kid` names (throws 'integrity' when it is missing or does not unwrap). */
  async checkKey(kid: string): Promise<void> {
    await this.#ring.key(kid);
  }

  /**
   * Decrypts a stored row (either shape) and checks its fields and payload against the table's
   * schemas (payload-schemas.ts); a failed tag, a missing key or a payload of another shape throws
   * 'integrity' for this row only.
   */
  open<C extends MinimalClear, P>(table: EncryptedTableName, row: OpenableRow): Promise<Decrypted<C, P>> {
    return openRow<C, P>(this.#ring, table, row);
  }
}
