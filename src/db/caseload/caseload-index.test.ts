// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { exportBackup } from '../backup/export-backup';
import { applyRestore, checkBackupFile } from '../backup/restore-backup';
import { openChunk, splitStream } from '../backup/stream-testing';
import { KNOWN_KDFS, TEST_KDF } from '../crypto/kdf';
import { createClient, getClient, updateClient } from '../repositories/clients.repository';
import { insertMany, newClear } from '../repositories/encrypted-store';
import {
  cancelFollowUp,
  completeFollowUp,
  newFollowUpEventClear,
  rescheduleFollowUp,
} from '../repositories/followup-events.repository';
import { createFollowUp } from '../repositories/followups.repository';
import { recordSafetyOutcome, recordSafetySignal } from '../repositories/safety-events.repository';
import { completeScreening } from '../repositories/screenings.repository';
import type { VaultSession } from '../session';
import { TEST_PASSPHRASE, testDb, testVault } from '../testing/fixture-db';
import { followUpData, screeningData } from '../testing/payloads';
import { sampleCompletion } from '../testing/sample';
import type { ScreeningClear } from '../types';
import { unlock } from '../vault';
import { HEAD_ID } from './index-rows';
import { peekCaseload, readCaseload } from './read';

const TZ = 'Europe/Amsterdam';

/** Reads the caseload and says whether it had to rebuild (a rebuild reports progress). */
async function read(session: VaultSession) {
  let rebuilt = false;
  const snapshot = await readCaseload(session, { timeZone: TZ, onProgress: () => (rebuilt = true) });
  return { snapshot, rebuilt, entry: (key: string) => snapshot.entries.find((e) => e.key === key) };
}

/** A second tab: its own connection and session, nothing in memory. */
const otherTab = (session: VaultSession) => unlock(testDb(undefined, session.db.name), TEST_PASSPHRASE);

