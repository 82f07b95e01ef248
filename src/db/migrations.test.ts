// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createDatabase } from './database';
import { StorageError, toStorageError } from './errors';
import { listClients } from './repositories/clients.repository';
import { listAllFollowUps, listDueFollowUps } from './repositories/followups.repository';
import { listScreenings } from './repositories/screenings.repository';
import { CURRENT_SCHEMA_VERSION, SCHEMA_VERSIONS, type SchemaVersion } from './schema-versions';
import {
  countRows,
  legacyVault,
  seedFixture,
  TEST_PASSPHRASE,
  testDb,
  uniqueDbName,
  versionsUpTo,
} from './testing/fixture-db';
import { unlock } from './vault';

async function rawSnapshot(name: string) {
  const db = createDatabase({ name, versions: versionsUpTo(1) });
  const tables = Object.fromEntries(
    await Promise.all(db.tables.map(async (t) => [t.name, await t.toArray()] as const)),
  );
  const version = db.verno;
  db.close();
  return { version, tables };
}

/** Builds a v1 fixture database of 600 encrypted records (100 clients × 6 records). */
async function v1Fixture() {
  const name = uniqueDbName('fixture-v1');
  const v1 = testDb(versionsUpTo(1), name);
  const session = await legacyVault(v1);
  const counts = await seedFixture(session, 100);
  v1.close();
  return { name, counts };
}

describe('R15: upgrading a v1 fixture database to the current schema', () => {
  it('keeps 100% of ≥ 500 records and every invariant holds', async () => {
    const { name, counts } = await v1Fixture();
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThanOrEqual(500);

    const db = testDb(SCHEMA_VERSIONS, name);
    await db.open();
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect(await countRows(db)).toEqual(counts);
    expect(await db.meta.get('schema')).toMatchObject({ version: CURRENT_SCHEMA_VERSION });

    const session = await unlock(db, TEST_PASSPHRASE);
    const clients = await listClients(session);
    expect(clients.damaged).toEqual([]);
    expect(clients.records).toHaveLength(counts.clients);
    const screenings = await Promise.all(clients.records.map((c) => listScreenings(session, c.id)));
    expect(screenings.every((s) => s.damaged.length === 0 && s.records.length === 2)).toBe(true);

    // "Due on or before" answers exactly what a full scan of the decrypted follow-ups answers.
    const due = await listDueFollowUps(session, '2025-02-15');
    const all = await listAllFollowUps(session);
    const scan = all.records.filter((f) => f.status === 'open' && f.dueDate <= '2025-02-15');
    expect(due.damaged).toEqual([]);
    expect(due.records.map((r) => r.id).sort()).toEqual(scan.map((r) => r.id).sort());
    expect(due.records.length).toBeGreaterThan(0);
  });
});

describe('R16: a failing upgrade leaves the old database intact', () => {
  it('stays at v1 with identical data and reports a typed migration error', async () => {
    const { name } = await v1Fixture();
    const before = await rawSnapshot(name);
    const broken: SchemaVersion[] = SCHEMA_VERSIONS.map((v) =>
      v.version === 2
        ? {
            ...v,
            upgrade: async (tx) => {
              await tx.table('meta').put({ key: 'schema', version: 2, upgradedAt: 0 });
              throw new Error('injected upgrade failure');
            },
          }
        : v,
    );
    const db = createDatabase({ name, versions: broken });
    const error = await db.open().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect(toStorageError(error).code).toBe('migration-failed');
    db.close();

    const after = await rawSnapshot(name);
    expect(after.version).toBe(1);
    expect(after.tables).toEqual(before.tables);
    const nativeVersion = await new Promise<number>((resolve, reject) => {
      const req = indexedDB.open(name);
      req.onsuccess = () => {
        resolve(req.result.version);
        req.result.close();
      };
      req.onerror = () => reject(req.error);
    });
    expect(nativeVersion).toBe(10); // Dexie stores version × 10
  });
});
