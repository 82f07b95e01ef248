import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../../i18n/language';
import { useSession } from '../../runtime/session-store';
import { renderRoute } from '../../runtime/testing/render-route';
import { testRuntime } from '../../runtime/testing/test-runtime';
import { unlockedVault } from '../../runtime/testing/unlocked';

const PERSIST_FLAG = 'stapwijzer:persist-outcome';
const DENIED_TEXT = /Deze browser mag je gegevens opruimen/;

beforeEach(async () => {
  localStorage.clear();
  useSession.setState({ clientMode: false });
  setLanguage('nl');
  await unlockedVault();
});

describe('persistent storage banner (R10)', () => {
  it('shows on every screen when the browser refused persistent storage', async () => {
    localStorage.setItem(PERSIST_FLAG, 'denied');
    renderRoute('/cards');
    expect(await screen.findByText(DENIED_TEXT)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back-up maken' })).toHaveAttribute('href', '/settings/backup');
  });

  it('shows at the first render when the refusal is remembered, while the vault is still looked for', () => {
    localStorage.setItem(PERSIST_FLAG, 'denied');
    useSession.setState({ vaultStatus: 'checking' });
    renderRoute('/');
    // getBy, not findBy: in the first commit, so the lock screen below is not pushed down later.
    expect(screen.getByTestId('persist-banner')).toHaveTextContent(DENIED_TEXT);
  });

  it('does not show when persistence was granted', async () => {
    localStorage.setItem(PERSIST_FLAG, 'granted');
    renderRoute('/');
    await screen.findByRole('heading', { level: 1, name: 'Vandaag' });
    expect(screen.queryByText(DENIED_TEXT)).toBeNull();
  });
});

describe('storage cleared by the browser', () => {
  it('on start, says the data was wiped and points to restoring a backup', async () => {
    localStorage.setItem(`stapwijzer:${testRuntime().db.name}:vault-id`, 'a-vault-that-is-gone');
    renderRoute('/');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(/De browser heeft de opgeslagen gegevens van Stapwijzer gewist/);
    expect(within(alert).getByRole('link', { name: 'Back-up terugzetten' })).toHaveAttribute(
      'href',
      '/settings/backup',
    );
  });
});

describe('stale tab', () => {
  it('another tab upgraded the database: a modal asks to reload, with a Herladen button', async () => {
    renderRoute('/');
    await screen.findByRole('heading', { level: 1, name: 'Vandaag' });
    expect(screen.queryByRole('dialog')).toBeNull();
    act(() => testRuntime().db.lifecycle.markStale({ reason: 'versionchange', newVersion: 99 }));
    const dialog = await screen.findByRole('dialog', { name: 'Stapwijzer is bijgewerkt' });
    expect(dialog).toHaveTextContent('Stapwijzer is bijgewerkt in een ander tabblad. Herlaad om verder te werken.');
    expect(within(dialog).getByRole('button', { name: 'Herladen' })).toBeInTheDocument();
  });
});

describe('persistent storage banner: put away for good', () => {
  it('"Verbergen" hides it, also after the next start', async () => {
    localStorage.setItem(PERSIST_FLAG, 'denied');
    sessionStorage.clear();
    await unlockedVault();
    const first = renderRoute('/');
    const banner = await screen.findByTestId('persist-banner');
    await userEvent.click(within(banner).getByRole('button', { name: 'Verbergen' }));
    expect(screen.queryByTestId('persist-banner')).toBeNull();
    first.unmount();
    sessionStorage.clear(); // a new start
    renderRoute('/');
    await screen.findByRole('heading', { level: 1, name: 'Vandaag' });
    expect(screen.queryByTestId('persist-banner')).toBeNull();
    sessionStorage.clear();
  });
});