describe('caseload index', () => {
  it('is built from the records when missing, then kept current by each save without a rebuild', async () => {
    const db = testDb();
    const session = await testVault(db);
    const anna = await createClient(session, { alias: 'Anna', pathwayIds: ['postpartum'] });
    const first = await read(session);
    expect(first.rebuilt).toBe(true);
    expect(first.entry(anna.id)?.client?.alias).toBe('Anna');

    await completeScreening(session, sampleCompletion(anna.id));
    await createFollowUp(
      session,
      { clientId: anna.id, pathwayId: 'postpartum', dueDate: '2025-05-01' },
      followUpData(),
    );
    // A fresh tab decrypts the stored chunks: what it reads is what the saves wrote, not this tab's memory.
    const tab = await read(await otherTab(session));
    expect(tab.rebuilt).toBe(false);
    expect(tab.entry(anna.id)).toMatchObject({
      step: 1,
      lastScore: { total: 11, instrumentId: 'epds' },
      next: { dueDate: '2025-05-01' },
      rows: { clients: 1, screenings: 1, decisions: 1, followUps: 2, safetyEvents: 0 },
    });
    expect((await read(session)).rebuilt).toBe(false);
  });

  it('keeps only id, rev and the key id (and the ciphertext) in clear, and no alias in the stored rows', async () => {
    const db = testDb();
    const session = await testVault(db);
    await createClient(session, { alias: 'CANARY-9Q' });
    await read(session);
    const rows = await db.caseloadIndex.toArray();
    expect(rows.map((r) => r.id).sort()).toEqual(['chunk-0', HEAD_ID, 'ind-0']);
    for (const r of rows) expect(Object.keys(r).sort()).toEqual(['ct', 'id', 'iv', 'kid', 'rev']);
    const dump = JSON.stringify(rows, (_k, v: unknown) =>
      v instanceof Uint8Array ? Buffer.from(v).toString('latin1') : v,
    );
    expect(dump).not.toContain('CANARY');
  });

  it('a save that fails leaves the index as it was', async () => {
    const db = testDb();
    const session = await testVault(db);
    const anna = await createClient(session, { alias: 'Anna' });
    await read(session);
    const moved = await updateClient(session, anna, { alias: 'Anna B' });
    const before = await db.caseloadIndex.toArray();
    // A stale record: the record conflict aborts the save, index write included.
    await expect(updateClient(session, anna, { alias: 'Verloren' })).rejects.toMatchObject({ code: 'conflict' });
    // The index write itself fails: the record is not written either (one transaction).
    db.caseloadIndex.hook('updating', () => {
      throw new Error('disk full (test)');
    });
    await expect(updateClient(session, moved, { alias: 'Ook verloren' })).rejects.toBeDefined();
    expect(await db.caseloadIndex.toArray()).toEqual(before);
    expect((await getClient(session, anna.id))?.data.alias).toBe('Anna B');
    const tab = await read(await otherTab(session));
    expect(tab.rebuilt).toBe(false);
    expect(tab.entry(anna.id)?.client?.alias).toBe('Anna B');
  });

  it('two tabs saving clients of one chunk at once: the later transaction meets a moved rev, prepares again, both stay', async () => {
    const db = testDb();
    const tabA = await testVault(db);
    const anna = await createClient(tabA, { alias: 'Anna' });
    const bob = await createClient(tabA, { alias: 'Bob' });
    await read(tabA);
    const tabB = await otherTab(tabA);
    await read(tabB);
    // Both prepare against the same chunk rev before either commits.
    await Promise.all([updateClient(tabB, bob, { alias: 'Bob B' }), updateClient(tabA, anna, { alias: 'Anna A' })]);
    const fresh = await read(await otherTab(tabA));
    expect(fresh.rebuilt).toBe(false);
    expect(fresh.entry(anna.id)?.client?.alias).toBe('Anna A');
    expect(fresh.entry(bob.id)?.client?.alias).toBe('Bob B');
  });

  it('is rebuilt when its head, a chunk or an indicator row is deleted (a restore, a cleared table)', async () => {
    const db = testDb();
    const session = await testVault(db);
    const anna = await createClient(session, { alias: 'Anna' });
    await read(session);
    await db.caseloadIndex.delete('chunk-0');
    const afterChunk = await read(session);
    expect(afterChunk.rebuilt).toBe(true);
    expect(afterChunk.entry(anna.id)?.client?.alias).toBe('Anna');
    await db.caseloadIndex.delete('ind-0');
    let rebuiltForIndicators = false;
    await readCaseload(session, { timeZone: TZ, indicators: true, onProgress: () => (rebuiltForIndicators = true) });
    expect(rebuiltForIndicators).toBe(true);
    expect(await db.caseloadIndex.get('ind-0')).toBeDefined();
    await db.caseloadIndex.delete(HEAD_ID);
    const afterHead = await read(session);
    expect(afterHead.rebuilt).toBe(true);
    expect(afterHead.entry(anna.id)?.client?.alias).toBe('Anna');
  });

  it('is stale when records were written around it (bulk insert): the counts differ, so it is rebuilt', async () => {
    const db = testDb();
    const session = await testVault(db);
    const anna = await createClient(session, { alias: 'Anna' });
    await read(session);
    const clear = newClear<ScreeningClear>(
      {
        clientId: anna.id,
        status: 'completed',
        packId: 'postpartum',
        packVersion: '1.0.0',
        instrumentId: 'epds',
        instrumentVersion: '1987',
      },
      Date.parse('2025-05-18T10:00:00Z'),
    );
    await insertMany(session, 'screenings', [{ clear, data: screeningData({ q1: 1 }) }]);
    const r = await read(session);
    expect(r.rebuilt).toBe(true);
    expect(r.entry(anna.id)?.lastScore).toEqual({ total: 11, instrumentId: 'epds', day: '2025-05-18' });
    expect((await read(session)).rebuilt).toBe(false);
  });

  it('moves a follow-up completed, cancelled or rescheduled by its event without a rebuild; a rebuild gives the same', async () => {
    const db = testDb();
    const session = await testVault(db);
    const anna = await createClient(session, { alias: 'Anna', pathwayIds: ['postpartum'] });
    const due = (dueDate: string) =>
      createFollowUp(session, { clientId: anna.id, pathwayId: 'postpartum', dueDate }, followUpData());
    const f1 = await due('2025-05-01');
    const f2 = await due('2025-05-10');
    const f3 = await due('2025-05-20');
    expect((await read(session)).entry(anna.id)?.next?.followUpId).toBe(f1.id);

    // Each step read by a fresh tab: what the event's transaction wrote, counts checked, no rebuild.
    const step = async () => {
      const tab = await read(await otherTab(session));
      expect(tab.rebuilt).toBe(false);
      return tab.entry(anna.id)?.next;
    };
    await completeFollowUp(session, f1);
    expect(await step()).toMatchObject({ followUpId: f2.id, dueDate: '2025-05-10' });
    await cancelFollowUp(session, f2);
    expect(await step()).toMatchObject({ followUpId: f3.id, dueDate: '2025-05-20' });
    await rescheduleFollowUp(session, f3, '2025-05-03');
    expect(await step()).toMatchObject({ followUpId: f3.id, dueDate: '2025-05-03' });
    // The completion written inside completeScreening: the answered follow-up leaves, the new one is next.
    await completeScreening(session, { ...sampleCompletion(anna.id), answers: { id: f3.id } });
    expect(await step()).toMatchObject({ dueDate: '2025-06-01' });

    let rebuilt = false;
    const indicatorRead = (s: VaultSession) =>
      readCaseload(s, { timeZone: TZ, indicators: true, onProgress: () => (rebuilt = true) });
    const followUpsOf = (snapshot: Awaited<ReturnType<typeof indicatorRead>>) =>
      snapshot.indicators
        .flatMap((p) => p.followUps)
        .map((f) => `${f.status} ${f.dueDate}`)
        .sort();
    const incremental = await indicatorRead(await otherTab(session));
    expect(rebuilt).toBe(false);
    expect(followUpsOf(incremental)).toEqual([
      'cancelled 2025-05-10',
      'done 2025-05-01',
      'done 2025-05-03',
      'open 2025-06-01',
    ]);

    await db.caseloadIndex.clear();
    const fresh = await otherTab(session);
    const rebuiltRead = await indicatorRead(fresh);
    expect(rebuilt).toBe(true);
    expect(followUpsOf(rebuiltRead)).toEqual(followUpsOf(incremental));
    expect(rebuiltRead.entries).toEqual(incremental.entries);
  });

  it('counts follow-up events for staleness: an event written around the index is picked up by a rebuild', async () => {
    const session = await testVault(testDb());
    const anna = await createClient(session, { alias: 'Anna' });
    const f1 = await createFollowUp(
      session,
      { clientId: anna.id, pathwayId: 'postpartum', dueDate: '2025-05-01' },
      followUpData(),
    );
    await read(session);
    // Written straight into the table (a restore, an older build): the index never saw it.
    const row = await session.seal('followUpEvents', newFollowUpEventClear(anna.id), {
      kind: 'completed',
      followUpId: f1.id,
      at: '2025-05-01T10:00:00.000Z',
    });
    await session.db.followUpEvents.add(row);
    const r = await read(await otherTab(session));
    expect(r.rebuilt).toBe(true);
    expect(r.entry(anna.id)?.next).toBeNull();
    expect(r.entry(anna.id)?.rows.followUpEvents).toBe(1);
  });

  it('is rebuilt when read in another time zone (its calendar days were computed in the old one)', async () => {
    const session = await testVault(testDb());
    await createClient(session, { alias: 'Anna' });
    await read(session);
    let rebuilt = false;
    await readCaseload(session, { timeZone: 'America/New_York', onProgress: () => (rebuilt = true) });
    expect(rebuilt).toBe(true);
  });

  it('marks an open safety signal on the client, and closes it with the action', async () => {
    const session = await testVault(testDb());
    const anna = await createClient(session, { alias: 'Anna' });
    await read(session);
    const signal = {
      kind: 'signal' as const,
      pathwayId: 'postpartum' as const,
      signal: { id: 'epds-10', kind: 'red-flag' as const, level: 'urgent' as const, label: { nl: 'x', en: 'x' } },
      draftId: null,
      at: '2025-05-18T10:00:00.000Z',
    };
    await recordSafetySignal(session, { signalId: 's1', clientId: anna.id }, signal);
    await recordSafetySignal(session, { signalId: 's2', clientId: null }, signal);
    const open = await read(await otherTab(session));
    expect(open.rebuilt).toBe(false);
    expect(open.entry(anna.id)?.safety).toEqual({ open: true, level: 'urgent' });
    // The saves wrote the indicator rows too: a fresh tab reads them without a rebuild.
    let rebuilt = false;
    const withIndicators = await readCaseload(await otherTab(session), {
      timeZone: TZ,
      indicators: true,
      onProgress: () => (rebuilt = true),
    });
    expect(rebuilt).toBe(false);
    expect(
      withIndicators.indicators
        .flatMap((p) => p.safetyEvents)
        .map((e) => e.signalId)
        .sort(),
    ).toEqual(['s1', 's2']);
    await recordSafetyOutcome(session, [{ signalId: 's1' }], anna.id, {
      kind: 'action',
      action: 'huisarts',
      at: signal.at,
    });
    expect((await read(await otherTab(session))).entry(anna.id)?.safety).toEqual({ open: false, level: null });
  });

  it("keeps a client's earlier open signal when a later signal of hers is acted on (her events found by their sealed client id)", async () => {
    const session = await testVault(testDb());
    const anna = await createClient(session, { alias: 'Anna' });
    await read(session);
    const signal = (level: 'urgent' | 'emergency') => ({
      kind: 'signal' as const,
      pathwayId: 'postpartum' as const,
      signal: { id: 'epds-10', kind: 'red-flag' as const, level, label: { nl: 'x', en: 'x' } },
      draftId: null,
      at: '2025-05-18T10:00:00.000Z',
    });
    await recordSafetySignal(session, { signalId: 's1', clientId: anna.id }, signal('emergency'));
    await recordSafetySignal(session, { signalId: 's2', clientId: anna.id }, signal('urgent'));
    await recordSafetyOutcome(session, [{ signalId: 's2' }], anna.id, {
      kind: 'action',
      action: 'huisarts',
      at: '2025-05-18T10:05:00.000Z',
    });
    await recordSafetySignal(session, { signalId: 's3', clientId: null }, signal('urgent'));
    await recordSafetySignal(session, { signalId: 's4', clientId: null }, signal('urgent'));
    const tab = await read(await otherTab(session));
    // What the saves wrote adds up (no rebuild), and s1 is still open on her entry.
    expect(tab.rebuilt).toBe(false);
    expect(tab.entry(anna.id)?.safety).toEqual({ open: true, level: 'emergency' });
    expect(tab.entry(anna.id)?.rows.safetyEvents).toBe(3);
    expect(tab.entry('~anonymous')?.rows.safetyEvents).toBe(2);
  });

  it('drops the decrypted copy when the session locks', async () => {
    const session = await testVault(testDb());
    await createClient(session, { alias: 'Anna' });
    await read(session);
    expect(peekCaseload(session)?.entries).toHaveLength(1);
    session.lock();
    expect(peekCaseload(session)).toBeNull();
  });

  it('is never in a backup, and a restore empties it (derived data: rebuilt from the records)', async () => {
    const db = testDb();
    const session = await testVault(db);
    const anna = await createClient(session, { alias: 'Anna' });
    await read(session);
    expect(await db.caseloadIndex.count()).toBe(3);
    const backup = await exportBackup(session);
    const file = splitStream(await backup.blob.text());
    const tables = new Set<string>();
    for (let i = 0; i < file.chunks.length; i++) tables.add((await openChunk(session, file, i)).table);
    expect(tables.has('clients')).toBe(true);
    expect(tables.has('caseloadIndex')).toBe(false);

    // The target's own index (of other clients) must not survive the restore.
    const target = testDb();
    const targetSession = await testVault(target);
    await createClient(targetSession, { alias: 'Bram' });
    await read(targetSession);
    expect(await target.caseloadIndex.count()).toBeGreaterThan(0);
    const verified = await checkBackupFile(target, backup.blob, TEST_PASSPHRASE, {
      knownKdfs: [...KNOWN_KDFS, TEST_KDF],
    });
    const restored = await applyRestore(target, verified);
    expect(await target.caseloadIndex.count()).toBe(0);
    const after = await read(restored);
    expect(after.rebuilt).toBe(true);
    expect(after.entry(anna.id)?.client?.alias).toBe('Anna');
    expect(after.snapshot.entries.some((e) => e.client?.alias === 'Bram')).toBe(false);
  });
});
