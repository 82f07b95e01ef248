import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderRoute } from '../../runtime/testing/render-route';
import { testRuntime } from '../../runtime/testing/test-runtime';
import { unlockedVault } from '../../runtime/testing/unlocked';

describe('lock screen: passphrase lost', () => {
  it('"Wachtzin vergeten?" says nobody can recover it and offers to wipe this device to restore a backup', async () => {
    const session = await unlockedVault();
    session.lock();
    renderRoute('/');
    await screen.findByRole('heading', { level: 1, name: 'Stapwijzer is vergrendeld' });
    await userEvent.click(screen.getByText('Wachtzin vergeten?'));
    expect(screen.getByText(/Niemand kan je wachtzin herstellen/)).toBeVisible();
    expect(screen.getByText(/kies bij het opnieuw instellen "Ik heb een back-up"/)).toBeVisible();
    expect(screen.getByRole('button', { name: /wissen/i })).toBeDisabled();
  });

  it('"Wachtzin vergeten?" says that in a team you rejoin through a colleague', async () => {
    const session = await unlockedVault();
    session.lock();
    renderRoute('/');
    await screen.findByRole('heading', { level: 1, name: 'Stapwijzer is vergrendeld' });
    await userEvent.click(screen.getByText('Wachtzin vergeten?'));
    expect(
      screen.getByText(/Werk je in een team\? Dan word je na het wissen opnieuw lid via een collega/),
    ).toBeVisible();
  });
});

describe('lock screen: the unlock is prepared while the passphrase is typed (issue 23)', () => {
  it('not when the screen shows; at the first character typed', async () => {
    const session = await unlockedVault();
    session.lock();
    const prepare = vi.spyOn(testRuntime(), 'prepareUnlock');
    renderRoute('/');
    await screen.findByRole('heading', { level: 1, name: 'Stapwijzer is vergrendeld' });
    expect(prepare).not.toHaveBeenCalled();
    await userEvent.type(screen.getByLabelText('Wachtzin'), 'c');
    expect(prepare).toHaveBeenCalled();
  });
});
