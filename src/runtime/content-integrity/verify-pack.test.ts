// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { SHIPPED_DIGESTS } from '../../content/packs/shipped-digests';
import { bundledPack } from '../../content/testing';
import { getPackVersionRow, importPack, packKey } from '../../db';
import { testDb, testVault } from '../../db/testing/fixture-db';
import type { ContentPack } from '../../domain';
import { sealLicenceDigest, verifyPackRow } from './verify-pack';

/** The attack of R41: the EPDS self-harm red flag removed from the stored pack. */
function withoutRedFlags(pack: ContentPack): ContentPack {
  return { ...pack, instruments: pack.instruments.map((i) => ({ ...i, redFlags: [] })) };
}

async function storedRow(db: ReturnType<typeof testDb>, pack: ContentPack) {
  const row = await getPackVersionRow(db, pack.id, pack.contentVersion);
  if (!row) throw new Error('not stored');
  return row;
}

describe('re-hashing stored content (R41)', () => {
  it('trusts a stored pack whose recomputed digest is a shipped one', async () => {
    const db = testDb();
    const pack = bundledPack('postpartum');
    await importPack(db, pack);
    expect(await verifyPackRow(await storedRow(db, pack), null)).toBe('shipped');
  });

  it('refuses the pack with its red flag removed, even though the stored digest string is unchanged', async () => {
    const db = testDb();
    const pack = bundledPack('postpartum');
    await importPack(db, withoutRedFlags(pack));
    const row = await storedRow(db, pack);
    expect(row.digest).toBe(pack.digest);
    expect(await verifyPackRow(row, null)).toBe('tampered');
  });

  it('trusts a licence pack only through its MAC under the data key; altered or re-keyed it is refused', async () => {
    const db = testDb();
    const session = await testVault(db);
    const base = bundledPack('postpartum');
    const licensed: ContentPack = { ...base, title: { nl: 'Met licentie', en: 'Licensed' } };
    const key = packKey(base.id, base.contentVersion);
    await importPack(db, licensed, 1_000, { licenceSeal: await sealLicenceDigest(session, key, licensed, 1_000) });
    const row = await storedRow(db, base);
    expect(await verifyPackRow(row, session)).toBe('licensed');
    expect(await verifyPackRow(row, null)).toBe('unverified');
    expect(await verifyPackRow({ ...row, pack: withoutRedFlags(licensed) }, session)).toBe('tampered');
    const other = await testVault(testDb());
    expect(await verifyPackRow(row, other)).toBe('tampered');
  });

  it('the shipped-digest history holds every pack version bundled now', () => {
    for (const id of ['postpartum', 'relapse-prevention', 'caregivers'] as const) {
      const pack = bundledPack(id);
      expect(SHIPPED_DIGESTS).toContainEqual({ packId: id, contentVersion: pack.contentVersion, digest: pack.digest });
    }
  });
});
