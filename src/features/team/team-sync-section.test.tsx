import { screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { setLanguage } from '../../i18n/language';
import { useSession } from '../../runtime/session-store';
import { newTeamKey, writeTeam } from '../../runtime/sync/team-settings';
import { renderRoute } from '../../runtime/testing/render-route';
import { unlockedVault } from '../../runtime/testing/unlocked';

vi.setConfig({ testTimeout: 20_000 });

beforeEach(() => {
  useSession.setState({ clientMode: false });
  setLanguage('nl');
});

async function settingsLoaded() {
  await screen.findByRole('heading', { level: 1, name: 'Instellingen' });
  // The last sections render once their settings are read: then the team section has had its turn too.
  await waitFor(() => expect(screen.getByLabelText('Kies een licentiepakket (.json)')).toBeEnabled());
}

describe('the team section in Settings (issue 19: no change for someone who never makes a team)', () => {
  it('is absent on a device without a team', async () => {
    await unlockedVault();
    renderRoute('/settings');
    await settingsLoaded();
    expect(screen.queryByRole('heading', { name: 'Werken als team' })).toBeNull();
    expect(screen.queryByText('Team instellen (proefversie)')).toBeNull();
  });

  it('shows with its setup form at /settings?team', async () => {
    await unlockedVault();
    renderRoute('/settings?team');
    expect(await screen.findByRole('heading', { level: 2, name: 'Werken als team' })).toBeInTheDocument();
    expect(screen.getByText('Team instellen (proefversie)')).toBeInTheDocument();
  });

  it('shows on plain /settings once the device has a team', async () => {
    const session = await unlockedVault();
    await writeTeam(session, {
      ...newTeamKey(),
      teamId: 'team',
      database: 'team',
      username: 'lid-a',
      password: 'pw-a-1234',
    });
    renderRoute('/settings');
    expect(await screen.findByRole('heading', { level: 2, name: 'Werken als team' })).toBeInTheDocument();
  });
});
