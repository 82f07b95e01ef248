/**
 * Vault benchmark in Node on fake-indexeddb (in-memory): unlock cost, seeding, listing today's
 * follow-ups and the read overhead of encryption. Node figures are a regression baseline only;
 * real browser figures (R21, ≤ 1.5 s unlock on a low-end phone) come from the browser bench.
 * Run: node_modules/.bin/tsx scripts/bench-vault.ts
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { PRODUCTION_KDF } from '../src/db/crypto/kdf';
import { createDatabase } from '../src/db/database';
import { insertMany, newClear } from '../src/db/repositories/encrypted-store';
import { listDueFollowUps } from '../src/db/repositories/followups.repository';
import { followUpData, screeningData } from '../src/db/testing/payloads';
import type { ClientClear, FollowUpClear, ScreeningClear } from '../src/db/types';
import { createVault, unlock } from '../src/db/vault';

const CLIENTS = 2_000;
const SCREENINGS_PER_CLIENT = 10;
const PASSPHRASE = 'benchmark passphrase';
const TODAY = '2025-06-01';

async function time<T>(label: string, fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const out = await fn();
  const ms = performance.now() - t0;
  console.log(`${label.padEnd(48)} ${ms.toFixed(0).padStart(7)} ms`);
  return [out, ms];
}

const day = (n: number) => new Date(Date.UTC(2025, 4, 1) + n * 86_400_000).toISOString().slice(0, 10);
const answers = (i: number) => Object.fromEntries(Array.from({ length: 10 }, (_, q) => [`q${q}`, (i + q) % 4]));

async function main(): Promise<void> {
  const db = createDatabase({ name: 'bench-vault' });
  await time('create vault (Argon2id 64 MiB)', () => createVault(db, PASSPHRASE, PRODUCTION_KDF));
  const [session] = await time('unlock (Argon2id 64 MiB)', () => unlock(db, PASSPHRASE));
  const now = Date.now();

  const clients = Array.from({ length: CLIENTS }, (_, i) => ({
    clear: newClear<ClientClear>({ status: 'active' }, now),
    data: { alias: `client-${i}` },
  }));
  await time(`seed ${CLIENTS} clients`, () => insertMany(session, 'clients', clients));
  const screenings = clients.flatMap((c, i) =>
    Array.from({ length: SCREENINGS_PER_CLIENT }, (_, s) => ({
      clear: newClear<ScreeningClear>(
        {
          clientId: c.clear.id,
          status: 'completed',
          packId: 'postpartum',
          packVersion: '1.0.0',
          instrumentId: 'epds',
          instrumentVersion: '1987',
        },
        now,
      ),
      // A payload the repository's schema accepts on read (the storage tests' factory).
      data: screeningData(answers(i + s)),
    })),
  );
  await time(`seed ${screenings.length} screenings`, () => insertMany(session, 'screenings', screenings));
  const followUps = clients.map((c, i) => ({
    clear: newClear<FollowUpClear>(
      { clientId: c.clear.id, pathwayId: 'postpartum', status: 'open', dueDate: day(i % 90) },
      now,
    ),
    data: followUpData('herhaalmeting'),
  }));
  await time(`seed ${followUps.length} follow-ups`, () => insertMany(session, 'followUps', followUps));
  db.close();

  const reopened = createDatabase({ name: 'bench-vault' });
  const [s2] = await time('reopen + unlock', () => unlock(reopened, PASSPHRASE));
  const [due] = await time(`list follow-ups due ≤ ${TODAY}`, () => listDueFollowUps(s2, TODAY));
  console.log(`  (${due.records.length} due, ${due.damaged.length} damaged)`);

  // Same reads, unencrypted: a plain table with the payload in clear.
  const plain = new Dexie('bench-plain');
  plain.version(1).stores({ screenings: 'id, clientId' });
  await plain.table('screenings').bulkAdd(screenings.map((s) => ({ ...s.clear, ...s.data })));
  const [, plainMs] = await time(`read ${screenings.length} screenings, plain`, () =>
    plain.table('screenings').toArray(),
  );
  const [, encMs] = await time(`read ${screenings.length} screenings, encrypted`, async () => {
    const rows = await reopened.screenings.toArray();
    return Promise.all(rows.map((r) => s2.open('screenings', r)));
  });
  console.log(`encryption read overhead: ${(encMs / plainMs).toFixed(1)}×`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
