import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { createClient, getActivePack } from '../../db';
import { setLanguage } from '../../i18n/language';
import { useSession } from '../../runtime/session-store';
import { renderRoute } from '../../runtime/testing/render-route';
import { unlockedVault } from '../../runtime/testing/unlocked';
import { evaluateDraft } from './evaluate-draft';
import { saveScreening } from './save-screening';
import { clientWithDraft, EPDS_DRAFT, EPDS_ELEVEN } from './screening-test-helpers';

beforeEach(() => {
  localStorage.clear();
  useSession.setState({ clientMode: false });
  setLanguage('nl');
});

describe('starting a screening from a link', () => {
  it('?pathway=caregivers (from Vandaag) preselects the caregivers pathway', async () => {
    await unlockedVault();
    renderRoute('/screening?pathway=caregivers');
    expect(await screen.findByRole('radio', { name: /Mantelzorgers/ })).toBeChecked();
    expect(screen.getByRole('radio', { name: /Zwangerschap/ })).not.toBeChecked();
  });

  it('?client=<id> (from the client page) preselects that client', async () => {
    const session = await unlockedVault();
    const client = await createClient(session, { alias: 'Vlinder-12' });
    renderRoute(`/screening?pathway=postpartum&client=${client.id}`);
    expect(await screen.findByRole('radio', { name: /Vlinder-12/ })).toBeChecked();
  });

  it('?client=<id> of a client screened before preselects the instrument used last time (EPDS, not Whooley)', async () => {
    const session = await unlockedVault();
    const row = await getActivePack(session.db, 'postpartum');
    if (!row) throw new Error('postpartum pack missing');
    const data = { ...EPDS_DRAFT, answers: EPDS_ELEVEN };
    const { client } = await clientWithDraft(session, EPDS_DRAFT);
    const evaluated = evaluateDraft(row.pack, data, null, Date.now() - 14 * 86_400_000);
    if (!evaluated.ok) throw new Error(evaluated.error.message);
    await saveScreening(session, {
      pack: row.pack,
      clientId: client.id,
      draftId: null,
      data,
      evaluation: evaluated.value,
      decision: {
        chosen: 1,
        overrideReason: null,
        safety: null,
        note: '',
        dueDate: '2026-01-15',
        followUpReason: '',
        now: Date.now() - 14 * 86_400_000,
      },
      answeredFollowUp: null,
      openSignalIds: [],
    });
    renderRoute(`/screening?pathway=postpartum&client=${client.id}`);
    expect(await screen.findByRole('radio', { name: /^EPDS/ })).toBeChecked();
    expect(screen.getByRole('radio', { name: /Whooley/ })).not.toBeChecked();
  });

  it('an unknown pathway in the link is ignored rather than trusted', async () => {
    await unlockedVault();
    renderRoute('/screening?pathway=onbekend');
    const radios = await screen.findAllByRole('radio', { name: /Mantelzorgers|Zwangerschap|Terugval/ });
    for (const radio of radios) expect(radio).not.toBeChecked();
  });
});
