import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import fixture from '../../content/fixtures/epds-licence-pack.fixture.json';
import { auditSettled, getActivePack, listAuditEvents, lock, unlock, type VaultSession } from '../../db';
import { setLanguage } from '../../i18n/language';
import { readProfile } from '../../runtime/profile/profile';
import { useSession } from '../../runtime/session-store';
import { renderRoute } from '../../runtime/testing/render-route';
import { testRuntime } from '../../runtime/testing/test-runtime';
import { TEST_PASSPHRASE, unlockedVault } from '../../runtime/testing/unlocked';
import { AUTO_LOCK_SETTING, AutoLockSchema } from './auto-lock-setting';
import { EPDS_KEY_SETTING, EpdsKeyConfirmationSchema } from './epds-key';
import { readSetting } from './use-setting';

vi.setConfig({ testTimeout: 20_000 });

let session: VaultSession;
beforeEach(async () => {
  useSession.setState({ clientMode: false });
  setLanguage('nl');
  session = await unlockedVault();
});

async function openSettings() {
  renderRoute('/settings');
  await screen.findByRole('heading', { level: 1, name: 'Instellingen' });
  await waitFor(() => expect(screen.getByLabelText('Kies een licentiepakket (.json)')).toBeEnabled());
}

function jsonFile(value: unknown, name = 'licentie.json'): File {
  return new File([typeof value === 'string' ? value : JSON.stringify(value)], name, { type: 'application/json' });
}

describe('change passphrase', () => {
  it('with the right current passphrase, the new one unlocks the vault and the old one no longer does', async () => {
    await openSettings();
    await userEvent.type(screen.getByLabelText('Huidige wachtzin'), TEST_PASSPHRASE);
    await userEvent.type(screen.getByLabelText('Nieuwe wachtzin'), 'nieuwe zin voor test');
    await userEvent.type(screen.getByLabelText('Nieuwe wachtzin nog een keer'), 'nieuwe zin voor test');
    await userEvent.click(screen.getByRole('button', { name: 'Wachtzin wijzigen' }));
    expect(await screen.findByText(/Je wachtzin is gewijzigd/)).toBeInTheDocument();
    lock(session);
    const reopened = await unlock(testRuntime().db, 'nieuwe zin voor test');
    expect(await readProfile(reopened)).toMatchObject({ initials: 'TV' });
    await expect(unlock(testRuntime().db, TEST_PASSPHRASE)).rejects.toMatchObject({
      code: expect.stringMatching(/wrong-passphrase|backoff/),
    });
  });

  it('refuses a wrong current passphrase with a clear message and changes nothing', async () => {
    await openSettings();
    await userEvent.type(screen.getByLabelText('Huidige wachtzin'), 'niet de goede zin');
    await userEvent.type(screen.getByLabelText('Nieuwe wachtzin'), 'nieuwe zin voor test');
    await userEvent.type(screen.getByLabelText('Nieuwe wachtzin nog een keer'), 'nieuwe zin voor test');
    await userEvent.click(screen.getByRole('button', { name: 'Wachtzin wijzigen' }));
    expect(await screen.findByText('De huidige wachtzin klopt niet. Er is niets gewijzigd.')).toBeInTheDocument();
    expect(screen.getByLabelText('Huidige wachtzin')).toHaveValue('');
  });

  it('checks the new passphrase first: at least 8 characters, not guessable (R39), and typed the same twice', async () => {
    await openSettings();
    await userEvent.type(screen.getByLabelText('Huidige wachtzin'), TEST_PASSPHRASE);
    await userEvent.type(screen.getByLabelText('Nieuwe wachtzin'), 'kort');
    await userEvent.click(screen.getByRole('button', { name: 'Wachtzin wijzigen' }));
    expect(await screen.findByText(/Deze wachtzin is te kort/)).toBeInTheDocument();
    await userEvent.clear(screen.getByLabelText('Nieuwe wachtzin'));
    await userEvent.type(screen.getByLabelText('Nieuwe wachtzin'), 'welkom123');
    await userEvent.type(screen.getByLabelText('Nieuwe wachtzin nog een keer'), 'welkom123');
    await userEvent.click(screen.getByRole('button', { name: 'Wachtzin wijzigen' }));
    expect(await screen.findByText(/te makkelijk te raden/)).toBeInTheDocument();
    await userEvent.clear(screen.getByLabelText('Nieuwe wachtzin'));
    await userEvent.type(screen.getByLabelText('Nieuwe wachtzin'), 'kort maar genoeg lang');
    await userEvent.clear(screen.getByLabelText('Nieuwe wachtzin nog een keer'));
    await userEvent.type(screen.getByLabelText('Nieuwe wachtzin nog een keer'), 'iets anders');
    await userEvent.click(screen.getByRole('button', { name: 'Wachtzin wijzigen' }));
    expect(await screen.findByText('De twee nieuwe wachtzinnen zijn niet gelijk.')).toBeInTheDocument();
  });

  it('offers a generated passphrase that fills both fields', async () => {
    await openSettings();
    await userEvent.click(screen.getByRole('button', { name: 'Stel een sterke wachtzin voor' }));
    const suggested = (await screen.findByTestId('suggested-passphrase')).textContent ?? '';
    expect(suggested.split(' ')).toHaveLength(4);
    await userEvent.click(screen.getByRole('button', { name: 'Deze gebruiken' }));
    expect(screen.getByLabelText('Nieuwe wachtzin')).toHaveValue(suggested);
    expect(screen.getByLabelText('Nieuwe wachtzin nog een keer')).toHaveValue(suggested);
  });
});

