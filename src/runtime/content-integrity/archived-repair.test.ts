// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { isArchived, loadArchivedPack } from '../../content/archived-packs';
import { getActivePack, getPackVersionRow, restorePackVersion } from '../../db';
import { testDb } from '../../db/testing/fixture-db';
import type { ContentPack } from '../../domain';
import { syncContent } from '../content/sync-content';
import { useContentRepairs } from './repair-store';
import { verifiedPackVersion } from './verified-content';

const redFlagCount = (pack: ContentPack | undefined) =>
  (pack?.instruments ?? []).reduce((n, i) => n + (i.redFlags?.length ?? 0), 0);

describe('an earlier shipped pack version that screenings still reference (R41)', () => {
  it('the build keeps every version it ever shipped, each matching its shipped digest', async () => {
    for (const id of ['postpartum', 'relapse-prevention', 'caregivers']) {
      expect(isArchived(id, '1.0.0')).toBe(true);
      expect(await loadArchivedPack(id, '1.0.0')).not.toBeNull();
    }
    expect(await loadArchivedPack('postpartum', '0.9.0')).toBeNull();
  });

  it('a tampered stored copy of version 1.0.0 is refused, restored from the build as it shipped, and stays inactive', async () => {
    const db = testDb();
    await syncContent(db); // the current bundled versions, active
    const shipped = (await loadArchivedPack('postpartum', '1.0.0')) as ContentPack;
    await restorePackVersion(db, shipped); // as left behind by the v1 app on an upgraded device
    // The attack: the self-harm red flags removed from the stored old version.
    await db.packs
      .where('key')
      .equals('postpartum@1.0.0')
      .modify((row) => {
        row.pack = { ...row.pack, instruments: row.pack.instruments.map((i) => ({ ...i, redFlags: [] })) };
      });

    expect(await verifiedPackVersion(db, 'postpartum', '1.0.0', null)).toBeUndefined();
    await vi.waitFor(() =>
      expect(useContentRepairs.getState().repairs).toContainEqual({
        packId: 'postpartum',
        contentVersion: '1.0.0',
        restored: true,
      }),
    );

    const repaired = await verifiedPackVersion(db, 'postpartum', '1.0.0', null);
    expect(redFlagCount(repaired)).toBe(redFlagCount(shipped));
    expect(redFlagCount(repaired)).toBeGreaterThan(0);
    expect((await getPackVersionRow(db, 'postpartum', '1.0.0'))?.active).toBe(0);
    expect((await getActivePack(db, 'postpartum'))?.contentVersion).not.toBe('1.0.0');
  });
});
