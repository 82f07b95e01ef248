import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderRoute } from '../../runtime/testing/render-route';
import { unlockedVault } from '../../runtime/testing/unlocked';

describe('errors at their field', () => {
  it('on the start screen: each problem is described on its field, and focus moves to the first', async () => {
    await unlockedVault();
    renderRoute('/screening');
    await userEvent.click(await screen.findByRole('button', { name: 'Screening starten' }));
    const pathway = screen.getByRole('group', { name: 'Route' });
    expect(pathway).toHaveAccessibleDescription('Kies een route.');
    expect(pathway).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('group', { name: 'Cliënt' })).toHaveAccessibleDescription(
      expect.stringContaining('Kies een cliënt, een nieuwe cliënt of een anonieme screening.'),
    );
    expect(within(pathway).getAllByRole('radio')[0]).toHaveFocus();
  });

  it('on the start screen: a new client without a code or alias focuses the alias field, which names the problem', async () => {
    await unlockedVault();
    renderRoute('/screening');
    await userEvent.click(
      within(await screen.findByRole('group', { name: 'Route' })).getAllByRole('radio')[0] as HTMLElement,
    );
    await userEvent.click(screen.getByRole('radio', { name: /Nieuwe cliënt/i }));
    await userEvent.click(screen.getByRole('button', { name: 'Screening starten' }));
    const alias = screen.getByRole('textbox', { name: /code of bijnaam/i });
    expect(alias).toHaveFocus();
    expect(alias).toHaveAccessibleDescription(expect.stringContaining('Vul een code of bijnaam in.'));
  });

  it('on the new-client form: the alias field gets focus and its error', async () => {
    await unlockedVault();
    renderRoute('/clients/new');
    await screen.findByRole('heading', { level: 1, name: 'Nieuwe cliënt' });
    await userEvent.click(screen.getByRole('button', { name: 'Opslaan' }));
    const alias = screen.getAllByRole('textbox')[0] as HTMLElement;
    expect(alias).toHaveFocus();
    expect(alias).toHaveAttribute('aria-invalid', 'true');
  });
});
