// @vitest-environment node
/**
 * Issue 13: a follow-up's completion is an append-only sealed event; "open" and "done" are derived,
 * so two devices completing the same follow-up never lose an event and still show one done follow-up.
 */
import { describe, expect, it } from 'vitest';
import { exportBackup } from '../backup/export-backup';
import { applyRestore, checkBackupFile } from '../backup/restore-backup';
import { CLEAR_FIELDS } from '../clear-fields';
import { KNOWN_KDFS, TEST_KDF } from '../crypto/kdf';
import { VaultSession } from '../session';
import { legacyVault, TEST_PASSPHRASE, testDb, testVault, uniqueDbName, versionsUpTo } from '../testing/fixture-db';
import { decisionData, followUpData, screeningData } from '../testing/payloads';
import { unlock } from '../vault';
import { getRecord, nextClear, updateRecord } from './encrypted-store';
import {
  cancelFollowUp,
  completeFollowUp,
  deriveFollowUp,
  type FollowUpEventRecord,
  listFollowUpEvents,
  rescheduleFollowUp,
} from './followup-events.repository';
import { createFollowUp, getFollowUp, listAllFollowUps, listDueFollowUps, listFollowUps } from './followups.repository';
import { completeScreening } from './screenings.repository';

const event = (data: FollowUpEventRecord['data'], id = crypto.randomUUID()): FollowUpEventRecord => ({
  id,
  clientId: 'c1',
  rev: 1,
  data,
});
const row = { id: 'f1', status: 'open' as const, dueDate: '2026-03-04' };

describe("deriving a follow-up's state from its events", () => {
  it('a follow-up without events is open on its planned day', () => {
    expect(deriveFollowUp(row, [])).toEqual({ state: 'open', dueDate: '2026-03-04', completedBy: null });
  });

  it('the next-day safety check is done once the screening that answered it is recorded', () => {
    const done = event({ kind: 'completed', followUpId: 'f1', screeningId: 's2', at: '2026-03-04T10:00:00.000Z' });
    expect(deriveFollowUp(row, [done])).toEqual({ state: 'done', dueDate: '2026-03-04', completedBy: 's2' });
  });

  it("only the follow-up's own events count (another follow-up's completion leaves it open)", () => {
    const other = event({ kind: 'completed', followUpId: 'f2', at: '2026-03-04T10:00:00.000Z' });
    expect(deriveFollowUp(row, [other]).state).toBe('open');
  });

  it('a completion wins over a cancellation from another device, in whichever order they arrive', () => {
    const cancelled = event({ kind: 'cancelled', followUpId: 'f1', at: '2026-03-04T09:00:00.000Z' });
    const done = event({ kind: 'completed', followUpId: 'f1', screeningId: 's2', at: '2026-03-04T10:00:00.000Z' });
    expect(deriveFollowUp(row, [cancelled, done])).toEqual(deriveFollowUp(row, [done, cancelled]));
    expect(deriveFollowUp(row, [done, cancelled]).state).toBe('done');
    expect(deriveFollowUp(row, [cancelled]).state).toBe('cancelled');
  });

  it('a rescheduled follow-up is due on the latest date it was moved to', () => {
    const later = event({
      kind: 'rescheduled',
      followUpId: 'f1',
      dueDate: '2026-03-10',
      at: '2026-03-04T09:00:00.000Z',
    });
    const back = event({
      kind: 'rescheduled',
      followUpId: 'f1',
      dueDate: '2026-03-06',
      at: '2026-03-05T09:00:00.000Z',
    });
    expect(deriveFollowUp(row, [back, later]).dueDate).toBe('2026-03-06');
  });

  it('a follow-up an older build marked done (status field) still reads as done', () => {
    expect(deriveFollowUp({ ...row, status: 'done' }, []).state).toBe('done');
    expect(deriveFollowUp({ ...row, status: 'cancelled' }, []).state).toBe('cancelled');
  });
});

async function twoDevices() {
  // One practice vault on two devices: the same data key, two databases.
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  return [new VaultSession(testDb(), key), new VaultSession(testDb(), key)] as const;
}

