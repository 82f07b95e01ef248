// Settings → "Regionale nummers" (CONTENT.md §4): entered and confirmed by the practice, audited.

import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { auditSettled, readAuditEvents } from '../../db';
import { unlockedVault } from '../../runtime/testing/unlocked';
import { readSetting } from '../settings/use-setting';
import { REGIONAL_NUMBERS_SETTING, RegionalNumbersSchema, saveRegionalNumbers } from './regional-numbers';

describe("the practice's regional crisis numbers", () => {
  it('are kept with who confirmed them and when, and the change is in the audit log without the numbers', async () => {
    const session = await unlockedVault();
    const value = {
      numbers: { huisartsenpost: '088-1234567', crisisdienst: '', popPoli: '', steunpunt: '' },
      by: 'TV',
      at: '2026-12-01T09:00:00.000Z',
    };
    await saveRegionalNumbers(session, value);
    expect(await readSetting(session, REGIONAL_NUMBERS_SETTING, RegionalNumbersSchema)).toEqual(value);
    await auditSettled(session.db);
    const log = await readAuditEvents(session);
    expect(log.filter((e) => e.action === 'change' && e.recordId === REGIONAL_NUMBERS_SETTING)).toHaveLength(1);
    expect(JSON.stringify(log)).not.toContain('088-1234567');
  });

  it('refuse a number with letters in it', () => {
    const bad = {
      numbers: { huisartsenpost: '088-HAP', crisisdienst: '', popPoli: '', steunpunt: '' },
      by: 'TV',
      at: '2026-12-01T09:00:00.000Z',
    };
    expect(v.safeParse(RegionalNumbersSchema, bad).success).toBe(false);
  });
});
