import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { createClient } from '../../db';
import { setLanguage } from '../../i18n/language';
import { useSession } from '../../runtime/session-store';
import { renderRoute } from '../../runtime/testing/render-route';
import { unlockedVault } from '../../runtime/testing/unlocked';

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

  it('an unknown pathway in the link is ignored rather than trusted', async () => {
    await unlockedVault();
    renderRoute('/screening?pathway=onbekend');
    const radios = await screen.findAllByRole('radio', { name: /Mantelzorgers|Zwangerschap|Terugval/ });
    for (const radio of radios) expect(radio).not.toBeChecked();
  });
});
