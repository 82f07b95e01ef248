import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { unlock } from '../../db';
import { setLanguage } from '../../i18n/language';
import { useSession } from '../../runtime/session-store';
import { renderRoute } from '../../runtime/testing/render-route';
import { testRuntime } from '../../runtime/testing/test-runtime';
import { firstUse, TEST_PASSPHRASE, unlockedVault } from '../../runtime/testing/unlocked';
import { useRestoreProgress } from '../../runtime/vault/restore-progress';

beforeEach(() => {
  localStorage.clear();
  setLanguage('nl');
});

describe('first use', () => {
  it('asks for role, initials and a passphrase, warns it cannot be recovered, then opens Vandaag', async () => {
    firstUse();
    renderRoute('/');
    // Onboarding is a lazy chunk: under load its first import can take longer than the default 1 s.
    await screen.findByRole('heading', { level: 1, name: 'Welkom bij Stapwijzer' }, { timeout: 10_000 });
    expect(screen.queryByRole('navigation')).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: 'Volgende' }));
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Kies minstens één rol.');
    expect(alert).toHaveTextContent('Vul je initialen in');

    await userEvent.click(await screen.findByRole('checkbox', { name: /POH-GGZ/ }, { timeout: 10_000 }));
    await userEvent.type(screen.getByLabelText('Je initialen'), 'JdV');
    await userEvent.click(screen.getByRole('button', { name: 'Volgende' }));

    expect(screen.getByText(/kan niemand herstellen/)).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('Wachtzin'), 'kort');
    await userEvent.click(screen.getByRole('button', { name: 'Beveiliging instellen' }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('minstens 8 tekens'));
    expect(screen.getByRole('alert')).toHaveTextContent('Vink aan');

    // R39: a well-known password is refused with the reason.
    await userEvent.clear(screen.getByLabelText('Wachtzin'));
    await userEvent.type(screen.getByLabelText('Wachtzin'), 'wachtwoord');
    await userEvent.click(screen.getByRole('button', { name: 'Beveiliging instellen' }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('te makkelijk te raden'));

    await userEvent.clear(screen.getByLabelText('Wachtzin'));
    await userEvent.type(screen.getByLabelText('Wachtzin'), TEST_PASSPHRASE);
    await userEvent.type(screen.getByLabelText('Wachtzin nog een keer'), TEST_PASSPHRASE);
    await userEvent.click(screen.getByRole('checkbox', { name: /niet te herstellen/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Beveiliging instellen' }));

    await screen.findByRole('heading', { name: 'Zet Stapwijzer op je beginscherm' }, { timeout: 15_000 });
    expect(screen.getByText(/moet je Stapwijzer eerst zo installeren/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Aan de slag' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Vandaag' })).toBeInTheDocument();
    expect(testRuntime().hasSession()).toBe(true);
  }, 30_000);

  it('passphrase fields keep no copy in the browser (autocomplete off)', async () => {
    firstUse();
    renderRoute('/');
    await userEvent.click(await screen.findByRole('checkbox', { name: /POH-GGZ/ }, { timeout: 10_000 }));
    await userEvent.type(screen.getByLabelText('Je initialen'), 'JdV');
    expect(screen.getByLabelText('Je initialen')).toHaveAttribute('autocomplete', 'off');
    await userEvent.click(screen.getByRole('button', { name: 'Volgende' }));
    expect(screen.getByLabelText('Wachtzin')).toHaveAttribute('autocomplete', 'off');
  });
});

describe('lock', () => {
  it('locking drops the session and unmounts every screen; a wrong passphrase is refused, the right one opens', async () => {
    await unlockedVault();
    useSession.setState({ vaultStatus: 'unlocked' });
    renderRoute('/settings');
    await screen.findByRole('heading', { level: 1, name: 'Instellingen' });

    act(() => testRuntime().lock());
    expect(testRuntime().hasSession()).toBe(false);
    await screen.findByRole('heading', { level: 1, name: 'Stapwijzer is vergrendeld' });
    expect(screen.queryByRole('heading', { name: 'Instellingen' })).toBeNull();
    expect(screen.queryByRole('navigation')).toBeNull();

    await userEvent.type(screen.getByLabelText('Wachtzin'), 'niet de goede zin');
    await userEvent.click(screen.getByRole('button', { name: 'Ontgrendelen' }));
    expect(await screen.findByText(/Dat is niet de juiste wachtzin./)).toBeInTheDocument();
    expect(screen.getByText(/Je kunt het over \d+ seconden? opnieuw proberen/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Ontgrendelen' })).toBeDisabled();

    // After the one-second wait the right passphrase opens the screen that was locked.
    await waitFor(() => expect(screen.getByRole('button', { name: 'Ontgrendelen' })).toBeEnabled(), { timeout: 3000 });
    await userEvent.type(screen.getByLabelText('Wachtzin'), TEST_PASSPHRASE);
    await userEvent.click(screen.getByRole('button', { name: 'Ontgrendelen' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Instellingen' })).toBeInTheDocument();
    expect(testRuntime().hasSession()).toBe(true);
  });

  it('the Vergrendelen button in the header locks at once', async () => {
    await unlockedVault();
    renderRoute('/');
    const header = await screen.findByRole('banner');
    await userEvent.click(within(header).getByRole('button', { name: 'Vergrendelen' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Stapwijzer is vergrendeld' })).toBeInTheDocument();
    expect(testRuntime().hasSession()).toBe(false);
  });
});

describe('a team-size restore past its point of no return', () => {
  it('drops the session, shows only the restore’s progress (no screen, no menu), and the restored vault opens after', async () => {
    const session = await unlockedVault();
    renderRoute('/settings/backup');
    await screen.findByRole('heading', { level: 1, name: 'Back-up en gegevens' });
    act(() => {
      testRuntime().beginRestoring();
      useRestoreProgress.setState({ progress: { done: 1500, total: 4000 } });
    });
    await screen.findByRole('heading', { level: 1, name: 'Back-up terugzetten' });
    expect(session.locked).toBe(true);
    expect(testRuntime().hasSession()).toBe(false);
    expect(screen.getByText(/^Terugzetten: 1500 van 4000 onderdelen\./)).toHaveAttribute('role', 'status');
    expect(screen.getByRole('progressbar', { name: 'Voortgang terugzetten' })).toHaveAttribute('value', '1500');
    expect(screen.queryByRole('heading', { name: 'Back-up en gegevens' })).toBeNull();
    expect(screen.queryByRole('navigation', { name: 'Hoofdmenu' })).toBeNull();

    const restored = await unlock(testRuntime().db, TEST_PASSPHRASE);
    act(() => {
      useRestoreProgress.setState({ progress: null, finished: true });
      testRuntime().adopt(restored);
    });
    await screen.findByRole('heading', { level: 1, name: 'Back-up en gegevens' });
    expect(screen.getByText('De back-up is teruggezet.')).toBeVisible();
  });
});
