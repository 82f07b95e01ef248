/**
 * The one Dexie database of Stapwijzer. Owns the typed tables, the schema version list applied in
 * order, the transaction durability policy (R5) and the multi-tab "stale build" guard (R14).
 *
 * Durability policy: Dexie 4 only sets durability per Dexie instance, so a DBCore middleware picks
 * it per transaction: every readwrite transaction is `strict` (completed screenings, imports,
 * settings, the vault) except those that touch only `drafts`, which stay `relaxed` because drafts
 * are written on every answer. Readonly transactions keep the browser default.
 */

import Dexie, { type DBCore, type DbCoreTransactionOptions, type Middleware, type Table } from 'dexie';
import { StorageError } from './errors';
import { DbLifecycle } from './lifecycle';
import { CURRENT_SCHEMA_VERSION, SCHEMA_VERSIONS, type SchemaVersion } from './schema-versions';
import type {
  AuditChainRow,
  AuditPendingRow,
  AuditRow,
  BackupStagingRow,
  CaseloadIndexRow,
  ClientRow,
  DecisionRow,
  DeviceKeyRow,
  DraftRow,
  FollowUpEventRow,
  FollowUpRow,
  KeyRow,
  MetaRow,
  NoteRow,
  PackRow,
  PlanRow,
  SafetyEventRow,
  ScreeningRow,
  SettingRow,
  ShreddedClientRow,
  SyncStateRow,
  TeamAuditRow,
} from './types';

export const DB_NAME = 'stapwijzer';

/** Tables whose rows carry an encrypted payload; the name is bound into each row's AAD. */
export type EncryptedTableName =
  | 'clients'
  | 'screenings'
  | 'drafts'
  | 'decisions'
  | 'followUps'
  | 'plans'
  | 'notes'
  | 'settings'
  | 'safetyEvents'
  | 'followUpEvents'
  | 'caseloadIndex'
  | 'auditChain'
  | 'teamAudit'
  | 'shreddedClients';

export const RELAXED_ONLY_TABLES: ReadonlySet<string> = new Set(['drafts']);

export class StapwijzerDb extends Dexie {
  declare packs: Table<PackRow, string>;
  declare clients: Table<ClientRow, string>;
  declare screenings: Table<ScreeningRow, string>;
  declare drafts: Table<DraftRow, string>;
  declare decisions: Table<DecisionRow, string>;
  declare followUps: Table<FollowUpRow, string>;
  declare plans: Table<PlanRow, string>;
  declare notes: Table<NoteRow, string>;
  declare settings: Table<SettingRow, string>;
  declare safetyEvents: Table<SafetyEventRow, string>;
  declare followUpEvents: Table<FollowUpEventRow, string>;
  declare caseloadIndex: Table<CaseloadIndexRow, string>;
  /** Schema v1–v7's clear audit log; emptied into `auditChain` by the migration after unlock. */
  declare auditLog: Table<AuditRow, string>;
  declare auditChain: Table<AuditChainRow, string>;
  declare auditPending: Table<AuditPendingRow, string>;
  declare backupStaging: Table<BackupStagingRow, string>;
  declare meta: Table<MetaRow, string>;
  declare keys: Table<KeyRow, string>;
  declare syncState: Table<SyncStateRow, string>;
  declare deviceKeys: Table<DeviceKeyRow, string>;
  /** Other team devices' audit events, one sealed row per device and day (schema v13). */
  declare teamAudit: Table<TeamAuditRow, string>;
  /** Destroyed clients (schema v12): the list a restore or a pulled record may not bring back. */
  declare shreddedClients: Table<ShreddedClientRow, string>;

  readonly lifecycle = new DbLifecycle();
  /** The highest schema version this build knows. */
  readonly schemaVersion: number;

