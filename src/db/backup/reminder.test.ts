// @vitest-environment node
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { appendAudit, auditSettled, readAuditEvents } from '../audit';
import { createClient } from '../repositories/clients.repository';
import { putSetting } from '../repositories/settings.repository';
import { testDb, testVault } from '../testing/fixture-db';
import { exportBackup } from './export-backup';
import { backupReminder, loadReminderInput, REMINDER_SETTING } from './reminder';

const T0 = Date.UTC(2025, 4, 1, 9);
const DAY = 86_400_000;

describe('R12: backup reminder (controlled clock)', () => {
  it('shows after 20 changed records since the last export, not after 19', () => {
    const base = { now: T0 + DAY, lastBackupAt: T0, firstChangeAt: T0 + 1 };
    expect(backupReminder({ ...base, changesSince: 19 })).toBeNull();
    expect(backupReminder({ ...base, changesSince: 20 })).toBe('changes');
  });

  it('shows 7 days after the last export, not 1 ms before', () => {
    const base = { lastBackupAt: T0, changesSince: 0, firstChangeAt: null };
    expect(backupReminder({ ...base, now: T0 + 7 * DAY - 1 })).toBeNull();
    expect(backupReminder({ ...base, now: T0 + 7 * DAY })).toBe('age');
  });

  it('never exported: quiet without records, due once the first change is 7 days old', () => {
    expect(backupReminder({ now: T0 + 30 * DAY, lastBackupAt: null, changesSince: 0, firstChangeAt: null })).toBeNull();
    const input = { lastBackupAt: null, changesSince: 3, firstChangeAt: T0 };
    expect(backupReminder({ ...input, now: T0 + 6 * DAY })).toBeNull();
    expect(backupReminder({ ...input, now: T0 + 7 * DAY })).toBe('age');
  });

  it('takes the thresholds from the setting', () => {
    const thresholds = { minChanges: 5, maxDays: 2 };
    expect(backupReminder({ now: T0, lastBackupAt: T0, changesSince: 5, firstChangeAt: T0, thresholds })).toBe(
      'changes',
    );
    expect(
      backupReminder({ now: T0 + 2 * DAY, lastBackupAt: T0, changesSince: 0, firstChangeAt: null, thresholds }),
    ).toBe('age');
  });

  it('counts record changes in the audit log since the last export, with the clock under control', async () => {
    const db = testDb();
    const session = await testVault(db);
    await putSetting(session, REMINDER_SETTING, { minChanges: 3, maxDays: 7 });
    for (let i = 0; i < 2; i++) await createClient(session, { alias: `c${i}` });
    // Only Date is faked (IndexedDB keeps its real timers): each tick moves the clock 5 ms on, so the
    // export sits strictly between the changes before it and those after it.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
    onTestFinished(() => {
      vi.useRealTimers();
    });
    const tick = () => vi.setSystemTime(Date.now() + 5);
    await auditSettled(db);
    tick();
    await exportBackup(session);
    tick();
    await appendAudit(db, [{ action: 'view', recordId: null }]);
    for (let i = 0; i < 3; i++) await createClient(session, { alias: `d${i}` });
    await auditSettled(db);
    const input = await loadReminderInput(session, Date.now());
    expect(input.changesSince).toBe(3);
    expect(input.thresholds).toEqual({ minChanges: 3, maxDays: 7 });
    expect(backupReminder(input)).toBe('changes');
    expect(backupReminder({ ...input, changesSince: 0, now: (input.lastBackupAt ?? 0) + 7 * DAY })).toBe('age');
  });

  it('counts changes from the sealed anchor (capped at the threshold), takes the oldest as the first, and an export resets it', async () => {
    const db = testDb();
    const session = await testVault(db);
    for (let i = 0; i < 30; i++) await createClient(session, { alias: `c${i}` });
    await auditSettled(db);
    const oldest = (await readAuditEvents(session)).find((e) => e.action === 'create')?.ts;
    const input = await loadReminderInput(session, Date.now());
    expect(input.changesSince).toBe(20); // capped at minChanges: the rule needs no more
    expect(input.firstChangeAt).toBe(Date.parse(oldest ?? ''));
    expect(backupReminder(input)).toBe('changes');
    await appendAudit(db, [{ action: 'export-backup', recordId: null }]);
    expect(await loadReminderInput(session, Date.now())).toMatchObject({ changesSince: 0, firstChangeAt: null });
  });
});