describe('completing a follow-up on two devices', () => {
  it('gives one done follow-up and keeps both completions (no event is lost)', async () => {
    const [a, b] = await twoDevices();
    const f = await createFollowUp(
      a,
      { clientId: 'c1', pathwayId: 'postpartum', dueDate: '2026-03-04' },
      followUpData('s1'),
    );
    const stored = await a.db.followUps.get(f.id);
    if (!stored) throw new Error('no follow-up row');
    await b.db.followUps.add(stored);
    // One team: the client's key travels with her records (the team issue wraps it to the team key).
    await b.db.keys.bulkPut(await a.db.keys.toArray());

    // The midwife completes it on her phone, the colleague on the practice tablet.
    await completeFollowUp(a, f, 's-phone', Date.parse('2026-03-04T09:00:00Z'));
    await completeFollowUp(b, f, 's-tablet', Date.parse('2026-03-04T09:01:00Z'));

    // Merge as a sync would: the union of append-only rows; nothing is overwritten.
    await a.db.followUpEvents.bulkPut(await b.db.followUpEvents.toArray());
    await b.db.followUpEvents.bulkPut(await a.db.followUpEvents.toArray());

    for (const device of [a, b]) {
      const events = (await listFollowUpEvents(device, ['c1'])).records;
      expect(events.map((e) => e.data.kind === 'completed' && e.data.screeningId).sort()).toEqual([
        's-phone',
        's-tablet',
      ]);
      const followUps = (await listFollowUps(device, 'c1')).records;
      expect(followUps).toHaveLength(1);
      expect(followUps[0]?.state).toBe('done');
      expect(followUps[0]?.completedBy).toBe('s-phone');
    }
  });

  it('two tabs completing it at once both append; the follow-up is done once', async () => {
    const session = await testVault(testDb());
    const f = await createFollowUp(
      session,
      { clientId: 'c1', pathwayId: 'postpartum', dueDate: '2026-03-04' },
      followUpData('s1'),
    );
    await Promise.all([completeFollowUp(session, f, 's2'), completeFollowUp(session, f, 's3')]);
    expect((await listFollowUpEvents(session)).records).toHaveLength(2);
    expect((await listAllFollowUps(session)).records.map((r) => r.state)).toEqual(['done']);
    expect((await getFollowUp(session, f.id))?.state).toBe('done');
  });
});

describe('follow-up events in storage', () => {
  it('keep only id, clientId and rev in clear: the follow-up, kind, screening and time are sealed', async () => {
    const db = testDb();
    const session = await testVault(db);
    const f = await createFollowUp(
      session,
      { clientId: 'c1', pathwayId: 'postpartum', dueDate: '2026-03-04' },
      followUpData('s1'),
    );
    await completeFollowUp(session, f, 'SCREENING-CANARY');
    await rescheduleFollowUp(session, f, '2026-03-09', 'REASON-CANARY');
    const rows = await db.followUpEvents.toArray();
    for (const r of rows)
      expect(Object.keys(r).sort()).toEqual([...CLEAR_FIELDS.followUpEvents.clear, 'ct', 'iv'].sort());
    const dump = JSON.stringify(rows, (_k, v: unknown) =>
      v instanceof Uint8Array ? Buffer.from(v).toString('latin1') : v,
    );
    for (const secret of ['CANARY', f.id, 'completed', 'rescheduled', '2026-03']) expect(dump).not.toContain(secret);
  });

  it('the follow-up row itself is never rewritten by a completion (its clear status stays open)', async () => {
    const db = testDb();
    const session = await testVault(db);
    const f = await createFollowUp(
      session,
      { clientId: 'c1', pathwayId: 'postpartum', dueDate: '2026-03-04' },
      followUpData('s1'),
    );
    await completeFollowUp(session, f);
    expect(await db.followUps.get(f.id)).toMatchObject({ rev: 1 });
    expect(await getRecord(session, 'followUps', f.id)).toMatchObject({ rev: 1, status: 'open' });
  });
});

