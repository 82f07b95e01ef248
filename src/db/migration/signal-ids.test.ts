// @vitest-environment node
/** Schema v10 (issue 17): a safety signal's clear id no longer names its rule; old ids are rewritten after unlock. */
import { describe, expect, it } from 'vitest';
import { exportBackup } from '../backup/export-backup';
import { applyRestore, checkBackupFile } from '../backup/restore-backup';
import { readCaseload } from '../caseload/read';
import { KNOWN_KDFS, TEST_KDF } from '../crypto/kdf';
import { ID_KEY_ID } from '../keys/key-ring';
import { createClient } from '../repositories/clients.repository';
import {
  legacySignalIdFor,
  linkSignalsToClient,
  listOpenSignals,
  listSafetyEvents,
  recordSafetyOutcome,
  recordSafetySignal,
  signalIdFor,
} from '../repositories/safety-events.repository';
import type { VaultSession } from '../session';
import { legacyVault, TEST_PASSPHRASE, testDb, testVault } from '../testing/fixture-db';
import { unlock } from '../vault';
import { runReseal } from './reseal';
import { hasLegacySignalIds, rewriteLegacySignalIds } from './signal-ids';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const TZ = 'Europe/Amsterdam';

const signal = (draftId: string, ruleId = 'epds.item-10') => ({
  kind: 'signal' as const,
  pathwayId: 'postpartum' as const,
  signal: { id: ruleId, kind: 'red-flag' as const, level: 'urgent' as const, label: { nl: 'x', en: 'x' } },
  draftId,
  at: '2026-03-03T09:00:00.000Z',
});

/** Three signals under legacy ids: one acted on, one linked to a client later, one still open and anonymous. */
async function seedLegacySignals(session: VaultSession) {
  const anna = await createClient(session, { alias: 'Anna' });
  const ids = {
    acted: legacySignalIdFor('draft-a', 'epds.item-10'),
    linked: legacySignalIdFor('draft-b', 'postpartum-psychosis'),
    open: legacySignalIdFor('draft-c', 'epds.item-10'),
  };
  await recordSafetySignal(session, { signalId: ids.acted, clientId: anna.id }, signal('draft-a'));
  await recordSafetyOutcome(session, [{ signalId: ids.acted }], anna.id, {
    kind: 'action',
    action: 'same-day-gp',
    at: '2026-03-03T09:05:00.000Z',
  });
  await recordSafetySignal(
    session,
    { signalId: ids.linked, clientId: null },
    signal('draft-b', 'postpartum-psychosis'),
  );
  await linkSignalsToClient(session, [ids.linked], anna.id);
  await recordSafetySignal(session, { signalId: ids.open, clientId: null }, signal('draft-c'));
  return { anna: anna.id, ids };
}

async function expectRewritten(session: VaultSession, anna: string) {
  const ids = {
    acted: await signalIdFor(session, 'draft-a', 'epds.item-10'),
    linked: await signalIdFor(session, 'draft-b', 'postpartum-psychosis'),
    open: await signalIdFor(session, 'draft-c', 'epds.item-10'),
  };
  const stored = (await session.db.safetyEvents.toCollection().primaryKeys()) as string[];
  expect(stored).toHaveLength(5);
  for (const id of stored) expect(id).toMatch(UUID);
  expect(await hasLegacySignalIds(session.db)).toBe(false);
  // The events still name their signal: the action closes it, the link moves it to Anna.
  const events = (await listSafetyEvents(session)).records;
  expect(events.filter((e) => e.data.kind !== 'signal').map((e) => [e.data.kind, e.signalId])).toEqual([
    ['action', ids.acted],
    ['linked', ids.linked],
  ]);
  const open = (await listOpenSignals(session)).records;
  expect(open.map((r) => [r.id, r.clientId, r.data.draftId])).toEqual([
    [ids.linked, anna, 'draft-b'],
    [ids.open, null, 'draft-c'],
  ]);
  // Detecting the same signal again writes nothing (the id is still deterministic).
  expect(await recordSafetySignal(session, { signalId: ids.open, clientId: null }, signal('draft-c'))).toBe(false);
  // The caseload index named the old ids in its indicator parts: rebuilt, it names the new ones.
  const caseload = await readCaseload(session, { timeZone: TZ, indicators: true });
  const named = caseload.indicators.flatMap((p) => p.safetyEvents).map((e) => e.signalId);
  expect([...new Set(named)].sort()).toEqual([ids.acted, ids.open, ids.linked].sort());
  expect(caseload.entries.find((e) => e.key === anna)?.safety).toEqual({ open: false, level: null });
  return ids;
}

