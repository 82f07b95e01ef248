/**
 * Backup reminder (R12): pure, `now` is a parameter. Due with ≥ `minChanges` record changes since
 * the last export, or ≥ `maxDays` days since it. Never exported: due once there are changes and the
 * first of them is `maxDays` old, or as soon as there are `minChanges`.
 */
import * as v from 'valibot';
import { readAnchor } from '../audit/audit-store';
import { getSetting } from '../repositories/settings.repository';
import type { VaultSession } from '../session';
import { BACKUP_STATUS_SETTING } from './export-backup';

export interface ReminderThresholds {
  minChanges: number;
  maxDays: number;
}

export const DEFAULT_THRESHOLDS: ReminderThresholds = { minChanges: 20, maxDays: 7 };
export const REMINDER_SETTING = 'backupReminder';

export const ThresholdsSchema = v.strictObject({
  minChanges: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(10_000)),
  maxDays: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(365)),
});

export interface ReminderInput {
  now: number;
  /** Epoch ms of the last export, null if never. */
  lastBackupAt: number | null;
  /** Records created, changed or deleted since the last export (or ever); counted up to minChanges. */
  changesSince: number;
  /** Epoch ms of the first such change, null if none. */
  firstChangeAt: number | null;
  thresholds?: ReminderThresholds;
}

export type ReminderReason = 'changes' | 'age';

const DAY = 86_400_000;

export function backupReminder(input: ReminderInput): ReminderReason | null {
  const { minChanges, maxDays } = input.thresholds ?? DEFAULT_THRESHOLDS;
  if (input.changesSince >= minChanges) return 'changes';
  const since = input.lastBackupAt ?? (input.changesSince > 0 ? input.firstChangeAt : null);
  if (since !== null && input.now - since >= maxDays * DAY) return 'age';
  return null;
}

/** Gathers the reminder's inputs from the settings and the audit log. */
export async function loadReminderInput(session: VaultSession, now: number): Promise<ReminderInput> {
  const status = (await getSetting(session, BACKUP_STATUS_SETTING))?.data;
  const lastIso: string | null =
    typeof status === 'object' && status !== null && 'lastBackupAt' in status && typeof status.lastBackupAt === 'string'
      ? status.lastBackupAt
      : null;
  const lastBackupAt = lastIso ? Date.parse(lastIso) : null;
  const thresholdsRaw = (await getSetting(session, REMINDER_SETTING))?.data;
  const parsed = v.safeParse(ThresholdsSchema, thresholdsRaw);
  const thresholds = parsed.success ? parsed.output : DEFAULT_THRESHOLDS;
  // The sealed anchor keeps the count of record changes since the last export and the first one's
  // time (audit-store.ts): the reminder reads one row, never the (sealed) log itself.
  const read = await readAnchor(session);
  const changesSince = read.state === 'ok' ? Math.min(read.anchor.changesSinceBackup, thresholds.minChanges) : 0;
  const first = read.state === 'ok' ? read.anchor.firstChangeSinceBackup : null;
  return {
    now,
    lastBackupAt,
    changesSince,
    firstChangeAt: first ? Date.parse(first) : null,
    thresholds,
  };
}