describe('auto-lock time', () => {
  it('defaults to 5 minutes and stores the chosen time as the setting autoLockMinutes', async () => {
    await openSettings();
    expect(screen.getByRole('radio', { name: '5 minuten' })).toBeChecked();
    await userEvent.click(screen.getByRole('radio', { name: '10 minuten' }));
    await waitFor(() => expect(screen.getByRole('radio', { name: '10 minuten' })).toBeChecked());
    expect(await readSetting(testRuntime().session(), AUTO_LOCK_SETTING, AutoLockSchema)).toBe(10);
  });
});

describe('roles and initials', () => {
  it('edits the profile and says "Opgeslagen" only after it was stored', async () => {
    await openSettings();
    const initials = await screen.findByLabelText('Je initialen');
    await waitFor(() => expect(initials).toHaveValue('TV'));
    await userEvent.clear(initials);
    await userEvent.type(initials, 'JdV');
    await userEvent.click(await screen.findByRole('checkbox', { name: /POH-GGZ/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Rol en initialen opslaan' }));
    expect(await screen.findByText('Opgeslagen')).toBeInTheDocument();
    const profile = await readProfile(testRuntime().session());
    expect(profile?.initials).toBe('JdV');
    expect(profile?.roles).not.toContain('poh-ggz');
  });
});

describe('licence pack import', () => {
  it('accepts a valid licence pack, says what it adds and makes the licensed text the active EPDS', async () => {
    await openSettings();
    await userEvent.upload(screen.getByLabelText('Kies een licentiepakket (.json)'), jsonFile(fixture));
    expect(await screen.findByText(/Licentiepakket van Test practice .* toegevoegd/)).toBeInTheDocument();
    expect(screen.getByText(/volledige tekst voor 10 vragen/)).toBeInTheDocument();
    const row = await getActivePack(testRuntime().db, 'postpartum');
    const epds = row?.pack.instruments.find((i) => i.id === 'epds');
    expect(epds?.presentation).toBe('full-text');
    expect(epds?.licence.licensedBy).toBe('fixture-epds-licence');
  });

  it('refuses a licence pack that tries to change the scoring key, with a clear Dutch message; nothing changes', async () => {
    const tampered = structuredClone(fixture) as { instruments: Record<string, unknown>[] };
    const first = tampered.instruments[0];
    if (first) first.scoring = { reversedItems: [] };
    await openSettings();
    await userEvent.upload(screen.getByLabelText('Kies een licentiepakket (.json)'), jsonFile(tampered));
    expect(await screen.findByText(/probeert meer te veranderen dan tekst/)).toBeInTheDocument();
    const row = await getActivePack(testRuntime().db, 'postpartum');
    expect(row?.pack.instruments.find((i) => i.id === 'epds')?.presentation).toBe('score-entry');
  });

  it('refuses a file that is not JSON, and JSON that is not a licence pack', async () => {
    await openSettings();
    const input = screen.getByLabelText('Kies een licentiepakket (.json)');
    await userEvent.upload(input, jsonFile('dit is geen json'));
    expect(await screen.findByText(/Dit bestand kan Stapwijzer niet lezen/)).toBeInTheDocument();
    await userEvent.upload(input, jsonFile({ packId: 'postpartum', hello: 'world' }));
    expect(await screen.findByText(/Dit bestand is geen licentiepakket/)).toBeInTheDocument();
  });
});

describe('EPDS scoring key', () => {
  it('shows the key from the pack and records who confirmed it and when', async () => {
    await openSettings();
    expect(
      await screen.findByText(/Omgekeerde volgorde \(scores 3, 2, 1, 0\): vragen 3, 5, 6, 7, 8, 9, 10/),
    ).toBeInTheDocument();
    expect(screen.getByTestId('epds-key-state')).toHaveTextContent('Nog niet bevestigd.');
    const button = screen.getByRole('button', { name: 'Bevestiging vastleggen' });
    expect(button).toBeDisabled();
    await userEvent.click(screen.getByRole('checkbox', { name: /scoresleutel vergeleken/ }));
    await userEvent.click(button);
    await waitFor(() => expect(screen.getByTestId('epds-key-state')).toHaveTextContent(/Bevestigd door TV op/));
    const stored = await readSetting(testRuntime().session(), EPDS_KEY_SETTING, EpdsKeyConfirmationSchema);
    expect(stored?.by).toBe('TV');
    expect(Date.parse(stored?.at ?? '')).toBeGreaterThan(Date.now() - 60_000);
  });

  it('W11: confirming the key is in the audit log with who and when', async () => {
    await openSettings();
    await userEvent.click(await screen.findByRole('checkbox', { name: /scoresleutel vergeleken/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Bevestiging vastleggen' }));
    await waitFor(() => expect(screen.getByTestId('epds-key-state')).toHaveTextContent(/Bevestigd door TV op/));
    await auditSettled(testRuntime().db);
    const { events } = await listAuditEvents(testRuntime().session(), 0, 50);
    const event = events.find((e) => e.action === 'confirm-epds-key');
    expect(event?.actor).toBe('TV');
    expect(Date.parse(event?.ts ?? '')).toBeGreaterThan(Date.now() - 60_000);
  });
});

describe('storage, versions and links', () => {
  it('shows persistence, usage and quota in MB, the app and content versions, and links to backup and log', async () => {
    Object.defineProperty(navigator, 'storage', {
      configurable: true,
      value: { persisted: async () => false, estimate: async () => ({ usage: 2_500_000, quota: 1_000_000_000 }) },
    });
    await openSettings();
    expect(await screen.findByText('2,5 MB')).toBeInTheDocument();
    expect(screen.getByText('1.000,0 MB')).toBeInTheDocument();
    expect(screen.getByTestId('storage-persisted')).toHaveTextContent(/Uit. De browser mag de gegevens/);
    expect(await screen.findByText(/Zwangerschap.*versie 1\.1\.0/i)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back-up en herstel' })).toHaveAttribute('href', '/settings/backup');
    expect(screen.getByRole('link', { name: 'Logboek' })).toHaveAttribute('href', '/settings/audit');
    Reflect.deleteProperty(navigator, 'storage');
  });
});
