// The plan editor's own save must not read as "a version saved elsewhere". The live query can hand
// back the new version before the save's promise returns (seen under load in the gate, 2026-12-01):
// this test holds the save's return until the page has shown the new version, to make that order sure.
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type * as db from '../../db';
import { createClient, createPlan, type VaultSession } from '../../db';
import { renderRoute } from '../../runtime/testing/render-route';
import { unlockedVault } from '../../runtime/testing/unlocked';
import { revisePlan } from './plan-model';

let release: () => void = () => {};
vi.mock('../../db', async (importOriginal) => {
  const original = await importOriginal<typeof db>();
  return {
    ...original,
    // Stored and committed as usual; only the return to the page waits for the test.
    updatePlan: async (...args: Parameters<typeof original.updatePlan>) => {
      const returned = new Promise<void>((resolve) => {
        release = resolve;
      });
      const saved = await original.updatePlan(...args);
      await returned;
      return saved;
    },
  };
});

describe('saving the plan on this device', () => {
  let session: VaultSession;
  beforeEach(async () => {
    session = await unlockedVault();
  });

  it('shows no "saved elsewhere" notice when the new version arrives before the save returns', async () => {
    const client = await createClient(session, { alias: 'P' });
    const content = { warningSigns: [], triggers: ['eerste'], whatIDo: [], whatOthersDo: [], whomToCall: [] };
    await createPlan(
      session,
      { clientId: client.id, pathwayId: 'relapse-prevention' },
      revisePlan(null, content, '2026-01-01T10:00:00Z'),
    );
    const user = userEvent.setup();
    renderRoute(`/clients/${client.id}/plan`);
    const triggers = await screen.findByRole('textbox', { name: 'Wat het kan uitlokken' });
    await user.clear(triggers);
    await user.type(triggers, 'tweede');
    await user.click(screen.getByRole('button', { name: 'Nieuwe versie opslaan' }));

    // The second version is stored and shown (it has a history) while the save has not returned.
    expect(await screen.findByRole('heading', { name: 'Eerdere versies' })).toBeInTheDocument();
    expect(screen.queryByText(/intussen ergens anders opgeslagen/)).not.toBeInTheDocument();
    release();
    expect(await screen.findByText('Opgeslagen')).toBeInTheDocument();
    expect(screen.queryByText(/intussen ergens anders opgeslagen/)).not.toBeInTheDocument();
    expect(triggers).toHaveValue('tweede');
  });
});