  constructor(name: string, versions: readonly SchemaVersion[], cache?: 'cloned' | 'immutable' | 'disabled') {
    super(name, cache ? { cache } : {});
    for (const v of versions) {
      const declared = this.version(v.version).stores(v.stores);
      const upgrade = v.upgrade;
      if (upgrade) {
        // A throwing upgrade aborts the versionchange transaction: the database stays at the old
        // version with its data (R16). Surface it as one typed error.
        declared.upgrade(async (tx) => {
          try {
            await upgrade(tx);
          } catch (e) {
            throw new StorageError('migration-failed', { cause: e, detail: `upgrade to v${v.version}` });
          }
        });
      }
    }
    this.schemaVersion = versions[versions.length - 1]?.version ?? 0;
  }
}

export interface CreateDatabaseOptions {
  name?: string;
  /** Injected by migration tests to open an older schema or to fail an upgrade. */
  versions?: readonly SchemaVersion[];
  /** How long a draft flush may hold up another tab's upgrade. */
  flushTimeoutMs?: number;
  /**
   * Dexie's live-query cache. Only component tests turn it off: under jsdom, fake-indexeddb hands back
   * Uint8Arrays of another realm, which the cache would turn into plain objects (and decrypting them
   * would then fail as 'integrity'). Browsers have one realm and keep the default.
   */
  liveQueryCache?: 'cloned' | 'immutable' | 'disabled';
}

/** Picks the durability of each transaction from the stores it covers (see the header). */
export function durabilityFor(
  stores: readonly string[],
  mode: 'readonly' | 'readwrite',
): DbCoreTransactionOptions['durability'] {
  if (mode === 'readonly') return 'default';
  return stores.every((s) => RELAXED_ONLY_TABLES.has(s)) ? 'relaxed' : 'strict';
}

function policyMiddleware(db: StapwijzerDb): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'stapwijzer-policy',
    create: (down) => ({
      ...down,
      transaction: (stores, mode, options) => {
        if (mode === 'readwrite' && db.lifecycle.stale) throw new StorageError('stale-build');
        return down.transaction(stores, mode, { ...options, durability: durabilityFor(stores, mode) });
      },
    }),
  };
}

/** Creates (does not open) the database handle. Dexie opens it on first use. */
export function createDatabase(options: CreateDatabaseOptions = {}): StapwijzerDb {
  const versions = options.versions ?? SCHEMA_VERSIONS;
  const flushTimeoutMs = options.flushTimeoutMs ?? 1500;
  const db = new StapwijzerDb(options.name ?? DB_NAME, versions, options.liveQueryCache);
  db.use(policyMiddleware(db));

  // Another tab opened a newer schema: flush drafts, close for good, tell the UI. Returning false
  // stops Dexie's default handler, which would close with auto-reopen enabled (§1.6).
  db.on('versionchange', (ev: IDBVersionChangeEvent) => {
    const newVersion = ev.newVersion === null ? null : Math.floor(ev.newVersion / 10);
    if (newVersion !== null && newVersion <= db.schemaVersion && !db.lifecycle.stale) {
      // Not a newer schema: an older build's Dexie re-adding the indexes a later version dropped (v10),
      // which it does by raising the native version by one ("schema extension"). That tab finds itself
      // stale as soon as it opens; this one steps aside for the upgrade and opens again, staying usable.
      db.close();
      void db.open().catch((e: unknown) => console.warn('Stapwijzer: reopening after an older tab', e));
      return false;
    }
    void db.lifecycle.flushAll(flushTimeoutMs).finally(() => {
      db.lifecycle.markStale({ reason: 'versionchange', newVersion });
      db.close({ disableAutoOpen: true });
    });
    return false;
  });

  // Dexie 4 opens a newer installed version without complaint (VersionError retry); refuse to write.
  db.on(
    'ready',
    () => {
      const installed = Math.floor(db.backendDB().version / 10);
      if (installed > db.schemaVersion) {
        db.lifecycle.markStale({ reason: 'newer-schema-installed', newVersion: installed });
      }
    },
    true,
  );
  return db;
}

export { CURRENT_SCHEMA_VERSION };
