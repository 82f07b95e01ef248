/**
 * Test fixtures: unique database names, a fast-KDF vault and a seeded database of a given schema
 * version (R15 migration fixtures). Test-only; the KDF here is deliberately weak.
 */

import { copyBytes } from '../crypto/bytes';
import { unwrapDataKey } from '../crypto/data-key';
import { deriveKek, TEST_KDF } from '../crypto/kdf';
import { createDatabase, type StapwijzerDb } from '../database';
import { createClient } from '../repositories/clients.repository';
import { createNote } from '../repositories/notes.repository';
import { createPlan } from '../repositories/plans.repository';
import { completeScreening, saveDraft } from '../repositories/screenings.repository';
import { SCHEMA_VERSIONS, type SchemaVersion } from '../schema-versions';
import { VaultSession } from '../session';
import { createVault } from '../vault';
import { decisionData, draftData, followUpData, planData, screeningData } from './payloads';

export const TEST_PASSPHRASE = 'correct horse battery';

let counter = 0;
export function uniqueDbName(prefix = 'test'): string {
  counter += 1;
  return `${prefix}-${counter}-${crypto.randomUUID()}`;
}

export function testDb(versions: readonly SchemaVersion[] = SCHEMA_VERSIONS, name = uniqueDbName()): StapwijzerDb {
  return createDatabase({ name, versions, flushTimeoutMs: 200 });
}

export async function testVault(db: StapwijzerDb): Promise<VaultSession> {
  return createVault(db, TEST_PASSPHRASE, TEST_KDF);
}

/**
 * A vault whose session writes rows in the v1–v4 shape (every record field in clear, data key,
 * v1 AAD): a database as builds before schema v5 left it, for migration tests. The vault's reseal
 * marker is removed, as those builds never wrote one.
 */
export async function legacyVault(db: StapwijzerDb): Promise<VaultSession> {
  await createVault(db, TEST_PASSPHRASE, TEST_KDF);
  const vault = await db.meta.get('vault');
  if (vault?.key !== 'vault') throw new Error('no vault');
  const { salt, ...params } = vault.kdf;
  const kek = await deriveKek(TEST_PASSPHRASE, copyBytes(salt), params);
  await db.meta.delete('reseal');
  return new VaultSession(db, await unwrapDataKey(copyBytes(vault.wrappedKey), kek), { legacyWrites: true });
}

/** The schema as shipped at `version` (the list truncated), for fixture databases. */
export function versionsUpTo(version: number): readonly SchemaVersion[] {
  return SCHEMA_VERSIONS.filter((v) => v.version <= version);
}

export interface FixtureCounts {
  clients: number;
  screenings: number;
  decisions: number;
  followUps: number;
  plans: number;
  notes: number;
  drafts: number;
}

const DAY = 86_400_000;
const BASE = Date.UTC(2025, 0, 6);

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Seeds `clientCount` clients, each with 2 screenings (+ decision + follow-up), a plan, a note, a draft. */
export async function seedFixture(session: VaultSession, clientCount: number): Promise<FixtureCounts> {
  for (let c = 0; c < clientCount; c++) {
    const now = BASE + c * 60_000;
    const client = await createClient(session, { alias: `CANARY-${c}`, code: `C${c}` }, now);
    for (let s = 0; s < 2; s++) {
      await completeScreening(
        session,
        {
          screening: {
            clientId: client.id,
            packId: 'postpartum',
            packVersion: '1.0.0',
            instrumentId: 'epds',
            instrumentVersion: '1987',
            data: screeningData({ q1: (c + s) % 4, q2: s }),
          },
          decision: {
            pathwayId: 'postpartum',
            data: decisionData(),
          },
          followUp: {
            pathwayId: 'postpartum',
            dueDate: isoDate(now + ((c + s * 7) % 60) * DAY),
            data: followUpData('rescreen'),
          },
        },
        now + s,
      );
    }
    await createPlan(session, { clientId: client.id, pathwayId: 'postpartum' }, planData(), now);
    await createNote(session, client.id, { text: `note ${c}` }, now);
    await saveDraft(session, { clientId: client.id, data: draftData({ q1: 1 }) }, now);
  }
  const n = clientCount;
  return { clients: n, screenings: 2 * n, decisions: 2 * n, followUps: 2 * n, plans: n, notes: n, drafts: n };
}

export async function countRows(db: StapwijzerDb): Promise<FixtureCounts> {
  const [clients, screenings, decisions, followUps, plans, notes, drafts] = await Promise.all([
    db.clients.count(),
    db.screenings.count(),
    db.decisions.count(),
    db.followUps.count(),
    db.plans.count(),
    db.notes.count(),
    db.drafts.count(),
  ]);
  return { clients, screenings, decisions, followUps, plans, notes, drafts };
}
