import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { useSession } from '../../app/session-store';
import { renderRoute } from '../../app/testing/render-route';
import { unlockedVault } from '../../app/testing/unlocked';
import { createClient } from '../../db';

beforeEach(() => {
  localStorage.clear();
  useSession.setState({ language: 'nl', clientMode: false });
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
