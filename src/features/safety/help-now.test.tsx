import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderRoute } from '../../runtime/testing/render-route';
import { unlockedVault } from '../../runtime/testing/unlocked';
import { clientWithDraft, PHQ9_DRAFT } from '../screening/screening-test-helpers';

describe('"Hulp nu" in the shell header', () => {
  it('opens the urgent routes of the professional\'s role without a screening, with the regional numbers "nog niet ingesteld"', async () => {
    await unlockedVault({ roles: ['verloskundige-kraamzorg-jgz'], initials: 'TV' });
    renderRoute('/clients');
    await screen.findByRole('heading', { level: 1, name: 'Cliënten' });
    await userEvent.click(screen.getByRole('button', { name: 'Hulp nu' }));
    // The panel loads on the first press: wait for it, as the professional does.
    const panel = await screen.findByRole('region', { name: 'Hulp nu' });
    expect(panel).toHaveFocus();
    expect(await within(panel).findByRole('link', { name: /^113/ })).toHaveAttribute('href', 'tel:113');
    expect(within(panel).getByRole('link', { name: /^0800-0113/ })).toHaveAttribute('href', 'tel:08000113');
    expect(within(panel).getByRole('link', { name: /^112/ })).toHaveAttribute('href', 'tel:112');
    expect((await within(panel).findAllByText(/nog niet ingesteld/)).length).toBeGreaterThan(0);
    // Only the postpartum pack: the role chooses, so no caregivers' routes here.
    expect(
      within(panel)
        .getAllByRole('heading', { level: 2 })
        .map((h) => h.textContent),
    ).toEqual(['Hulp nu', 'Zwangerschap en na de bevalling']);
  });

  it('closes with "Sluiten" and says the button is collapsed again', async () => {
    await unlockedVault();
    renderRoute('/');
    await screen.findByRole('heading', { level: 1, name: 'Vandaag' });
    const button = screen.getByRole('button', { name: 'Hulp nu' });
    await userEvent.click(button);
    expect(button).toHaveAttribute('aria-expanded', 'true');
    await userEvent.click(
      within(await screen.findByRole('region', { name: 'Hulp nu' })).getByRole('button', { name: 'Sluiten' }),
    );
    expect(screen.queryByRole('region', { name: 'Hulp nu' })).toBeNull();
    expect(button).toHaveAttribute('aria-expanded', 'false');
  });

  it('is in the screening runner, and gone once the device is handed to the client', async () => {
    const session = await unlockedVault();
    const { draft } = await clientWithDraft(session, PHQ9_DRAFT);
    renderRoute(`/screening/${draft.id}`);
    expect(await screen.findByText('Vraag 1 van 10')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Hulp nu' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Apparaat aan de cliënt geven' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Vragenlijst' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Hulp nu' })).toBeNull();
  });
});