describe('legacy safety signal ids (rule in clear) after unlock', () => {
  it('a pre-v5 vault: re-sealed, then every signal moved to its opaque id, its events following', async () => {
    const db = testDb();
    const { anna } = await seedLegacySignals(await legacyVault(db));
    expect(await hasLegacySignalIds(db)).toBe(true);
    const session = await unlock(db, TEST_PASSPHRASE, { rewrapTo: TEST_KDF });
    await runReseal(session);
    expect(await rewriteLegacySignalIds(session)).toBe(3);
    await expectRewritten(session, anna);
    // Run again: nothing left to do.
    expect(await rewriteLegacySignalIds(session)).toBe(0);
  });

  it('a v5 vault whose ids kept the old shape, and a kill half-way resumes to the same result', async () => {
    const db = testDb();
    const first = await testVault(db);
    const { anna } = await seedLegacySignals(first);
    await expect(
      rewriteLegacySignalIds(first, {
        beforeWrite: (id) => {
          if (id.startsWith('draft-b')) throw new Error('killed');
        },
      }),
    ).rejects.toThrow('killed');
    // The one before the kill moved whole (signal and its action), the others not at all.
    expect(((await db.safetyEvents.toCollection().primaryKeys()) as string[]).filter((id) => id.includes('~'))).toEqual(
      [legacySignalIdFor('draft-b', 'postpartum-psychosis'), legacySignalIdFor('draft-c', 'epds.item-10')],
    );
    expect((await listOpenSignals(first)).records).toHaveLength(2);
    const session = await unlock(db, TEST_PASSPHRASE, { rewrapTo: TEST_KDF });
    expect(await rewriteLegacySignalIds(session)).toBe(2);
    await expectRewritten(session, anna);
  });

  it('a signal still under its legacy id counts as stored: no second one before the migration ran', async () => {
    const session = await testVault(testDb());
    await recordSafetySignal(
      session,
      { signalId: legacySignalIdFor('draft-d', 'epds.item-10'), clientId: null },
      signal('draft-d'),
    );
    const id = await signalIdFor(session, 'draft-d', 'epds.item-10');
    expect(await recordSafetySignal(session, { signalId: id, clientId: null }, signal('draft-d'))).toBe(false);
    expect((await listOpenSignals(session)).records).toHaveLength(1);
  });
});

describe('the id key', () => {
  it('is per vault: the same draft and rule give another id in another vault', async () => {
    const a = await testVault(testDb());
    const b = await testVault(testDb());
    const inA = await signalIdFor(a, 'draft-1', 'epds.item-10');
    expect(inA).toMatch(UUID);
    expect(await signalIdFor(a, 'draft-1', 'epds.item-10')).toBe(inA);
    expect(await signalIdFor(b, 'draft-1', 'epds.item-10')).not.toBe(inA);
    expect(await signalIdFor(a, 'draft-1', 'postpartum-psychosis')).not.toBe(inA);
  });

  it('is stored wrapped under the data key, and travels in a backup: the restored vault gives the same ids', async () => {
    const db = testDb();
    const session = await testVault(db);
    const id = await signalIdFor(session, 'draft-1', 'epds.item-10');
    await recordSafetySignal(session, { signalId: id, clientId: null }, signal('draft-1'));
    expect(await db.keys.get(ID_KEY_ID)).toMatchObject({ id: ID_KEY_ID, parent: 'dek' });
    // Another session of the vault (after a reload) unwraps the same key.
    const again = await unlock(testDb(undefined, db.name), TEST_PASSPHRASE, { rewrapTo: TEST_KDF });
    expect(await signalIdFor(again, 'draft-1', 'epds.item-10')).toBe(id);

    const backup = await exportBackup(session);
    const target = testDb();
    await testVault(target);
    const verified = await checkBackupFile(target, backup.blob, TEST_PASSPHRASE, {
      knownKdfs: [...KNOWN_KDFS, TEST_KDF],
    });
    const restored = await applyRestore(target, verified);
    expect(await signalIdFor(restored, 'draft-1', 'epds.item-10')).toBe(id);
    expect(await recordSafetySignal(restored, { signalId: id, clientId: null }, signal('draft-1'))).toBe(false);
  });
});
