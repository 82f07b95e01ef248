// "Who did what" and "mijn cliënten / team" on the screens (issue 20).
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyPulled, createClient, createNote, type VaultSession } from '../../db';
import { useSync } from '../../runtime/sync/sync-store';
import { renderRoute } from '../../runtime/testing/render-route';
import { unlockedVault } from '../../runtime/testing/unlocked';

describe('authors and the team filter', () => {
  let session: VaultSession;
  beforeEach(async () => {
    session = await unlockedVault();
  });
  afterEach(() => {
    useSync.getState().set({ phase: 'off' });
  });

  it('the timeline names who wrote an entry', async () => {
    const client = await createClient(session, { alias: 'Tijdlijn' });
    await createNote(session, client.id, { text: 'Gebeld.' });
    renderRoute(`/clients/${client.id}`);
    const timeline = await screen.findByRole('region', { name: 'Tijdlijn' });
    expect(await within(timeline).findByText('Door TV')).toBeInTheDocument();
  });

  it('shows "mijn cliënten / team" only in a team, and "mijn" hides a colleague’s client', async () => {
    await createClient(session, { alias: 'Van mij' });
    const now = Date.now();
    const foreign = {
      clear: { id: crypto.randomUUID(), rev: 1, createdAt: now, updatedAt: now, status: 'active', createdBy: 'XY' },
      data: { alias: 'Van XY' },
    };
    expect(await applyPulled(session, [{ table: 'clients', record: foreign, envelopeRev: '1-x' }])).toEqual([
      'applied',
    ]);
    const user = userEvent.setup();
    const { unmount } = renderRoute('/clients');
    expect(await screen.findByRole('link', { name: 'Van XY' })).toBeInTheDocument();
    expect(screen.queryByRole('radio', { name: /Mijn cliënten/ })).not.toBeInTheDocument();
    unmount();

    useSync.getState().set({ phase: 'idle' });
    renderRoute('/clients');
    await user.click(await screen.findByRole('radio', { name: 'Mijn cliënten (TV)' }));
    expect(await screen.findByRole('link', { name: 'Van mij' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Van XY' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'Het hele team' }));
    expect(await screen.findByRole('link', { name: 'Van XY' })).toBeInTheDocument();
  });
});
