// Text drafts share the drafts table with screening drafts: found by their sealed key, revised in
// place, left out of the screening drafts, and deleted once the form is saved.
import { describe, expect, it } from 'vitest';
import { testDb, testVault } from '../testing/fixture-db';
import { getDraft, listDrafts, saveDraft } from './screenings.repository';
import { discardTextDraft, findTextDraft, saveTextDraft } from './text-drafts.repository';

describe('text drafts', () => {
  it('are found by key, revised in place, never listed or opened as screening drafts, and discarded', async () => {
    const db = testDb();
    const session = await testVault(db);
    const screening = await saveDraft(session, { clientId: null, data: { pathwayId: 'postpartum' } });
    const first = await saveTextDraft(session, { clientId: 'c-1', key: 'note:c-1', texts: { text: 'Eerst' } });
    const second = await saveTextDraft(session, {
      previous: first,
      clientId: 'c-1',
      key: 'note:c-1',
      texts: { text: 'Eerst, dan meer' },
    });
    expect(second.id).toBe(first.id);
    expect((await findTextDraft(session, 'note:c-1'))?.data.texts).toEqual({ text: 'Eerst, dan meer' });
    expect(await findTextDraft(session, 'note:c-2')).toBeUndefined();
    expect((await listDrafts(session)).records.map((r) => r.id)).toEqual([screening.id]);
    expect(await getDraft(session, first.id)).toBeUndefined();
    // The key is sealed: nothing about the form is in clear.
    expect(JSON.stringify(await db.drafts.get(first.id))).not.toContain('note:');
    await discardTextDraft(session, first.id);
    expect(await findTextDraft(session, 'note:c-1')).toBeUndefined();
  });
});
