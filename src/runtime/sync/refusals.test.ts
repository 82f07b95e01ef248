// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { testDb, testVault } from '../../db/testing/fixture-db';
import { addRefusals, type Refusal, readRefusals } from './refusals';

const refusal = (rev: string): Refusal => ({
  docId: 'r0123456789abcdef0123456789abcdef01234567',
  rev,
  reason: 'bad-signature',
  by: 'AXQZWAAA',
  initials: 'AX',
  table: 'clients',
  at: 1,
});

describe('refused envelopes', () => {
  it('are kept once per revision, sealed in a vault setting (nothing of them in clear)', async () => {
    const db = testDb();
    const session = await testVault(db);
    await addRefusals(session, [refusal('2-a'), refusal('3-b')]);
    await addRefusals(session, [refusal('2-a')]);
    expect((await readRefusals(session)).map((r) => r.rev)).toEqual(['2-a', '3-b']);
    const rows = JSON.stringify(await db.settings.toArray());
    expect(rows).not.toContain('r0123456789abcdef');
    expect(rows).not.toContain('AXQZWAAA');
  });
});
