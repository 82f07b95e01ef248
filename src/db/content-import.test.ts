// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { ContentPack } from '../domain/types';
import { importPack, syncBundledPacks } from './content-import';
import { createClient } from './repositories/clients.repository';
import { getActivePack, getPackVersion } from './repositories/content.repository';
import { completeScreening } from './repositories/screenings.repository';
import { testDb, testVault } from './testing/fixture-db';
import { sampleCompletion } from './testing/sample';

/** A structurally minimal pack; real packs are validated by src/content before import. */
function pack(contentVersion: string, digest = `d-${contentVersion}`): ContentPack {
  const instrument = { id: 'epds', version: '1987' } as unknown as ContentPack['instruments'][number];
  const pathway = { id: 'postpartum' } as unknown as ContentPack['pathway'];
  return {
    schemaVersion: 1,
    id: 'postpartum',
    contentVersion,
    digest,
    instruments: [instrument],
    pathway,
    cards: [],
    checklists: [],
    helpRoutes: [],
    goldenVectors: [],
    sources: [],
    title: { nl: 'Postpartum', en: 'Postpartum' },
  } as unknown as ContentPack;
}

describe('content import', () => {
  it('imports a pack and makes it active', async () => {
    const db = testDb();
    await importPack(db, pack('1.0.0'));
    expect((await getActivePack(db, 'postpartum'))?.contentVersion).toBe('1.0.0');
    expect((await getPackVersion(db, 'postpartum', '1.0.0'))?.instruments[0]).toMatchObject({ id: 'epds' });
  });

  it('a new content version replaces content, leaves client tables alone and keeps referenced versions', async () => {
    const db = testDb();
    const session = await testVault(db);
    await syncBundledPacks(db, [pack('1.0.0')]);
    const client = await createClient(session, { alias: 'A' });
    await completeScreening(session, sampleCompletion(client.id)); // references postpartum@1.0.0
    const clientRows = await db.clients.toArray();

    const report = await syncBundledPacks(db, [pack('1.1.0')]);
    expect(report).toEqual({ imported: ['postpartum@1.1.0'], pruned: [] });
    expect((await getActivePack(db, 'postpartum'))?.contentVersion).toBe('1.1.0');
    expect(await getPackVersion(db, 'postpartum', '1.0.0')).toBeDefined();
    expect(await db.clients.toArray()).toEqual(clientRows);

    // The screening's pack version is sealed (v5), so without the key no version can be proven unused: all stay.
    const again = await syncBundledPacks(db, [pack('1.2.0')]);
    expect(again.pruned).toEqual([]);
    expect(await getPackVersion(db, 'postpartum', '1.0.0')).toBeDefined();
  });

  it('prunes inactive versions while no screening is stored', async () => {
    const db = testDb();
    await syncBundledPacks(db, [pack('1.0.0')]);
    expect((await syncBundledPacks(db, [pack('1.1.0')])).pruned).toEqual(['postpartum@1.0.0']);
    expect((await syncBundledPacks(db, [pack('1.2.0')])).pruned).toEqual(['postpartum@1.1.0']);
    expect(await syncBundledPacks(db, [pack('1.2.0')])).toEqual({ imported: [], pruned: [] });
  });
});
