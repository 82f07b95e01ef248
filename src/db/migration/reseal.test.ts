// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { exportBackup } from '../backup/export-backup';
import type { EncryptedTableName, StapwijzerDb } from '../database';
import { isStorageError } from '../errors';
import { getClient, updateClient } from '../repositories/clients.repository';
import { tableOf } from '../repositories/encrypted-store';
import { SCHEMA_VERSIONS } from '../schema-versions';
import type { VaultSession } from '../session';
import {
  countRows,
  legacyVault,
  seedFixture,
  TEST_PASSPHRASE,
  testDb,
  uniqueDbName,
  versionsUpTo,
} from '../testing/fixture-db';
import { unlock } from '../vault';
import { assertNoMigrationRunning, RESEAL_TABLES, readResealState, runReseal } from './reseal';

/** A database as a v1 or v2 build left it: 60 clients × 10 rows = 600 rows in the old shape. */
async function oldFixture(version: 1 | 2) {
  const name = uniqueDbName(`reseal-v${version}`);
  const old = testDb(versionsUpTo(version), name);
  const session = await legacyVault(old);
  const counts = await seedFixture(session, 60);
  old.close();
  return { name, counts };
}

/**
 * Every record of every sealed table, decrypted, sorted by table and id. The audit anchor is left
 * out: every unlock appends an audit event and moves it, migration or not.
 */
async function readAll(session: VaultSession) {
  const out: Record<string, unknown[]> = {};
  for (const t of RESEAL_TABLES) {
    const rows = (await tableOf(session.db, t).toArray()).filter((r) => r.id !== 'auditHead');
    const records = await Promise.all(rows.map((r) => session.open(t, r)));
    out[t] = records.sort((a, b) => (a.id < b.id ? -1 : 1));
  }
  return out;
}

async function legacyCount(db: StapwijzerDb) {
  let n = 0;
  for (const t of RESEAL_TABLES)
    n += await tableOf(db, t)
      .filter((r) => typeof r.kid !== 'string')
      .count();
  return n;
}

async function openCurrent(name: string) {
  const db = testDb(SCHEMA_VERSIONS, name);
  const session = await unlock(db, TEST_PASSPHRASE);
  return { db, session };
}

describe.each([1, 2] as const)('re-sealing a schema-%i database (R40)', (version) => {
  it('makes every one of ≥ 500 rows readable in the new shape, nothing lost', async () => {
    const { name, counts } = await oldFixture(version);
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThanOrEqual(500);
    const { db, session } = await openCurrent(name);
    expect(await readResealState(db)).toMatchObject({ state: 'pending' });
    const before = await readAll(session);

    const progress: number[] = [];
    const result = await runReseal(session, { batchSize: 64, onProgress: (p) => progress.push(p.done) });

    expect(result.kept).toEqual([]);
    expect(await legacyCount(db)).toBe(0);
    expect(await countRows(db)).toEqual(counts);
    expect(await readAll(session)).toEqual(before);
    expect(await readResealState(db)).toMatchObject({ state: 'done' });
    expect(progress[progress.length - 1]).toBeGreaterThanOrEqual(total);
    // Every client's rows are sealed with that client's own key.
    expect(await db.keys.count()).toBe(counts.clients);
    db.close();
  });

  it('a kill at a random batch (or mid-batch) resumes to the same result', async () => {
    const { name } = await oldFixture(version);
    const reference = await (async () => {
      const { db, session } = await openCurrent(name);
      const records = await readAll(session);
      db.close();
      return records;
    })();

    // Three kills at random points, the third while a batch is sealed but not yet written.
    // 600 rows in batches of 50 (≥ 12 batches): three runs of at most 3 batches each never finish.
    const killAfter = 1 + Math.floor(Math.random() * 3);
    for (const kill of ['after-batch', 'after-batch', 'before-write'] as const) {
      const { db, session } = await openCurrent(name);
      let batches = 0;
      const error = await runReseal(session, {
        batchSize: 50,
        afterBatch: () => {
          batches += 1;
          if (kill === 'after-batch' && batches === killAfter) throw new Error('killed');
        },
        beforeWrite: () => {
          if (kill === 'before-write' && batches === killAfter) throw new Error('killed');
        },
      }).catch((e: unknown) => e);
      expect(error, `kill ${kill} at batch ${killAfter}`).toBeInstanceOf(Error);
      expect(await readResealState(db)).toMatchObject({ state: 'running' });
      session.lock();
      db.close();
    }

    const { db, session } = await openCurrent(name);
    const legacyLeft = await legacyCount(db);
    expect(legacyLeft).toBeGreaterThan(0);
    const result = await runReseal(session, { batchSize: 50 });
    expect(result.resealed).toBe(legacyLeft);
    expect(await legacyCount(db)).toBe(0);
    expect(await readAll(session)).toEqual(reference);
    // Idempotent: running again changes nothing.
    const stored = await tableOf(db, 'screenings').toArray();
    expect((await runReseal(session)).resealed).toBe(0);
    expect(await tableOf(db, 'screenings').toArray()).toEqual(stored);
    db.close();
  });
});

describe('while the migration runs', () => {
  it('a save from another tab is not undone by the batch that read the row before it', async () => {
    const { name } = await oldFixture(1);
    const { db, session } = await openCurrent(name);
    const clientId = (await tableOf(db, 'clients').limit(1).toArray())[0]?.id ?? '';
    let saved = false;
    await runReseal(session, {
      batchSize: 500,
      beforeWrite: async (table: EncryptedTableName) => {
        if (table !== 'clients' || saved) return;
        saved = true;
        const loaded = await getClient(session, clientId);
        if (loaded) await updateClient(session, loaded, { alias: 'Opgeslagen tijdens migratie' });
      },
    });
    expect((await getClient(session, clientId))?.data.alias).toBe('Opgeslagen tijdens migratie');
    expect(await legacyCount(db)).toBe(0);
    db.close();
  });

  it('backups are refused with a typed error until it is done', async () => {
    const { name } = await oldFixture(2);
    const { db, session } = await openCurrent(name);
    await expect(assertNoMigrationRunning(db)).rejects.toMatchObject({ code: 'migration-running' });
    const during = await runReseal(session, {
      batchSize: 100,
      afterBatch: async () => {
        const e = await exportBackup(session).catch((x: unknown) => x);
        if (!isStorageError(e, 'migration-running')) throw new Error('export was not refused');
      },
    });
    expect(during.kept).toEqual([]);
    await expect(assertNoMigrationRunning(db)).resolves.toBeUndefined();
    await expect(exportBackup(session)).resolves.toMatchObject({ counts: { clients: 60 } });
    db.close();
  });
});