describe('a follow-up an older build closed by its status field', () => {
  it('still reads as done after the upgrade to the event table, and Vandaag no longer lists it', async () => {
    const name = uniqueDbName('v4-done');
    const v4 = testDb(versionsUpTo(4), name);
    const old = await legacyVault(v4);
    const f = await createFollowUp(
      old,
      { clientId: 'c1', pathwayId: 'postpartum', dueDate: '2026-03-04' },
      followUpData('s1'),
    );
    const open = await createFollowUp(
      old,
      { clientId: 'c1', pathwayId: 'postpartum', dueDate: '2026-03-04' },
      followUpData('s1'),
    );
    // What the v4 build did: the status written over.
    const { state: _s, completedBy: _c, ...stored } = f;
    await updateRecord(old, 'followUps', nextClear(stored, { status: 'done' }, Date.now()), f.data);
    v4.close();

    const db = testDb(undefined, name);
    const session = await unlock(db, TEST_PASSPHRASE);
    const states = new Map((await listFollowUps(session, 'c1')).records.map((r) => [r.id, r.state]));
    expect(states).toEqual(
      new Map([
        [f.id, 'done'],
        [open.id, 'open'],
      ]),
    );
    expect((await listDueFollowUps(session, '2026-03-05')).records.map((r) => r.id)).toEqual([open.id]);
  });
});

describe('a backup of a caseload with a completed follow-up', () => {
  it('restores the completion: the follow-up is still done on the other device', async () => {
    const session = await testVault(testDb());
    const f = await createFollowUp(
      session,
      { clientId: 'c1', pathwayId: 'postpartum', dueDate: '2026-03-04' },
      followUpData('s1'),
    );
    await completeFollowUp(session, f, 's2');
    const backup = await exportBackup(session, { now: new Date('2026-03-05T10:00:00Z') });
    expect(backup.counts.followUpEvents).toBe(1);

    const target = testDb();
    await testVault(target);
    const verified = await checkBackupFile(target, backup.blob, TEST_PASSPHRASE, {
      knownKdfs: [...KNOWN_KDFS, TEST_KDF],
    });
    const restored = await applyRestore(target, verified);
    expect((await listFollowUps(restored, 'c1')).records.map((r) => r.state)).toEqual(['done']);
  });
});

describe('which follow-ups Vandaag lists as due', () => {
  it('a completed or cancelled follow-up drops out; a moved one is due on its new day', async () => {
    const session = await testVault(testDb());
    const mk = (dueDate: string) =>
      createFollowUp(session, { clientId: 'c1', pathwayId: 'postpartum', dueDate }, followUpData(dueDate));
    const answered = await mk('2026-03-01');
    const closed = await mk('2026-03-02');
    const movedEarlier = await mk('2026-03-20');
    const movedLater = await mk('2026-03-03');
    await mk('2026-03-04');
    await completeFollowUp(session, answered, 's9');
    await cancelFollowUp(session, closed, 'verhuisd');
    await rescheduleFollowUp(session, movedEarlier, '2026-03-02');
    await rescheduleFollowUp(session, movedLater, '2026-03-12');
    const due = (await listDueFollowUps(session, '2026-03-05')).records;
    expect(due.map((f) => [f.id === movedEarlier.id ? 'moved' : f.dueDate, f.dueDate])).toEqual([
      ['moved', '2026-03-02'],
      ['2026-03-04', '2026-03-04'],
    ]);
  });

  it('a screening that answers a follow-up completes it in the same transaction', async () => {
    const db = testDb();
    const session = await testVault(db);
    const f = await createFollowUp(
      session,
      { clientId: 'c1', pathwayId: 'postpartum', dueDate: '2026-03-04' },
      followUpData('s1'),
    );
    const done = await completeScreening(session, {
      screening: {
        clientId: 'c1',
        packId: 'postpartum',
        packVersion: '1.0.0',
        instrumentId: 'epds',
        instrumentVersion: '1987',
        data: screeningData({ 'epds-1': 1 }),
      },
      decision: { pathwayId: 'postpartum', data: decisionData() },
      answers: { id: f.id },
    });
    const [stored] = (await listFollowUps(session, 'c1')).records.filter((r) => r.id === f.id);
    expect(stored?.state).toBe('done');
    expect(stored?.completedBy).toBe(done.screening.id);
    expect((await listDueFollowUps(session, '2026-03-05')).records.map((r) => r.id)).not.toContain(f.id);
  });
});
