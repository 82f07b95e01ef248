// @vitest-environment node
// "Who did what" (issue 20): every local save names its author's initials, sealed, never in clear;
// a pulled record keeps the author it was written by.
import { describe, expect, it } from 'vitest';
import { readCaseload } from '../caseload/read';
import { testDb, testVault } from '../testing/fixture-db';
import { createClient, getClient, updateClient } from './clients.repository';
import { createNote, listNotes } from './notes.repository';
import { getSetting, putSetting } from './settings.repository';
import { applyPulled, readForSync } from './sync.repository';

describe('record authors', () => {
  it('stamps createdBy and updatedBy from the vault initials, sealed inside the row, kept across an update', async () => {
    const db = testDb();
    const session = await testVault(db);
    await putSetting(session, 'profile', { roles: ['poh-ggz'], initials: 'AB' });
    const client = await createClient(session, { alias: 'Auteur' });
    const note = await createNote(session, client.id, { text: 'eerste' });
    expect(client).toMatchObject({ createdBy: 'AB', updatedBy: 'AB' });
    expect((await listNotes(session, client.id)).records[0]).toMatchObject({ createdBy: 'AB', updatedBy: 'AB' });
    const raw = JSON.stringify([await db.clients.get(client.id), await db.notes.get(note.id)]);
    expect(raw).not.toContain('createdBy');
    expect(raw).not.toContain('"AB"');

    await putSetting(session, 'profile', { roles: ['poh-ggz'], initials: 'CD' }, await getSetting(session, 'profile'));
    await updateClient(session, client, { alias: 'Auteur 2' });
    expect(await getClient(session, client.id)).toMatchObject({ createdBy: 'AB', updatedBy: 'CD' });
    // The caseload index names the responsible member (the creator) for "mijn cliënten / team".
    const snapshot = await readCaseload(session, { timeZone: 'Europe/Amsterdam' });
    expect(snapshot.entries.find((e) => e.key === client.id)?.client?.responsible).toBe('AB');
  });

  it('a pulled record keeps the author it was written by', async () => {
    const a = await testVault(testDb());
    await putSetting(a, 'profile', { roles: ['poh-ggz'], initials: 'AA' });
    const b = await testVault(testDb());
    await putSetting(b, 'profile', { roles: ['poh-ggz'], initials: 'BB' });
    const client = await createClient(a, { alias: 'Van A' });
    const record = await readForSync(a, 'clients', client.id);
    if (!record) throw new Error('no record');
    expect(await applyPulled(b, [{ table: 'clients', record, envelopeRev: '1-a' }])).toEqual(['applied']);
    expect(await getClient(b, client.id)).toMatchObject({ createdBy: 'AA', updatedBy: 'AA' });
  });
});
